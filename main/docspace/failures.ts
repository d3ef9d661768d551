/**
 * Typed failures: every way a DocSpace call can go wrong, mapped to the contract's ErrorCode.
 * The status/body table follows CONTRACT.md §0.3 (error body), §0.4 (statuses without a body),
 * §4.1 (sign-in failures) and §1.4 (upload's 200 success:false).
 */
import type { AppError, ErrorFacts, PortalReason } from '../../preload/contract'
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

/**
 * What the portal's own words mean, decided here once for every caller. The texts are the ones
 * CONTRACT.md §1.4 lists for upload's success:false and §1.6 for setting a photo from an address.
 */
export function portalReasonOf(portalText: string | undefined): PortalReason | undefined {
  if (portalText === undefined || portalText === '') return undefined
  if (/failed to download photo/i.test(portalText)) return 'download-failed'
  if (/maximum file size|size is too large|too large/i.test(portalText)) return 'too-large'
  if (/unknown image file type/i.test(portalText)) return 'format'
  if (/security error|access denied|no permissions/i.test(portalText)) return 'security'
  if (/could not be found/i.test(portalText)) return 'not-found'
  return 'other'
}

/** Maps a non-2xx answer to a typed failure. `retryAfterSeconds` comes from the answer's Retry-After header. */
export function failureFromStatus(status: number, body: Uint8Array, context: CallContext, retryAfterSeconds?: number): { ok: false; error: AppError } {
  const detail = portalMessage(body)
  const reason = portalReasonOf(detail)
  const answer = reason === 'download-failed' && detail ? /failed to download photo:\s*(.+)$/i.exec(detail)?.[1]?.trim() : undefined
  const facts: ErrorFacts = {
    ...(reason ? { portalReason: reason } : {}),
    ...(answer ? { addressAnswer: answer } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {})
  }
  const extra = { status, ...(detail ? { detail } : {}), facts }
  if (status === 401) {
    // §0.4: an empty 401 on any call means the token is gone; on sign-in it means bad credentials (§4.1).
    switch (context) {
      case 'sign-in':
        return fail('auth/invalid-credentials', 'sign-in refused: wrong email, password or API key (401)', extra)
      case 'verify-code':
        return fail('auth/invalid-code', 'two-factor code refused (401)', extra)
      case 'call':
        return fail('auth/expired', 'token rejected (401): the session expired or was revoked', extra)
    }
  }
  if (status === 403) {
    // §4.1: brute-force protection and disabled users answer 403 on sign-in, with their own message.
    if (context !== 'call' && detail !== undefined) {
      if (/too many/i.test(detail)) return fail('auth/too-many-attempts', 'sign-in refused: too many attempts (403)', extra)
      if (/disabled/i.test(detail)) return fail('auth/user-disabled', 'sign-in refused: the user is disabled (403)', extra)
    }
    if (context === 'verify-code' && detail === undefined) return fail('auth/invalid-code', 'two-factor code refused (403)', extra)
    return fail('portal/forbidden', 'the portal refused this for the signed-in user (403)', extra)
  }
  if (status === 400) {
    if (context === 'verify-code') return fail('auth/invalid-code', 'two-factor code refused (400)', extra)
    return fail('portal/bad-request', 'the portal rejected the request (400)', extra)
  }
  if (status === 402) return fail('portal/payment-required', 'the portal is unpaid (402)', extra)
  if (status === 404) return fail('portal/not-found', 'not found on the portal (404)', extra)
  // §0.3/§0.4: 415 is NotSupportedException or a wrong Content-Type: the request's shape, from our side.
  if (status === 415) return fail('portal/bad-request', 'the portal does not support this request (415)', extra)
  if (status === 429) return fail('portal/rate-limited', 'the portal is limiting requests (429)', extra)
  if (status >= 500) return fail('portal/server-error', `the portal had an internal error (${status})`, extra)
  if (status >= 300 && status < 400) return fail('portal/unexpected', `the portal redirected the request (${status}); redirects are not followed`, extra)
  return fail('portal/unexpected', `unexpected status ${status}`, extra)
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
      return fail('net/unreachable', 'the portal cannot be reached', extra)
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
      return fail('net/timeout', 'the portal took too long to answer', extra)
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
    case 'ERR_STREAM_PREMATURE_CLOSE':
    case 'ERR_HTTP_PARSER':
    case 'HPE_INVALID_CONSTANT':
    case 'ERR_GOT_REQUEST_ERROR':
      return fail('net/connection-lost', 'the connection was lost during the request', extra)
    case 'ERR_ABORTED':
      return fail('app/cancelled', 'cancelled', extra)
    // Node refused to send a header value (a CR/LF in a token): trying again cannot help.
    case 'ERR_INVALID_CHAR':
    case 'ERR_HTTP_INVALID_HEADER_VALUE':
      return fail('app/internal', 'a request header held characters that cannot be sent', extra)
    default:
      if (code !== undefined && isTlsCode(code)) {
        // Certificate problems are reported, never bypassed (ARCHITECTURE.md §6).
        return fail('net/tls', "the portal's TLS certificate is not trusted", extra)
      }
      return fail('net/connection-lost', 'the connection to the portal failed', extra)
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
  return fail('portal/unexpected', `the portal's answer did not have the expected shape (${what})`, status ? { status } : {})
}

/**
 * A secret that cannot go into a header (a CR/LF would split the request), refused at sign-in rather
 * than failing every later call: the portal's token is a wrong answer, a typed API key wrong credentials.
 */
export function unsendableSecret(kind: 'token' | 'api-key'): { ok: false; error: AppError } {
  return kind === 'token'
    ? fail('portal/unexpected', 'the sign-in token holds characters a request cannot carry', { facts: { answerProblem: 'token-characters' } })
    : fail('auth/invalid-credentials', 'the API key holds characters a request cannot carry', { facts: { answerProblem: 'key-characters' } })
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function clip(s: string): string {
  return s.length > 300 ? `${s.slice(0, 300)}…` : s
}
