/**
 * Small JSON files in the data dir, written atomically (write-file-atomic: temp file, fsync, rename)
 * so a crash mid-write never leaves half a file. Never used for secrets.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import writeFileAtomic from 'write-file-atomic'

export async function readJsonFile(path: string): Promise<{ readonly found: boolean; readonly value: unknown; readonly corrupt: boolean }> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { found: false, value: undefined, corrupt: false }
    throw e
  }
  try {
    return { found: true, value: JSON.parse(text) as unknown, corrupt: false }
  } catch {
    return { found: true, value: undefined, corrupt: true }
  }
}

export async function writeJsonFileAtomic(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  // Only the owner may read it: the files name portals and people. A failed write removes its temp file.
  await writeFileAtomic(path, jsonText(value), { encoding: 'utf8', mode: 0o600 })
}

/** The text of a JSON file as this app writes it (readJsonFile reads it). */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}
