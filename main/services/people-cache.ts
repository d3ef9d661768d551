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
 * The file (people-cache-file.ts) holds "savedAt\nbody", the body being the people field by field
 * (CachedPeopleBody, people-cache-body.ts). Main never parses the people, nor even decodes them: the
 * authenticated bytes go to the renderer as they are (CachedPeople), which checks them. Nor does it
 * encode or encrypt them: a worker thread does (people-cache-writer.ts), fed the pages as they are served.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { CachedPeople, Person } from '../../preload/contract'
import type { Logger } from '../core/logger'
import type { SecretStore } from '../secrets/secret-store'
import { ACCOUNT_ID_PATTERN } from './accounts-file'
import { decrypt, KEY_BYTES } from './people-cache-file'
import { PeopleCacheWriter } from './people-cache-writer'
import type { CompleteLoad, LoadObserver } from './people-snapshot'

/** Keychain items of cache keys: one per account, apart from the tokens' items. */
export const PEOPLE_CACHE_SERVICE = 'DocSpace Photo Manager (people list key)'
export const PEOPLE_CACHE_DIR = 'people-cache'

/** How long a prefetched list waits for the renderer's ask (the window loads in about a second). */
const PREFETCH_KEPT_MS = 30_000

export interface PeopleCacheOptions {
  readonly dataDir: string
  readonly secrets: SecretStore
  readonly log: Logger
  readonly now?: () => Date
  /** The writer thread's entry (people-cache-writer.ts finds it by default). */
  readonly workerEntry?: () => URL
}

export class PeopleCache {
  readonly #dir: string
  readonly #secrets: SecretStore
  readonly #log: Logger
  readonly #now: () => Date
  readonly #writer: PeopleCacheWriter
  /** Saves and drops of one account run one after another, so a drop never races a late save. */
  readonly #queues = new Map<string, Promise<unknown>>()
  /** Reads started by prefetch, by account. */
  readonly #early = new Map<string, Promise<CachedPeople | null>>()

  constructor(options: PeopleCacheOptions) {
    this.#dir = join(options.dataDir, PEOPLE_CACHE_DIR)
    this.#secrets = options.secrets
    this.#log = options.log
    this.#now = options.now ?? (() => new Date())
    this.#writer = new PeopleCacheWriter(options.workerEntry)
  }

  /** Hands each served page to the writer thread as it joins a load (PeopleSnapshots' observer). */
  readonly loads: LoadObserver = {
    page: (load, page) => this.#writer.page(load, page.startIndex, page.people),
    abandoned: (load) => this.#writer.forget(load)
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
   * Saves the list (atomically: a crash leaves the old file or the new one): a load the writer thread
   * gathered (PeopleSnapshots), or a list, which is then copied to the thread at once. A missing key
   * is made here; where secrets do not survive a restart nothing is written, since it could never be read.
   */
  save(accountId: string, people: readonly Person[] | CompleteLoad): Promise<boolean> {
    this.#early.delete(accountId)
    return this.#queued(accountId, async () => {
      try {
        return await this.#save(accountId, people)
      } finally {
        if ('load' in people) this.#writer.forget(people.load)
      }
    })
  }

  async #save(accountId: string, people: readonly Person[] | CompleteLoad): Promise<boolean> {
    if (!ACCOUNT_ID_PATTERN.test(accountId) || !(await this.#secrets.isAvailable())) return false
    const key = (await this.#key(accountId)) ?? (await this.#newKey(accountId))
    if (key === null) return false
    const savedAt = this.#now().toISOString()
    let bytes: Buffer
    try {
      bytes = await this.#writer.seal('load' in people ? people : { people }, savedAt, key, accountId)
    } catch (e) {
      this.#log.warn('people cache not saved: its writer failed', { account: accountId, reason: e instanceof Error ? e.message : String(e) })
      return false
    }
    await mkdir(this.#dir, { recursive: true })
    try {
      await writeFileAtomic(this.pathOf(accountId), bytes, { mode: 0o600 })
    } catch (e) {
      this.#log.warn('people cache not saved', { account: accountId, reason: (e as NodeJS.ErrnoException).code ?? 'write failed' })
      return false
    }
    return true
  }

  /** A load that will not be saved (its account signed out meanwhile). */
  forget(load: CompleteLoad): void {
    this.#writer.forget(load.load)
  }

  /** Ends the writer thread (saves still in flight fail, as quietly as any). */
  close(): Promise<void> {
    return this.#writer.close()
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

