// The page loader against a portal whose numbers lie: the window must neither freeze nor ask for
// millions of pages, and answers that contradict each other end in a clear failure.
import { describe, expect, it } from 'vitest'
import type { PeoplePage, Result } from '../../../preload/contract'
import { makePerson, ok } from '../testing/fake-app-api'
import { loadAllPeople, MAX_PEOPLE_TOTAL } from './page-loader'

/** A portal with `real` people that claims `claimed` in every answer; `pageAt` may override a page. */
function lyingPortal(real: number, claimed: number, pageAt?: (start: number, count: number) => Result<PeoplePage> | undefined) {
  const people = Array.from({ length: real }, (_, i) => makePerson(i))
  const requested: number[] = []
  const fetchPage = async (start: number, count: number): Promise<Result<PeoplePage>> => {
    requested.push(start)
    return pageAt?.(start, count) ?? ok({ people: people.slice(start, start + count), startIndex: start, total: claimed })
  }
  return { fetchPage, requested }
}

describe('loadAllPeople with a portal whose numbers cannot be trusted', () => {
  it('refuses a total of 1e12 at once, after one request, with a people-count failure', async () => {
    const portal = lyingPortal(300, 1e12)
    const started = Date.now()
    const result = await loadAllPeople({ fetchPage: portal.fetchPage, onPage: () => {} })
    expect(result).toMatchObject({ ok: false, error: { code: 'portal/unexpected', facts: { answerProblem: 'people-count' } } })
    expect(portal.requested).toEqual([0])
    expect(Date.now() - started).toBeLessThan(500)
  })

  it.each([Number.NaN, -5, 1.5, Number.POSITIVE_INFINITY, MAX_PEOPLE_TOTAL + 1])('refuses the impossible total %s', async (total) => {
    const result = await loadAllPeople({ fetchPage: lyingPortal(10, total).fetchPage, onPage: () => {} })
    expect(result).toMatchObject({ ok: false, error: { facts: { answerProblem: 'people-count' } } })
  })

  it('stops on a short page: a claimed 150,000 with 250 real people asks for a handful of pages, not 1,500', async () => {
    const portal = lyingPortal(250, 150_000)
    const arrived: string[] = []
    const result = await loadAllPeople({ fetchPage: portal.fetchPage, onPage: (p) => arrived.push(...p.people.map((x) => x.id)) })
    expect(result).toEqual({ ok: true, value: { total: 250, pages: expect.any(Number) } })
    // Page 0, then at most about two rounds of the six workers: the short page at 200 ends the list for everyone.
    expect(portal.requested.length).toBeLessThanOrEqual(1 + 2 * 6)
    expect(new Set(arrived).size).toBe(250)
  })

  it('ends the list at a short first page even when the total claims more', async () => {
    const portal = lyingPortal(40, 5_000)
    const result = await loadAllPeople({ fetchPage: portal.fetchPage, onPage: () => {} })
    expect(result).toEqual({ ok: true, value: { total: 40, pages: 1 } })
    expect(portal.requested).toEqual([0])
  })

  it('fails with people-count when a page after a short one still has people (the answers contradict each other)', async () => {
    // 1,000 people, but the page at 200 answers only 10 of them: pages 300 and later then contradict it.
    const all = Array.from({ length: 1000 }, (_, i) => makePerson(i))
    const portal = lyingPortal(1000, 1000, (start, count) =>
      start === 200 ? ok({ people: all.slice(200, 210), startIndex: start, total: 1000 }) : ok({ people: all.slice(start, start + count), startIndex: start, total: 1000 })
    )
    const result = await loadAllPeople({ fetchPage: portal.fetchPage, onPage: () => {} })
    expect(result).toMatchObject({ ok: false, error: { code: 'portal/unexpected', facts: { answerProblem: 'people-count' } } })
  })
})
