/**
 * The one module that imports got (lint enforces it). One HTTP exchange in, one status + bytes out:
 * - timeouts on every request;
 * - retries with exponential backoff that honour Retry-After, for idempotent methods only
 *   (GET/HEAD/PUT/DELETE; a POST is never repeated, since a sign-in or an upload must not happen twice);
 * - bounded concurrency (p-limit) per portal origin, so a 10,000-person list cannot flood the portal and
 *   one portal that hangs cannot hold the slots another account's portal needs;
 * - bounded bodies: an answer past its cap is cut off, so a hostile "portal" cannot fill main's memory;
 * - cancellation through an AbortSignal;
 * - no redirects: the token must never follow a redirect to another host, and a portal API does not redirect;
 * - logs carry method, path, status and error code, never headers, bodies or query strings.
 */
import { isIP, type LookupFunction } from 'node:net'
import got from 'got'
import pLimit, { type LimitFunction } from 'p-limit'
import type { AppError } from '../../preload/contract'
import { silentLogger, type Logger } from '../core/logger'
import { fail } from '../core/result'
import { failureFromNetwork } from './failures'

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE'

/**
 * Requests in flight per portal. DocSpace allows a user 50 concurrent GETs and 15 concurrent writes
 * (CONTRACT.md §0.5: beyond them it answers 429); a bulk job keeps its writes under 15 itself, and
 * its reads need room beside them: each person's read-back fetches six files at once, so with 16
 * slots a job of 12 at a time waited a round trip or two per person for a slot.
 */
const DEFAULT_CONCURRENCY = 40

export interface HttpRequest {
  readonly method: HttpMethod
  /** Absolute URL. */
  readonly url: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: Uint8Array | string
  readonly signal?: AbortSignal
  /** Overrides the client's timeout, e.g. for a large upload. */
  readonly timeoutMs?: number
  readonly onUploadProgress?: (transferred: number, total: number | undefined) => void
  /** Largest answer body accepted, in bytes; overrides the client's cap (e.g. larger for an image). */
  readonly maxBodyBytes?: number
  /**
   * Connect only to these addresses (the caller checked them) instead of resolving the host again:
   * a second DNS answer could name a private address the check refused.
   */
  readonly addresses?: readonly string[]
}

export interface HttpResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly body: Uint8Array
}

export type HttpResult = { readonly ok: true; readonly value: HttpResponse } | { readonly ok: false; readonly error: AppError }

export interface HttpOptions {
  /** Whole-request timeout. Default 30 s. */
  readonly timeoutMs?: number
  /** Extra attempts for idempotent requests. Default 3. */
  readonly retries?: number
  /** Requests in flight at once per portal origin. Default DEFAULT_CONCURRENCY (40). */
  readonly concurrency?: number
  /** First backoff step; doubles per attempt, with jitter. Default 300 ms. */
  readonly baseDelayMs?: number
  /** Backoff cap. Default 8 s. */
  readonly maxDelayMs?: number
  /** A Retry-After longer than this is not waited for: the failure is returned instead. Default 30 s. */
  readonly maxRetryAfterMs?: number
  /** Largest answer body accepted when a request names no cap of its own. Default 4 MiB: ample for any JSON answer. */
  readonly maxBodyBytes?: number
  readonly log?: Logger
  readonly userAgent?: string
}

/** Default body cap: a people page of 100 is about 200 KB; nothing the app reads as JSON comes near 4 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024

/** Statuses worth another try: throttling and gateways. A plain 500 is not: DocSpace uses it for
 * deterministic errors such as "No permissions to perform this action" (CONTRACT.md §2.2). */
const RETRY_STATUSES = new Set([429, 502, 503, 504])
const IDEMPOTENT = new Set<HttpMethod>(['GET', 'HEAD', 'PUT', 'DELETE'])

/**
 * The options every request shares, merged into got's defaults once instead of on every call (a bulk
 * job sends about nine requests a person, and got's per-call option merging is a good part of its cost).
 */
const exchange = got.extend({ responseType: 'buffer', throwHttpErrors: false, followRedirect: false, retry: { limit: 0 } })

export class HttpClient {
  readonly #timeoutMs: number
  readonly #retries: number
  readonly #baseDelayMs: number
  readonly #maxDelayMs: number
  readonly #maxRetryAfterMs: number
  readonly #concurrency: number
  readonly #maxBodyBytes: number
  /** One limiter per origin, dropped when that origin has nothing in flight or waiting. */
  readonly #limits = new Map<string, LimitFunction>()
  readonly #log: Logger
  readonly #userAgent: string

  constructor(options: HttpOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? 30_000
    this.#retries = Math.max(0, options.retries ?? 3)
    this.#baseDelayMs = options.baseDelayMs ?? 300
    this.#maxDelayMs = options.maxDelayMs ?? 8_000
    this.#maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000
    this.#concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY)
    this.#maxBodyBytes = Math.max(1, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES)
    this.#log = options.log ?? silentLogger
    this.#userAgent = options.userAgent ?? 'DocSpace-Photo-Manager'
  }

  /** Requests waiting for a slot plus those in flight, over every origin. */
  get pending(): number {
    let sum = 0
    for (const limit of this.#limits.values()) sum += limit.activeCount + limit.pendingCount
    return sum
  }

  /**
   * Sends the request; a non-2xx answer is a response (the caller maps it), only transport
   * problems are failures. Retryable answers are retried first when the method is idempotent.
   */
  async request(req: HttpRequest): Promise<HttpResult> {
    const path = safePath(req.url)
    const maxAttempts = IDEMPOTENT.has(req.method) ? this.#retries + 1 : 1
    for (let attempt = 1; ; attempt++) {
      if (req.signal?.aborted) return fail('app/cancelled', 'cancelled')
      const result = await this.#slot(req.url, () => this.#once(req, path))
      const retryable = result.ok ? RETRY_STATUSES.has(result.value.status) : result.error.code === 'net/connection-lost'
      if (!retryable || attempt >= maxAttempts) return result

      const retryAfter = result.ok ? parseRetryAfter(result.value.headers['retry-after']) : undefined
      if (retryAfter !== undefined && retryAfter > this.#maxRetryAfterMs) {
        this.#log.warn('http retry-after too long, giving up', { method: req.method, path, retryAfterMs: retryAfter })
        return result
      }
      const delay = retryAfter ?? this.#backoff(attempt)
      this.#log.info('http retry', {
        method: req.method,
        path,
        attempt,
        status: result.ok ? result.value.status : undefined,
        code: result.ok ? undefined : result.error.detail,
        delayMs: delay
      })
      if (!(await sleep(delay, req.signal))) return fail('app/cancelled', 'cancelled')
    }
  }

  /** Runs `work` in a slot of the URL's origin. */
  async #slot(url: string, work: () => Promise<HttpResult>): Promise<HttpResult> {
    const key = originOf(url)
    let limit = this.#limits.get(key)
    if (!limit) {
      limit = pLimit(this.#concurrency)
      this.#limits.set(key, limit)
    }
    try {
      return await limit(work)
    } finally {
      if (limit.activeCount + limit.pendingCount === 0 && this.#limits.get(key) === limit) this.#limits.delete(key)
    }
  }

  async #once(req: HttpRequest, path: string): Promise<HttpResult> {
    const started = Date.now()
    const cap = req.maxBodyBytes ?? this.#maxBodyBytes
    // Our own abort for an answer past its cap, which the caller's cancel also pulls. A listener
    // removed when the request ends, not AbortSignal.any: that keeps every combined signal (and its
    // listeners) alive until the caller's long-lived signal (the app's shutdown) is collected.
    const cut = new AbortController()
    let tooLarge = false
    const onCancel = (): void => cut.abort()
    if (req.signal?.aborted) cut.abort()
    else req.signal?.addEventListener('abort', onCancel, { once: true })
    const signal = cut.signal
    try {
      const body = typeof req.body === 'string' ? req.body : req.body ? Buffer.from(req.body.buffer, req.body.byteOffset, req.body.byteLength) : undefined
      const promise = exchange(req.url, {
        method: req.method,
        headers: { 'user-agent': this.#userAgent, ...req.headers },
        ...(body !== undefined ? { body } : {}),
        timeout: { request: req.timeoutMs ?? this.#timeoutMs },
        ...(req.addresses ? { dnsLookup: pinnedLookup(req.addresses) } : {}),
        signal
      })
      // Counted after decompression, so a small gzip that unpacks to gigabytes is cut off too.
      promise.on('downloadProgress', (p) => {
        if (tooLarge || (p.transferred <= cap && (p.total === undefined || p.total <= cap))) return
        tooLarge = true
        cut.abort()
      })
      const onProgress = req.onUploadProgress
      if (onProgress) promise.on('uploadProgress', (p) => onProgress(p.transferred, p.total))
      const res = await promise
      const headers: Record<string, string | undefined> = {}
      for (const [k, v] of Object.entries(res.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v
      this.#log.info('http', { method: req.method, path, status: res.statusCode, ms: Date.now() - started })
      return { ok: true, value: { status: res.statusCode, headers, body: ownBytes(res.body) } }
    } catch (e) {
      if (req.signal?.aborted) return fail('app/cancelled', 'cancelled')
      if (tooLarge) {
        this.#log.warn('http answer too large, cut off', { method: req.method, path, capBytes: cap, ms: Date.now() - started })
        return fail('portal/unexpected', `the portal's answer is larger than ${cap} bytes; the app stopped reading it`, { facts: { answerProblem: 'too-large' } })
      }
      // Only the code leaves this block: got's error object holds the request options, headers included.
      const code = typeof (e as { code?: unknown })?.code === 'string' ? (e as { code: string }).code : undefined
      this.#log.warn('http failed', { method: req.method, path, code, ms: Date.now() - started })
      return failureFromNetwork(code)
    } finally {
      req.signal?.removeEventListener('abort', onCancel)
    }
  }

  #backoff(attempt: number): number {
    const step = Math.min(this.#maxDelayMs, this.#baseDelayMs * 2 ** (attempt - 1))
    // Equal jitter: at least half the step, so retries of many parallel requests spread out.
    return Math.round(step / 2 + Math.random() * (step / 2))
  }
}

/**
 * The body as a Uint8Array with an ArrayBuffer of its own: small Buffers are slices of Node's shared
 * pool, and a structured clone (IPC) of a view sends its whole ArrayBuffer, other requests' bytes
 * included. got gathers a body into one new array, which is copied only if it is a view after all.
 */
export function ownBytes(body: Uint8Array): Uint8Array {
  const whole = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer
  return whole && !Buffer.isBuffer(body) ? body : new Uint8Array(body)
}

/** A DNS lookup that answers with the given addresses only, whatever the host. */
function pinnedLookup(addresses: readonly string[]): LookupFunction {
  const all = addresses.map((address) => ({ address, family: isIP(address) }))
  return (_host, options, callback) => {
    if (options.all) callback(null, all)
    else if (all[0]) callback(null, all[0].address, all[0].family)
    else callback(Object.assign(new Error('no checked address'), { code: 'ENOTFOUND' }), '', 4)
  }
}

/** Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

/** Resolves true after `ms`, or false as soon as the signal aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false)
    const onAbort = (): void => {
      clearTimeout(timer)
      resolve(false)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** The limiter key: scheme, host and port, so two portals never share slots. */
function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return '(invalid url)'
  }
}

/** The path for logs: no query string (it can hold a search term or an email). */
function safePath(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return '(invalid url)'
  }
}
