// people:* and photos:* through the real handlers against the REAL emulator, with real image decoding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal } from '../../emulator/index'
import type { RunningPortal } from '../../emulator/types'
import type { Account, Person } from '../../preload/contract'
import { MemorySecretStore } from '../secrets/memory-store'
import { failure, removeDir, startMain, tempDir, value, type Harness } from '../testing/harness'

async function signIn(h: Harness, p: RunningPortal, who: 'owner' | 'admin' | 'roomAdmin' | 'user'): Promise<Account> {
  const a = p.accounts[who]
  const outcome = value(await h.handlers['accounts:sign-in']({ method: 'password', portalUrl: p.url, email: a.email, password: a.password }))
  if (outcome.kind !== 'signed-in') throw new Error('expected signed-in')
  return outcome.account
}

async function everyone(h: Harness, accountId: string): Promise<{ people: Person[]; total: number }> {
  const first = value(await h.handlers['people:page']({ accountId, startIndex: 0, count: 100 }))
  const pages = Math.ceil(first.total / 100)
  const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, i) => h.handlers['people:page']({ accountId, startIndex: (i + 1) * 100, count: 100 })))
  return { people: [...first.people, ...rest.flatMap((r) => value(r).people)], total: first.total }
}

describe('on a 3.7.2 portal with 2,000 people', () => {
  let portal: RunningPortal
  let h: Harness
  let dataDir: string
  let owner: Account
  beforeAll(async () => {
    portal = await startPortal({ version: '3.7.2', people: 2000, seed: 21, quiet: true })
    dataDir = await tempDir()
    h = startMain({ dataDir, secrets: new MemorySecretStore({ available: true }) })
    owner = await signIn(h, portal, 'owner')
  })
  afterAll(async () => {
    await h.dispose()
    await portal.close()
    await removeDir(dataDir)
  })

  it('pages everyone (20+ pages of 100) into Person rows with unique ids', async () => {
    const started = Date.now()
    const { people, total } = await everyone(h, owner.id)
    expect(total).toBeGreaterThanOrEqual(2000)
    expect(people).toHaveLength(total)
    expect(new Set(people.map((p) => p.id)).size).toBe(total)
    console.info(`people:page x${Math.ceil(total / 100)}: ${total} people in ${Date.now() - started} ms`)
  })

  it('answers a page of several hundred from portal pages of 100, in portal order, ending where the list ends', async () => {
    const { people, total } = await everyone(h, owner.id)
    const big = value(await h.handlers['people:page']({ accountId: owner.id, startIndex: 150, count: 350 }))
    expect(big.startIndex).toBe(150)
    expect(big.total).toBe(total)
    expect(big.people.map((p) => p.id)).toEqual(people.slice(150, 500).map((p) => p.id))
    // Past the end: only who is there, however many were asked for.
    const tail = value(await h.handlers['people:page']({ accountId: owner.id, startIndex: total - 30, count: 300 }))
    expect(tail.people.map((p) => p.id)).toEqual(people.slice(total - 30).map((p) => p.id))
    expect(failure(await h.handlers['people:page']({ accountId: owner.id, startIndex: 0, count: 501 })).code).toBe('input/invalid')
  })

  it('maps roles, status, photo refs and (3.6+) self-only editing', async () => {
    const { people } = await everyone(h, owner.id)
    const byId = new Map(people.map((p) => [p.id, p]))
    const me = byId.get(portal.accounts.owner.id)!
    expect(me.role).toBe('owner')
    expect(me.canEditPhoto).toBe(true)
    expect(byId.get(portal.accounts.admin.id)?.role).toBe('admin')
    expect(byId.get(portal.accounts.roomAdmin.id)?.role).toBe('room-admin')
    expect(byId.get(portal.accounts.user.id)?.role).toBe('user')
    expect(byId.get(portal.accounts.guest.id)?.role).toBe('guest')
    expect(byId.get(portal.accounts.disabled.id)?.status).toBe('disabled')
    expect(people.filter((p) => p.canEditPhoto).map((p) => p.id)).toEqual([portal.accounts.owner.id])
    const withPhoto = people.filter((p) => p.hasPhoto)
    const without = people.filter((p) => !p.hasPhoto)
    expect(withPhoto.length).toBeGreaterThan(0)
    expect(without.length).toBeGreaterThan(0)
    for (const p of withPhoto.slice(0, 20)) expect(p.smallPhoto).toMatch(/^\/storage\/userPhotos\/root\/.+_size_32-32\.\w+\?hash=\d+$/)
    for (const p of without.slice(0, 20)) expect(p.smallPhoto).toMatch(/^\/static\/images\/default_user_photo_size_32-32\.png/)
    expect(people.some((p) => p.department !== '' && p.groups.length > 0)).toBe(true)
  })

  it('people:get returns one person; an unknown id is portal/not-found', async () => {
    const p = value(await h.handlers['people:get']({ accountId: owner.id, userId: portal.accounts.user.id }))
    expect(p.email).toBe(portal.accounts.user.email)
    expect(failure(await h.handlers['people:get']({ accountId: owner.id, userId: '00000000-0000-4000-8000-000000000000' })).code).toBe('portal/not-found')
  })

  it('photos:get lists the six sizes, photos:image returns the stored bytes with their real dimensions', async () => {
    const { people } = await everyone(h, owner.id)
    const target = people.find((p) => p.hasPhoto)!
    const photos = value(await h.handlers['photos:get']({ accountId: owner.id, userId: target.id }))
    expect(photos.hasPhoto).toBe(true)
    expect(photos.sizes.map((s) => s.size)).toEqual(['original', 'retina', 'max', 'big', 'medium', 'small'])
    const expected: Record<string, number> = { retina: 360, max: 200, big: 82, medium: 48, small: 32 }
    for (const { size, ref } of photos.sizes) {
      const image = value(await h.handlers['photos:image']({ accountId: owner.id, ref }))
      expect(Buffer.from(image.bytes).equals(portal.storedPhoto(target.id, size)!)).toBe(true)
      if (size === 'original') {
        // the original's real size is in its stored name: <uid>_orig_<w>-<h>.<ext>
        const [, w, hgt] = /_orig_(\d+)-(\d+)\./.exec(ref)!
        expect([image.width, image.height]).toEqual([Number(w), Number(hgt)])
      } else {
        expect([image.width, image.height]).toEqual([expected[size], expected[size]])
        // §3.2: every size is PNG, whatever the file extension says
        expect(image.mime).toBe('image/png')
      }
    }
  })

  it('photos:image of a person without a photo returns the default image', async () => {
    const { people } = await everyone(h, owner.id)
    const target = people.find((p) => !p.hasPhoto)!
    const image = value(await h.handlers['photos:image']({ accountId: owner.id, ref: target.smallPhoto }))
    expect([image.width, image.height]).toEqual([32, 32])
  })

  it('photos:image refuses foreign or non-photo refs with input/invalid, without a request', async () => {
    for (const ref of [
      '/api/2.0/people/@self',
      '/api/2.0/keys',
      'https://evil.example/storage/userPhotos/root/x.png',
      `${portal.url.replace('127.0.0.1', 'localhost')}/storage/userPhotos/root/x.png`,
      '/storage/userPhotos/../../api/2.0/people/@self',
      '/storage/userPhotos/%2e%2e/%2e%2e/api/2.0/people/@self',
      '//evil.example/static/images/a.png',
      'file:///etc/passwd'
    ]) {
      const e = failure(await h.handlers['photos:image']({ accountId: owner.id, ref }))
      expect(e.code, ref).toBe('input/invalid')
    }
  })

  it('caches photo files by account + ref (the ?hash= key): the second read does not touch the portal', async () => {
    const p = value(await h.handlers['people:get']({ accountId: owner.id, userId: portal.accounts.owner.id }))
    const photos = value(await h.handlers['photos:get']({ accountId: owner.id, userId: p.id }))
    const ref = photos.sizes.find((s) => s.size === 'medium')!.ref
    const first = value(await h.handlers['photos:image']({ accountId: owner.id, ref }))
    // any request for that file now would fail: a cached answer does not notice
    portal.faults.set({ failNext: [{ path: ref.split('?')[0]!, kind: '500' }] })
    const second = value(await h.handlers['photos:image']({ accountId: owner.id, ref }))
    expect(second.bytes).toEqual(first.bytes)
    expect(portal.faults.current().failNext).toHaveLength(1)
    portal.faults.reset()
  })
})

describe('on a 3.5.0 portal: what an admin may change', () => {
  let portal: RunningPortal
  let h: Harness
  let dataDir: string
  beforeAll(async () => {
    portal = await startPortal({ version: '3.5.0', people: 60, seed: 5, quiet: true })
    dataDir = await tempDir()
    h = startMain({ dataDir, secrets: new MemorySecretStore({ available: true }) })
  })
  afterAll(async () => {
    await h.dispose()
    await portal.close()
    await removeDir(dataDir)
  })

  it('admin: everyone but the owner, other admins and terminated users; owner: all but terminated; room admin: only self', async () => {
    const admin = await signIn(h, portal, 'admin')
    const owner = await signIn(h, portal, 'owner')
    const roomAdmin = await signIn(h, portal, 'roomAdmin')
    const asAdmin = await everyone(h, admin.id)
    const asOwner = await everyone(h, owner.id)
    const asRoomAdmin = await everyone(h, roomAdmin.id)
    for (const p of asAdmin.people) {
      const expected = p.id === portal.accounts.admin.id || (p.role !== 'owner' && p.role !== 'admin' && p.status !== 'disabled')
      expect(p.canEditPhoto, `${p.role} ${p.status}`).toBe(expected)
    }
    for (const p of asOwner.people) expect(p.canEditPhoto).toBe(p.id === portal.accounts.owner.id || p.status !== 'disabled')
    expect(asRoomAdmin.people.filter((p) => p.canEditPhoto).map((p) => p.id)).toEqual([portal.accounts.roomAdmin.id])
    expect(asAdmin.people.some((p) => p.canEditPhoto && p.role === 'user')).toBe(true)
  })
})
