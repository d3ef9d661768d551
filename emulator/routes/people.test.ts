// People listing and profiles (CONTRACT.md §5) against a real portal, including 50,000 people (their times are printed, not asserted).

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal } from '../index'
import type { RunningPortal } from '../types'
import { call, signIn } from '../testing/helpers'

interface Person {
  id: string
  displayName: string
  firstName: string
  lastName: string
  userName: string
  email: string
  status: number
  activationStatus: number
  department: string
  groups?: Array<{ id: string; name: string; manager?: string }>
  isAdmin: boolean
  isRoomAdmin: boolean
  isOwner: boolean
  isVisitor: boolean
  isCollaborator: boolean
  hasAvatar: boolean
  avatar: string
  avatarSmall: string
  registrationDate: string
  createdBy?: { id: string }
  usedSpace?: number
  title?: string
}

describe('people (3.7.2)', () => {
  let portal: RunningPortal
  let admin: string

  beforeAll(async () => {
    portal = await startPortal({ quiet: true, people: 400 })
    admin = await signIn(portal, portal.accounts.admin)
  })
  afterAll(() => portal.close())

  const list = (query: string, token = admin) => call<Person[]>(portal, `/api/2.0/people/filter?${query}`, { token })

  it('pages with count 1..100 and reports the total', async () => {
    const first = await list('count=25&startIndex=0')
    expect(first.status).toBe(200)
    expect(first.body.count).toBe(25)
    expect(first.body.total).toBe(400)
    const last = await list('count=100&startIndex=390')
    expect(last.body.count).toBe(10)
    expect(last.body.response).toHaveLength(10)
    const defaults = await list('')
    expect(defaults.body.count).toBe(100)
    const pages = [...(await list('count=50&startindex=0')).body.response ?? [], ...(await list('count=50&StartIndex=50')).body.response ?? []]
    expect(new Set(pages.map((p) => p.id)).size).toBe(100)
  })

  it('rejects count=0 and count=101 with a 400 validation envelope', async () => {
    for (const count of [0, 101]) {
      const r = await list(`count=${count}`)
      expect(r.status).toBe(400)
      expect(r.body).toMatchObject({ status: 1, statusCode: 400, response: { status: 400, errors: { count: ['The field Count must be between 1 and 100.'] } } })
      expect(r.body.response).toHaveProperty('traceId')
    }
  })

  it('sorts by the requested key in either order, falling back to firstname', async () => {
    const byLast = (await list('count=100&sortBy=LastName&sortOrder=ascending')).body.response ?? []
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    const lastNames = byLast.map((p) => fold(p.lastName))
    // Folded order is non-decreasing on the first letter at least (special letters like Ø fold to o).
    expect(lastNames[0]?.localeCompare(lastNames[99] ?? '')).toBeLessThanOrEqual(0)
    const desc = (await list('count=5&sortBy=registrationdate&sortOrder=1')).body.response ?? []
    const dates = desc.map((p) => Date.parse(p.registrationDate))
    expect([...dates].sort((a, b) => b - a)).toEqual(dates)
    const unknown = (await list('count=10&sortBy=shoesize')).body.response?.map((p) => p.id)
    const firstname = (await list('count=10&sortBy=firstname')).body.response?.map((p) => p.id)
    expect(unknown).toEqual(firstname)
  })

  it('finds people regardless of diacritics and case', async () => {
    const all = (await list('count=100&filterValue=')).body.total ?? 0
    for (const [query, expected] of [['zoe', 'Zoë'], ['LUKASZ', 'Łukasz'], ['aeroskobing', 'Ærøskøbing'], ['jose', 'José']] as const) {
      const r = await list(`count=100&filterValue=${encodeURIComponent(query)}`)
      expect(r.body.total).toBeGreaterThan(0)
      expect(r.body.total).toBeLessThan(all)
      expect(r.body.response?.every((p) => `${p.displayName} ${p.email}`.includes(expected) || p.email.includes(query.toLowerCase()))).toBe(true)
    }
  })

  it('filters by status, activation, type, area and group', async () => {
    const terminated = await list('employeeStatus=Terminated&count=100')
    expect(terminated.body.total).toBeGreaterThan(0)
    expect(terminated.body.response?.every((p) => p.status === 2)).toBe(true)
    expect((await list('employeeStatus=2&count=1')).body.total).toBe(terminated.body.total)
    const pending = await list('employeeStatus=pending&count=100')
    expect(pending.body.total).toBeGreaterThan(0)
    expect(pending.body.response?.every((p) => p.activationStatus === 2)).toBe(true)
    const guests = await list('employeeType=Guest&count=100')
    expect(guests.body.response?.every((p) => p.isVisitor)).toBe(true)
    expect((await list('area=guests&count=1')).body.total).toBe(guests.body.total)
    const typesTwo = await list('employeeTypes=RoomAdmin&employeeTypes=DocSpaceAdmin&count=100')
    expect(typesTwo.body.response?.every((p) => p.isRoomAdmin || p.isAdmin || p.isOwner)).toBe(true)
    const people = (await list('area=People&count=1')).body.total ?? 0
    expect(people + (guests.body.total ?? 0)).toBe(400)
    const me = (await call<Person>(portal, '/api/2.0/people/@self', { token: admin })).body.response
    const group = me?.groups?.[0]
    expect(group?.name).toBe('Human Resources')
    const inGroup = await list(`groupId=${group?.id}&count=100`)
    expect(inGroup.body.response?.every((p) => p.groups?.some((g) => g.id === group?.id))).toBe(true)
    const bad = await list('employeeStatus=sleeping')
    expect(bad.status).toBe(400)
  })

  it('lists active users only on /people, with count and total', async () => {
    const r = await call<Person[]>(portal, '/api/2.0/people?count=100', { token: admin })
    expect(r.body.total).toBeLessThan(400)
    expect(r.body.response?.every((p) => p.status === 1)).toBe(true)
    const byStatus = await call<Person[]>(portal, '/api/2.0/people/status/2?count=1', { token: admin })
    expect(byStatus.body.total).toBe((await list('employeeStatus=2&count=1')).body.total)
  })

  it('forbids lists to users and guests, and searches to non-admins', async () => {
    for (const account of [portal.accounts.user, portal.accounts.guest]) {
      const token = await signIn(portal, account)
      const r = await list('count=10', token)
      expect(r.status).toBe(403)
      expect(r.body.error?.message).toBe('Access denied')
    }
    const roomAdmin = await signIn(portal, portal.accounts.roomAdmin)
    expect((await list('count=10', roomAdmin)).status).toBe(200)
    expect((await call(portal, '/api/2.0/people/@search/anna', { token: roomAdmin })).status).toBe(403)
    expect((await call(portal, '/api/2.0/people/search?query=anna', { token: roomAdmin })).status).toBe(403)
    const search = await call<Person[]>(portal, '/api/2.0/people/@search/ZOE', { token: admin })
    expect(search.status).toBe(200)
    expect(search.body.response?.length).toBeGreaterThan(0)
    const light = await call<Array<Record<string, unknown>>>(portal, '/api/2.0/people/search?query=zoe', { token: admin })
    expect(light.body.response?.[0]).not.toHaveProperty('email') // EmployeeDto, not EmployeeFullDto
  })

  it('returns EmployeeFullDto with avatar fields, role flags and string-free enums', async () => {
    const owner = await call<Person>(portal, `/api/2.0/people/${portal.accounts.owner.id}`, { token: admin })
    expect(owner.body.response).toMatchObject({ isOwner: true, isAdmin: false, hasAvatar: true, status: 1, activationStatus: 1 })
    expect(owner.body.response?.avatar).toMatch(/_size_82-82\.png\?hash=\d+$/)
    expect(owner.body.response?.registrationDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/)
    const byName = await call<Person>(portal, '/api/2.0/people/roomadmin', { token: admin })
    expect(byName.body.response).toMatchObject({ id: portal.accounts.roomAdmin.id, isRoomAdmin: true, hasAvatar: false })
    expect(byName.body.response?.avatarSmall).toMatch(/^\/static\/images\/default_user_photo_size_32-32\.png\?hash=\d+$/)
    const guest = await call<Person>(portal, `/api/2.0/people/email?email=${encodeURIComponent(portal.accounts.guest.email)}`, { token: admin })
    expect(guest.body.response).toMatchObject({ isVisitor: true, isCollaborator: false })
    expect(guest.body.response?.groups).toBeUndefined() // null members are left out
    const hr = (await call<Person>(portal, `/api/2.0/people/${portal.accounts.admin.id}`, { token: admin })).body.response
    expect(hr?.createdBy?.id).toBe(portal.accounts.owner.id)
    expect(hr?.title).toBeUndefined() // title is gone from 3.7 DTOs
    const rd = await list('count=100&filterValue=&groupId=')
    expect(rd.body.response?.some((p) => p.department.includes('&amp;'))).toBe(true) // department is HTML-encoded
    expect((await call(portal, '/api/2.0/people/email?email=nobody@demo.example', { token: admin })).status).toBe(404)
    expect((await call(portal, '/api/2.0/people/email', { token: admin })).status).toBe(400)
    expect((await call(portal, '/api/2.0/people/no.such.user', { token: admin })).status).toBe(404)
  })

  it('hides groups from User callers looking at others, and quota fields from non-admins', async () => {
    const roomAdmin = await signIn(portal, portal.accounts.roomAdmin)
    const seen = await call<Person>(portal, `/api/2.0/people/${portal.accounts.user.id}`, { token: roomAdmin })
    expect(seen.body.response?.usedSpace).toBeUndefined()
    expect(seen.body.response?.createdBy).toBeUndefined()
    const user = await signIn(portal, portal.accounts.user)
    const self = await call<Person & { theme?: string }>(portal, '/api/2.0/people/@self', { token: user })
    expect(self.body.response?.groups?.[0]?.name).toBe('Engineering')
    expect(self.body.response?.theme).toBe('System')
    expect(typeof self.body.response?.usedSpace).toBe('number')
  })

  it('lists groups with paging', async () => {
    const r = await call<Array<{ id: string; name: string; membersCount: number }>>(portal, '/api/2.0/group?count=5', { token: admin })
    expect(r.body.count).toBe(5)
    expect(r.body.total).toBe(12)
    const one = await call<{ members: Person[] }>(portal, `/api/2.0/group/${r.body.response?.[0]?.id}`, { token: admin })
    expect(one.body.response?.members.length).toBe(r.body.response?.[0]?.membersCount)
  })
})

describe('people on older versions', () => {
  it('3.6.1 keeps title and owner isAdmin; 3.1.0 clamps count instead of failing', async () => {
    const p361 = await startPortal({ quiet: true, people: 50, version: '3.6.1' })
    const p310 = await startPortal({ quiet: true, people: 1200, version: '3.1.0' })
    try {
      const t = await signIn(p361, p361.accounts.admin)
      const owner = await call<Person>(p361, `/api/2.0/people/${p361.accounts.owner.id}`, { token: t })
      expect(owner.body.response).toMatchObject({ isAdmin: true, title: 'Managing Director' })
      const t2 = await signIn(p310, p310.accounts.admin)
      const r = await call<Person[]>(p310, '/api/2.0/people/filter?count=5000', { token: t2 })
      expect(r.status).toBe(200)
      expect(r.body.count).toBe(1000)
      expect(r.body.total).toBe(1200)
      const d = await call<Person[]>(p310, '/api/2.0/people/filter', { token: t2 })
      expect(d.body.count).toBe(1000)
    } finally {
      await p361.close()
      await p310.close()
    }
  })
})

describe('50,000 people', () => {
  it('starts and answers every sort and filter page by page (times printed, not asserted)', async () => {
    const started = performance.now()
    const big = await startPortal({ quiet: true, people: 50_000 })
    const startMs = performance.now() - started
    try {
      const token = await signIn(big, big.accounts.admin)
      // The first request of a sort key or filter walks everyone once; the pages after it come from the cache.
      const first: number[] = []
      const next: number[] = []
      for (const q of ['count=100', 'count=100&sortBy=lastname&sortOrder=descending', 'count=100&filterValue=zoe', 'count=100&employeeStatus=Terminated']) {
        let t = performance.now()
        const a = await call<Person[]>(big, `/api/2.0/people/filter?${q}`, { token })
        first.push(performance.now() - t)
        t = performance.now()
        const b = await call<Person[]>(big, `/api/2.0/people/filter?${q}&startIndex=100`, { token })
        next.push(performance.now() - t)
        expect(a.body.count).toBe(100)
        expect(b.body.count).toBe(100)
        expect(b.body.response?.[0]?.id).not.toBe(a.body.response?.[0]?.id)
      }
      const ms = (list: number[]) => list.map((t) => t.toFixed(1)).join(' / ')
      console.log(`50k people: start ${startMs.toFixed(0)} ms; first pages ${ms(first)} ms; next pages ${ms(next)} ms`)
    } finally {
      await big.close()
    }
  }, 60_000)
})
