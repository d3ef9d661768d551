/**
 * Loads everyone in pages: the first page tells the total, then the remaining pages run with a
 * bounded number in flight (the portal caps `count` at 100 and we must not flood it). Each page is
 * handed over as it arrives, so the list fills while the rest is still loading.
 */
import type { AppError, PeoplePage, Result } from '../../../preload/contract'

/** People per portal request: the portal caps `count` at 100 (CONTRACT.md §5.1). */
export const PORTAL_PAGE_SIZE = 100
/**
 * Portal requests at once: main's HTTP client (main/docspace/http.ts) lets 6 run per portal, the
 * bound that protects the portal (1,500 requests a minute per user).
 */
export const PORTAL_REQUESTS_IN_FLIGHT = 6
/**
 * People per people:page call: main asks the portal for it in pages of 100, all at once under its
 * own bound. Two portal pages a call keep the calls in flight to 3, so a browser's 6 connections to the
 * web host (one held by its event stream) never limit them, and the list arrives in half the steps.
 */
export const PAGE_SIZE = 2 * PORTAL_PAGE_SIZE
/**
 * A total above this is not believed (main holds the portal to the same bound): paging to it would
 * only schedule millions of requests and freeze the window.
 */
export const MAX_PEOPLE_TOTAL = 200_000
/**
 * Calls in flight at once: enough to keep main's 6 portal slots busy (fewer left them idle: 100 pages at
 * 50 ms latency missed the 3 s target with 4 slots busy); more would only queue in main, ahead of
 * the row photos that share those slots.
 */
export const MAX_PAGES_IN_FLIGHT = PORTAL_REQUESTS_IN_FLIGHT / (PAGE_SIZE / PORTAL_PAGE_SIZE)

export interface PageLoaderOptions {
  readonly fetchPage: (startIndex: number, count: number) => Promise<Result<PeoplePage>>
  /** Called once per page that arrived, in arrival order (which may differ from portal order). */
  readonly onPage: (page: PeoplePage) => void
  readonly pageSize?: number
  readonly concurrency?: number
  readonly signal?: AbortSignal
}

export interface LoadSummary {
  /** People in the list: the portal's total, or fewer when its pages ended early. */
  readonly total: number
  readonly pages: number
}

const CANCELLED: AppError = { code: 'app/cancelled', message: 'Loading people was cancelled.' }

function peopleCount(message: string): { ok: false; error: AppError } {
  return { ok: false, error: { code: 'portal/unexpected', message, facts: { answerProblem: 'people-count' } } }
}

/**
 * The portal's numbers are checked, not trusted: an impossible total fails at once, a page shorter
 * than asked ends the list there (no later page is asked for), and a page with people after that end
 * means the answers contradict each other.
 */
export async function loadAllPeople(options: PageLoaderOptions): Promise<Result<LoadSummary>> {
  const pageSize = options.pageSize ?? PAGE_SIZE
  const concurrency = Math.max(1, options.concurrency ?? MAX_PAGES_IN_FLIGHT)
  const { signal, onPage } = options
  if (signal?.aborted) return { ok: false, error: CANCELLED }

  const first = await options.fetchPage(0, pageSize)
  if (signal?.aborted) return { ok: false, error: CANCELLED }
  if (!first.ok) return first
  const total = first.value.total
  if (!Number.isInteger(total) || total < 0 || total > MAX_PEOPLE_TOTAL) return peopleCount(`the portal claims a total of ${total} people`)
  onPage(first.value)
  /** Where the list ends: the total, or the end of the first page that came back short. */
  let end = first.value.people.length < pageSize ? Math.min(total, first.value.people.length) : total
  let pages = 1
  const later: { start: number; count: number }[] = []

  let next = pageSize
  let failure: AppError | null = null

  // A fixed pool of workers each taking the next start index: never more than `concurrency` in flight.
  const worker = async (): Promise<void> => {
    while (failure === null && next < end) {
      if (signal?.aborted) return
      const start = next
      next += pageSize
      const count = Math.min(pageSize, end - start)
      const result = await options.fetchPage(start, count)
      if (signal?.aborted) return
      if (!result.ok) {
        failure ??= result.error
        return
      }
      pages++
      later.push({ start, count: result.value.people.length })
      if (result.value.people.length < count) end = Math.min(end, start + result.value.people.length)
      onPage(result.value)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))

  if (signal?.aborted) return { ok: false, error: CANCELLED }
  if (failure !== null) return { ok: false, error: failure }
  // People on a page that starts past where an earlier-answered page said the list ends.
  if (later.some((p) => p.count > 0 && p.start >= end)) return peopleCount('a page after the end of the list still had people')
  return { ok: true, value: { total: end, pages } }
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
