// Downloading a photo for PUT /people/{id}/photo (CONTRACT.md §1.6): the v3.7.1+ IUrlValidator rules and
// pinned client (SSRF blacklist, https unless the request came over http, no redirects, 10 s timeout,
// status and size checks), and the unchecked legacy client.
//
// The local portal never downloads from anything but this computer (localhost, 127.0.0.0/8, ::1), in
// every version mode: for any other address it answers as the real server does when the download
// fails (the HttpClient's exception: 500, System.Exception), without sending a byte, so no test or demo
// can make it reach into a network.

import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'
import { ServerException } from '../http/envelope'

/** webhooks:blacklist code default. */
function defaultBlacklist(): BlockList {
  const list = new BlockList()
  const v4: Array<[string, number]> = [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16]]
  for (const [net, prefix] of v4) list.addSubnet(net, prefix, 'ipv4')
  const v6: Array<[string, number]> = [['::', 128], ['::1', 128], ['fc00::', 8], ['fd00::', 8], ['fe80::', 10]]
  for (const [net, prefix] of v6) list.addSubnet(net, prefix, 'ipv6')
  return list
}

const BLACKLIST = defaultBlacklist()

function isLoopback(ip: string): boolean {
  return ip === '::1' || /^127\./.test(ip)
}

/** Unwraps IPv4-mapped IPv6 (::ffff:10.0.0.1) so the IPv4 ranges apply. */
function normalizeIp(ip: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  return m?.[1] ?? ip
}

function isBlacklisted(ip: string, allowLoopback: boolean): boolean {
  const addr = normalizeIp(ip)
  if (allowLoopback && isLoopback(addr)) return false
  const family = isIP(addr)
  if (family === 0) return true
  return BLACKLIST.check(addr, family === 4 ? 'ipv4' : 'ipv6')
}

const STATUS_NAMES: Record<number, string> = {
  300: 'Ambiguous', 301: 'Moved', 302: 'Redirect', 303: 'RedirectMethod', 304: 'NotModified', 307: 'RedirectKeepVerb', 308: 'PermanentRedirect',
  400: 'BadRequest', 401: 'Unauthorized', 402: 'PaymentRequired', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed',
  406: 'NotAcceptable', 408: 'RequestTimeout', 410: 'Gone', 413: 'RequestEntityTooLarge', 415: 'UnsupportedMediaType', 429: 'TooManyRequests',
  500: 'InternalServerError', 501: 'NotImplemented', 502: 'BadGateway', 503: 'ServiceUnavailable', 504: 'GatewayTimeout'
}

/** HttpStatusCode.ToString(): the enum name, or the number when there is none. */
function httpStatusName(status: number): string {
  return STATUS_NAMES[status] ?? String(status)
}

const VALIDATION_FAILED = 'Photo URL validation failed'

export interface CheckedFetchOptions {
  /** The PUT request itself arrived over plain http, so http sources are allowed. */
  requestIsHttp: boolean
  allowLoopback: boolean
  maxBytes: number
  timeoutMs?: number
}

async function resolveAll(host: string): Promise<string[]> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('DNS timeout')), 3000).unref())
  const answers = await Promise.race([lookup(host, { all: true }), timeout])
  return answers.map((a) => a.address)
}

async function readLimited(response: Response, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new ServerException('ImageSizeLimit', 'image size is too large')
  const declared = Number(response.headers.get('content-length') ?? '')
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge()
  if (!response.body) return Buffer.alloc(0)
  const chunks: Buffer[] = []
  let total = 0
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > maxBytes) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(Buffer.from(value))
  }
  return Buffer.concat(chunks)
}

/** Only targets on this computer are ever fetched: the name localhost, or a loopback address literal. */
export function isLoopbackTarget(url: URL): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return host === 'localhost' || (isIP(normalizeIp(host)) !== 0 && isLoopback(normalizeIp(host)))
}

/** What the real server answers when its HttpClient cannot download: a plain exception, 500. */
function downloadFailed(url: URL): ServerException {
  return new ServerException('Exception', `No connection could be made (${url.host}): the local portal downloads only from this computer`)
}

/** v3.7.1+: validate, then download without redirects; failures are the server's exceptions. */
export async function checkedDownload(url: string, options: CheckedFetchOptions): Promise<Buffer> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new ServerException('Security', `${VALIDATION_FAILED}: not an absolute URL`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ServerException('Security', `${VALIDATION_FAILED}: scheme`)
  if (parsed.protocol === 'http:' && !options.requestIsHttp) throw new ServerException('Security', `${VALIDATION_FAILED}: https required`)
  const host = parsed.hostname.replace(/^\[|\]$/g, '')
  // A host name other than localhost is never looked up: the local portal would not download from
  // it anyway, and a DNS query would leave this computer. It fails as a download the server could not make.
  if (!isIP(host) && !isLoopbackTarget(parsed)) throw downloadFailed(parsed)
  let addresses: string[]
  try {
    addresses = isIP(host) ? [host] : await resolveAll(host)
  } catch {
    throw new ServerException('Security', `${VALIDATION_FAILED}: host cannot be resolved`)
  }
  if (addresses.length === 0 || addresses.some((ip) => isBlacklisted(ip, options.allowLoopback))) {
    throw new ServerException('Security', `${VALIDATION_FAILED}: address not allowed`)
  }
  if (!isLoopbackTarget(parsed)) throw downloadFailed(parsed)
  let response: Response
  try {
    response = await fetch(parsed, { redirect: 'manual', signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) })
  } catch (e) {
    throw new ServerException('Exception', e instanceof Error ? e.message : String(e))
  }
  if (response.status < 200 || response.status > 299) {
    await response.body?.cancel()
    throw new ServerException('InvalidOperation', `Failed to download photo: ${httpStatusName(response.status)}`)
  }
  return readLimited(response, options.maxBytes)
}

const MAX_REDIRECTS = 10

/** v3.6.1 and earlier: a plain GET that follows redirects, with no status or size check (on this computer only). */
export async function uncheckedDownload(url: string): Promise<Buffer> {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    throw new ServerException('Exception', 'Invalid URI: The format of the URI could not be determined.')
  }
  // Redirects are followed by hand so that every hop is checked before anything is sent to it.
  for (let hop = 0; ; hop++) {
    if (!isLoopbackTarget(target)) throw downloadFailed(target)
    let response: Response
    try {
      response = await fetch(target, { redirect: 'manual', signal: AbortSignal.timeout(100_000) })
    } catch (e) {
      throw new ServerException('Exception', e instanceof Error ? e.message : String(e))
    }
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location && hop < MAX_REDIRECTS) {
      await response.body?.cancel()
      target = new URL(location, target)
      continue
    }
    return Buffer.from(await response.arrayBuffer())
  }
}
