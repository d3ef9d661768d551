import { describe, expect, it } from 'vitest'
import type { PeoplePage, Result } from '../../../preload/contract'
import { createFakeAppApi, makePerson, ok } from '../testing/fake-app-api'
import { createTestPinia, settle } from '../testing/mount-app'
import { usePeopleStore } from './people-store'

function portalWithGate(total: number) {
  const people = Array.from({ length: total }, (_, i) => makePerson(i, { hasPhoto: i % 4 !== 0 }))
  let inFlight = 0
  let peak = 0
  let release!: () => void
  const gate = new Promise<void>((r) => (release = r))
  const page = async ({ startIndex, count }: { startIndex: number; count: number }): Promise<Result<PeoplePage>> => {
    inFlight++
    peak = Math.max(peak, inFlight)
    // Everything after the first two pages waits for the test to open the gate.
    if (startIndex >= 200) await gate
    await new Promise((r) => setTimeout(r, 1))
    inFlight--
    return ok({ people: people.slice(startIndex, startIndex + count), startIndex, total })
  }
  const api = createFakeAppApi({ people })
  return { api: { ...api, people: { ...api.people, page } }, people, release, peak: () => peak }
}

describe('people store', () => {
  it('shows the first rows before the last page, then everyone in portal order, never more than 4 pages in flight', async () => {
    const portal = portalWithGate(1234)
    createTestPinia(portal.api)
    const store = usePeopleStore()
    store.setUrlFactory({ createUrl: () => 'blob:x', revokeUrl: () => {} })
    const done = store.load('acc-1')
    await settle(10)
    expect(store.loadState).toBe('loading')
    expect(store.total).toBe(1234)
    expect(store.all.length).toBeGreaterThanOrEqual(100)
    expect(store.all.length).toBeLessThan(1234)
    portal.release()
    const result = await done
    expect(result).toEqual({ ok: true, value: { total: 1234 } })
    expect(store.loadState).toBe('done')
    expect(store.all.map((e) => e.person.id)).toEqual(portal.people.map((p) => p.id))
    expect(portal.peak()).toBeLessThanOrEqual(4)
    expect(store.counts).toEqual({ total: 1234, shown: 1234, shownWithoutPhoto: 309, totalWithoutPhoto: 309 })
  })

  it('filters, sorts and counts through the store', async () => {
    const people = [
      makePerson(1, { displayName: 'Zoë Łoś', department: 'IT', hasPhoto: false }),
      makePerson(2, { displayName: 'Adam Ng', department: 'HR' }),
      makePerson(3, { displayName: 'Mia Holm', department: 'IT' })
    ]
    createTestPinia(createFakeAppApi({ people }))
    const store = usePeopleStore()
    await store.load('acc-1')
    expect(store.visible.map((e) => e.person.displayName)).toEqual(['Adam Ng', 'Mia Holm', 'Zoë Łoś'])
    store.sort = { field: 'name', direction: 'desc' }
    expect(store.visible.map((e) => e.person.displayName)).toEqual(['Zoë Łoś', 'Mia Holm', 'Adam Ng'])
    store.filters.query = 'zoe los'
    expect(store.visible.map((e) => e.person.id)).toEqual(['u-00001'])
    store.filters.query = ''
    store.filters.photo = 'without-photo'
    expect(store.counts).toMatchObject({ shown: 1, total: 3, shownWithoutPhoto: 1 })
    expect(store.filtered).toBe(true)
    store.clearFilters()
    expect(store.filtered).toBe(false)
    expect(store.visible).toHaveLength(3)
  })

  it('reads every stored size with its real pixel dimensions', async () => {
    createTestPinia(createFakeAppApi({ people: [makePerson(1)] }))
    const store = usePeopleStore()
    store.setUrlFactory({ createUrl: (img) => `blob:${img.width}`, revokeUrl: () => {} })
    await store.load('acc-1')
    const result = await store.photoSizes('u-00001')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.sizes.map((s) => [s.size, s.photo.ok && `${s.photo.value.width}x${s.photo.value.height}`])).toEqual([
      ['original', '640x480'],
      ['retina', '360x360'],
      ['max', '200x200'],
      ['big', '82x82'],
      ['medium', '48x48'],
      ['small', '32x32']
    ])
  })

  it('puts a changed person in place (for the photo editor)', async () => {
    createTestPinia(createFakeAppApi({ people: [makePerson(1, { hasPhoto: false }), makePerson(2)] }))
    const store = usePeopleStore()
    await store.load('acc-1')
    store.replacePerson(makePerson(1, { hasPhoto: true, smallPhoto: 'new?hash=2' }))
    expect(store.all[0]?.person.smallPhoto).toBe('new?hash=2')
    expect(store.counts.totalWithoutPhoto).toBe(0)
  })

  it('a load for another account supersedes the running one', async () => {
    const portal = portalWithGate(500)
    createTestPinia(portal.api)
    const store = usePeopleStore()
    const first = store.load('acc-1')
    await settle(5)
    const second = store.load('acc-2')
    portal.release()
    expect((await first).ok).toBe(false)
    expect((await second).ok).toBe(true)
    expect(store.accountId).toBe('acc-2')
    expect(store.all).toHaveLength(500)
  })
})
