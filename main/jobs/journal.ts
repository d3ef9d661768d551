/**
 * An append-only JSON-lines journal (one per bulk job): every line is on disk (fdatasync) before the
 * promise of its append resolves, so a caller that waits for `append` before its next step can rely on
 * the line surviving a kill or a power cut.
 *
 * Group commit instead of a timer: lines appended while a flush is running go out together in the
 * next flush, with one write and one fdatasync. Measured on the build machine: about 1 ms per
 * fdatasync, against hundreds of ms for one portal replace, so nothing waits for a window to close;
 * under concurrency the sync is shared. (On macOS fsync does not reach the platter; Node offers no
 * F_FULLFSYNC, so there it protects against a killed app, not a power cut.)
 *
 * Replay: a last line without its line break was cut short by a kill and is dropped (the writer
 * never reported it durable); unparsable lines elsewhere are skipped and counted, never fatal.
 */
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { syncDir } from '../core/durable-files'

export type JournalLine = Readonly<Record<string, unknown>> & { readonly t: string }

export interface JournalReplay {
  readonly lines: readonly JournalLine[]
  /** Complete lines in the middle that were not JSON objects with a `t` field. */
  readonly skipped: number
  /** True when the file ended in a line cut short (dropped). */
  readonly torn: boolean
  /** Byte length of the whole lines: where appending resumes. */
  readonly validLength: number
}

interface Waiter {
  readonly text: string
  readonly resolve: () => void
  readonly reject: (error: Error) => void
}

export interface JournalOptions {
  /** Test hook: called before each flush's sync, e.g. to count syncs. */
  readonly onSync?: () => void
}

export class Journal {
  readonly path: string
  readonly #file: FileHandle
  readonly #onSync: (() => void) | undefined
  #queue: Waiter[] = []
  #flushing = false
  /** Set once a write or sync failed: after a failed fsync the file's state is unknown, so stop. */
  #broken: Error | undefined
  #closed = false

  private constructor(path: string, file: FileHandle, options: JournalOptions) {
    this.path = path
    this.#file = file
    this.#onSync = options.onSync
  }

  /**
   * Opens (creating it and its folder when missing) for appending. A torn tail from an earlier kill
   * is cut off first, so the next line starts on a line of its own.
   */
  static async open(path: string, options: JournalOptions = {}): Promise<{ readonly journal: Journal; readonly replay: JournalReplay }> {
    const dir = dirname(path)
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const replay = await Journal.read(path)
    const file = await open(path, 'a+', 0o600)
    try {
      const { size } = await file.stat()
      if (size !== replay.validLength) {
        await file.truncate(replay.validLength)
        await file.datasync()
      }
      if (size === 0) await syncDir(dir)
    } catch (e) {
      await file.close()
      throw e
    }
    return { journal: new Journal(path, file, options), replay }
  }

  /** Reads without opening for writing (listing jobs). A missing file is an empty journal. */
  static async read(path: string): Promise<JournalReplay> {
    let bytes: Buffer
    try {
      bytes = await readFile(path)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], skipped: 0, torn: false, validLength: 0 }
      throw e
    }
    return parseJournal(bytes)
  }

  /** Resolves once the line is on disk. Rejects when the journal cannot be written (disk full, closed). */
  append(line: JournalLine): Promise<void> {
    return this.appendMany([line])
  }

  /** Several lines in one write and one sync; all or none are reported durable. */
  appendMany(lines: readonly JournalLine[]): Promise<void> {
    if (lines.length === 0) return Promise.resolve()
    if (this.#closed) return Promise.reject(new Error('journal closed'))
    if (this.#broken) return Promise.reject(this.#broken)
    const text = lines.map(serialize).join('')
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ text, resolve, reject })
      if (!this.#flushing) void this.#flush()
    })
  }

  /** Waits for queued lines, then closes the file. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    while (this.#flushing) await new Promise((r) => setImmediate(r))
    await this.#file.close()
  }

  async #flush(): Promise<void> {
    this.#flushing = true
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue
        this.#queue = []
        try {
          if (this.#broken) throw this.#broken
          await writeAll(this.#file, Buffer.from(batch.map((w) => w.text).join(''), 'utf8'))
          this.#onSync?.()
          await this.#file.datasync()
          for (const w of batch) w.resolve()
        } catch (e) {
          this.#broken ??= e instanceof Error ? e : new Error(String(e))
          for (const w of batch) w.reject(this.#broken)
        }
      }
    } finally {
      this.#flushing = false
    }
  }
}

/** Exported for tests: the replay rules on raw bytes. */
export function parseJournal(bytes: Uint8Array): JournalReplay {
  const lastBreak = bytes.lastIndexOf(0x0a)
  const validLength = lastBreak + 1
  const torn = validLength < bytes.byteLength
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, validLength).toString('utf8')
  const lines: JournalLine[] = []
  let skipped = 0
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue
    const parsed = parseLine(raw)
    if (parsed) lines.push(parsed)
    else skipped++
  }
  return { lines, skipped, torn, validLength }
}

function parseLine(raw: string): JournalLine | undefined {
  try {
    const value: unknown = JSON.parse(raw)
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { t?: unknown }).t === 'string') return value as JournalLine
  } catch {
    // garbage: counted by the caller
  }
  return undefined
}

function serialize(line: JournalLine): string {
  // JSON.stringify escapes line breaks inside strings, so one entry is always one line.
  return `${JSON.stringify(line)}\n`
}

async function writeAll(file: FileHandle, buffer: Buffer): Promise<void> {
  let offset = 0
  while (offset < buffer.byteLength) {
    const { bytesWritten } = await file.write(buffer, offset, buffer.byteLength - offset)
    offset += bytesWritten
  }
}
