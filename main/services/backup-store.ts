/**
 * Backups of people's photos before the app changes them ("nothing lost": the previous photo of anyone the app changes is kept), in the data folder:
 *
 *   backups/<account>/last-change.json          the backup taken before the last change on that account (undo)
 *   backups/<account>/<user>/<id>.json          one entry (written last: its presence means the entry is whole)
 *   backups/<account>/<user>/<id>.original      the stored original's exact bytes
 *   backups/<account>/<user>/<id>.preview.jpg   a small preview for the history list
 *   backups/<account>/<user>/applied-crop.json  the crop this app last applied, keyed by the original's hash
 *
 * No secrets: ids, times, crops and image bytes only. Every file is written atomically (temp + rename),
 * and each person keeps at most `keepPerPerson` entries (oldest removed first).
 *
 * A saved backup is durable before save() resolves: the original's bytes and the entry are each
 * synced before their rename, and the folder after it, since the caller replaces the photo on the
 * portal next and the backup may then be the only copy of the old one. The preview and the
 * applied-crop record are not synced: losing them in a power cut costs a thumbnail or a remembered
 * crop, never a photo (core/durable-files.ts: why not write-file-atomic).
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { CropPixels, HistoryEntry, PhotoAction } from '../../preload/contract'
import { jsonText, readJsonFile, writeJsonFileAtomic } from './json-file'
import type { Logger } from '../core/logger'
import { syncDir, writeBytesAtomic } from '../core/durable-files'

export const BACKUPS_DIR = 'backups'
const DEFAULT_KEEP = 20
const ENTRY_ID = /^[0-9a-z]{9}-[0-9a-f]{8}$/

const cropSchema = z.object({ x: z.number().int().min(0), y: z.number().int().min(0), width: z.number().int().min(1), height: z.number().int().min(1) })
const actionSchema = z.enum(['replace', 'delete', 'set-from-url', 'restore', 'undo'])

const entryFile = z.object({
  version: z.literal(1),
  id: z.string().regex(ENTRY_ID),
  userId: z.string(),
  savedAt: z.string(),
  before: actionSchema,
  hadPhoto: z.boolean(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  mime: z.string().optional(),
  sha256: z.string().optional(),
  crop: cropSchema.optional(),
  hasPreview: z.boolean().default(false),
  convertedFrom: z.literal('svg').optional()
})
type EntryFile = z.infer<typeof entryFile>

const lastChangeFile = z.object({ version: z.literal(1), userId: z.string(), backupId: z.string().regex(ENTRY_ID), action: actionSchema, at: z.string() })
const appliedCropFile = z.object({ version: z.literal(1), sha256: z.string(), crop: cropSchema.optional() })

export interface BackupInput {
  readonly accountId: string
  readonly userId: string
  readonly before: PhotoAction
  /** The current original, or undefined when the person has no photo. */
  readonly original?: { readonly bytes: Uint8Array; readonly mime: string; readonly width: number; readonly height: number }
  readonly crop?: CropPixels
  readonly preview?: Uint8Array
  /** The portal served this format and `original` is the PNG it was rendered to (an SVG never goes back). */
  readonly convertedFrom?: 'svg'
}

export interface SavedBackup {
  readonly entry: HistoryEntry
  /** The exact bytes that were backed up; undefined when the person had no photo. */
  readonly original?: { readonly bytes: Uint8Array; readonly mime: string }
}

export interface LastChange {
  readonly userId: string
  readonly backupId: string
  readonly action: PhotoAction
  readonly at: string
}

export interface BackupStoreOptions {
  readonly dataDir: string
  readonly log: Logger
  readonly keepPerPerson?: number
  readonly now?: () => Date
}

export class BackupStore {
  readonly #root: string
  readonly #log: Logger
  readonly #keep: number
  readonly #now: () => Date
  #lastIdMs = 0

  constructor(options: BackupStoreOptions) {
    this.#root = join(options.dataDir, BACKUPS_DIR)
    this.#log = options.log
    this.#keep = Math.max(1, options.keepPerPerson ?? DEFAULT_KEEP)
    this.#now = options.now ?? (() => new Date())
  }

  /** Saves a backup (bytes first, the entry file last), then trims the person's history. */
  async save(input: BackupInput): Promise<HistoryEntry> {
    const dir = this.#personDir(input.accountId, input.userId)
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const id = this.#newId()
    const meta: EntryFile = {
      version: 1,
      id,
      userId: input.userId,
      savedAt: this.#now().toISOString(),
      before: input.before,
      hadPhoto: input.original !== undefined,
      ...(input.original
        ? { width: input.original.width, height: input.original.height, mime: input.original.mime, sha256: sha256(input.original.bytes) }
        : {}),
      ...(input.original && input.crop ? { crop: input.crop } : {}),
      hasPreview: input.preview !== undefined,
      ...(input.original && input.convertedFrom ? { convertedFrom: input.convertedFrom } : {})
    }
    if (input.original) await writeBytesAtomic(join(dir, `${id}.original`), input.original.bytes, { sync: true })
    if (input.preview) await writeBytesAtomic(join(dir, `${id}.preview.jpg`), input.preview, { sync: false })
    await writeBytesAtomic(join(dir, `${id}.json`), jsonText(meta), { sync: true })
    // The renames above are durable only once the folder is.
    await syncDir(dir)
    await this.#trim(dir)
    return toEntry(meta, input.preview)
  }

  /** Newest first. Unreadable entries are skipped (and logged), never fatal. */
  async list(accountId: string, userId: string): Promise<HistoryEntry[]> {
    const dir = this.#personDir(accountId, userId)
    const metas = await this.#metas(dir)
    return Promise.all(metas.map(async (meta) => toEntry(meta, meta.hasPreview ? await readOptional(join(dir, `${meta.id}.preview.jpg`)) : undefined)))
  }

  /** One entry with its original bytes, or undefined when it is gone or damaged. */
  async get(accountId: string, userId: string, entryId: string): Promise<SavedBackup | undefined> {
    if (!ENTRY_ID.test(entryId)) return undefined
    const dir = this.#personDir(accountId, userId)
    const file = await readJsonFile(join(dir, `${entryId}.json`)).catch(() => undefined)
    const meta = file?.found ? entryFile.safeParse(file.value) : undefined
    if (!meta?.success || meta.data.id !== entryId) return undefined
    const preview = meta.data.hasPreview ? await readOptional(join(dir, `${entryId}.preview.jpg`)) : undefined
    const entry = toEntry(meta.data, preview)
    if (!meta.data.hadPhoto) return { entry }
    const bytes = await readOptional(join(dir, `${entryId}.original`))
    // A damaged original is as good as none: restoring it would lose the photo for real.
    if (!bytes || (meta.data.sha256 !== undefined && sha256(bytes) !== meta.data.sha256)) {
      this.#log.warn('backup original missing or damaged', { entry: entryId })
      return undefined
    }
    return { entry, original: { bytes, mime: meta.data.mime ?? 'application/octet-stream' } }
  }

  async setLastChange(accountId: string, change: LastChange): Promise<void> {
    await writeJsonFileAtomic(join(this.#accountDir(accountId), 'last-change.json'), { version: 1, ...change })
  }

  async lastChange(accountId: string): Promise<LastChange | undefined> {
    const file = await readJsonFile(join(this.#accountDir(accountId), 'last-change.json')).catch(() => undefined)
    if (!file?.found) return undefined
    const parsed = lastChangeFile.safeParse(file.value)
    if (!parsed.success) return undefined
    const { version: _version, ...change } = parsed.data
    return change
  }

  /**
   * Remembers the crop this app applied to the original with these bytes (undefined: the portal's
   * centred square). `originalSha256`: their SHA-256 (hex), which every caller has already.
   */
  async setAppliedCrop(accountId: string, userId: string, originalSha256: string, crop: CropPixels | undefined): Promise<void> {
    const dir = this.#personDir(accountId, userId)
    await mkdir(dir, { recursive: true, mode: 0o700 })
    // A hint for later backups: atomic, so never half a file, but not worth a sync of its own.
    await writeBytesAtomic(join(dir, 'applied-crop.json'), jsonText({ version: 1, sha256: originalSha256, ...(crop ? { crop } : {}) }), { sync: false })
  }

  /** The crop this app applied, but only while the portal still holds the same original bytes. */
  async appliedCrop(accountId: string, userId: string, original: Uint8Array): Promise<CropPixels | undefined> {
    const file = await readJsonFile(join(this.#personDir(accountId, userId), 'applied-crop.json')).catch(() => undefined)
    if (!file?.found) return undefined
    const parsed = appliedCropFile.safeParse(file.value)
    if (!parsed.success || parsed.data.sha256 !== sha256(original)) return undefined
    return parsed.data.crop
  }

  async #metas(dir: string): Promise<EntryFile[]> {
    let names: string[]
    try {
      names = await readdir(dir)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw e
    }
    const metas: EntryFile[] = []
    for (const name of names) {
      const id = name.endsWith('.json') ? name.slice(0, -5) : ''
      if (!ENTRY_ID.test(id)) continue
      const file = await readJsonFile(join(dir, name)).catch(() => undefined)
      const parsed = file?.found ? entryFile.safeParse(file.value) : undefined
      if (parsed?.success && parsed.data.id === id) metas.push(parsed.data)
      else this.#log.warn('skipping an unreadable backup entry', { entry: id })
    }
    // Ids start with a monotonic time, so they sort newest first on their own.
    return metas.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
  }

  async #trim(dir: string): Promise<void> {
    const metas = await this.#metas(dir)
    for (const old of metas.slice(this.#keep)) {
      // The entry file goes first: a half-removed backup is then invisible rather than broken.
      await rm(join(dir, `${old.id}.json`), { force: true })
      await rm(join(dir, `${old.id}.original`), { force: true })
      await rm(join(dir, `${old.id}.preview.jpg`), { force: true })
    }
  }

  #accountDir(accountId: string): string {
    return join(this.#root, safeSegment(accountId))
  }

  #personDir(accountId: string, userId: string): string {
    return join(this.#accountDir(accountId), safeSegment(userId))
  }

  /** Time-ordered: base-36 milliseconds (never repeating within this run) plus randomness. */
  #newId(): string {
    const ms = Math.max(this.#now().getTime(), this.#lastIdMs + 1)
    this.#lastIdMs = ms
    return `${ms.toString(36).padStart(9, '0')}-${randomBytes(4).toString('hex')}`
  }
}

/**
 * A folder name from an id: kept as is when it is plainly safe (account ids are hex, user ids GUIDs),
 * otherwise a hash, so no id can reach outside the backups folder or collide with another.
 */
export function safeSegment(id: string): string {
  if (/^[A-Za-z0-9_-]{1,100}$/.test(id)) return id
  return `h-${createHash('sha256').update(id).digest('hex').slice(0, 32)}`
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function toEntry(meta: EntryFile, preview: Uint8Array | undefined): HistoryEntry {
  return {
    id: meta.id,
    userId: meta.userId,
    savedAt: meta.savedAt,
    before: meta.before,
    hadPhoto: meta.hadPhoto,
    ...(meta.width !== undefined ? { width: meta.width } : {}),
    ...(meta.height !== undefined ? { height: meta.height } : {}),
    ...(meta.crop ? { crop: meta.crop } : {}),
    ...(preview ? { preview } : {}),
    ...(meta.convertedFrom ? { convertedFrom: meta.convertedFrom } : {})
  }
}

/** A plain Uint8Array with its own buffer (it may cross IPC), or undefined when the file is missing. */
async function readOptional(path: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(path))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
}
