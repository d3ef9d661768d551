import { describe, expect, it } from 'vitest'
import type { PeoplePage, Result } from '../../../preload/contract'
import { fail, makePerson, ok } from '../testing/fake-app-api'
import { loadAllPeople, MAX_PAGES_IN_FLIGHT, PAGE_SIZE, PageAccumulator, PORTAL_PAGE_SIZE } from './page-loader'

/** A portal of `total` people whose pages answer when the test says so, recording concurrency. */
function controlledPortal(total: number) {
  const people = Array.from({ length: total }, (_, i) => makePerson(i))
  const waiting: { start: number; count: number; answer: (r: Result<PeoplePage>) => void }[] = []
  let inFlight = 0
  let peak = 0
  const requested: { start: number; count: number }[] = []
  const fetchPage = (start: number, count: number) =>
    new Promise<Result<PeoplePage>>((resolve) => {
      inFlight++
      peak = Math.max(peak, inFlight)
      requested.push({ start, count })
      waiting.push({
        start,
        count,
        answer: (r) => {
          inFlight--
          resolve(r)
        }
      })
    })
  const pageOf = (start: number, count: number): Result<PeoplePage> => ok({ people: people.slice(start, start + count), startIndex: start, total })
  return {
    people,
    fetchPage,
    requested,
    get peak() {
      return peak
    },
    get waiting() {
      return waiting
    },
    /** Answers one waiting request (by position in the queue) with its real page. */
    answer(position = 0, result?: Result<PeoplePage>) {
      const [w] = waiting.splice(position, 1)
      if (!w) throw new Error('nothing waiting')
      w.answer(result ?? pageOf(w.start, w.count))
    }
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('loadAllPeople', () => {
  it('keeps as many portal pages in flight as main lets through at once (6), no more', () => {
    // main/docspace/http.ts bounds each portal at 6 requests; fewer here leaves main's slots idle.
    expect(MAX_PAGES_IN_FLIGHT * (PAGE_SIZE / PORTAL_PAGE_SIZE)).toBe(6)
    expect(PAGE_SIZE % PORTAL_PAGE_SIZE).toBe(0)
  })

  it('asks for page 0 first, then the rest with at most 6 in flight, and hands over pages as they arrive', async () => {
    const portal = controlledPortal(1234)
    const arrived: number[] = []
    const done = loadAllPeople({ fetchPage: portal.fetchPage, onPage: (p) => arrived.push(p.startIndex), pageSize: 100, concurrency: 6 })

    await tick()
    expect(portal.requested).toEqual([{ start: 0, count: 100 }])
    portal.answer()
    await tick()
    expect(arrived).toEqual([0])
    expect(portal.waiting.map((w) => w.start)).toEqual([100, 200, 300, 400, 500, 600])

    // Answer out of order: the newest first. Rows keep arriving before the last page.
    while (portal.waiting.length > 0) {
      expect(portal.waiting.length).toBeLessThanOrEqual(6)
      portal.answer(portal.waiting.length - 1)
      await tick()
    }
    const result = await done
    expect(result).toEqual({ ok: true, value: { total: 1234, pages: 13 } })
    expect(portal.peak).toBe(6)
    expect(arrived).toHaveLength(13)
    expect(arrived.indexOf(1200)).toBeGreaterThan(0)
    // The last page asks only for what is left.
    expect(portal.requested.find((r) => r.start === 1200)).toEqual({ start: 1200, count: 34 })
  })

  it('respects a smaller concurrency bound', async () => {
    const portal = controlledPortal(1000)
    const done = loadAllPeople({ fetchPage: portal.fetchPage, onPage: () => {}, concurrency: 2 })
    await tick()
    portal.answer()
    for (;;) {
      await tick()
      if (portal.waiting.length === 0) break
      expect(portal.waiting.length).toBeLessThanOrEqual(2)
      portal.answer()
    }
    expect((await done).ok).toBe(true)
    expect(portal.peak).toBe(2)
  })

  it('loads an empty portal and a single page with one request', async () => {
    for (const total of [0, 37, 100]) {
      const portal = controlledPortal(total)
      const done = loadAllPeople({ fetchPage: portal.fetchPage, onPage: () => {} })
      await tick()
      portal.answer()
      expect(await done).toEqual({ ok: true, value: { total, pages: 1 } })
      expect(portal.requested).toHaveLength(1)
    }
  })

  it('stops scheduling after a failure and reports it, keeping the pages that arrived', async () => {
    const portal = controlledPortal(2000)
    const arrived: number[] = []
    const done = loadAllPeople({ fetchPage: portal.fetchPage, onPage: (p) => arrived.push(p.startIndex), pageSize: 100, concurrency: 6 })
    await tick()
    portal.answer()
    await tick()
    portal.answer(0, fail('portal/server-error'))
    portal.answer(0)
    portal.answer(0)
    portal.answer(0)
    await tick()
    while (portal.waiting.length > 0) {
      portal.answer(0)
      await tick()
    }
    const result = await done
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('portal/server-error')
    expect(arrived.length).toBeGreaterThan(1)
    expect(portal.requested.length).toBeLessThan(20)
  })

  it('reports the first page failing (for example an expired session)', async () => {
    const result = await loadAllPeople({ fetchPage: async () => fail('auth/expired'), onPage: () => {} })
    expect(result).toMatchObject({ ok: false, error: { code: 'auth/expired' } })
  })

  it('stops when cancelled and hands over nothing more', async () => {
    const portal = controlledPortal(1000)
    const controller = new AbortController()
    const arrived: number[] = []
    const done = loadAllPeople({ fetchPage: portal.fetchPage, onPage: (p) => arrived.push(p.startIndex), signal: controller.signal })
    await tick()
    portal.answer()
    await tick()
    controller.abort()
    while (portal.waiting.length > 0) portal.answer(0)
    const result = await done
    expect(result).toMatchObject({ ok: false, error: { code: 'app/cancelled' } })
    expect(arrived).toEqual([0])
    // Page 0, then the first batch in flight; nothing asked after the cancel.
    expect(portal.requested).toHaveLength(1 + MAX_PAGES_IN_FLIGHT)
  })
})

describe('PageAccumulator', () => {
  it('yields portal order whatever the arrival order, without duplicates from shifted pages', () => {
    const acc = new PageAccumulator<{ id: string }>((x) => x.id)
    acc.add(2, [{ id: 'c' }, { id: 'd' }])
    acc.add(0, [{ id: 'a' }, { id: 'b' }])
    acc.add(4, [{ id: 'd' }, { id: 'e' }])
    expect(acc.inPortalOrder().map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e'])
  })
})
