/**
 * DocSpaceClient: one portal, one credential. Builds the requests CONTRACT.md describes, unwraps the
 * success envelope (§0.2: the payload is in `response`, next to `count`, `total` and `status`), and
 * turns everything else into typed failures (failures.ts). Every method
 * answers a Result; nothing here throws for an expected failure.
 */
import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import type { AppError, Result } from '../../preload/contract'
import {
  authenticationTokenDto,
  buildVersionDto,
  employeeFullDto,
  employeeRowDto,
  fileUploadResultDto,
  settingsDto,
  thumbnailsDataDto,
  type EmployeeFullDto,
  type ThumbnailsDataDto
} from './dto'
import { fail, ok } from '../core/result'
import { failureFromStatus, isRecord, portalReasonOf, unexpected, unsendableSecret, type CallContext } from './failures'
import { parseRetryAfter, type HttpClient, type HttpMethod } from './http'
import { isSendableSecret, MAX_PEOPLE_TOTAL, MAX_UPLOAD_BYTES, photoBodyCap, saneUploadLimit } from './limits'
import { isPersonId } from './identifiers'
import { STORED_PHOTO_PATH } from './photo-sizes'
import { MAX_DOWNLOAD_REDIRECTS, redirectTarget } from './portal-url'

/** A login token is sent raw; an API key as a bearer value (CONTRACT.md §4.2, §4.3). */
export type Credential = { readonly kind: 'token'; readonly token: string } | { readonly kind: 'api-key'; readonly key: string }

export type SignInAnswer =
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'two-factor'; readonly via: 'app' | 'sms'; readonly phoneNoise?: string }

export interface PeopleChunk {
  readonly people: readonly EmployeeFullDto[]
  readonly total: number
}

export interface FetchedFile {
  readonly bytes: Uint8Array
  readonly contentType: string | undefined
}

export type UploadAnswer =
  /** Autosave=true: the photo is stored; `original` is the upload's `main`. */
  | { readonly kind: 'stored'; readonly photo: ThumbnailsDataDto }
  /** Autosave=false: a temp file to pass to createThumbnails. */
  | { readonly kind: 'temp'; readonly tmpFile: string }

export interface ThumbnailsRequest {
  readonly tmpFile?: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface DocSpaceClientOptions {
  /** Normalized origin (portal-url.ts). */
  readonly origin: string
  readonly http: HttpClient
  readonly credential?: Credential
  /** Cancels every request of this client. */
  readonly signal?: AbortSignal
}

/** The only places photo files are served from (CONTRACT.md §1.1, §3.5, §3.6). */
export const PHOTO_PATH_PREFIXES = [STORED_PHOTO_PATH, '/static/images/'] as const

const API = '/api/2.0'

interface CallOptions {
  readonly query?: Readonly<Record<string, string | number>>
  readonly json?: unknown
  readonly body?: Uint8Array
  readonly contentType?: string
  readonly context?: CallContext
  readonly anonymous?: boolean
  readonly onUploadProgress?: (sent: number, total: number | undefined) => void
  /** Cancels this request only (on top of the client's own signal). */
  readonly signal?: AbortSignal
  readonly timeoutMs?: number
}

/** An API path, or why none could be built (an identifier of the wrong shape). */
type ApiPath = string | { readonly ok: false; readonly error: AppError }

/** `/people/{id}{suffix}`, refused unless the id is a GUID or a user name: "." or ".." would resolve to another route. */
function personPath(userId: string, suffix = ''): ApiPath {
  if (!isPersonId(userId)) return fail('input/invalid', 'not a person id (a GUID or a user name)')
  return `/people/${encodeURIComponent(userId)}${suffix}`
}

/** The success envelope's payload and its `total` (§0.2). */
export interface Envelope {
  readonly response: unknown
  readonly total: number | undefined
}

/** What a sibling client of this folder (files-client.ts) may send through request(). */
export interface ApiRequest {
  readonly query?: Readonly<Record<string, string | number>>
  readonly json?: unknown
  readonly body?: Uint8Array
  readonly contentType?: string
}

export class DocSpaceClient {
  readonly origin: string
  readonly #http: HttpClient
  readonly #credential: Credential | undefined
  readonly #signal: AbortSignal | undefined
  /** The upload limit once a signed-in settings read said it; until then photo downloads get the ceiling's cap. */
  #uploadLimit: number | undefined

  constructor(options: DocSpaceClientOptions) {
    this.origin = options.origin
    this.#http = options.http
    this.#credential = options.credential
    this.#signal = options.signal
  }

  /** The same portal with another credential (e.g. right after sign-in). */
  withCredential(credential: Credential): DocSpaceClient {
    return new DocSpaceClient({ origin: this.origin, http: this.#http, credential, ...(this.#signal ? { signal: this.#signal } : {}) })
  }

  /** `GET /settings/version/build` (anonymous, §6): the raw `docSpace` string, e.g. "3.7.2". */
  async buildVersion(): Promise<Result<string>> {
    const res = await this.#call('GET', '/settings/version/build', { anonymous: true })
    if (!res.ok) return res
    const dto = buildVersionDto.safeParse(res.value.response)
    if (!dto.success || !dto.data.docSpace) return unexpected('version')
    return ok(dto.data.docSpace)
  }

  /** `GET /settings`: maxImageUploadSize is filled for signed-in callers only (§3.3). */
  async settings(): Promise<Result<{ readonly maxImageUploadSize: number; readonly version: string | undefined }>> {
    const res = await this.#parse('GET', '/settings', settingsDto, {})
    if (!res.ok) return res
    const raw = res.value.maxImageUploadSize
    const maxImageUploadSize = saneUploadLimit(raw)
    if (typeof raw === 'number' && raw > 0) this.#uploadLimit = maxImageUploadSize
    return ok({ maxImageUploadSize, version: res.value.version })
  }

  /** `POST /authentication` (§4.1): a token, or a two-factor challenge without one. */
  async signIn(email: string, password: string): Promise<Result<SignInAnswer>> {
    const res = await this.#parse('POST', '/authentication', authenticationTokenDto, {
      json: { userName: email, password },
      context: 'sign-in',
      anonymous: true
    })
    if (!res.ok) return res
    const dto = res.value
    if (dto.token && !isSendableSecret(dto.token)) return unsendableSecret('token')
    if (dto.token) return ok({ kind: 'token', token: dto.token })
    if (dto.tfa) return ok({ kind: 'two-factor', via: 'app' })
    if (dto.sms) return ok({ kind: 'two-factor', via: 'sms', ...(dto.phoneNoise ? { phoneNoise: dto.phoneNoise } : {}) })
    return unexpected('sign-in answer without token')
  }

  /** `POST /authentication/{code}` with the same body plus the code (§4.1). */
  async verifyCode(email: string, password: string, code: string): Promise<Result<string>> {
    const res = await this.#parse('POST', `/authentication/${encodeURIComponent(code)}`, authenticationTokenDto, {
      json: { userName: email, password, code },
      context: 'verify-code',
      anonymous: true
    })
    if (!res.ok) return res
    if (!res.value.token) return fail('auth/invalid-code', 'two-factor answer without a token')
    if (!isSendableSecret(res.value.token)) return unsendableSecret('token')
    return ok(res.value.token)
  }

  /** `GET /people/@self` (§5.1): the signed-in user's own full profile, role flags included. */
  self(): Promise<Result<EmployeeFullDto>> {
    return this.#parse('GET', '/people/@self', employeeFullDto, {})
  }

  /**
   * `GET /people/filter` (§5.1): one page (count 1..100 from 3.2.1) and the total number of people.
   * A page longer than asked is cut to `count`; a total that cannot be right fails as 'people-count'.
   */
  async peoplePage(page: { readonly startIndex: number; readonly count: number }): Promise<Result<PeopleChunk>> {
    const res = await this.#call('GET', '/people/filter', {
      query: { startIndex: page.startIndex, count: page.count, sortBy: 'firstname', sortOrder: 'ascending' }
    })
    if (!res.ok) return res
    if (!Array.isArray(res.value.response)) return unexpected('people list')
    const { total } = res.value
    if (total !== undefined && !(Number.isInteger(total) && total >= 0 && total <= MAX_PEOPLE_TOTAL)) {
      return fail('portal/unexpected', `the portal claims a total of ${total} people`, { facts: { answerProblem: 'people-count' } })
    }
    const people: EmployeeFullDto[] = []
    for (const item of res.value.response.slice(0, Math.max(0, page.count))) {
      const dto = employeeRowDto.safeParse(item)
      if (!dto.success) return unexpected('person')
      people.push(dto.data)
    }
    // Never fewer than the people already seen, so a caller's paging can trust the lower bound.
    return ok({ people, total: Math.max(total ?? 0, page.startIndex + people.length) })
  }

  /** `GET /people/{id}`. */
  person(userId: string): Promise<Result<EmployeeFullDto>> {
    return this.#parse('GET', personPath(userId), employeeFullDto, {})
  }

  /** `GET /people/{id}/photo` (§1.2): the six size URLs, each with `?hash=`. */
  photo(userId: string): Promise<Result<ThumbnailsDataDto>> {
    return this.#parse('GET', personPath(userId, '/photo'), thumbnailsDataDto, {})
  }

  /**
   * Downloads a photo file (auth needed, §3.6). Only same-origin paths under /storage/userPhotos/ or
   * /static/images/: the token must never be sent anywhere else.
   */
  async fetchFile(relativeOrAbsoluteUrl: string): Promise<Result<FetchedFile>> {
    const url = resolvePhotoUrl(this.origin, relativeOrAbsoluteUrl)
    if (!url) return fail('input/invalid', 'not a photo path on this portal')
    const res = await this.#http.request({
      method: 'GET',
      url,
      headers: { accept: 'image/*', ...this.#authHeader() },
      maxBodyBytes: photoBodyCap(this.#uploadLimit ?? MAX_UPLOAD_BYTES),
      ...(this.#signal ? { signal: this.#signal } : {})
    })
    if (!res.ok) return res
    const { status, headers, body } = res.value
    if (status < 200 || status > 299) return failureFromStatus(status, body, 'call', retryAfterSeconds(headers))
    return ok({ bytes: body, contentType: headers['content-type'] })
  }

  /**
   * `POST /people/{id}/photo` (§1.4) with a hand-built multipart body: a `file` part with a filename
   * plus `Autosave`, the one shape every version accepts. 200 with success:false is 'portal/rejected'.
   */
  async uploadPhoto(
    userId: string,
    bytes: Uint8Array,
    options: {
      readonly autosave: boolean
      readonly filename?: string
      readonly mime?: string
      readonly onProgress?: (sent: number, total: number | undefined) => void
      /** Aborts this upload (a user's cancel); the answer is then app/cancelled. */
      readonly signal?: AbortSignal
      /** A large upload on a slow link may need longer than the client's default timeout. */
      readonly timeoutMs?: number
    }
  ): Promise<Result<UploadAnswer>> {
    const boundary = `----DocSpacePhotoManager${randomBytes(12).toString('hex')}`
    const filename = (options.filename ?? 'photo.jpg').replace(/["\r\n\\]/g, '_')
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${options.mime ?? 'application/octet-stream'}\r\n\r\n`
    )
    const tail = Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="Autosave"\r\n\r\n${options.autosave ? 'true' : 'false'}\r\n--${boundary}--\r\n`)
    const body = Buffer.concat([head, bytes, tail])
    const res = await this.#call('POST', personPath(userId, '/photo'), {
      body,
      contentType: `multipart/form-data; boundary=${boundary}`,
      ...(options.onProgress ? { onUploadProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {})
    })
    if (!res.ok) return res
    const dto = fileUploadResultDto.safeParse(res.value.response)
    if (!dto.success) return unexpected('upload result')
    const { success, data, message } = dto.data
    if (!success) {
      const detail = decodeHtml(message ?? '')
      const reason = portalReasonOf(detail)
      return fail('portal/rejected', `upload answered success:false${detail ? `: ${detail}` : ''}`, { ...(detail ? { detail } : {}), ...(reason ? { facts: { portalReason: reason } } : {}) })
    }
    if (typeof data === 'string') return ok({ kind: 'temp', tmpFile: data })
    if (data === undefined) return unexpected('upload result without data')
    const { main, ...sizes } = data
    return ok({ kind: 'stored', photo: { ...sizes, original: main } })
  }

  /**
   * One API call with this client's credential, for the other endpoint families of this folder
   * (files-client.ts), so the envelope, failures and credential stay in one place. `path` is built
   * by the caller from checked ids only.
   */
  request(method: HttpMethod, path: string, request: ApiRequest = {}): Promise<Result<Envelope>> {
    return this.#call(method, path, request)
  }

  /**
   * Downloads an absolute URL with this client's credential (CONTRACT-ROOMS.md §4.6: the file handler
   * takes the API's credential), only when it is on this portal's own origin: a shared file's
   * `viewUrl` is untrusted, and the credential must never reach another host. At most `maxBytes`.
   */
  async download(absoluteUrl: string, maxBytes: number): Promise<Result<FetchedFile>> {
    let url: URL | 'unusable' | undefined = URL.canParse(absoluteUrl) ? new URL(absoluteUrl) : 'unusable'
    // The handler may redirect: each hop is checked as the first, so a redirect to another host is refused unsent.
    for (let hop = 0; hop <= MAX_DOWNLOAD_REDIRECTS && url !== undefined; hop++) {
      if (url === 'unusable') return fail('input/invalid', 'not an address')
      if (url.origin !== this.origin || url.username !== '' || url.password !== '') return fail('input/invalid', "not an address on this portal's own origin")
      url.hash = ''
      const res = await this.#http.request({ method: 'GET', url: url.toString(), headers: { accept: '*/*', ...this.#authHeader() }, maxBodyBytes: maxBytes, ...(this.#signal ? { signal: this.#signal } : {}) })
      if (!res.ok) return res
      const { status, headers, body } = res.value
      const next = redirectTarget(status, headers['location'], url)
      if (next !== undefined) {
        url = next
        continue
      }
      if (status < 200 || status > 299) return failureFromStatus(status, body, 'call', retryAfterSeconds(headers))
      return ok({ bytes: body, contentType: headers['content-type'] })
    }
    return fail('portal/unexpected', 'the download redirects too often')
  }

  /** `POST /people/{id}/photo/thumbnails` (§1.5): the flat ThumbnailsRequest is the whole body. */
  createThumbnails(userId: string, request: ThumbnailsRequest): Promise<Result<ThumbnailsDataDto>> {
    const json = {
      ...(request.tmpFile ? { tmpFile: request.tmpFile } : {}),
      x: request.x,
      y: request.y,
      width: request.width,
      height: request.height
    }
    return this.#parse('POST', personPath(userId, '/photo/thumbnails'), thumbnailsDataDto, { json })
  }

  /** `DELETE /people/{id}/photo` (§1.3): answers the default images with a new hash. */
  deletePhoto(userId: string): Promise<Result<ThumbnailsDataDto>> {
    return this.#parse('DELETE', personPath(userId, '/photo'), thumbnailsDataDto, {})
  }

  /** `PUT /people/{id}/photo` with `{files: url}` (§1.6): the portal downloads the image itself. */
  setPhotoFromUrl(userId: string, url: string): Promise<Result<ThumbnailsDataDto>> {
    return this.#parse('PUT', personPath(userId, '/photo'), thumbnailsDataDto, { json: { files: url } })
  }

  async #parse<S extends z.ZodType>(method: HttpMethod, path: ApiPath, schema: S, options: CallOptions): Promise<Result<z.infer<S>>> {
    if (typeof path !== 'string') return path
    const res = await this.#call(method, path, options)
    if (!res.ok) return res
    const dto = schema.safeParse(res.value.response)
    if (!dto.success) return unexpected(path.replace(/\/[0-9a-f-]{36}/gi, '/{id}'))
    return ok(dto.data as z.infer<S>)
  }

  async #call(method: HttpMethod, path: ApiPath, options: CallOptions): Promise<Result<Envelope>> {
    if (typeof path !== 'string') return path
    const query = options.query
      ? `?${new URLSearchParams(Object.entries(options.query).map(([k, v]) => [k, String(v)])).toString()}`
      : ''
    const headers: Record<string, string> = { accept: 'application/json', ...(options.anonymous ? {} : this.#authHeader()) }
    let body: Uint8Array | string | undefined
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(options.json)
    } else if (options.body) {
      headers['content-type'] = options.contentType ?? 'application/octet-stream'
      body = options.body
    }
    const signals = [this.#signal, options.signal].filter((s): s is AbortSignal => s !== undefined)
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0]
    const res = await this.#http.request({
      method,
      url: `${this.origin}${API}${path}${query}`,
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(options.onUploadProgress ? { onUploadProgress: options.onUploadProgress } : {}),
      ...(signal ? { signal } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {})
    })
    if (!res.ok) return res
    const { status, headers: answerHeaders, body: bytes } = res.value
    if (status < 200 || status > 299) return failureFromStatus(status, bytes, options.context ?? 'call', retryAfterSeconds(answerHeaders))
    let parsed: unknown
    try {
      parsed = JSON.parse(Buffer.from(bytes).toString('utf8'))
    } catch {
      return unexpected('not JSON', status)
    }
    if (!isRecord(parsed)) return unexpected('no envelope', status)
    // §0.2: a 400 from model validation can still come as a success-shaped envelope with status 1.
    if (parsed['status'] === 1) return failureFromStatus(typeof parsed['statusCode'] === 'number' ? parsed['statusCode'] : 400, bytes, options.context ?? 'call')
    return ok({ response: parsed['response'], total: typeof parsed['total'] === 'number' ? parsed['total'] : undefined })
  }

  #authHeader(): Record<string, string> {
    const c = this.#credential
    if (!c) return {}
    switch (c.kind) {
      case 'token':
        return { authorization: c.token }
      case 'api-key':
        return { authorization: `Bearer ${c.key}` }
    }
  }
}

/** Retry-After in whole seconds, for the failure's facts (CONTRACT.md §0.5: a 429 carries it, and callers wait it out). */
function retryAfterSeconds(headers: Readonly<Record<string, string | undefined>>): number | undefined {
  const ms = parseRetryAfter(headers['retry-after'])
  return ms === undefined ? undefined : Math.ceil(ms / 1000)
}

/**
 * Resolves a photo reference against the portal origin and accepts it only when it stays on that
 * origin and under a photo folder. Returns the absolute URL, or undefined.
 */
export function resolvePhotoUrl(origin: string, ref: string): string | undefined {
  if (ref.length === 0 || ref.length > 2048 || /[\s\\]/.test(ref)) return undefined
  let url: URL
  try {
    url = new URL(ref, `${origin}/`)
  } catch {
    return undefined
  }
  if (url.origin !== origin || url.username !== '' || url.password !== '') return undefined
  // URL() has already resolved "..", "%2e%2e" and friends, so the prefix check sees the real path.
  if (!PHOTO_PATH_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return undefined
  if (/%2f|%5c/i.test(url.pathname)) return undefined
  url.hash = ''
  return url.toString()
}

/** DocSpace HTML-encodes some texts (department, upload messages). */
export function decodeHtml(text: string): string {
  return text
    .replace(/&#(\d{1,7});/g, (_, n: string) => codePoint(Number(n)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, n: string) => codePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd'
}
