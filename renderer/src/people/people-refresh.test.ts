// Applying the portal's fresh list over the cached one: unchanged people keep their entry objects,
// changed and new ones get new entries, and the people store shows the cache before any page.
import { describe, expect, it } from 'vitest'
import type { PeoplePage, Person, Result } from '../../../preload/contract'
import { createFakeAppApi, makePerson, ok } from '../testing/fake-app-api'
import { createTestPinia, settle } from '../testing/mount-app'
import { usePeopleStore } from '../stores/people-store'
import { indexPerson } from './people-index'
import { cachedBodyOf, cachedBytesOf } from '../testing/cached-people-body'
import { applyFresh, samePerson } from './people-refresh'

const cachedPeople = Array.from({ length: 5 }, (_, i) => makePerson(i))
/** What the portal has now: #1 renamed, #3 gone, #9 new (second in the list), the rest unchanged but copied (as JSON would). */
const freshPeople: Person[] = [
  structuredClone(cachedPeople[0]!),
  makePerson(9, { displayName: 'Nova Newcomer' }),
  { ...cachedPeople[1]!, displayName: 'Renamed One', lastName: 'One' },
  structuredClone(cachedPeople[2]!),
  structuredClone(cachedPeople[4]!)
]

describe('applyFresh', () => {
  it('keeps the entry objects of unchanged people, even when their position moved', () => {
    const current = cachedPeople.map((p, i) => indexPerson(p, i))
    const { list, added, removed, changed } = applyFresh(current, freshPeople)
    expect(list.map((e) => e.person.displayName)).toEqual(['Person 0', 'Nova Newcomer', 'Renamed One', 'Person 2', 'Person 4'])
    expect({ added, removed, changed }).toEqual({ added: 1, removed: 1, changed: 1 })
    expect(list[0]).toBe(current[0])
    expect(list[3]).toBe(current[2])
    expect(list[4]).toBe(current[4])
    expect(list[2]).not.toBe(current[1])
    // Positions follow the portal's order now, so ties still sort as the portal lists people.
    expect(list.map((e) => e.order)).toEqual([0, 1, 2, 3, 4])
    // The renamed person is found by the new name.
    expect(list[2]?.haystack).toContain('renamed one')
  })

  it('tells a changed photo, group or lock apart from a copy', () => {
    const p = makePerson(1, { groups: [{ id: 'g', name: 'HR' }] })
    expect(samePerson(p, structuredClone(p))).toBe(true)
    expect(samePerson(p, { ...p, smallPhoto: `${p.smallPhoto}2` })).toBe(false)
    expect(samePerson(p, { ...p, groups: [{ id: 'g', name: 'People' }] })).toBe(false)
    expect(samePerson(p, { ...p, canEditPhoto: false, refusal: 'owner' })).toBe(false)
  })
})

describe('people store on a second start', () => {
  it('shows the cached list before any page answers, says it is updating, then applies only the differences', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const base = createFakeAppApi({ people: freshPeople })
    const page = async ({ startIndex, count }: { startIndex: number; count: number }): Promise<Result<PeoplePage>> => {
      await gate
      return ok({ people: freshPeople.slice(startIndex, startIndex + count), startIndex, total: freshPeople.length })
    }
    const cached = async () => ok({ savedAt: '2026-12-01T09:00:00.000Z', body: cachedBytesOf(cachedBodyOf(cachedPeople)) })
    createTestPinia({ ...base, people: { ...base.people, page, cached } })
    const store = usePeopleStore()
    store.setUrlFactory({ createUrl: () => 'blob:x', revokeUrl: () => {} })

    const done = store.load('acc-1')
    await settle(5)
    expect(store.visible.map((e) => e.person.displayName)).toEqual(cachedPeople.map((p) => p.displayName))
    expect(store.refreshing).toBe(true)
    expect(store.loadState).toBe('loading')
    store.select(cachedPeople[4]!.id)
    const before = new Map(store.all.map((e) => [e.person.id, e]))

    release()
    expect(await done).toEqual({ ok: true, value: { total: 5 } })
    expect(store.refreshing).toBe(false)
    expect(store.loadState).toBe('done')
    expect(store.all.map((e) => e.person.displayName)).toEqual(['Person 0', 'Nova Newcomer', 'Renamed One', 'Person 2', 'Person 4'])
    for (const id of [cachedPeople[0]!.id, cachedPeople[2]!.id, cachedPeople[4]!.id]) expect(store.all.find((e) => e.person.id === id)).toBe(before.get(id))
    expect(store.selected?.id).toBe(cachedPeople[4]!.id)
  })

  it('loads as on a first start when there is no cache', async () => {
    createTestPinia(createFakeAppApi({ people: freshPeople }))
    const store = usePeopleStore()
    await store.load('acc-1')
    expect(store.refreshing).toBe(false)
    expect(store.all).toHaveLength(5)
  })
})
