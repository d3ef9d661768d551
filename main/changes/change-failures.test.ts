// The facts a failed change carries: what happened to the person's photo, and which rule refused it.
import { describe, expect, it } from 'vitest'
import type { Account, AppError, Person } from '../../preload/contract'
import type { DocSpaceClient } from '../docspace/client'
import { failureFromStatus } from '../docspace/failures'
import { parseVersion } from '../docspace/portal-url'
import type { Session } from '../services/accounts-service'
import { beforeChange, partlyApplied, refusedUpFront, urlRefused } from './change-failures'

const session = (version: string, rule: Account['policy']['rule'], role: Account['user']['role'] = 'admin'): Session => ({
  account: {
    id: 'acc',
    portalUrl: 'https://hr.example',
    user: { id: 'me', displayName: 'Hilda HR', email: 'hr@example.com', role },
    state: 'signed-in',
    tokenStorage: 'keychain',
    policy: { rule, portalVersion: version },
    lastSignedInAt: '2026-01-01T00:00:00.000Z'
  },
  client: {} as DocSpaceClient,
  version: parseVersion(version)
})

const person: Person = {
  id: 'p1',
  displayName: 'Ada Lovelace',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  title: '',
  department: '',
  groups: [],
  status: 'active',
  role: 'user',
  hasPhoto: true,
  smallPhoto: '/storage/userPhotos/root/p1_size_32-32.jpeg?hash=1',
  canEditPhoto: false
}

const body = (message: string) => new TextEncoder().encode(JSON.stringify({ error: { message }, status: 1, statusCode: 403 }))

describe('refusals', () => {
  it('name the rule, the version and the role; up to 3.5 the exception that applies', () => {
    expect(refusedUpFront(session('3.7.2', 'self-only', 'owner'), person).error.facts).toEqual({
      step: 'check',
      photoNow: 'old',
      personName: 'Ada Lovelace',
      refusal: 'self-only',
      role: 'owner',
      portalVersion: '3.7.2'
    })
    const legacy = session('3.5.0', 'admin-may-edit-others')
    expect(refusedUpFront(legacy, { ...person, role: 'owner' }).error.facts?.refusal).toBe('owner')
    expect(refusedUpFront(legacy, { ...person, role: 'admin' }).error.facts?.refusal).toBe('other-admin')
    expect(refusedUpFront(legacy, { ...person, status: 'disabled' }).error.facts?.refusal).toBe('terminated')
    expect(refusedUpFront(session('3.2.1', 'own-only-by-role', 'room-admin'), person).error.facts).toMatchObject({ refusal: 'role', role: 'room-admin' })
  })

  it('a 403 from the portal itself gets the same facts', () => {
    const e = beforeChange(failureFromStatus(403, body('Access denied'), 'call').error, { session: session('3.5.0', 'admin-may-edit-others', 'owner'), person, step: 'upload' })
    expect(e).toMatchObject({ code: 'portal/forbidden', detail: 'Access denied', facts: { step: 'upload', photoNow: 'old', refusal: 'role', role: 'owner', portalReason: 'security' } })
  })
})

describe('before the point of no return', () => {
  const rejected = (detail: string): AppError => ({ code: 'portal/rejected', message: detail, detail, facts: { portalReason: 'too-large' } })

  it("upload success:false keeps the portal's words, and the limit goes with a size refusal", () => {
    const size = beforeChange(rejected('The maximum file size is exceeded (1 MB).'), { session: session('3.7.2', 'self-only'), person, step: 'upload', maxUploadBytes: 1024 * 1024 })
    expect(size).toMatchObject({ code: 'portal/rejected', detail: 'The maximum file size is exceeded (1 MB).' })
    expect(size.facts).toEqual({ portalReason: 'too-large', step: 'upload', photoNow: 'old', personName: 'Ada Lovelace', maxUploadBytes: 1024 * 1024 })
  })

  it('the person keeps the old photo, or still has none; a gone person has no name to give', () => {
    const lost: AppError = { code: 'net/connection-lost', message: 'lost', detail: 'ECONNRESET' }
    expect(beforeChange(lost, { session: session('3.7.2', 'self-only'), person, step: 'upload' }).facts).toMatchObject({ step: 'upload', photoNow: 'old' })
    expect(beforeChange(lost, { session: session('3.7.2', 'self-only'), person: { ...person, hasPhoto: false }, step: 'write' }).facts).toMatchObject({ step: 'write', photoNow: 'none' })
    const gone = beforeChange({ code: 'portal/not-found', message: 'x', status: 404 }, { session: session('3.7.2', 'self-only'), step: 'read' })
    expect(gone).toMatchObject({ code: 'portal/not-found', status: 404, facts: { step: 'read' } })
    expect(gone.facts?.personName).toBeUndefined()
  })
})

describe('after the point of no return', () => {
  it('a failed crop is partly applied with the centred square; a 401 keeps its code for the sign-in flow', () => {
    const crop = partlyApplied(person, 'crop', 'new-centred', { code: 'net/timeout', message: 'timeout', detail: 'ETIMEDOUT' }).error
    expect(crop).toMatchObject({ code: 'photo/partly-applied', detail: 'ETIMEDOUT', facts: { step: 'crop', photoNow: 'new-centred', cause: 'net/timeout', personName: 'Ada Lovelace' } })
    const expired = partlyApplied(person, 'verify', 'new', { code: 'auth/expired', message: 'x', status: 401 }).error
    expect(expired).toMatchObject({ code: 'auth/expired', facts: { step: 'verify', photoNow: 'new' } })
  })
})

describe('urlRefused', () => {
  const forbidden = (message: string) => failureFromStatus(403, body(message), 'call').error

  it('3.7.1+: a bare 403 is the address rule (https, no private or loopback addresses), not the person rule', () => {
    const e = urlRefused(forbidden('Access denied'), session('3.7.1', 'self-only'), person)
    expect(e.facts).toMatchObject({ step: 'write', photoNow: 'old', portalReason: 'address-rule', portalVersion: '3.7.1' })
    expect(e.facts?.refusal).toBeUndefined()
  })

  it('a failed download names what the address answered', () => {
    const e = urlRefused(forbidden('Failed to download photo: NotFound'), session('3.7.2', 'self-only'), person)
    expect(e.facts).toMatchObject({ portalReason: 'download-failed', addressAnswer: 'NotFound' })
  })

  it('before 3.7.1 a 403 is the role rule, not the address', () => {
    const e = urlRefused(forbidden('Access denied'), session('3.5.0', 'own-only-by-role', 'user'), person)
    expect(e.facts).toMatchObject({ refusal: 'role', role: 'user', portalReason: 'security' })
  })

  it('a 5xx is an image the portal could not use (or one too large); a 400 a bad address', () => {
    const s = session('3.7.2', 'self-only')
    expect(urlRefused(failureFromStatus(500, body('Image is too large'), 'call').error, s, person).facts?.portalReason).toBe('too-large')
    expect(urlRefused(failureFromStatus(500, new Uint8Array(), 'call').error, s, person).facts?.portalReason).toBe('not-an-image')
    expect(urlRefused(failureFromStatus(400, new Uint8Array(), 'call').error, s, person).facts?.portalReason).toBe('bad-address')
  })
})
