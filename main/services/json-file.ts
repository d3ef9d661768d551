/**
 * Small JSON files in the data dir, written atomically (temp file + rename) so a crash mid-write
 * never leaves half a file. Never used for secrets.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

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
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 })
    await rename(temp, path)
  } catch (e) {
    await rm(temp, { force: true })
    throw e
  }
}
