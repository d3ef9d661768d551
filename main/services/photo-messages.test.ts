// Errors by name: what the user reads says what happened to the photo and what to do.
import { describe, expect, it } from 'vitest'
import type { Account, AppError, Person } from '../../preload/contract'
import { beforeChangeFailure, forbiddenExplanation, urlRefusedMessage } from './photo-messages'

const account = (version: string, rule: Account['policy']['rule'], role: Account['user']['role'] = 'admin'): Account => ({
  id: 'acc',
  portalUrl: 'https://hr.example',
  user: { id: 'me', displayName: 'Hilda HR', email: 'hr@example.com', role },
  state: 'signed-in',
  tokenStorage: 'keychain',
  policy: { rule, portalVersion: version },
  lastSignedInAt: '2026-01-01T00:00:00.000Z'
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
  canEditPhoto: true
}

describe('forbiddenExplanation', () => {
  it('3.6+: self-only, for owners and admins too', () => {
    const text = forbiddenExplanation(account('3.7.2', 'self-only', 'owner'), person)
    expect(text).toContain('DocSpace 3.7.2 lets each person change only their own photo')
    expect(text).toContain('Only Ada Lovelace can change this photo')
  })

  it('up to 3.5: names the exception that applies', () => {
    expect(forbiddenExplanation(account('3.5.0', 'admin-may-edit-others'), { ...person, role: 'owner' })).toContain("only the owner may change the owner's photo")
    expect(forbiddenExplanation(account('3.5.0', 'admin-may-edit-others'), { ...person, role: 'admin' })).toContain("only the owner may change another admin's photo")
    expect(forbiddenExplanation(account('3.5.0', 'admin-may-edit-others'), { ...person, status: 'disabled' })).toContain('disabled')
    expect(forbiddenExplanation(account('3.2.1', 'own-only-by-role', 'room-admin'), person)).toContain('you are signed in as a room admin')
  })
})

describe('beforeChangeFailure', () => {
  const rejected = (detail: string): AppError => ({ code: 'portal/rejected', message: detail, detail })

  it("upload success:false keeps the portal's words and says what to do", () => {
    const size = beforeChangeFailure(rejected('The maximum file size is exceeded (1 MB).'), { account: account('3.7.2', 'self-only'), person, stage: 'upload', maxUploadBytes: 1024 * 1024 })
    expect(size.code).toBe('portal/rejected')
    expect(size.detail).toBe('The maximum file size is exceeded (1 MB).')
    expect(size.message).toBe('The portal refused the photo: "The maximum file size is exceeded (1 MB).". Use a smaller image (the portal takes up to 1 MB). Ada Lovelace keeps the old photo.')
    expect(beforeChangeFailure(rejected('Unknown image file type'), { account: account('3.7.2', 'self-only'), person, stage: 'upload' }).message).toContain('JPEG or PNG')
    expect(beforeChangeFailure(rejected('Security error.'), { account: account('3.7.2', 'self-only'), person, stage: 'upload' }).message).toContain('may not change')
  })

  it('a lost connection says the person keeps the old photo (or still has none)', () => {
    const lost: AppError = { code: 'net/connection-lost', message: 'lost', detail: 'ECONNRESET' }
    expect(beforeChangeFailure(lost, { account: account('3.7.2', 'self-only'), person, stage: 'upload' }).message).toBe(
      'The connection to the portal was lost while uploading the photo. Ada Lovelace keeps the old photo. Check the connection and try again.'
    )
    expect(beforeChangeFailure(lost, { account: account('3.7.2', 'self-only'), person: { ...person, hasPhoto: false }, stage: 'upload' }).message).toContain(
      'Ada Lovelace still has no photo.'
    )
  })

  it('404 is "no longer on the portal; refresh", 401 keeps its code for the sign-in flow', () => {
    expect(beforeChangeFailure({ code: 'portal/not-found', message: 'x', status: 404 }, { account: account('3.7.2', 'self-only'), stage: 'read' }).message).toBe(
      'This person is no longer on the portal. Refresh the list.'
    )
    const expired = beforeChangeFailure({ code: 'auth/expired', message: 'x', status: 401 }, { account: account('3.7.2', 'self-only'), person, stage: 'upload' })
    expect(expired.code).toBe('auth/expired')
    expect(expired.message).toMatch(/Sign in again/)
  })
})

describe('urlRefusedMessage', () => {
  it('3.7.1+: a bare 403 is the address rule (https, no private or loopback addresses)', () => {
    const e = urlRefusedMessage({ code: 'portal/forbidden', message: 'x', detail: 'Access denied', status: 403 }, account('3.7.1', 'self-only'), person)
    expect(e.message).toMatch(/public https:\/\/ addresses/)
    expect(e.message).toMatch(/loopback/)
  })

  it('a failed download names the status the address answered', () => {
    const e = urlRefusedMessage({ code: 'portal/forbidden', message: 'x', detail: 'Failed to download photo: NotFound', status: 403 }, account('3.7.2', 'self-only'), person)
    expect(e.message).toContain('the address answered "NotFound"')
  })

  it('before 3.7.1 a 403 is the role rule, not the address', () => {
    const e = urlRefusedMessage({ code: 'portal/forbidden', message: 'x', detail: 'Access denied', status: 403 }, account('3.5.0', 'own-only-by-role', 'user'), person)
    expect(e.message).not.toMatch(/https/)
    expect(e.message).toContain('only the owner and DocSpace admins')
  })
})
