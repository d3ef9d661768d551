// Every status/body of CONTRACT.md §0.3/§0.4/§4.1 -> the contract's ErrorCode.
import { describe, expect, it } from 'vitest'
import { failureFromNetwork, failureFromStatus, portalMessage, portalReasonOf } from './failures'

const body = (v: unknown) => new TextEncoder().encode(JSON.stringify(v))
const errorBody = (message: string, statusCode: number) => body({ error: { message, type: null, stack: null, hresult: 0 }, status: 1, statusCode })
const empty = new Uint8Array()

describe('failureFromStatus', () => {
  it.each([
    [401, empty, 'call', 'auth/expired'],
    [401, errorBody('User authentication failed', 401), 'sign-in', 'auth/invalid-credentials'],
    [401, empty, 'verify-code', 'auth/invalid-code'],
    [403, errorBody('Access denied', 403), 'call', 'portal/forbidden'],
    [403, empty, 'call', 'portal/forbidden'],
    [403, errorBody('User disabled', 403), 'sign-in', 'auth/user-disabled'],
    [403, errorBody('Too many login attempts. Please try again later', 403), 'sign-in', 'auth/too-many-attempts'],
    [400, errorBody('Value cannot be null. (Parameter \'value\')', 400), 'call', 'portal/bad-request'],
    [402, empty, 'call', 'portal/payment-required'],
    [404, errorBody('The user could not be found', 404), 'call', 'portal/not-found'],
    [415, empty, 'call', 'portal/bad-request'],
    [429, empty, 'call', 'portal/rate-limited'],
    [500, errorBody('No permissions to perform this action', 500), 'call', 'portal/server-error'],
    [503, empty, 'call', 'portal/server-error'],
    [302, empty, 'call', 'portal/unexpected'],
    [409, empty, 'call', 'portal/unexpected']
  ] as const)('%i (%s) -> %s', (status, bytes, context, code) => {
    const f = failureFromStatus(status, bytes, context === 'call' ? 'call' : context)
    expect(f.error.code).toBe(code)
    expect(f.error.status).toBe(status)
  })

  it("keeps the portal's words as detail: error bodies and 400 validation envelopes", () => {
    expect(failureFromStatus(404, errorBody('The user could not be found', 404), 'call').error.detail).toBe('The user could not be found')
    const validation = body({ response: { title: 'One or more validation errors occurred.', errors: { count: ['The field count must be between 1 and 100.'] } }, status: 1, statusCode: 400 })
    expect(failureFromStatus(400, validation, 'call').error.detail).toBe('count: The field count must be between 1 and 100.')
    expect(portalMessage(new TextEncoder().encode('<html>oops</html>'))).toBeUndefined()
  })
})

describe("what the portal's words mean (decided once, here)", () => {
  it.each([
    ['The maximum file size is exceeded (1 MB).', 'too-large'],
    ['Image size is too large', 'too-large'],
    ['Unknown image file type', 'format'],
    ['Security error.', 'security'],
    ['Access denied', 'security'],
    ['No permissions to perform this action', 'security'],
    ['The user could not be found', 'not-found'],
    ['Failed to download photo: NotFound', 'download-failed'],
    ['Something else entirely', 'other']
  ] as const)('%s -> %s', (text, reason) => {
    expect(portalReasonOf(text)).toBe(reason)
  })

  it('goes with the failure, with what a failed download answered and how long a 429 asks to wait', () => {
    expect(portalReasonOf(undefined)).toBeUndefined()
    expect(failureFromStatus(403, errorBody('Failed to download photo: Forbidden', 403), 'call').error.facts).toEqual({ portalReason: 'download-failed', addressAnswer: 'Forbidden' })
    expect(failureFromStatus(429, empty, 'call', 12).error.facts).toEqual({ retryAfterSeconds: 12 })
    expect(failureFromStatus(503, empty, 'call').error.facts).toBeUndefined()
  })
})

describe('failureFromNetwork', () => {
  it.each([
    ['ECONNREFUSED', 'net/unreachable'],
    ['ENOTFOUND', 'net/unreachable'],
    ['EAI_AGAIN', 'net/unreachable'],
    ['ETIMEDOUT', 'net/timeout'],
    ['ECONNRESET', 'net/connection-lost'],
    ['EPIPE', 'net/connection-lost'],
    ['CERT_HAS_EXPIRED', 'net/tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'net/tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'net/tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'net/tls'],
    ['ERR_ABORTED', 'app/cancelled']
  ])('%s -> %s', (code, expected) => {
    expect(failureFromNetwork(code).error.code).toBe(expected)
  })
})
