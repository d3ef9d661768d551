/**
 * Reads a portal's whole people list in pages, without trusting its numbers: the total only bounds
 * the paging (the client has already refused an impossible one), a page shorter than asked ends the
 * list there, and a page with people past that end means the answers contradict each other.
 */
import type { AppError, Result } from '../../preload/contract'
import { fail, ok } from '../core/result'
import type { DocSpaceClient } from './client'
import type { EmployeeFullDto } from './dto'

export interface PagingOptions {
  /** People per request; the portal takes 1..100 (CONTRACT.md §5.1). */
  readonly pageSize: number
  /** Pages in flight at once. */
  readonly concurrency: number
}

/** Every person in portal order (possibly with repeats, when the list shifted while it was read). */
export async function readAllPeople(client: Pick<DocSpaceClient, 'peoplePage'>, options: PagingOptions): Promise<Result<EmployeeFullDto[]>> {
  const { pageSize } = options
  const first = await client.peoplePage({ startIndex: 0, count: pageSize })
  if (!first.ok) return first
  const pages = new Map<number, readonly EmployeeFullDto[]>([[0, first.value.people]])
  let end = first.value.people.length < pageSize ? first.value.people.length : first.value.total
  let next = pageSize
  let failed: AppError | undefined
  const lane = async (): Promise<void> => {
    while (next < end && !failed) {
      const start = next
      next += pageSize
      const page = await client.peoplePage({ startIndex: start, count: Math.min(pageSize, end - start) })
      if (!page.ok) {
        failed ??= page.error
        return
      }
      pages.set(start, page.value.people)
      if (page.value.people.length < Math.min(pageSize, end - start)) end = Math.min(end, start + page.value.people.length)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, lane))
  if (failed) return { ok: false, error: failed }
  if ([...pages].some(([start, people]) => start >= end && people.length > 0)) {
    return fail('portal/unexpected', 'a page after the end of the people list still had people', { facts: { answerProblem: 'people-count' } })
  }
  return ok([...pages.keys()].sort((a, b) => a - b).flatMap((start) => pages.get(start) ?? []))
}
