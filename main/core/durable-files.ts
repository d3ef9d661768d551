/**
 * Files the app's promises rest on: the job journal, the spooled photos of a bulk job, the photo
 * backups. A write goes to a temp file and is renamed into place, so a kill never leaves half a file;
 * with `sync` the bytes are on disk before the rename. A rename (or a new file's name) is durable only
 * once its folder is synced too (syncDir). Not write-file-atomic: its realpath, stat, chown and chmod
 * per call cost more main-thread time than the write itself, once per person in a bulk job.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'

/** Writes `bytes` (a string as UTF-8) to `path` through a temp file beside it (mode 0600); a failed write removes the temp file. */
export async function writeBytesAtomic(path: string, bytes: Uint8Array | string, options: { readonly sync: boolean }): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    const file = await open(temp, 'wx', 0o600)
    try {
      await file.writeFile(bytes)
      if (options.sync) await file.datasync()
    } finally {
      await file.close()
    }
    await rename(temp, path)
  } catch (e) {
    await rm(temp, { force: true })
    throw e
  }
}

/** Makes a folder's entries durable. Windows cannot open folders; some file systems refuse the sync, and then the files' own sync is what there is. */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } catch {
    // Refused by the file system: the files themselves are synced.
  } finally {
    await handle.close()
  }
}
