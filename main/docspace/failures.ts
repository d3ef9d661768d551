/**
 * Typed failures: every way a DocSpace call can go wrong, mapped to the contract's ErrorCode.
 * The status/body table follows CONTRACT.md §0.3 (error body), §0.4 (statuses without a body),
 * §4.1 (sign-in failures) and §1.4 (upload's 200 success:false).
 */
import type { AppError } from '../../preload/contract'
import { fail } from '../core/result'

/** Where a response came from: the same status means different things on sign-in and on later calls. */
export type CallContext = 'sign-in' | 'verify-code' | 'call'

/**
 * The portal's own words from an error body, if any:
 * - ErrorApiResponse `{error:{message}}` (§0.3),
 * - a 400 validation envelope `{response:{title, errors:{field:[msg]}}}` (§0.2).
 * Bodies are capped so a huge HTML error page never ends up in a message.
 */
export function portalMessage(body: Uint8Array): string | undefined {
  if (body.byteLength === 0) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(body).toString('utf8'))
  } catch {
    return undefined
  }
  if (!isRecord(parsed)) return undefined
  const error = parsed['error']
  if (isRecord(error) && typeof error['message'] === 'string') return clip(error['message'])
  const response = parsed['response']
  if (isRecord(response)) {
    const errors = response['errors']
    if (isRecord(errors)) {
      const parts = Object.entries(errors).map(([field, msgs]) => `${field}: ${Array.isArray(msgs) ? msgs.join(' ') : String(msgs)}`)
      if (parts.length > 0) return clip(parts.join('; '))
    }
    if (typeof response['title'] === 'string') return clip(response['title'])
  }
  return undefined
}

/** Maps a non-2xx answer to a typed failure. */
export function failureFromStatus(status: number, body: Uint8Array, context: CallContext): { ok: false; error: AppError } {
  const detail = portalMessage(body)
  const extra = { status, ...(detail ? { detail } : {}) }
  if (status === 401) {
    // §0.4: an empty 401 on any call means the token is gone; on sign-in it means bad credentials (§4.1).
    switch (context) {
      case 'sign-in':
        return fail('auth/invalid-credentials', 'The email, password or API key is not correct.', extra)
      case 'verify-code':
        return fail('auth/invalid-code', 'The two-factor code is not correct.', extra)
      case 'call':
        return fail('auth/expired', 'The session on this portal has expired or was revoked. Please sign in again.', extra)
    }
  }
  if (status === 403) {
    // §4.1: brute-force protection and disabled users answer 403 on sign-in, with their own message.
    if (context !== 'call' && detail !== undefined) {
      if (/too many/i.test(detail)) return fail('auth/too-many-attempts', 'Too many sign-in attempts. Please wait and try again later.', extra)
      if (/disabled/i.test(detail)) return fail('auth/user-disabled', 'This user is disabled on the portal.', extra)
    }
    if (context === 'verify-code' && detail === undefined) return fail('auth/invalid-code', 'The two-factor code is not correct.', extra)
    return fail('portal/forbidden', 'The portal does not allow this for the signed-in user.', extra)
  }
  if (status === 400) {
    if (context === 'verify-code') return fail('auth/invalid-code', 'The two-factor code is not correct.', extra)
    return fail('portal/bad-request', 'The portal rejected the request.', extra)
  }
  if (status === 402) return fail('portal/payment-required', 'The portal is not paid for, so it refuses this request.', extra)
  if (status === 404) return fail('portal/not-found', 'The portal could not find it (it may have been deleted).', extra)
  // §0.3/§0.4: 415 is NotSupportedException or a wrong Content-Type: the request's shape, from our side.
  if (status === 415) return fail('portal/bad-request', 'The portal does not support this request.', extra)
  if (status === 429) return fail('portal/rate-limited', 'The portal is limiting requests. Please try again in a moment.', extra)
  if (status >= 500) return fail('portal/server-error', 'The portal had an internal error.', extra)
  if (status >= 300 && status < 400) return fail('portal/unexpected', 'The portal redirected the request elsewhere; check the portal address.', extra)
  return fail('portal/unexpected', `The portal answered with an unexpected status (${status}).`, extra)
}

/**
 * Maps a transport error code (Node's / got's `code`) to a typed failure. Only the code is used:
 * got's error objects carry the request options, headers included, so they are never logged or shown.
 */
export function failureFromNetwork(code: string | undefined): { ok: false; error: AppError } {
  const extra = code ? { detail: code } : {}
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return fail('net/unreachable', 'The portal cannot be reached. Check the address and the network connection.', extra)
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
      return fail('net/timeout', 'The portal took too long to answer.', extra)
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
    case 'ERR_STREAM_PREMATURE_CLOSE':
    case 'ERR_HTTP_PARSER':
    case 'HPE_INVALID_CONSTANT':
    case 'ERR_GOT_REQUEST_ERROR':
      return fail('net/connection-lost', 'The connection to the portal was lost during the request.', extra)
    case 'ERR_ABORTED':
      return fail('app/cancelled', 'Cancelled.', extra)
    default:
      if (code !== undefined && isTlsCode(code)) {
        // Certificate problems are reported, never bypassed (ARCHITECTURE.md §6).
        return fail('net/tls', "The portal's security certificate cannot be trusted.", extra)
      }
      return fail('net/connection-lost', 'The connection to the portal failed.', extra)
  }
}

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'HOSTNAME_MISMATCH',
  'EPROTO'
])

function isTlsCode(code: string): boolean {
  return TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code.includes('CERT')
}

export function unexpected(what: string, status?: number): { ok: false; error: AppError } {
  return fail('portal/unexpected', `The portal's answer did not have the expected shape (${what}).`, status ? { status } : {})
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function clip(s: string): string {
  return s.length > 300 ? `${s.slice(0, 300)}…` : s
}
