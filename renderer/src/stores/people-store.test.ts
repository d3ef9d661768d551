import { describe, expect, it } from 'vitest'
import type { PeoplePage, Result } from '../../../preload/contract'
import { createFakeAppApi, fail, makeAccount, makePerson, ok, overviewOf } from '../testing/fake-app-api'
import { createTestPinia, settle } from '../testing/mount-app'
import { MAX_PAGES_IN_FLIGHT } from '../people/page-loader'
import { useAccountsStore } from './accounts-store'
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
  it(`shows the first rows before the last page, then everyone in portal order, never more than ${MAX_PAGES_IN_FLIGHT} pages in flight`, async () => {
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
    expect(portal.peak()).toBeLessThanOrEqual(MAX_PAGES_IN_FLIGHT)
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

  describe('Users and Guests, whom the portal refuses the list (CONTRACT.md §2.3)', () => {
    const everyone = Array.from({ length: 250 }, (_, i) => makePerson(i, { canEditPhoto: false }))
    const me = makePerson(42, { displayName: 'Uma User', email: 'uma@example.com', canEditPhoto: true })
    const people = everyone.map((p) => (p.id === me.id ? me : p))

    for (const role of ['user', 'guest'] as const) {
      it(`as a ${role}: loads only their own row through people:get, never people:page, and it is editable`, async () => {
        const account = makeAccount({ user: { id: me.id, displayName: me.displayName, email: me.email, role }, policy: { rule: 'self-only', portalVersion: '3.7.2' } })
        const api = createFakeAppApi({ people, overview: overviewOf([account]) })
        createTestPinia(api)
        await useAccountsStore().init()
        const store = usePeopleStore()
        store.setUrlFactory({ createUrl: (img) => `blob:${img.width}`, revokeUrl: () => {} })

        expect(await store.load(account.id)).toEqual({ ok: true, value: { total: 1 } })
        expect(api.calls).not.toContain('people.page')
        expect(api.args['people.get']).toEqual([{ accountId: account.id, userId: me.id }])
        expect(store.scope).toBe('self')
        expect(store.loadState).toBe('done')
        expect(store.loadError).toBeNull()
        expect(store.visible.map((e) => e.person.displayName)).toEqual(['Uma User'])
        expect(store.visible[0]?.person.canEditPhoto).toBe(true)
        expect(store.counts).toEqual({ total: 1, shown: 1, shownWithoutPhoto: 0, totalWithoutPhoto: 0 })

        // The detail panel's sizes and the editor's row update work on that row as for anyone.
        const sizes = await store.photoSizes(me.id)
        expect(sizes.ok && sizes.value.sizes.map((s) => s.photo.ok && s.photo.value.url)).toEqual(['blob:640', 'blob:360', 'blob:200', 'blob:82', 'blob:48', 'blob:32'])
        store.replacePerson({ ...me, hasPhoto: false })
        expect(store.counts.totalWithoutPhoto).toBe(1)
      })
    }

    it('a room admin still loads everyone', async () => {
      const account = makeAccount({ user: { id: 'u-00001', displayName: 'R', email: 'r@example.com', role: 'room-admin' } })
      const api = createFakeAppApi({ people, overview: overviewOf([account]) })
      createTestPinia(api)
      await useAccountsStore().init()
      const store = usePeopleStore()
      await store.load(account.id)
      expect(store.scope).toBe('everyone')
      expect(store.all).toHaveLength(250)
      expect(api.calls).not.toContain('people.get')
    })

    it("a failing people:get of oneself is reported as the load's failure", async () => {
      const account = makeAccount({ user: { id: me.id, displayName: me.displayName, email: me.email, role: 'user' } })
      createTestPinia(createFakeAppApi({ people, overview: overviewOf([account]), peopleApi: { get: async () => fail('net/timeout') } }))
      await useAccountsStore().init()
      const store = usePeopleStore()
      const result = await store.load(account.id)
      expect(result).toMatchObject({ ok: false, error: { code: 'net/timeout' } })
      expect(store.loadState).toBe('failed')
      expect(store.loadError?.code).toBe('net/timeout')
    })
  })

  it('holds row photo fetches back until the list has loaded, and skips rows that went away meanwhile', async () => {
    // While pages stream in, each flush re-sorts the rows on screen: their photos would mostly be
    // wasted, and they would take connections and main's portal slots from the pages.
    const portal = portalWithGate(1234)
    createTestPinia(portal.api)
    const store = usePeopleStore()
    store.setUrlFactory({ createUrl: (img) => `blob:${img.width}`, revokeUrl: () => {} })
    const done = store.load('acc-1')
    await settle(10)
    expect(store.loadState).toBe('loading')
    const [one, two] = portal.people.map((p) => p.smallPhoto) as [string, string]
    const gone = new AbortController()
    const oneResult = store.rowPhoto(one)
    const twoResult = store.rowPhoto(two, gone.signal)
    await settle(5)
    const imageCalls = () => portal.api.calls.filter((c) => c === 'photos.image').length
    expect(imageCalls()).toBe(0)
    gone.abort()
    expect(await twoResult).toMatchObject({ ok: false, error: { code: 'app/cancelled' } })
    portal.release()
    expect((await done).ok).toBe(true)
    expect((await oneResult).ok).toBe(true)
    expect(portal.api.args['photos.image']?.map((a) => (a as { ref: string }).ref)).toEqual([one])
  })

  it('holds row photo fetches back while the list scrolls fast, and skips rows that scrolled away', async () => {
    const people = [makePerson(1), makePerson(2), makePerson(3)]
    const api = createFakeAppApi({ people })
    createTestPinia(api)
    const store = usePeopleStore()
    store.setUrlFactory({ createUrl: (img) => `blob:${img.width}`, revokeUrl: () => {} })
    await store.load('acc-1')
    const [one, two, three] = people.map((p) => p.smallPhoto) as [string, string, string]

    // Cached before the fling: answered at once, no request.
    expect((await store.rowPhoto(one)).ok).toBe(true)
    const imageCalls = () => api.calls.filter((c) => c === 'photos.image').length
    expect(imageCalls()).toBe(1)

    store.noteScroll(0)
    store.noteScroll(6_000) // a fling: thousands of pixels in a moment
    const gone = new AbortController()
    const stays = new AbortController()
    const goneResult = store.rowPhoto(two, gone.signal)
    const staysResult = store.rowPhoto(three, stays.signal)
    expect((await store.rowPhoto(one)).ok).toBe(true)
    await settle(5)
    expect(imageCalls()).toBe(1)
    gone.abort()
    expect(await goneResult).toMatchObject({ ok: false, error: { code: 'app/cancelled' } })
    expect((await staysResult).ok).toBe(true) // after the list has been calm for a moment
    expect(imageCalls()).toBe(2)
    expect(api.args['photos.image']?.map((a) => (a as { ref: string }).ref)).toEqual([one, three])
  })

  it('after a change the row and panel load the photo afresh even when the portal repeats the old ref', async () => {
    // The real server can answer the old ?hash= for 20 minutes after a write, while the file holds the new picture.
    const people = [makePerson(1), makePerson(2)]
    const api = createFakeAppApi({ people })
    createTestPinia(api)
    const store = usePeopleStore()
    let made = 0
    const revoked: string[] = []
    store.setUrlFactory({ createUrl: () => `blob:${++made}`, revokeUrl: (u) => revoked.push(u) })
    await store.load('acc-1')
    const [changed, other] = store.all.map((e) => e.person) as [(typeof people)[0], (typeof people)[0]]
    const before = await store.rowPhoto(changed.smallPhoto)
    const otherBefore = await store.rowPhoto(other.smallPhoto)
    const sizesBefore = await store.photoSizes(changed.id)
    expect(store.peekRowPhoto(changed.smallPhoto)).toBeDefined()
    const revision = store.photoRevision

    store.replacePerson({ ...changed }) // same smallPhoto ref

    expect(store.photoRevision).toBeGreaterThan(revision)
    expect(store.peekRowPhoto(changed.smallPhoto)).toBeUndefined()
    const after = await store.rowPhoto(changed.smallPhoto)
    expect(after.ok && before.ok && after.value.url !== before.value.url).toBe(true)
    expect(before.ok && revoked).toContain(before.ok ? before.value.url : '')
    // Other people's photos stay cached.
    expect(otherBefore.ok && store.peekRowPhoto(other.smallPhoto)?.url).toBe(otherBefore.ok ? otherBefore.value.url : '')
    const sizesAfter = await store.photoSizes(changed.id)
    const urlsOf = (r: typeof sizesBefore) => (r.ok ? r.value.sizes.map((s) => (s.photo.ok ? s.photo.value.url : '')) : [])
    expect(urlsOf(sizesAfter).some((u) => urlsOf(sizesBefore).includes(u))).toBe(false)
  })
})
