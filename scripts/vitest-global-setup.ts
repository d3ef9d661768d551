/**
 * Vitest global setup: the unit suite needs a few build outputs (the preload bundle and the built
 * renderer, read by window-options and web-host tests). From a fresh clone they do not exist yet,
 * so they are built here, once, before any test runs; an existing build is used as it is.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** The build outputs unit tests read. */
export const BUILD_OUTPUTS = ['out/preload/index.cjs', 'out/renderer/index.html'] as const

export interface EnsureBuiltOptions {
  readonly root: string
  /** Runs the build; answers the exit code. */
  readonly run?: (root: string) => number
  readonly log?: (line: string) => void
}

function electronViteBuild(root: string): number {
  const res = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' })
  return res.status ?? 1
}

/** Builds when any output is missing; true when it built. Throws when the build fails (the suite cannot run). */
export function ensureBuilt(options: EnsureBuiltOptions): boolean {
  const missing = BUILD_OUTPUTS.filter((file) => !existsSync(join(options.root, file)))
  if (missing.length === 0) return false
  ;(options.log ?? console.info)(`unit tests need ${missing.join(', ')}: building the app once (electron-vite build)`)
  const code = (options.run ?? electronViteBuild)(options.root)
  if (code !== 0) throw new Error(`electron-vite build failed (exit ${code}); the unit tests that read out/ cannot run`)
  const still = BUILD_OUTPUTS.filter((file) => !existsSync(join(options.root, file)))
  if (still.length > 0) throw new Error(`the build did not produce ${still.join(', ')}`)
  return true
}

export default function setup(): void {
  ensureBuilt({ root: join(import.meta.dirname, '..') })
}
