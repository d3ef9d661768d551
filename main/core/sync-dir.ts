/**
 * Makes a folder's entries durable (a rename or a new file's name), after the files themselves were
 * synced: the job journal and the photo backups both promise that what they say is on disk survives
 * a power cut. Windows cannot open folders; some file systems refuse fsync on them, and then the
 * files' own sync is what there is.
 */
import { open } from 'node:fs/promises'

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
