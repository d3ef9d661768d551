/**
 * Where a thread's or process's entry file is: from the TypeScript sources (tests, tsx) the tsx
 * bootstrap beside the calling module; in the electron-vite build its own bundle in out/main/, with
 * the caller in out/main/ or in a shared chunk below it. One lookup for every such entry.
 */
import { existsSync } from 'node:fs'

export interface EntryFiles {
  /** The bootstrap, relative to the calling module (`./x-dev.mjs`). */
  readonly dev: string
  /** The built bundle's file name (`x.js`). */
  readonly built: string
  /** What it is, for the error when the build lacks it. */
  readonly what: string
}

export function bundledEntry(moduleUrl: string, files: EntryFiles): URL {
  if (moduleUrl.endsWith('.ts')) return new URL(files.dev, moduleUrl)
  for (const candidate of [`./${files.built}`, `../${files.built}`]) {
    const url = new URL(candidate, moduleUrl)
    if (existsSync(url)) return url
  }
  throw new Error(`${files.what} entry ${files.built} not found near ${moduleUrl}`)
}
