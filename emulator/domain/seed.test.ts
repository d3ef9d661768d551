// The seeded organisation: deterministic, varied, and quick to build at benchmark size.

import { describe, expect, it } from 'vitest'
import { seedOrganisation } from './seed'
import { PortalStore } from './store'
import { imageInfo, pixel } from '../testing/helpers'

describe('seed', () => {
  it('is deterministic for a seed and different for another', () => {
    const a = seedOrganisation({ people: 500, seed: 7, photoShare: 0.6 })
    const b = seedOrganisation({ people: 500, seed: 7, photoShare: 0.6 })
    const c = seedOrganisation({ people: 500, seed: 8, photoShare: 0.6 })
    const summary = (s: typeof a) => s.users.map((u) => `${u.id} ${u.email} ${u.type} ${u.status} ${u.lastModifiedTicks} ${u.photo?.width ?? '-'}`)
    expect(summary(a)).toEqual(summary(b))
    expect(summary(a)).not.toEqual(summary(c))
    expect(a.accounts).toEqual(c.accounts) // demo accounts are fixed for docs and curl walkthroughs
  })

  it('has every role, status and diacritic names', () => {
    const { users, groups } = seedOrganisation({ people: 1000, seed: 1, photoShare: 0.6 })
    expect(users).toHaveLength(1000)
    expect(new Set(users.map((u) => u.type))).toEqual(new Set(['DocSpaceAdmin', 'RoomAdmin', 'User', 'Guest']))
    expect(users.filter((u) => u.isOwner)).toHaveLength(1)
    expect(users.some((u) => u.status === 2)).toBe(true)
    expect(users.some((u) => u.status === 1 && u.activationStatus === 2)).toBe(true)
    expect(users.some((u) => /[^\x00-\x7f]/.test(u.firstName + u.lastName))).toBe(true)
    expect(new Set(users.map((u) => u.email)).size).toBe(1000)
    const share = users.filter((u) => u.photo).length / users.length
    expect(share).toBeGreaterThan(0.45)
    expect(share).toBeLessThan(0.7)
    expect(groups.length).toBeGreaterThan(5)
    expect(groups.every((g) => g.memberIds.length > 0)).toBe(true)
  })

  it('builds 50,000 people', () => {
    const { users } = seedOrganisation({ people: 50_000, seed: 1, photoShare: 0.6 })
    expect(users).toHaveLength(50_000)
  })

  it('paints distinct portraits on demand with the initials and a centred square thumbnail', async () => {
    const { users, groups } = seedOrganisation({ people: 200, seed: 1, photoShare: 1 })
    const store = new PortalStore(users, groups)
    const withPhotos = users.filter((u) => u.photo).slice(0, 12)
    const originals = withPhotos.map((u) => store.photoBytes(u, 'original') as Buffer)
    expect(new Set(originals.map((b) => b.toString('base64'))).size).toBe(originals.length)
    const first = withPhotos[0]
    if (!first?.photo) throw new Error('no photo')
    expect(await imageInfo(originals[0] as Buffer)).toEqual({ width: first.photo.width, height: first.photo.height, format: 'png' })
    const small = store.photoBytes(first, 'small') as Buffer
    expect(await imageInfo(small)).toEqual({ width: 32, height: 32, format: 'png' })
    // The same bytes every time: cached, so served files never change under a hash.
    expect(store.photoBytes(first, 'small')).toBe(small)
    // Corner shows the background, centre the disc: they differ.
    expect(await pixel(small, 0, 0)).not.toEqual(await pixel(small, 16, 10))
  })
})
