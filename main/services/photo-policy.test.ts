import { describe, expect, it } from 'vitest'
import type { PersonStatus, Role } from '../../preload/contract'
import { parseVersion } from '../docspace/portal-url'
import { canEditPhoto, photoPolicy, photoRule, refusalOf, roleOf } from './photo-policy'

const ROLES: readonly Role[] = ['owner', 'admin', 'room-admin', 'user', 'guest']
const v = (s: string) => parseVersion(s)

describe('photoRule', () => {
  it.each([
    ['3.7.2', 'owner', 'self-only'],
    ['3.7.2', 'admin', 'self-only'],
    ['3.6.0', 'owner', 'self-only'],
    ['3.6.1.123', 'admin', 'self-only'],
    ['3.5.0', 'owner', 'admin-may-edit-others'],
    ['3.5.0', 'admin', 'admin-may-edit-others'],
    ['3.5.9', 'admin', 'admin-may-edit-others'],
    ['2.5.0', 'owner', 'admin-may-edit-others'],
    ['3.5.0', 'room-admin', 'own-only-by-role'],
    ['3.5.0', 'user', 'own-only-by-role'],
    ['3.5.0', 'guest', 'own-only-by-role'],
    ['3.1.0', 'admin', 'admin-may-edit-others']
  ] as const)('%s as %s -> %s', (version, role, rule) => {
    expect(photoRule(v(version), role)).toBe(rule)
  })

  it('treats an unreadable version as the newest (strictest) rules', () => {
    expect(photoRule(undefined, 'owner')).toBe('self-only')
    expect(photoPolicy('nonsense', 'owner')).toEqual({ rule: 'self-only', portalVersion: 'nonsense' })
    expect(photoPolicy('3.5.0.1711', 'admin')).toEqual({ rule: 'admin-may-edit-others', portalVersion: '3.5.0' })
  })
})

describe('roleOf (CONTRACT.md §5.3 flags)', () => {
  it('finds the owner whether isAdmin is true (<= 3.6.1) or false (>= 3.7.1)', () => {
    expect(roleOf({ isOwner: true, isAdmin: true })).toBe('owner')
    expect(roleOf({ isOwner: true, isAdmin: false })).toBe('owner')
  })
  it('maps the other flags', () => {
    expect(roleOf({ isAdmin: true })).toBe('admin')
    expect(roleOf({ isRoomAdmin: true })).toBe('room-admin')
    expect(roleOf({ isCollaborator: true })).toBe('user')
    expect(roleOf({ isVisitor: true })).toBe('guest')
    expect(roleOf({})).toBe('user')
  })
})

// The matrix: rows are the signed-in role, columns the target role; 'me' is always editable.
type Row = Readonly<Record<Role, boolean>>
const NONE: Row = { owner: false, admin: false, 'room-admin': false, user: false, guest: false }
const LEGACY: Readonly<Record<Role, Row>> = {
  // §2.2: the owner may change anyone's photo except... the owner is the caller, so every other role.
  owner: { owner: false, admin: true, 'room-admin': true, user: true, guest: true },
  // a non-owner admin: not the owner (DELETE/PUT 500), not another admin (upload refuses)
  admin: { owner: false, admin: false, 'room-admin': true, user: true, guest: true },
  'room-admin': NONE,
  user: NONE,
  guest: NONE
}

describe('canEditPhoto matrix', () => {
  for (const [version, expected] of [
    ['3.5.0', LEGACY],
    ['3.7.2', { owner: NONE, admin: NONE, 'room-admin': NONE, user: NONE, guest: NONE }]
  ] as const) {
    describe(`on ${version}`, () => {
      for (const me of ROLES) {
        for (const target of ROLES) {
          it(`${me} -> another ${target}: ${expected[me][target]}`, () => {
            expect(canEditPhoto({ id: 'me', role: me }, { id: 'other', role: target, status: 'active' }, v(version))).toBe(expected[me][target])
          })
        }
        it(`${me} -> self: true`, () => {
          expect(canEditPhoto({ id: 'me', role: me }, { id: 'me', role: me, status: 'active' }, v(version))).toBe(true)
        })
      }
    })
  }

  it('on 3.5.0 no one else may change a terminated user; a pending one is fine', () => {
    const target = (status: PersonStatus) => ({ id: 'other', role: 'user' as const, status })
    expect(canEditPhoto({ id: 'me', role: 'owner' }, target('disabled'), v('3.5.0'))).toBe(false)
    expect(canEditPhoto({ id: 'me', role: 'admin' }, target('disabled'), v('3.5.0'))).toBe(false)
    expect(canEditPhoto({ id: 'me', role: 'admin' }, target('pending'), v('3.5.0'))).toBe(true)
  })

  it('3.6.0 is the first self-only release', () => {
    const args = [{ id: 'me', role: 'owner' as const }, { id: 'x', role: 'user' as const, status: 'active' as const }] as const
    expect(canEditPhoto(...args, v('3.5.1'))).toBe(true)
    expect(canEditPhoto(...args, v('3.6.0'))).toBe(false)
  })
})

describe('refusalOf: the one reason a change is refused', () => {
  it.each([
    ['3.7.2', 'owner', 'user', 'active', 'self-only'],
    ['3.6.0', 'admin', 'user', 'active', 'self-only'],
    ['3.5.0', 'admin', 'owner', 'active', 'owner'],
    ['3.5.0', 'admin', 'admin', 'active', 'other-admin'],
    ['3.5.0', 'owner', 'admin', 'disabled', 'terminated'],
    ['3.5.0', 'admin', 'user', 'disabled', 'terminated'],
    ['3.5.0', 'room-admin', 'user', 'active', 'role'],
    ['3.2.1', 'guest', 'user', 'active', 'role'],
    // the portal refused what the rules allow (e.g. an API key without the scope): the role rule
    ['3.5.0', 'owner', 'user', 'active', 'role']
  ] as const)('%s, %s changing a %s (%s) -> %s', (version, me, role, status, refusal) => {
    expect(refusalOf({ id: 'me', role: me }, { id: 'them', role, status }, v(version))).toBe(refusal)
  })
})
