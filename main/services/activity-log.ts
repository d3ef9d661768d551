/**
 * The local activity log: one JSON line per photo change the app attempted (when, which portal, who,
 * which person, what, result), appended to `activity.jsonl` in the data folder and never rewritten.
 * Exportable as CSV (RFC 4180) with spreadsheet formula injection defused.
 */
import { appendFile, mkdir, open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { toSafeCsv } from '../core/csv'
import { z } from 'zod'
import type { ActivityEntry } from '../../preload/contract'
import type { Logger } from '../core/logger'

export const ACTIVITY_FILE = 'activity.jsonl'
const DEFAULT_LIST_LIMIT = 500

/** One line of the file: the contract's entry plus the account it belongs to (for filtering). */
export interface ActivityRecord extends ActivityEntry {
  readonly accountId: string
}

const recordSchema = z.object({
  at: z.string(),
  accountId: z.string(),
  portalUrl: z.string(),
  actor: z.string(),
  userId: z.string(),
  personName: z.string(),
  action: z.enum(['replace', 'delete', 'set-from-url', 'restore', 'undo', 'bulk-import', 'bulk-undo']),
  result: z.enum(['ok', 'failed']),
  detail: z.string().optional(),
  people: z
    .array(z.object({ userId: z.string(), personName: z.string(), file: z.string(), result: z.enum(['ok', 'failed', 'skipped']), error: z.string().optional() }))
    .optional()
})

export interface ActivityLogOptions {
  readonly dataDir: string
  readonly log: Logger
}

export class ActivityLog {
  readonly #dataDir: string
  readonly #file: string
  readonly #log: Logger
  /** Appends are queued so lines never interleave. */
  #writing: Promise<void> = Promise.resolve()
  /** Whether this run has made sure the file ends with a line break (see #startsMidLine). */
  #tailChecked = false

  constructor(options: ActivityLogOptions) {
    this.#dataDir = options.dataDir
    this.#file = join(options.dataDir, ACTIVITY_FILE)
    this.#log = options.log
  }

  /** Never fails the change it records: a log that cannot be written is reported in the app log. */
  append(record: ActivityRecord): Promise<void> {
    const line = `${JSON.stringify(clean(record))}\n`
    this.#writing = this.#writing.then(async () => {
      try {
        await mkdir(this.#dataDir, { recursive: true })
        const prefix = !this.#tailChecked && (await this.#startsMidLine()) ? '\n' : ''
        this.#tailChecked = true
        await appendFile(this.#file, prefix + line, { encoding: 'utf8', mode: 0o600 })
      } catch (e) {
        this.#log.error('cannot write the activity log', { code: (e as NodeJS.ErrnoException).code })
      }
    })
    return this.#writing
  }

  /** Newest first, optionally for one account only. */
  async list(filter: { readonly accountId?: string; readonly limit?: number } = {}): Promise<ActivityEntry[]> {
    const records = await this.#read()
    const chosen = filter.accountId === undefined ? records : records.filter((r) => r.accountId === filter.accountId)
    return chosen
      .reverse()
      .slice(0, filter.limit ?? DEFAULT_LIST_LIMIT)
      .map(({ accountId: _accountId, ...entry }) => entry)
  }

  /** Every entry, oldest first (the order of a log), as CSV. */
  async exportCsv(now = new Date()): Promise<{ readonly csv: string; readonly fileName: string }> {
    const records = await this.#read()
    return { csv: activityCsv(records), fileName: `photo-activity-${now.toISOString().slice(0, 10)}.csv` }
  }

  /** A crash mid-append can leave a line without its break; the next line must not be glued onto it. */
  async #startsMidLine(): Promise<boolean> {
    let file
    try {
      file = await open(this.#file, 'r')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false
      throw e
    }
    try {
      const { size } = await file.stat()
      if (size === 0) return false
      const last = Buffer.alloc(1)
      await file.read(last, 0, 1, size - 1)
      return last[0] !== 0x0a
    } finally {
      await file.close()
    }
  }

  async #read(): Promise<ActivityRecord[]> {
    await this.#writing
    let text: string
    try {
      text = await readFile(this.#file, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw e
    }
    const records: ActivityRecord[] = []
    let skipped = 0
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue
      try {
        const parsed = recordSchema.safeParse(JSON.parse(line))
        if (parsed.success) records.push(clean(parsed.data))
        else skipped++
      } catch {
        // A line cut short by a crash: skip it, keep the rest.
        skipped++
      }
    }
    if (skipped > 0) this.#log.warn('skipped unreadable activity lines', { skipped })
    return records
  }
}

const CSV_COLUMNS = ['When', 'Portal', 'Signed in as', 'Person ID', 'Person', 'Action', 'Result', 'Detail'] as const

export function activityCsv(entries: readonly ActivityEntry[]): string {
  const rows = entries.map((e) => [e.at, e.portalUrl, e.actor, e.userId, e.personName, e.action, e.result, e.detail ?? ''])
  return toSafeCsv([[...CSV_COLUMNS], ...rows])
}

/** Drops an undefined detail so lines and entries have the same shape whichever way they came in. */
function clean(record: ActivityRecord): ActivityRecord {
  const { detail, ...rest } = record
  return detail === undefined || detail === '' ? rest : { ...rest, detail }
}
