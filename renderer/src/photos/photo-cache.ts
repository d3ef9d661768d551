/**
 * Photos as blob: URLs, cached by PhotoRef. The ref's ?hash= is no proof of a new picture (the real
 * server can repeat the old one for 20 minutes after a write), so the people store drops a person's
 * photos when it learns of a change (forget). Only rows that are actually rendered ask for their photo; a request whose row
 * scrolled away before its turn is dropped; at most `maxInFlight` loads run at once; the least
 * recently used URLs are revoked when the cache is full.
 */
import type { AppError, PhotoImage, PhotoRef, Result } from '../../../preload/contract'

export interface CachedPhoto {
  readonly url: string
  readonly mime: string
  /** Real pixel size, decoded by main from the bytes. */
  readonly width: number
  readonly height: number
}

export interface PhotoCacheOptions {
  readonly load: (ref: PhotoRef) => Promise<Result<PhotoImage>>
  readonly createUrl: (image: PhotoImage) => string
  readonly revokeUrl: (url: string) => void
  readonly maxEntries: number
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
  /** Insertion order is recency order: a hit is re-inserted at the end. */
  private readonly entries = new Map<PhotoRef, CachedPhoto>()
  private readonly pending = new Map<PhotoRef, Pending>()
  private readonly queue: Pending[] = []
  /** Loads started before their ref was forgotten. */
  private readonly stale = new Set<Pending>()
  private inFlight = 0
  private peakInFlight = 0
  private disposed = false

  constructor(private readonly options: PhotoCacheOptions) {}

  /** A cached photo without loading anything. */
  peek(ref: PhotoRef): CachedPhoto | undefined {
    const hit = this.entries.get(ref)
    if (hit) this.touch(ref, hit)
    return hit
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

  /**
   * Drops (and revokes) every cached photo whose ref matches; a load of such a ref that is queued or
   * running is not kept and answers app/cancelled, so the next ask loads afresh.
   */
  forget(matches: (ref: PhotoRef) => boolean): void {
    for (const [ref, photo] of [...this.entries]) {
      if (!matches(ref)) continue
      this.entries.delete(ref)
      this.options.revokeUrl(photo.url)
    }
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
    for (const photo of this.entries.values()) this.options.revokeUrl(photo.url)
    this.entries.clear()
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
      const photo: CachedPhoto = { url: this.options.createUrl(result.value), mime, width, height }
      this.entries.set(p.ref, photo)
      this.evict()
      p.resolve({ ok: true, value: photo })
    }
    this.pump()
  }

  private touch(ref: PhotoRef, photo: CachedPhoto): void {
    this.entries.delete(ref)
    this.entries.set(ref, photo)
  }

  private evict(): void {
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next()
      if (oldest.done) return
      const photo = this.entries.get(oldest.value)
      this.entries.delete(oldest.value)
      if (photo) this.options.revokeUrl(photo.url)
    }
  }
}

/** The browser's way to turn photo bytes into a URL an <img> can show under the CSP (img-src blob:). */
export function blobUrlFactory(urls: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'> = URL): Pick<PhotoCacheOptions, 'createUrl' | 'revokeUrl'> {
  return {
    createUrl: (image) => urls.createObjectURL(new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.mime })),
    revokeUrl: (url) => urls.revokeObjectURL(url)
  }
}
