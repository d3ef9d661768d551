/**
 * Loads everyone in pages: the first page tells the total, then the remaining pages run with a
 * bounded number in flight (the portal caps `count` at 100 and we must not flood it). Each page is
 * handed over as it arrives, so the list fills while the rest is still loading.
 */
import type { AppError, PeoplePage, Result } from '../../../preload/contract'

const PAGE_SIZE = 100
/**
 * Pages in flight at once. Matches main's HTTP client (main/docspace/http.ts: 6 requests at once per
 * app, the bound that protects the portal, which allows 1,500 requests a minute per user): fewer
 * here left main's slots idle (100 pages at 50 ms latency missed the 3 s target with 4); more would
 * only queue in main, ahead of the row photos that share those slots.
 */
export const MAX_PAGES_IN_FLIGHT = 6

export interface PageLoaderOptions {
  readonly fetchPage: (startIndex: number, count: number) => Promise<Result<PeoplePage>>
  /** Called once per page that arrived, in arrival order (which may differ from portal order). */
  readonly onPage: (page: PeoplePage) => void
  readonly pageSize?: number
  readonly concurrency?: number
  readonly signal?: AbortSignal
}

export interface LoadSummary {
  readonly total: number
  readonly pages: number
}

const CANCELLED: AppError = { code: 'app/cancelled', message: 'Loading people was cancelled.' }

export async function loadAllPeople(options: PageLoaderOptions): Promise<Result<LoadSummary>> {
  const pageSize = options.pageSize ?? PAGE_SIZE
  const concurrency = Math.max(1, options.concurrency ?? MAX_PAGES_IN_FLIGHT)
  const { signal, onPage } = options
  if (signal?.aborted) return { ok: false, error: CANCELLED }

  const first = await options.fetchPage(0, pageSize)
  if (signal?.aborted) return { ok: false, error: CANCELLED }
  if (!first.ok) return first
  onPage(first.value)
  const total = first.value.total

  const starts: number[] = []
  for (let start = pageSize; start < total; start += pageSize) starts.push(start)
  let next = 0
  let failure: AppError | null = null

  // A fixed pool of workers each pulling the next start index: never more than `concurrency` in flight.
  const worker = async (): Promise<void> => {
    while (failure === null && next < starts.length) {
      if (signal?.aborted) return
      const start = starts[next++] as number
      const result = await options.fetchPage(start, Math.min(pageSize, total - start))
      if (signal?.aborted) return
      if (!result.ok) {
        failure ??= result.error
        return
      }
      onPage(result.value)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, starts.length) }, worker))

  if (signal?.aborted) return { ok: false, error: CANCELLED }
  if (failure !== null) return { ok: false, error: failure }
  return { ok: true, value: { total, pages: starts.length + 1 } }
}

/**
 * Keeps arrived pages by start index and yields their items in portal order. Items are
 * deduplicated by id because a person added or removed on the portal while loading shifts later pages.
 */
export class PageAccumulator<T> {
  private readonly pages = new Map<number, readonly T[]>()

  constructor(private readonly idOf: (item: T) => string) {}

  add(startIndex: number, items: readonly T[]): void {
    this.pages.set(startIndex, items)
  }

  inPortalOrder(): T[] {
    const seen = new Set<string>()
    const out: T[] = []
    for (const start of [...this.pages.keys()].sort((a, b) => a - b)) {
      for (const item of this.pages.get(start) ?? []) {
        const id = this.idOf(item)
        if (seen.has(id)) continue
        seen.add(id)
        out.push(item)
      }
    }
    return out
  }
}
