/**
 * The local activity log: one JSON line per photo change the app attempted (when, which portal, who,
 * which person, what, result), appended to `activity.jsonl` in the data folder and never rewritten.
 * Exportable as CSV (RFC 4180) with spreadsheet formula injection defused.
 */
import { appendFile, mkdir, open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { toSafeCsv } from '../core/csv'
import { z } from 'zod'
import type { Account, ActivityEntry, ErrorCode, ErrorFacts } from '../../preload/contract'
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
  // Facts are plain data main wrote itself; an older or newer app's extra fields are let through.
  error: z
    .object({
      code: z.string().transform((code) => code as ErrorCode),
      detail: z.string().optional(),
      status: z.number().optional(),
      facts: z.record(z.string(), z.unknown()).transform((facts) => facts as ErrorFacts).optional()
    })
    .optional(),
  change: z
    .object({
      cropSide: z.number().optional(),
      faceFramed: z.boolean().optional(),
      restoredFrom: z.string().optional(),
      restoredNone: z.boolean().optional(),
      urlHost: z.string().optional(),
      verified: z.boolean().optional()
    })
    .optional(),
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

  /** Newest first, optionally for one account or one person who made the changes only. */
  async list(filter: ActivityFilter = {}): Promise<ActivityEntry[]> {
    const records = await this.#read()
    const chosen = records.filter((r) => matches(r, filter))
    return chosen
      .reverse()
      .slice(0, filter.limit ?? DEFAULT_LIST_LIMIT)
      .map(({ accountId: _accountId, ...entry }) => entry)
  }

  /** Every entry (that the filter lets through), oldest first (the order of a log), as CSV. */
  async exportCsv(now = new Date(), filter: ActivityFilter = {}): Promise<{ readonly csv: string; readonly fileName: string }> {
    const records = (await this.#read()).filter((r) => matches(r, filter))
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

export interface ActivityFilter {
  readonly accountId?: string
  /** Only the changes this person made: email and portal of the signed-in user. */
  readonly actor?: { readonly email: string; readonly portalUrl: string }
  readonly limit?: number
}

function matches(record: ActivityRecord, filter: ActivityFilter): boolean {
  if (filter.accountId !== undefined && record.accountId !== filter.accountId) return false
  const actor = filter.actor
  if (actor && (record.actor.toLowerCase() !== actor.email.toLowerCase() || record.portalUrl !== actor.portalUrl)) return false
  return true
}

/**
 * Whose entries the person at the app may see: the owner and DocSpace admins see every change made
 * on this computer; anyone else (signed in as a user, room admin or guest) only their own.
 */
export function activityScope(active: Account | undefined): Pick<ActivityFilter, 'actor'> {
  if (!active || active.user.role === 'owner' || active.user.role === 'admin') return {}
  return { actor: { email: active.user.email, portalUrl: active.portalUrl } }
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
