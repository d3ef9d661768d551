// The cache body as main writes it, read back by the renderer's own reader: every person comes back
// exactly, shared values are stored once, and the text is ASCII whatever the names are.
import { describe, expect, it } from 'vitest'
import type { CachedPeopleBody, Person } from '../../preload/contract'
import { parseCachedPeople } from '../../renderer/src/people/people-cache-body'
import { startPortal } from '../../emulator/index'
import { MemorySecretStore } from '../secrets/memory-store'
import { startMain, tempDir, TEST_PORTAL_OPTIONS, value } from '../testing/harness'
import { encodePeopleBody } from './people-cache-body'

const id = (i: number): string => `3f2a${String(i).padStart(4, '0')}-6937-495e-84c4-1c8b1e5228ed`

function person(i: number, overrides: Partial<Person> = {}): Person {
  return {
    id: id(i),
    displayName: `Ádám Ærøskøbing-Hansen ${i}`,
    firstName: 'Ádám',
    lastName: 'Ærøskøbing-Hansen',
    email: `adam.aeroskobinghansen${i}@demo.example`,
    title: 'Payroll lead',
    department: 'Finance',
    groups: [{ id: 'g-fin', name: 'Finance & Co' }],
    status: 'active',
    role: 'user',
    hasPhoto: true,
    smallPhoto: `/storage/userPhotos/root/${id(i)}_size_32-32.jpeg?hash=${1000 + i}`,
    canEditPhoto: true,
    ...overrides
  }
}

const PEOPLE: Person[] = [
  person(0),
  person(1, { displayName: '李小龍 🐉', firstName: '小龍', lastName: '李', department: '研发部', groups: [{ id: 'g-fin', name: 'Finance & Co' }, { id: 'g-rnd', name: 'שלום עולם' }] }),
  person(2, { displayName: 'Zoë "Q" Smith\\Jr\n2nd', title: '', department: '', groups: [], hasPhoto: false, smallPhoto: '/static/images/default_user_photo_size_32-32.png?hash=829437261' }),
  person(3, { status: 'disabled', role: 'admin', canEditPhoto: false, refusal: 'other-admin', smallPhoto: '/static/images/default_user_photo_size_32-32.png' }),
  // A lone surrogate, combining marks and a photo path that names the person twice.
  person(4, { displayName: 'bad \ud800 half', firstName: 'Zoe\u0308', smallPhoto: `/x/${id(4)}/${id(4)}.png?a=b?c` }),
  person(5, { id: '', smallPhoto: '/nobody.png', role: 'room-admin', status: 'pending', canEditPhoto: false, refusal: 'role' }),
  person(6, { groups: [{ id: 'g-rnd', name: 'שלום עולם' }, { id: 'g-fin', name: 'Finance & Co' }] })
]

const bodyOf = (text: string): CachedPeopleBody => JSON.parse(text) as CachedPeopleBody

describe('encodePeopleBody', () => {
  it('is read back by the renderer as exactly the people it was given, in order', () => {
    const text = encodePeopleBody(PEOPLE)
    expect(parseCachedPeople(new TextEncoder().encode(text))).toEqual(PEOPLE)
    expect(parseCachedPeople(new TextEncoder().encode(encodePeopleBody([])))).toEqual([])
  })

  it('writes ASCII only, and none of the names as they are', () => {
    const text = encodePeopleBody(PEOPLE)
    expect(text).toMatch(/^[\x20-\x7e]*$/)
    for (const name of ['Ádám', '李小龍', 'שלום']) expect(text).not.toContain(name)
  })

  it('stores a value many people share once, and a photo path without the id it names', () => {
    const many = Array.from({ length: 200 }, (_, i) => person(i, { groups: i % 2 === 0 ? [{ id: 'g-fin', name: 'Finance & Co' }] : [] }))
    const body = bodyOf(encodePeopleBody(many))
    expect(body.firstName.table).toEqual(['Ádám'])
    expect(body.department.table).toEqual(['Finance'])
    expect(body.status.table).toEqual(['active'])
    expect(body.groupTable).toEqual([['g-fin', 'Finance & Co']])
    expect(body.groups.table).toEqual([[0], []])
    expect(body.photoPath.table).toEqual([['/storage/userPhotos/root/', '_size_32-32.jpeg']])
    expect(body.photoQuery[7]).toBe('?hash=1007')
    expect(parseCachedPeople(new TextEncoder().encode(encodePeopleBody(many)))).toEqual(many)
    // Two orders of the same groups are two combinations: a person's order is kept.
    expect(bodyOf(encodePeopleBody(PEOPLE)).groups.table).toContainEqual([1, 0])
  })

  it('round-trips a portal’s real list as main served it', async () => {
    const portal = await startPortal({ ...TEST_PORTAL_OPTIONS, version: '3.5.0', people: 400, seed: 7 })
    const main = startMain({ dataDir: await tempDir('dpm-people-body-'), secrets: new MemorySecretStore({ available: true }) })
    try {
      const a = portal.accounts.admin
      const signedIn = value(await main.handlers['accounts:sign-in']({ method: 'password', portalUrl: portal.url, email: a.email, password: a.password }))
      if (signedIn.kind !== 'signed-in') throw new Error('expected a signed-in outcome')
      const served = value(await main.handlers['people:page']({ accountId: signedIn.account.id, startIndex: 0, count: 400 })).people
      expect(served.length).toBeGreaterThan(300)
      expect(parseCachedPeople(new TextEncoder().encode(encodePeopleBody(served)))).toEqual(served)
    } finally {
      await main.dispose()
      await portal.close()
    }
  })
})
