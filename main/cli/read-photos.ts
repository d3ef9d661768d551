/**
 * The files of a folder (recursively) or a ZIP, one at a time, so a folder of thousands of 12 MP photos
 * is never held in memory at once. Hidden files, macOS resource forks and folders are skipped.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join, relative, sep } from 'node:path'
// fflate's Node build declares its own `require` (for worker_threads, which unzipSync never uses), clashing
// with the `require` shim electron-vite adds to the bundled ES module; its plain-JS build has neither.
import { unzipSync } from 'fflate/browser'
import { MAX_IMAGE_BYTES } from '../ipc/schemas'

export interface PhotoFile {
  /** '/'-separated path inside the folder or ZIP. */
  readonly name: string
  readonly bytes: Uint8Array
  /** Set (with empty bytes) for a file main would refuse, so one such file does not fail its whole batch. */
  readonly skipped?: 'too-large' | 'empty'
}

/** Checked before reading, so a huge file is never loaded just to be refused. */
async function checked(name: string, size: number, read: () => Promise<Uint8Array> | Uint8Array): Promise<PhotoFile> {
  if (size === 0) return { name, bytes: new Uint8Array(0), skipped: 'empty' }
  if (size > MAX_IMAGE_BYTES) return { name, bytes: new Uint8Array(0), skipped: 'too-large' }
  return { name, bytes: await read() }
}

/** A ZIP is read whole (fflate); past this it is refused rather than filling memory. */
export const MAX_ZIP_BYTES = 2 * 1024 * 1024 * 1024

function skipped(name: string): boolean {
  return name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX')
}

export async function* readPhotos(target: string): AsyncGenerator<PhotoFile> {
  const info = await stat(target)
  if (info.isFile()) {
    if (target.toLowerCase().endsWith('.zip')) {
      if (info.size > MAX_ZIP_BYTES) throw new Error(`${basename(target)} is over 2 GiB; unpack it and give the folder instead.`)
      yield* zipEntries(await readFile(target))
    } else {
      yield await checked(basename(target), info.size, () => readFile(target))
    }
    return
  }
  for (const path of await walk(target)) {
    const name = relative(target, path).split(sep).join('/')
    if (skipped(name)) continue
    if (name.toLowerCase().endsWith('.zip')) yield* zipEntries(await readFile(path), `${name}/`)
    else yield await checked(name, (await stat(path)).size, () => readFile(path))
  }
}

async function* zipEntries(zip: Uint8Array, prefix = ''): AsyncGenerator<PhotoFile> {
  const entries = unzipSync(zip, { filter: (file) => !file.name.endsWith('/') && !skipped(file.name) })
  for (const [name, bytes] of Object.entries(entries)) yield await checked(`${prefix}${name}`, bytes.byteLength, () => bytes)
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = []
  const entries = await readdir(dir, { withFileTypes: true })
  entries.sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await walk(path)))
    else if (entry.isFile()) out.push(path)
  }
  return out
}
