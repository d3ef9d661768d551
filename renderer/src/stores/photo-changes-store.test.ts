import { describe, expect, it } from 'vitest'
import type { PeoplePage, PhotoChange, Result } from '../../../preload/contract'
import { createFakeAppApi, makeAccount, makePerson, overviewOf } from '../testing/fake-app-api'
import { createTestPinia, settle } from '../testing/mount-app'
import { useAccountsStore } from './accounts-store'
import { usePeopleStore } from './people-store'
import { newJobId, usePhotoChangesStore } from './photo-changes-store'
import { useToastStore } from './toast-store'

function setup(options: { page?: (arg: { startIndex: number; count: number }) => Promise<Result<PeoplePage>> } = {}) {
  const people = [makePerson(1, { displayName: 'Zoë Ålander' }), makePerson(2, { displayName: 'Adam Ng', hasPhoto: false })]
  const base = createFakeAppApi({ people, overview: overviewOf([makeAccount()]) })
  const api = options.page ? { ...base, people: { ...base.people, page: options.page } } : base
  createTestPinia(api)
  return { api: base, people }
}

describe('photo changes store', () => {
  it('runs one change at a time and says so', async () => {
    const { api, people } = setup()
    await useAccountsStore().init()
    await usePeopleStore().load('acc-1')
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const remove = api.photos.remove
    ;(api.photos as { remove: typeof remove }).remove = async (arg) => {
      await gate
      return remove(arg)
    }
    const photos = usePhotoChangesStore()
    const first = photos.remove(people[0]!)
    const second = await photos.remove(people[1]!)
    expect(second).toEqual({ ok: false, failure: null })
    expect(useToastStore().toasts.map((t) => t.message)).toContain('Wait until the current photo change has finished.')
    release()
    expect((await first).ok).toBe(true)
    expect(api.args['photos.remove']).toHaveLength(1)
    expect(photos.job).toBeNull()
  })

  it('puts a changed person back after a load that was still streaming older rows', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const people = [makePerson(1, { displayName: 'Zoë Ålander', hasPhoto: false }), makePerson(2)]
    const stale = createFakeAppApi({ people })
    const { api } = setup({
      page: async (arg) => {
        // The page was read before the change and arrives after it.
        const page = await stale.people.page({ accountId: 'acc-1', ...arg })
        await gate
        return page
      }
    })
    await useAccountsStore().init()
    const store = usePeopleStore()
    const loading = store.load('acc-1')
    await settle(3)
    const photos = usePhotoChangesStore()
    const outcome = await photos.setFromUrl(people[0]!, 'https://img.example.com/z.jpg')
    expect(outcome.ok).toBe(true)
    release()
    await loading
    await settle(3)
    const change = (outcome as { ok: true; change: PhotoChange }).change
    expect(store.personById('u-00001')?.smallPhoto).toBe(change.person.smallPhoto)
    expect(store.personById('u-00001')?.hasPhoto).toBe(true)
    expect(api.calls).toContain('photos.setFromUrl')
  })

  it('keeps success toasts to one: the latest change is the one Undo undoes', async () => {
    const { people } = setup()
    await useAccountsStore().init()
    await usePeopleStore().load('acc-1')
    const photos = usePhotoChangesStore()
    await photos.remove(people[0]!)
    await photos.setFromUrl(people[1]!, 'https://img.example.com/a.jpg')
    const toasts = useToastStore().toasts
    expect(toasts.map((t) => t.message)).toEqual(['Photo of Adam Ng set from the address'])
  })

  it('makes job ids that look like UUIDs, also without crypto.randomUUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    expect(newJobId()).toMatch(uuid)
    const original = crypto.randomUUID
    try {
      Object.defineProperty(crypto, 'randomUUID', { configurable: true, value: undefined })
      const a = newJobId()
      expect(a).toMatch(uuid)
      expect(newJobId()).not.toBe(a)
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { configurable: true, value: original })
    }
  })
})
