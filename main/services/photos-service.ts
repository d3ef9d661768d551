/**
 * Photos: the six stored sizes of a person, and the bytes of one photo file fetched through main
 * (the files need auth, CONTRACT.md §3.6) with its real pixel dimensions.
 */
import type { PersonPhotos, PhotoImage, PhotoSize, Result } from '../../preload/contract'
import { resolvePhotoUrl } from '../docspace/client'
import { LRUCache } from 'lru-cache'
import { fail, ok } from '../core/result'
import { imageInfo } from '../images/image-info'
import type { AccountsService } from './accounts-service'

/** Largest first, as the contract lists them. */
const SIZES: readonly PhotoSize[] = ['original', 'retina', 'max', 'big', 'medium', 'small']

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
        // §1.1: without a photo every size points at a default image under /static/images/.
        hasPhoto: dto.original.includes('/storage/userPhotos/'),
        sizes: SIZES.map((size) => ({ size, ref: dto[size] }))
      })
    })
  }

  /**
   * The bytes of one stored photo file. The ref must be a path on the same portal under
   * /storage/userPhotos/ or /static/images/: anything else is refused before any request, so a
   * compromised renderer cannot make main send the token elsewhere. The `?hash=` in the ref changes
   * with every photo write (§1.1), so a cached file never goes stale.
   */
  async image(arg: { readonly accountId: string; readonly ref: string }): Promise<Result<PhotoImage>> {
    const session = await this.#accounts.session(arg.accountId)
    if (!session.ok) return session
    const url = resolvePhotoUrl(session.value.account.portalUrl, arg.ref)
    if (!url) return fail('input/invalid', 'This is not a photo address on the signed-in portal.')
    const key = `${arg.accountId}\n${url}`
    const cached = this.#cache.get(key)
    if (cached) return ok(cached)
    const pending = this.#inFlight.get(key)
    if (pending) return pending
    const download = this.#download(arg.accountId, url, key).finally(() => this.#inFlight.delete(key))
    this.#inFlight.set(key, download)
    return download
  }

  /** Forget the cached files of an account (sign-out, forget). */
  dropAccount(accountId: string): void {
    const prefix = `${accountId}\n`
    for (const key of [...this.#cache.keys()]) if (key.startsWith(prefix)) this.#cache.delete(key)
  }

  async #download(accountId: string, url: string, key: string): Promise<Result<PhotoImage>> {
    return this.#accounts.call(accountId, async ({ client }) => {
      const file = await client.fetchFile(url)
      if (!file.ok) return file
      const info = await imageInfo(file.value.bytes)
      if (!info.ok) return info
      const image: PhotoImage = { bytes: file.value.bytes, mime: info.value.mime, width: info.value.width, height: info.value.height }
      this.#cache.set(key, image, { size: image.bytes.byteLength })
      return ok(image)
    })
  }
}
