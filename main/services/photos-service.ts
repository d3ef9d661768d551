/**
 * Photos: the six stored sizes of a person, and the bytes of one photo file fetched through main
 * (the files need auth, CONTRACT.md §3.6) with its real pixel dimensions.
 */
import type { PersonPhotos, PhotoImage, Result } from '../../preload/contract'
import { resolvePhotoUrl } from '../docspace/client'
import { LRUCache } from 'lru-cache'
import { fail, ok } from '../core/result'
import { isStoredPhoto, PHOTO_SIZES } from '../docspace/photo-sizes'
import { inertImage } from '../images/inert-image'
import type { AccountsService } from './accounts-service'

export interface PhotosServiceOptions {
  readonly accounts: AccountsService
  /** Cache budget. Default 64 MB / 5,000 files: every small photo of a large portal, plus some big ones. */
  readonly cacheMaxBytes?: number
  readonly cacheMaxEntries?: number
}

export class PhotosService {
  readonly #accounts: AccountsService
  readonly #cache: LRUCache<string, PhotoImage>
  /** One download per file even when many rows ask for it at once. */
  readonly #inFlight = new Map<string, Promise<Result<PhotoImage>>>()
  /** Bumped per account and person when their photo changed: a download started before is not cached. */
  readonly #epochs = new Map<string, number>()

  constructor(options: PhotosServiceOptions) {
    this.#accounts = options.accounts
    const maxBytes = options.cacheMaxBytes ?? 64 * 1024 * 1024
    // A file bigger than the whole budget is not cached at all (it would evict everything else).
    this.#cache = new LRUCache({ max: options.cacheMaxEntries ?? 5_000, maxSize: maxBytes, maxEntrySize: maxBytes })
  }

  get cachedFiles(): number {
    return this.#cache.size
  }

  get(arg: { readonly accountId: string; readonly userId: string }): Promise<Result<PersonPhotos>> {
    return this.#accounts.call(arg.accountId, async ({ client }) => {
      const photo = await client.photo(arg.userId)
      if (!photo.ok) return photo
      const dto = photo.value
      return ok({
        userId: arg.userId,
        hasPhoto: isStoredPhoto(dto.original),
        sizes: PHOTO_SIZES.map((size) => ({ size, ref: dto[size] }))
      })
    })
  }

  /**
   * The bytes of one stored photo file. The ref must be a path on the same portal under
   * /storage/userPhotos/ or /static/images/: anything else is refused before any request, so a
   * compromised renderer cannot make main send the token elsewhere. The `?hash=` in the ref is not
   * enough to tell a new picture: the real server can repeat the old one for 20 minutes after a write
   * (emulator README, "Cache quirks"), so a change made here drops that person's files (forgetPerson).
   * An SVG is handed on as the PNG it renders to, never as SVG.
   */
  async image(arg: { readonly accountId: string; readonly ref: string }): Promise<Result<PhotoImage>> {
    const session = await this.#accounts.session(arg.accountId)
    if (!session.ok) return session
    const url = resolvePhotoUrl(session.value.account.portalUrl, arg.ref)
    if (!url) return fail('input/invalid', 'photos:image ref is not a photo path on the signed-in portal')
    const key = `${arg.accountId}\n${url}`
    const cached = this.#cache.get(key)
    if (cached) return ok(cached)
    const pending = this.#inFlight.get(key)
    if (pending) return pending
    const person = personKey(arg.accountId, url)
    const epoch = this.#epochs.get(person) ?? 0
    const download = this.#download(arg.accountId, url, key, () => (this.#epochs.get(person) ?? 0) === epoch).finally(() => {
      if (this.#inFlight.get(key) === download) this.#inFlight.delete(key)
    })
    this.#inFlight.set(key, download)
    return download
  }

  /** The person's photo changed: their cached files are old pictures, whatever their refs say. */
  forgetPerson(accountId: string, userId: string): void {
    const person = `${accountId}\n${userId.toLowerCase()}`
    this.#epochs.set(person, (this.#epochs.get(person) ?? 0) + 1)
    for (const key of [...this.#cache.keys()]) if (personKeyOfCacheKey(key) === person) this.#cache.delete(key)
    for (const key of [...this.#inFlight.keys()]) if (personKeyOfCacheKey(key) === person) this.#inFlight.delete(key)
  }

  /**
   * Keeps files just read back and checked after a change (read-back.ts) as the person's current
   * ones, so their row and panel show the new photo without downloading it again. Called after
   * forgetPerson for that change; a file that does not pass as an image is simply not kept.
   */
  async remember(accountId: string, files: readonly { readonly ref: string; readonly bytes: Uint8Array }[]): Promise<void> {
    const session = await this.#accounts.session(accountId)
    if (!session.ok) return
    const epochs = new Map<string, number>()
    for (const file of files) {
      const url = resolvePhotoUrl(session.value.account.portalUrl, file.ref)
      if (!url) continue
      const person = personKey(accountId, url)
      if (!epochs.has(person)) epochs.set(person, this.#epochs.get(person) ?? 0)
      const inert = await inertImage(file.bytes)
      // Another change of the person meanwhile: these are no longer their files.
      if (!inert.ok || (this.#epochs.get(person) ?? 0) !== epochs.get(person)) continue
      const image: PhotoImage = { bytes: inert.value.bytes, mime: inert.value.mime, width: inert.value.width, height: inert.value.height }
      this.#cache.set(`${accountId}\n${url}`, image, { size: image.bytes.byteLength })
    }
  }

  /** Forget the cached files of an account (sign-out, forget). */
  dropAccount(accountId: string): void {
    const prefix = `${accountId}\n`
    for (const key of [...this.#cache.keys()]) if (key.startsWith(prefix)) this.#cache.delete(key)
  }

  async #download(accountId: string, url: string, key: string, current: () => boolean): Promise<Result<PhotoImage>> {
    return this.#accounts.call(accountId, async ({ client }) => {
      const file = await client.fetchFile(url)
      if (!file.ok) return file
      const inert = await inertImage(file.value.bytes)
      if (!inert.ok) return inert
      const image: PhotoImage = { bytes: inert.value.bytes, mime: inert.value.mime, width: inert.value.width, height: inert.value.height }
      if (current()) this.#cache.set(key, image, { size: image.bytes.byteLength })
      return ok(image)
    })
  }
}

/** Stored photo files are named after their person (`<uid>_orig_…`, `<uid>_size_…`, CONTRACT.md §3.5). */
const PERSON_FILE = /\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_[^/]*$/i

function personKey(accountId: string, url: string): string {
  const path = url.replace(/[?#].*$/, '')
  const id = PERSON_FILE.exec(path)?.[1]
  return id ? `${accountId}\n${id.toLowerCase()}` : `${accountId}\n`
}

function personKeyOfCacheKey(key: string): string {
  const cut = key.indexOf('\n')
  return personKey(key.slice(0, cut), key.slice(cut + 1))
}
