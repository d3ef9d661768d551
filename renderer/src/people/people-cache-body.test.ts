// Reading main's cache body back as people: a well-formed body gives the people back exactly, and
// anything else (an older format, a corrupted or hostile body) gives null, never an exception or a
// value of the wrong kind.
import { describe, expect, it } from 'vitest'
import type { Person } from '../../../preload/contract'
import { cachedBodyOf, cachedBytesOf } from '../testing/cached-people-body'
import { makePerson } from '../testing/fake-app-api'
import { parseCachedPeople } from './people-cache-body'

const people: Person[] = [
  makePerson(0, { displayName: 'Łukasz Żółć', firstName: 'Łukasz', lastName: 'Żółć', title: 'Lead "QA"\\', department: 'R&D', groups: [{ id: 'g1', name: 'Zürich' }] }),
  makePerson(1, { displayName: '李小龍 🐉', firstName: '小龍', lastName: '李', groups: [{ id: 'g1', name: 'Zürich' }, { id: 'g2', name: 'שלום' }], hasPhoto: false }),
  makePerson(2, { canEditPhoto: false, refusal: 'other-admin', role: 'admin', status: 'pending', smallPhoto: '/static/images/default_user_photo_size_32-32.png' })
]

type Body = Record<string, unknown>
const good = (): Body => JSON.parse(JSON.stringify(cachedBodyOf(people))) as Body

describe('parseCachedPeople', () => {
  it('gives back every field of every person, in order, a refusal only where there is one', () => {
    const read = parseCachedPeople(cachedBytesOf(good()))
    expect(read).toEqual(people)
    expect(read?.map((p) => 'refusal' in p)).toEqual([false, false, true])
    expect(parseCachedPeople(cachedBytesOf(cachedBodyOf([])))).toEqual([])
  })

  it('joins a photo path cut at the person id with that id again, and shares one object per group', () => {
    const body = good()
    body['photoPath'] = { table: [['/storage/userPhotos/root/', '_size_32-32.png'], ['/static/default.png']], of: [0, 0, 1] }
    body['groupTable'] = [['g1', 'Zürich'], ['g2', 'שלום']]
    body['groups'] = { table: [[0], [0, 1], []], of: [0, 1, 2] }
    const read = parseCachedPeople(cachedBytesOf(body))
    expect(read?.map((p) => p.smallPhoto)).toEqual(['/storage/userPhotos/root/u-00000_size_32-32.png?hash=1', '/storage/userPhotos/root/u-00001_size_32-32.png?hash=1', '/static/default.png'])
    expect(read?.map((p) => p.groups)).toEqual(people.map((p) => p.groups))
    expect(read?.[0]?.groups[0]).toBe(read?.[1]?.groups[0])
  })

  it('reads an older format, a broken text or another shape as no cache', () => {
    const texts = ['', '{', 'null', '[]', '"x"', JSON.stringify(people), '{"count":0}', '\xff\xfe']
    for (const text of texts) expect(parseCachedPeople(new TextEncoder().encode(text)), text).toBeNull()
    // Not UTF-8 at all.
    expect(parseCachedPeople(new Uint8Array([0x7b, 0xff, 0x7d]))).toBeNull()
  })

  it('refuses a body with any value of the wrong kind or out of its table, without throwing', () => {
    const broken: [string, (b: Body) => void][] = [
      ['count too high', (b) => (b['count'] = 4)],
      ['count negative', (b) => (b['count'] = -1)],
      ['count fractional', (b) => (b['count'] = 2.5)],
      ['count as text', (b) => (b['count'] = '3')],
      ['id missing', (b) => delete b['id']],
      ['id not text', (b) => ((b['id'] as unknown[])[1] = 7)],
      ['email an object', (b) => ((b['email'] as unknown[])[0] = { toString: 'x' })],
      ['a name list too short', (b) => (b['displayName'] = ['a', 'b'])],
      ['a table of numbers', (b) => (b['title'] = { table: [1, 2, 3], of: [0, 1, 2] })],
      ['a position past its table', (b) => (b['department'] = { table: ['R&D'], of: [0, 0, 1] })],
      ['a negative position', (b) => (b['department'] = { table: ['R&D'], of: [0, -1, 0] })],
      ['a fractional position', (b) => (b['department'] = { table: ['R&D', ''], of: [0, 0.5, 0] })],
      ['a position as text', (b) => (b['department'] = { table: ['R&D'], of: [0, '0', 0] })],
      ['a column as plain values where a table belongs', (b) => (b['firstName'] = ['a', 'b', 'c'])],
      ['an unknown role', (b) => (b['role'] = { table: ['superuser'], of: [0, 0, 0] })],
      ['an unknown status', (b) => (b['status'] = { table: ['active', 'deleted'], of: [0, 1, 0] })],
      ['an unknown refusal', (b) => (b['refusal'] = { table: ['', 'because'], of: [0, 0, 1] })],
      ['flags out of range', (b) => (b['flags'] = [1, 2, 4])],
      ['a photo path without pieces', (b) => (b['photoPath'] = { table: [[]], of: [0, 0, 0] })],
      ['a photo path piece not text', (b) => (b['photoPath'] = { table: [[null]], of: [0, 0, 0] })],
      ['a group of one field', (b) => (b['groupTable'] = [['g1']])],
      ['a group set past the group table', (b) => (b['groups'] = { table: [[], [9]], of: [0, 1, 0] })],
      ['group sets not lists', (b) => (b['groups'] = { table: ['g1'], of: [0, 0, 0] })],
      ['a table that is no list', (b) => (b['lastName'] = { table: 'abc', of: [0, 0, 0] })]
    ]
    for (const [what, spoil] of broken) {
      const body = good()
      spoil(body)
      expect(() => parseCachedPeople(cachedBytesOf(body)), what).not.toThrow()
      expect(parseCachedPeople(cachedBytesOf(body)), what).toBeNull()
    }
  })

  it('takes names that look like markup or object keys as plain text, and changes no prototype', () => {
    const body = good()
    const text = '{"__proto__":{"polluted":true},' + JSON.stringify(body).slice(1)
    ;(body['id'] as string[])[0] = '__proto__'
    ;(body['displayName'] as string[])[0] = '<img src=x onerror=alert(1)>'
    const read = parseCachedPeople(cachedBytesOf(body))
    expect(read?.[0]?.id).toBe('__proto__')
    expect(read?.[0]?.displayName).toBe('<img src=x onerror=alert(1)>')
    expect(parseCachedPeople(new TextEncoder().encode(text))).toHaveLength(3)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})
