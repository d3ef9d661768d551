import { describe, expect, it } from 'vitest'
import type { Person } from '../../preload/contract'
import { everyoneOn, PeopleSnapshots, type CompleteLoad, type LoadObserver } from './people-snapshot'

function person(n: number): Person {
  return {
    id: `id-${n}`,
    displayName: `Person ${n}`,
    firstName: 'Person',
    lastName: String(n),
    email: `p${n}@example.test`,
    title: '',
    department: '',
    groups: [],
    status: 'active',
    role: 'user',
    hasPhoto: false,
    smallPhoto: '',
    canEditPhoto: true
  }
}

/** An observer that keeps what the writer thread would: each load's pages by start index. */
function recorder(): LoadObserver & { everyone(done: CompleteLoad | null): Person[] | null; abandoned: (load: number) => void; dropped: number[] } {
  const loads = new Map<number, Map<number, readonly Person[]>>()
  const dropped: number[] = []
  return {
    dropped,
    page: (load, page) => {
      const pages = loads.get(load) ?? new Map<number, readonly Person[]>()
      pages.set(page.startIndex, page.people)
      loads.set(load, pages)
    },
    abandoned: (load) => {
      loads.delete(load)
      dropped.push(load)
    },
    everyone: (done) => (done === null ? null : everyoneOn(done.pages.map((start) => loads.get(done.load)?.get(start) ?? [])))
  }
}

const range = (from: number, to: number): Person[] => Array.from({ length: to - from }, (_, i) => person(from + i))

describe('PeopleSnapshots', () => {
  it('completes when pages arriving out of order cover the portal total, in portal order', () => {
    const r = recorder()
    const s = new PeopleSnapshots(r)
    expect(s.add('a', { startIndex: 0, asked: 10, total: 30, people: range(0, 10) })).toBeNull()
    expect(s.add('a', { startIndex: 20, asked: 10, total: 30, people: range(20, 30) })).toBeNull()
    const all = r.everyone(s.add('a', { startIndex: 10, asked: 10, total: 30, people: range(10, 20) }))
    expect(all?.map((p) => p.id)).toEqual(range(0, 30).map((p) => p.id))
    // Done: a late page of that load starts nothing.
    expect(s.add('a', { startIndex: 10, asked: 10, total: 30, people: range(10, 20) })).toBeNull()
  })

  it('ends at a short page (the list ended before its total), and keeps each id once', () => {
    const r = recorder()
    const s = new PeopleSnapshots(r)
    expect(s.add('a', { startIndex: 0, asked: 10, total: 100, people: range(0, 10) })).toBeNull()
    // Someone moved between pages: id-9 comes again on the next page.
    const all = r.everyone(s.add('a', { startIndex: 10, asked: 10, total: 100, people: [person(9), ...range(10, 14)] }))
    expect(all?.map((p) => p.id)).toEqual(range(0, 14).map((p) => p.id))
  })

  it('an empty portal completes with its first page; a page 0 starts the load over', () => {
    const r = recorder()
    const s = new PeopleSnapshots(r)
    expect(r.everyone(s.add('a', { startIndex: 0, asked: 10, total: 0, people: [] }))).toEqual([])
    expect(s.add('b', { startIndex: 0, asked: 10, total: 20, people: range(0, 10) })).toBeNull()
    expect(s.add('b', { startIndex: 0, asked: 10, total: 15, people: range(100, 110) })).toBeNull()
    // The first load of b will never complete: its pages are let go.
    expect(r.dropped).toHaveLength(1)
    expect(r.everyone(s.add('b', { startIndex: 10, asked: 10, total: 15, people: range(110, 115) }))?.map((p) => p.id)).toEqual(range(100, 115).map((p) => p.id))
  })

  it('a page that never came keeps the load incomplete; dropping the account forgets it', () => {
    const r = recorder()
    const s = new PeopleSnapshots(r)
    s.add('a', { startIndex: 0, asked: 100, total: 50_000, people: range(0, 100) })
    for (let start = 200; start < 50_000; start += 100) expect(s.add('a', { startIndex: start, asked: 100, total: 50_000, people: range(start, start + 100) })).toBeNull()
    s.drop('a')
    expect(r.dropped).toHaveLength(1)
    expect(s.add('a', { startIndex: 100, asked: 100, total: 50_000, people: range(100, 200) })).toBeNull()
  })

  it('50,000 people in 500 pages arriving six at a time in any order complete once, everyone once', () => {
    const r = recorder()
    const s = new PeopleSnapshots(r)
    const starts = Array.from({ length: 500 }, (_, i) => i * 100)
    // Page 0 first (it starts the load), then the rest shuffled within windows of six.
    const order = [0, ...starts.slice(1).sort((a, b) => Math.floor(a / 600) - Math.floor(b / 600) || (b % 600) - (a % 600))]
    let completed: readonly Person[] | null = null
    let completions = 0
    for (const start of order) {
      const got = r.everyone(s.add('a', { startIndex: start, asked: 100, total: 50_000, people: range(start, start + 100) }))
      if (got !== null) {
        completed = got
        completions++
      }
    }
    expect(completions).toBe(1)
    expect(completed?.length).toBe(50_000)
    expect(new Set(completed?.map((p) => p.id)).size).toBe(50_000)
    expect(completed?.[49_999]?.id).toBe('id-49999')
  })
})
