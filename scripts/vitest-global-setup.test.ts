// The unit suite builds what it reads from out/, so `npm ci && npx vitest run` passes on a fresh clone.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import config from '../vitest.config'
import { removeDir, tempDir } from '../main/testing/harness'
import { BUILD_OUTPUTS, ensureBuilt } from './vitest-global-setup'

const dirs: string[] = []
afterAll(async () => {
  for (const dir of dirs) await removeDir(dir)
})

describe('ensureBuilt', () => {
  it('builds when out/ is missing, and checks that the build made every output', async () => {
    const root = await tempDir('dpm-fresh-clone-')
    dirs.push(root)
    const builds: string[] = []
    const fakeBuild = (at: string): number => {
      builds.push(at)
      return 0
    }
    // A build that makes nothing is an error, not a silently broken suite.
    expect(() => ensureBuilt({ root, run: fakeBuild, log: () => {} })).toThrow(/did not produce/)
    for (const file of BUILD_OUTPUTS) {
      await mkdir(join(root, file, '..'), { recursive: true })
      await writeFile(join(root, file), '')
    }
    expect(ensureBuilt({ root, run: fakeBuild, log: () => {} })).toBe(false)
    expect(builds).toEqual([root])
  })

  it('a failing build stops the suite with the reason', async () => {
    const root = await tempDir('dpm-fresh-clone-')
    dirs.push(root)
    expect(() => ensureBuilt({ root, run: () => 2, log: () => {} })).toThrow(/exit 2/)
  })

  it('is the global setup of the node project, where the tests that read out/ run', () => {
    const projects = (config.test?.projects ?? []) as { test?: { name?: string; globalSetup?: string | string[] } }[]
    const node = projects.find((p) => p.test?.name === 'node')
    expect([node?.test?.globalSetup].flat()).toContain('scripts/vitest-global-setup.ts')
  })
})
