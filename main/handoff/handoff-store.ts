/**
 * What was handed over, per account, in the data folder (handoffs/<accountId>.json, written
 * atomically): for each person the file, the SHA-256 of the uploaded bytes, the crop, the photo they
 * had then (baseline) and the state as last checked; the people asked to add their own photo; and,
 * on the person's side, the shared files already applied. No secrets. A file that does not read
 * as this shape is set aside (renamed) rather than trusted or lost.
 */
import { rename } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { Handoff, HandoffRoute, PhotoRequest } from '../../preload/contract'
import type { Logger } from '../core/logger'
import { readJsonFile, writeJsonFileAtomic } from '../services/json-file'

/** What a hand-over record keeps beyond what the renderer sees. */
export interface HandoffRecord extends Handoff {
  /** The person's avatarOriginal ref (with `?hash=`) when the photo was prepared. */
  readonly baselineRef: string
  /** SHA-256 of the stored original then; absent when they had no photo. */
  readonly baselineSha256?: string
}

export interface AcceptedFile {
  readonly fileId: number
  /** The file's version when it was applied: a newer version (prepared again) is waiting again. */
  readonly version?: number
  readonly sha256: string
  readonly at: string
}

export interface AccountHandoffs {
  readonly handoffs: readonly HandoffRecord[]
  readonly asks: readonly PhotoRequest[]
  /** The instruction file shared with people asked for a photo. */
  readonly askFileId?: number
  /** Person side: hand-overs this person applied, so they no longer show as waiting. */
  readonly accepted: readonly AcceptedFile[]
  /** How this account hands photos over (absent: 'private'). */
  readonly route?: HandoffRoute
}

const EMPTY: AccountHandoffs = { handoffs: [], asks: [], accepted: [] }

const fraction = z.number().min(0).max(1)
const iso = z.string().max(40)
const recordSchema = z.object({
  userId: z.string().max(100),
  personName: z.string().max(1000),
  state: z.enum(['waiting', 'applied', 'declined', 'superseded', 'withdrawn']),
  fileId: z.number().int().positive(),
  route: z.enum(['private', 'room']).optional(),
  roomId: z.number().int().positive().optional(),
  title: z.string().max(300),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  crop: z.object({ x: fraction, y: fraction, width: fraction, height: fraction }),
  preparedAt: iso,
  remindedAt: iso.optional(),
  decidedAt: iso.optional(),
  checkedAt: iso.optional(),
  baselineRef: z.string().max(4096),
  baselineSha256: z.string().regex(/^[0-9a-f]{64}$/).optional()
})
const askSchema = z.object({
  userId: z.string().max(100),
  personName: z.string().max(1000),
  askedAt: iso,
  hasPhoto: z.boolean(),
  photoSince: iso.optional(),
  checkedAt: iso.optional()
})
const fileSchema = z.object({
  version: z.literal(1),
  handoffs: z.array(recordSchema).default([]),
  asks: z.array(askSchema).default([]),
  askFileId: z.number().int().positive().optional(),
  route: z.enum(['private', 'room']).optional(),
  accepted: z.array(z.object({ fileId: z.number().int().positive(), version: z.number().int().optional(), sha256: z.string().max(64), at: iso })).default([])
})

export class HandoffStore {
  readonly #dir: string
  readonly #log: Logger
  /** One write after another per account: read-modify-write must not interleave. */
  readonly #queues = new Map<string, Promise<unknown>>()

  constructor(options: { readonly dataDir: string; readonly log: Logger }) {
    this.#dir = join(options.dataDir, 'handoffs')
    this.#log = options.log
  }

  async read(accountId: string): Promise<AccountHandoffs> {
    await this.#queues.get(accountId)?.catch(() => undefined)
    return this.#read(accountId)
  }

  /** Changes the account's file with `change` (which answers the new content), one change at a time. */
  update<T>(accountId: string, change: (current: AccountHandoffs) => { readonly next: AccountHandoffs; readonly value: T }): Promise<T> {
    const previous = this.#queues.get(accountId) ?? Promise.resolve()
    const run = async (): Promise<T> => {
      const { next, value } = change(await this.#read(accountId))
      await writeJsonFileAtomic(this.#path(accountId), { version: 1, ...next })
      return value
    }
    const current = previous.then(run, run)
    const tail = current.catch(() => undefined)
    this.#queues.set(accountId, tail)
    void tail.then(() => {
      if (this.#queues.get(accountId) === tail) this.#queues.delete(accountId)
    })
    return current
  }

  /** Puts one person's record in place of the previous one. */
  put(accountId: string, record: HandoffRecord): Promise<HandoffRecord> {
    return this.update(accountId, (current) => ({
      next: { ...current, handoffs: [...current.handoffs.filter((h) => h.userId !== record.userId), record] },
      value: record
    }))
  }

  async #read(accountId: string): Promise<AccountHandoffs> {
    const path = this.#path(accountId)
    const file = await readJsonFile(path)
    if (!file.found) return EMPTY
    const parsed = file.corrupt ? undefined : fileSchema.safeParse(file.value)
    if (parsed?.success) {
      const { version: _version, askFileId, route, ...rest } = parsed.data
      return { ...rest, ...(askFileId !== undefined ? { askFileId } : {}), ...(route !== undefined ? { route } : {}) } as AccountHandoffs
    }
    const aside = `${path}.unreadable-${Date.now()}`
    this.#log.error('hand-over file unreadable; set aside', { account: accountId })
    await rename(path, aside).catch(() => undefined)
    return EMPTY
  }

  #path(accountId: string): string {
    // Account ids are checked (ACCOUNT_ID_PATTERN) before they reach a service; this keeps a file name safe regardless.
    return join(this.#dir, `${accountId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`)
  }
}

/** The part of a record the renderer sees. */
export function publicHandoff(record: HandoffRecord): Handoff {
  const { baselineRef: _ref, baselineSha256: _sha, ...handoff } = record
  return handoff
}
