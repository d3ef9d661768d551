import { describe, expect, it } from 'vitest'
import { parseVersion } from '../docspace/portal-url'
import { toPerson } from './people-service'

const v350 = parseVersion('3.5.0')
const v372 = parseVersion('3.7.2')
const admin = { id: 'me', role: 'admin' } as const
const owner = { id: 'boss', role: 'owner' } as const

describe('toPerson: the rule that locks a row', () => {
  it('names the terminated rule for a disabled user, not the admin one', () => {
    const p = toPerson({ id: 'u1', displayName: 'Tom Gone', status: 2, isCollaborator: true }, admin, v350)
    expect(p.status).toBe('disabled')
    expect(p.role).toBe('user')
    expect(p.canEditPhoto).toBe(false)
    expect(p.refusal).toBe('terminated')
  })

  it('names the owner and other-admin rules, and the 3.6+ rule', () => {
    expect(toPerson({ id: 'boss', isOwner: true, status: 1 }, admin, v350).refusal).toBe('owner')
    expect(toPerson({ id: 'a2', isAdmin: true, status: 1 }, admin, v350).refusal).toBe('other-admin')
    expect(toPerson({ id: 'u2', status: 1 }, admin, v372).refusal).toBe('self-only')
    expect(toPerson({ id: 'u3', status: 1 }, { id: 'me', role: 'room-admin' }, v350).refusal).toBe('role')
  })

  it('has no refusal where the photo may be changed', () => {
    const p = toPerson({ id: 'a2', isAdmin: true, status: 1 }, owner, v350)
    expect(p.canEditPhoto).toBe(true)
    expect(p.refusal).toBeUndefined()
    expect('refusal' in toPerson({ id: 'me', status: 1 }, admin, v372)).toBe(false)
  })
})
