/**
 * The plan's circles: each row's prepared image from main (bulk:preview), asked only by rows on
 * screen, at most 3 at a time, held back while the list scrolls fast; the circle shows the row's
 * crop of it (bulk-preview.vue), so a new crop needs no new picture. The same PhotoCache and
 * ScrollSettle as the people list's photos; prepared images are larger, so fewer are kept.
 */
import type { BulkRow, PhotoImage, Result } from '../../../preload/contract'
import { PhotoCache, type CachedPhoto, type PhotoCacheOptions } from '../photos/photo-cache'
import { ScrollSettle } from '../photos/scroll-settle'

/** Prepared images are 50–150 KB each: 16 MiB keeps about the 120 rows around the screen. */
const LIMITS = { maxBytes: 16 * 1024 * 1024, maxInFlight: 3 }

export interface BulkPreviewsOptions {
  readonly load: (jobId: string, rowId: string) => Promise<Result<PhotoImage>>
  readonly urls: () => Pick<PhotoCacheOptions, 'createUrl' | 'revokeUrl'>
}

export class BulkPreviews {
  #cache: PhotoCache | null = null
  readonly #scrolling = new ScrollSettle()

  constructor(private readonly options: BulkPreviewsOptions) {}

  /** A new job (or none): the old job's URLs are revoked. */
  reset(jobId: string | null): void {
    this.#cache?.dispose()
    this.#cache = null
    if (jobId === null) return
    this.#cache = new PhotoCache({ load: (rowId) => this.options.load(jobId, rowId), ...this.options.urls(), ...LIMITS })
  }

  peek(row: BulkRow): CachedPhoto | undefined {
    return this.#cache?.peek(row.rowId)
  }

  async get(row: BulkRow, signal?: AbortSignal): Promise<Result<CachedPhoto>> {
    const cached = this.peek(row)
    if (cached) return { ok: true, value: cached }
    if (!(await this.#scrolling.whenSettled(signal)) || !this.#cache) return { ok: false, error: { code: 'app/cancelled', message: 'The row scrolled away.' } }
    return this.#cache.get(row.rowId, signal)
  }

  /** The row's picture changed (turned): its next preview is loaded again. */
  forget(rowId: string): void {
    this.#cache?.forget((ref) => ref === rowId)
  }

  noteScroll(scrollTop: number): void {
    this.#scrolling.onScroll(scrollTop)
  }

  /** Highest number of previews loaded at once (tests). */
  get peakConcurrency(): number {
    return this.#cache?.peakConcurrency ?? 0
  }
}
