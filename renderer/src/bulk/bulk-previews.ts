/**
 * The plan's circles: each row's proposed crop as a small JPEG from main, asked only by rows on
 * screen, at most 3 at a time, held back while the list scrolls fast, and keyed by the crop so a
 * new crop fetches a new picture. The same PhotoCache and ScrollSettle as the people list's photos.
 */
import type { BulkRow, Result } from '../../../preload/contract'
import { PhotoCache, type CachedPhoto, type PhotoCacheOptions } from '../photos/photo-cache'
import { ScrollSettle } from '../photos/scroll-settle'
import type { BulkPreview } from './bulk-api'
import { cropKey } from './bulk-rows'

const LIMITS = { maxEntries: 400, maxInFlight: 3 }

export interface BulkPreviewsOptions {
  readonly load: (jobId: string, rowId: string) => Promise<Result<BulkPreview>>
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
    const load = (key: string) => this.options.load(jobId, key.slice(0, key.indexOf('|')))
    this.#cache = new PhotoCache({ load, ...this.options.urls(), ...LIMITS })
  }

  peek(row: BulkRow): CachedPhoto | undefined {
    return this.#cache?.peek(keyOf(row))
  }

  async get(row: BulkRow, signal?: AbortSignal): Promise<Result<CachedPhoto>> {
    const cached = this.peek(row)
    if (cached) return { ok: true, value: cached }
    if (!(await this.#scrolling.whenSettled(signal)) || !this.#cache) return { ok: false, error: { code: 'app/cancelled', message: 'The row scrolled away.' } }
    return this.#cache.get(keyOf(row), signal)
  }

  noteScroll(scrollTop: number): void {
    this.#scrolling.onScroll(scrollTop)
  }

  /** Highest number of previews loaded at once (tests). */
  get peakConcurrency(): number {
    return this.#cache?.peakConcurrency ?? 0
  }
}

function keyOf(row: BulkRow): string {
  return `${row.rowId}|${cropKey(row.crop)}`
}
