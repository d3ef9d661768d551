/**
 * Photos as blob: URLs, cached by PhotoRef. The ref's ?hash= is no proof of a new picture (the real
 * server can repeat the old one for 20 minutes after a write), so the people store drops a person's
 * photos when it learns of a change (forget). Only rows that are actually rendered ask for their photo; a request whose row
 * scrolled away before its turn is dropped; at most `maxInFlight` loads run at once; the least
 * recently used URLs are revoked when the photos kept add up to more than `maxBytes` (a count would
 * let a cache of large photos grow without bound, and keep few of a cache of tiny ones).
 */
import { LRUCache } from 'lru-cache'
import type { AppError, PhotoImage, PhotoRef, Result } from '../../../preload/contract'

export interface CachedPhoto {
  readonly url: string
  readonly mime: string
  /** Real pixel size, decoded by main from the bytes. */
  readonly width: number
  readonly height: number
  /** Size of the encoded file: what the cache counts against maxBytes. */
  readonly bytes: number
}

export interface PhotoCacheOptions {
  readonly load: (ref: PhotoRef) => Promise<Result<PhotoImage>>
  readonly createUrl: (image: PhotoImage) => string
  readonly revokeUrl: (url: string) => void
  /** Most bytes of photo files kept; the least recently used are revoked past it. */
  readonly maxBytes: number
  readonly maxInFlight: number
}

interface Pending {
  readonly ref: PhotoRef
  readonly promise: Promise<Result<CachedPhoto>>
  readonly resolve: (result: Result<CachedPhoto>) => void
  /** Signals of everyone waiting; `null` is a waiter that cannot cancel. */
  readonly waiters: (AbortSignal | null)[]
}

const CANCELLED: AppError = { code: 'app/cancelled', message: 'The photo is no longer needed.' }
const CHANGED: AppError = { code: 'app/cancelled', message: 'The photo changed while it loaded.' }
const DISPOSED: AppError = { code: 'app/cancelled', message: 'The photo cache was closed.' }

export class PhotoCache {
  private readonly entries: LRUCache<PhotoRef, CachedPhoto>
  /** Photos larger than the whole cache: handed out once, not kept, revoked on dispose. */
  private readonly oversized = new Set<string>()
  private readonly pending = new Map<PhotoRef, Pending>()
  private readonly queue: Pending[] = []
  /** Loads started before their ref was forgotten. */
  private readonly stale = new Set<Pending>()
  private inFlight = 0
  private peakInFlight = 0
  private disposed = false

  constructor(private readonly options: PhotoCacheOptions) {
    this.entries = new LRUCache<PhotoRef, CachedPhoto>({
      maxSize: Math.max(1, options.maxBytes),
      // An empty file still holds a URL: count it as one byte, so it is bounded too.
      sizeCalculation: (photo) => Math.max(1, photo.bytes),
      dispose: (photo) => options.revokeUrl(photo.url)
    })
  }

  /** A cached photo without loading anything; counts as a use. */
  peek(ref: PhotoRef): CachedPhoto | undefined {
    return this.entries.get(ref)
  }

  get(ref: PhotoRef, signal?: AbortSignal): Promise<Result<CachedPhoto>> {
    if (this.disposed) return Promise.resolve({ ok: false, error: DISPOSED })
    const hit = this.peek(ref)
    if (hit) return Promise.resolve({ ok: true, value: hit })
    const existing = this.pending.get(ref)
    if (existing) {
      existing.waiters.push(signal ?? null)
      return existing.promise
    }
    let resolve!: (result: Result<CachedPhoto>) => void
    const promise = new Promise<Result<CachedPhoto>>((r) => (resolve = r))
    const entry: Pending = { ref, promise, resolve, waiters: [signal ?? null] }
    this.pending.set(ref, entry)
    this.queue.push(entry)
    this.pump()
    return promise
  }

  get size(): number {
    return this.entries.size
  }

  /** Bytes of the photos kept now (never above maxBytes). */
  get bytes(): number {
    return this.entries.calculatedSize
  }

  /**
   * Drops (and revokes) every cached photo whose ref matches; a load of such a ref that is queued or
   * running is not kept and answers app/cancelled, so the next ask loads afresh.
   */
  forget(matches: (ref: PhotoRef) => boolean): void {
    for (const ref of [...this.entries.keys()]) if (matches(ref)) this.entries.delete(ref)
    for (const [ref, pending] of [...this.pending]) {
      if (!matches(ref)) continue
      this.pending.delete(ref)
      this.stale.add(pending)
    }
  }

  /** Highest number of loads that ran at once (for tests and the benchmark). */
  get peakConcurrency(): number {
    return this.peakInFlight
  }

  /** Revokes every URL; loads still running are discarded when they finish. */
  dispose(): void {
    this.disposed = true
    this.entries.clear()
    for (const url of this.oversized) this.options.revokeUrl(url)
    this.oversized.clear()
    for (const p of this.queue) p.resolve({ ok: false, error: DISPOSED })
    this.queue.length = 0
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const next = this.queue.shift() as Pending
      if (next.waiters.every((s) => s !== null && s.aborted)) {
        if (!this.stale.delete(next)) this.pending.delete(next.ref)
        next.resolve({ ok: false, error: CANCELLED })
        continue
      }
      void this.start(next)
    }
  }

  private async start(p: Pending): Promise<void> {
    this.inFlight++
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight)
    let result: Result<PhotoImage>
    try {
      result = await this.options.load(p.ref)
    } catch (e) {
      result = { ok: false, error: { code: 'app/internal', message: String(e) } }
    }
    this.inFlight--
    const stale = this.stale.delete(p)
    if (!stale) this.pending.delete(p.ref)
    if (this.disposed) {
      p.resolve({ ok: false, error: DISPOSED })
    } else if (!result.ok) {
      p.resolve(result)
    } else if (stale) {
      // Asked for before the change: the bytes may be the old picture. Whoever still wants it asks again.
      p.resolve({ ok: false, error: CHANGED })
    } else {
      const { mime, width, height } = result.value
      const photo: CachedPhoto = { url: this.options.createUrl(result.value), mime, width, height, bytes: result.value.bytes.byteLength }
      if (photo.bytes > this.options.maxBytes) this.oversized.add(photo.url)
      else this.entries.set(p.ref, photo)
      p.resolve({ ok: true, value: photo })
    }
    this.pump()
  }
}

/** The browser's way to turn photo bytes into a URL an <img> can show under the CSP (img-src blob:). */
export function blobUrlFactory(urls: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'> = URL): Pick<PhotoCacheOptions, 'createUrl' | 'revokeUrl'> {
  return {
    createUrl: (image) => urls.createObjectURL(new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.mime })),
    revokeUrl: (url) => urls.revokeObjectURL(url)
  }
}
