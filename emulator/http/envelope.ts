// The server's response shapes (CONTRACT.md §0.2-§0.4): success envelope, ErrorApiResponse,
// the success-shaped 400 validation envelope, and body-less statuses.
//
// The real server signals failures with .NET exceptions that a global handler maps to statuses. The emulator
// reproduces that mapping, so its handlers throw `ServerException` with the .NET exception kind they
// reproduce; everything else in the emulator returns values.

import { randomBytes } from 'node:crypto'

export type ExceptionKind =
  | 'ItemNotFound'
  | 'FileNotFound'
  | 'Argument'
  | 'ArgumentNull'
  | 'Security'
  | 'Authorizing'
  | 'BruteForce'
  | 'Authentication'
  | 'InvalidOperation'
  | 'NotSupported'
  | 'Format'
  | 'ImageSizeLimit'
  | 'ImageDecode'
  | 'Exception'
  | 'TenantQuota'
  | 'ArgumentOutOfRange'

interface ExceptionInfo {
  status: number
  type: string | null
  hresult: number
  /** false: type, stack and hresult come out as null, null, 0 (§0.3). */
  filled: boolean
  /** Security exceptions always read "Access denied". */
  fixedMessage?: string
}

const GENERIC_HRESULT = -2146233088

function exceptionInfo(kind: ExceptionKind): ExceptionInfo {
  switch (kind) {
    case 'ItemNotFound':
      return { status: 404, type: 'ASC.Common.Web.ItemNotFoundException', hresult: GENERIC_HRESULT, filled: true }
    case 'FileNotFound':
      return { status: 404, type: 'System.IO.FileNotFoundException', hresult: -2147024894, filled: true }
    case 'Argument':
      return { status: 400, type: 'System.ArgumentException', hresult: -2147024809, filled: true }
    case 'ArgumentNull':
      return { status: 400, type: 'System.ArgumentNullException', hresult: -2147467261, filled: true }
    case 'Security':
      return { status: 403, type: 'System.Security.SecurityException', hresult: -2146233078, filled: true, fixedMessage: 'Access denied' }
    case 'Authorizing':
      return { status: 403, type: 'ASC.Common.Security.Authorizing.AuthorizingException', hresult: GENERIC_HRESULT, filled: true, fixedMessage: 'Access denied' }
    case 'BruteForce':
      return { status: 403, type: null, hresult: 0, filled: false }
    case 'Authentication':
      return { status: 401, type: null, hresult: 0, filled: false }
    case 'InvalidOperation':
      return { status: 403, type: 'System.InvalidOperationException', hresult: -2146233079, filled: true }
    case 'NotSupported':
      return { status: 415, type: null, hresult: 0, filled: false }
    case 'Format':
      return { status: 500, type: 'System.FormatException', hresult: -2146233033, filled: true }
    case 'ImageSizeLimit':
      return { status: 500, type: 'ASC.Web.Core.Users.ImageSizeLimitException', hresult: GENERIC_HRESULT, filled: true }
    case 'ImageDecode':
      return { status: 500, type: 'ImageMagick.MagickCorruptImageErrorException', hresult: GENERIC_HRESULT, filled: true }
    case 'Exception':
      return { status: 500, type: 'System.Exception', hresult: GENERIC_HRESULT, filled: true }
    case 'TenantQuota':
      return { status: 402, type: 'ASC.Core.Tenants.TenantQuotaException', hresult: GENERIC_HRESULT, filled: true }
    case 'ArgumentOutOfRange':
      return { status: 400, type: 'System.ArgumentOutOfRangeException', hresult: -2146233086, filled: true }
  }
}

/** A reproduced .NET exception; the handler in server.ts turns it into an ErrorApiResponse. */
export class ServerException extends Error {
  constructor(
    readonly kind: ExceptionKind,
    message: string
  ) {
    super(message)
    this.name = 'ServerException'
  }
}

/** A model-binding failure: HTTP 400 with a success-shaped envelope holding ValidationProblemDetails. */
export class ValidationFailure extends Error {
  constructor(readonly errors: Record<string, string[]>) {
    super('One or more validation errors occurred.')
    this.name = 'ValidationFailure'
  }
}

/** A status that the real server sends without a body (401 challenge, 403 scope, 402, 415). */
export class BodylessStatus extends Error {
  constructor(
    readonly status: 401 | 402 | 403 | 404 | 415,
    readonly headers: Record<string, string> = {}
  ) {
    super(`HTTP ${status}`)
    this.name = 'BodylessStatus'
  }
}

export interface Wire {
  status: number
  body: unknown
}

/** Removes null/undefined members recursively (DefaultIgnoreCondition = WhenWritingNull). */
function omitNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(omitNulls)
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      if (v === null || v === undefined) continue
      out[k] = omitNulls(v)
    }
    return out
  }
  return value
}

export interface SuccessOptions {
  count?: number
  total?: number
}

export function successEnvelope(payload: unknown, href: string, method: string, options: SuccessOptions = {}): Wire {
  const count = options.count ?? (payload === null || payload === undefined ? 0 : Array.isArray(payload) ? payload.length : 1)
  const body = omitNulls({
    response: payload,
    count,
    total: options.total,
    links: [{ href, action: method }],
    status: 0,
    statusCode: 200
  })
  return { status: 200, body }
}

export function errorEnvelope(error: ServerException): Wire {
  const info = exceptionInfo(error.kind)
  const message = info.fixedMessage ?? error.message
  return {
    status: info.status,
    // Nulls are kept here: the exception handler writes with plain web defaults (§0.3).
    body: {
      error: {
        message,
        type: info.filled ? info.type : null,
        stack: info.filled ? `   at ${info.type ?? 'System.Exception'}: ${message}\n   at ASC.Api.Core (local DocSpace emulator)` : null,
        hresult: info.filled ? info.hresult : 0
      },
      status: 1,
      statusCode: info.status
    }
  }
}

export function validationEnvelope(failure: ValidationFailure, href: string, method: string): Wire {
  const traceId = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`
  return {
    status: 400,
    body: {
      response: {
        type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
        title: 'One or more validation errors occurred.',
        status: 400,
        errors: failure.errors,
        traceId
      },
      count: 1,
      links: [{ href, action: method }],
      status: 1,
      statusCode: 400
    }
  }
}

/** A plain 500 the way an unexpected exception surfaces. */
export function internalError(message: string): Wire {
  return errorEnvelope(new ServerException('Exception', message))
}

/** HtmlEncode as the server applies it to upload failure messages and department names. */
export function htmlEncode(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}
