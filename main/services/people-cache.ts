/**
 * The people list of each account, kept between runs so a second start shows it at once. These are
 * employees' names and emails, so the file is AES-256-GCM encrypted with a random 32-byte key per
 * account that lives only in the OS keychain (SecretStore); the file is named by the account id (a
 * hash of portal + user id), never by an email.
 *
 * Every way of not having a usable cache (no file, no key, a keychain that does not answer, a file
 * of another format, a tampered or truncated file) reads as "no cache": the list then loads as on a
 * first start, and the next save replaces whatever was there. Nothing here is fatal.
 *
 * File layout: MAGIC (4) | FORMAT (1) | IV (12) | TAG (16) | ciphertext of "savedAt\nbody", the body
 * being the people field by field (CachedPeopleBody, people-cache-body.ts). The header and the account
 * id are the GCM additional data, so a file copied over another account's fails. Main never parses
 * the people, nor even decodes them: the authenticated bytes go to the renderer as they are
 * (CachedPeople), which checks them.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { CachedPeople, Person } from '../../preload/contract'
import type { Logger } from '../core/logger'
import type { SecretStore } from '../secrets/secret-store'
import { ACCOUNT_ID_PATTERN } from './accounts-file'
import { encodePeopleBody } from './people-cache-body'

/** Keychain items of cache keys: one per account, apart from the tokens' items. */
export const PEOPLE_CACHE_SERVICE = 'DocSpace Photo Manager (people list key)'
export const PEOPLE_CACHE_DIR = 'people-cache'

const MAGIC = Buffer.from('DSPL', 'latin1')
/** Bumped whenever the body's shape changes; an older file is then no cache. 2: field by field. */
const FORMAT = 2
const HEADER = Buffer.concat([MAGIC, Buffer.from([FORMAT])])
const IV_BYTES = 12
const TAG_BYTES = 16
const KEY_BYTES = 32
/** How long a prefetched list waits for the renderer's ask (the window loads in about a second). */
const PREFETCH_KEPT_MS = 30_000
const NEWLINE = 0x0a
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d

export interface PeopleCacheOptions {
  readonly dataDir: string
  readonly secrets: SecretStore
  readonly log: Logger
  readonly now?: () => Date
}

export class PeopleCache {
  readonly #dir: string
  readonly #secrets: SecretStore
  readonly #log: Logger
  readonly #now: () => Date
  /** Saves and drops of one account run one after another, so a drop never races a late save. */
  readonly #queues = new Map<string, Promise<unknown>>()
  /** Reads started by prefetch, by account. */
  readonly #early = new Map<string, Promise<CachedPeople | null>>()

  constructor(options: PeopleCacheOptions) {
    this.#dir = join(options.dataDir, PEOPLE_CACHE_DIR)
    this.#secrets = options.secrets
    this.#log = options.log
    this.#now = options.now ?? (() => new Date())
  }

  /** The file of an account; its name is the account id, which reveals neither portal nor person. */
  pathOf(accountId: string): string {
    return join(this.#dir, `${accountId}.bin`)
  }

  /**
   * Starts reading an account's list ahead of the renderer's ask: at start-up main knows the active
   * account long before the window has loaded and asks, so the read and decryption are done by then.
   * The next read takes it; a save or drop of the account discards it; unasked, it is let go soon.
   */
  prefetch(accountId: string): void {
    if (this.#early.has(accountId)) return
    const reading = this.#readNow(accountId).catch(() => null)
    const timer = setTimeout(() => {
      if (this.#early.get(accountId) === reading) this.#early.delete(accountId)
    }, PREFETCH_KEPT_MS)
    timer.unref?.()
    this.#early.set(accountId, reading)
  }

  /** The cached list of an account, or null when there is none that can be trusted. */
  read(accountId: string): Promise<CachedPeople | null> {
    const early = this.#early.get(accountId)
    if (early === undefined) return this.#readNow(accountId)
    this.#early.delete(accountId)
    return early
  }

  async #readNow(accountId: string): Promise<CachedPeople | null> {
    if (!ACCOUNT_ID_PATTERN.test(accountId)) return null
    let bytes: Buffer
    try {
      bytes = await readFile(this.pathOf(accountId))
    } catch {
      return null
    }
    const key = await this.#key(accountId)
    if (key === null) return null
    const body = decrypt(bytes, key, accountId)
    if (body === null) this.#log.warn('people cache unreadable; ignored until the next save', { account: accountId })
    return body
  }

  /**
   * Saves the list (atomically: a crash leaves the old file or the new one). A missing key is made
   * here; where secrets do not survive a restart nothing is written, since it could never be read.
   */
  save(accountId: string, people: readonly Person[]): Promise<boolean> {
    this.#early.delete(accountId)
    return this.#queued(accountId, async () => {
      if (!ACCOUNT_ID_PATTERN.test(accountId) || !(await this.#secrets.isAvailable())) return false
      const key = (await this.#key(accountId)) ?? (await this.#newKey(accountId))
      if (key === null) return false
      const savedAt = this.#now().toISOString()
      await mkdir(this.#dir, { recursive: true })
      try {
        await writeFileAtomic(this.pathOf(accountId), encrypt(savedAt, encodePeopleBody(people), key, accountId), { mode: 0o600 })
      } catch (e) {
        this.#log.warn('people cache not saved', { account: accountId, reason: (e as NodeJS.ErrnoException).code ?? 'write failed' })
        return false
      }
      return true
    })
  }

  /** Deletes the file and its key (sign-out, forgetting the account). */
  drop(accountId: string): Promise<void> {
    this.#early.delete(accountId)
    return this.#queued(accountId, async () => {
      if (!ACCOUNT_ID_PATTERN.test(accountId)) return
      await rm(this.pathOf(accountId), { force: true })
      const deleted = await this.#secrets.delete(PEOPLE_CACHE_SERVICE, accountId)
      if (!deleted.ok) this.#log.warn('people cache key not deleted', { account: accountId, reason: deleted.error.code })
    })
  }

  async #key(accountId: string): Promise<Buffer | null> {
    const stored = await this.#secrets.get(PEOPLE_CACHE_SERVICE, accountId)
    if (!stored.ok || stored.value === null) return null
    const key = Buffer.from(stored.value, 'base64')
    return key.length === KEY_BYTES ? key : null
  }

  async #newKey(accountId: string): Promise<Buffer | null> {
    const key = randomBytes(KEY_BYTES)
    const saved = await this.#secrets.set(PEOPLE_CACHE_SERVICE, accountId, key.toString('base64'))
    if (saved.ok) return key
    this.#log.warn('people cache key not stored; the list is not cached', { account: accountId, reason: saved.error.code })
    return null
  }

  #queued<T>(accountId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(accountId) ?? Promise.resolve()
    const next = previous.then(work, work)
    const settled = next.catch(() => undefined)
    this.#queues.set(accountId, settled)
    void settled.then(() => {
      if (this.#queues.get(accountId) === settled) this.#queues.delete(accountId)
    })
    return next
  }
}

function additionalData(accountId: string): Buffer {
  return Buffer.concat([HEADER, Buffer.from(accountId, 'latin1')])
}

export function encrypt(savedAt: string, body: string, key: Buffer, accountId: string): Buffer {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(additionalData(accountId))
  const ciphertext = Buffer.concat([cipher.update(`${savedAt}\n${body}`, 'utf8'), cipher.final()])
  return Buffer.concat([HEADER, iv, cipher.getAuthTag(), ciphertext])
}

/** The body, or null for anything that is not an intact file of this format, key and account. */
export function decrypt(bytes: Buffer, key: Buffer, accountId: string): CachedPeople | null {
  if (bytes.length < HEADER.length + IV_BYTES + TAG_BYTES || !bytes.subarray(0, HEADER.length).equals(HEADER)) return null
  const iv = bytes.subarray(HEADER.length, HEADER.length + IV_BYTES)
  const tag = bytes.subarray(HEADER.length + IV_BYTES, HEADER.length + IV_BYTES + TAG_BYTES)
  let plain: Buffer
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
    decipher.setAAD(additionalData(accountId))
    decipher.setAuthTag(tag)
    const first = decipher.update(bytes.subarray(HEADER.length + IV_BYTES + TAG_BYTES))
    // final() checks the tag; GCM is a stream mode, so it adds no bytes and the body needs no copy.
    const rest = decipher.final()
    plain = rest.length === 0 ? first : Buffer.concat([first, rest])
  } catch {
    return null
  }
  // Authenticated, so this app wrote it; the cheap checks guard against a bug in an older build.
  const newline = plain.indexOf(NEWLINE)
  const savedAt = plain.subarray(0, Math.max(0, newline)).toString('latin1')
  const body = plain.subarray(newline + 1)
  if (newline < 0 || Number.isNaN(Date.parse(savedAt)) || body[0] !== OPEN_BRACE || body[body.length - 1] !== CLOSE_BRACE) return null
  return { savedAt, body }
}
