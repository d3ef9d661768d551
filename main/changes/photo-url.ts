/**
 * The address of "set from URL", checked in the app before it is sent: the portal downloads it with
 * HR's rights from inside its own network, and before 3.7.1 it checks nothing (CONTRACT.md §1.6: older
 * servers GET any address; 3.7.1+ refuse private ranges). So on every version only https to public
 * addresses leaves the app: the host, or every address its name resolves to, must be outside the
 * private, loopback, link-local, shared (CGNAT) and metadata ranges. Loopback is allowed only when
 * composition says so (tests, whose image servers listen on 127.0.0.1).
 */
import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'
import type { Result } from '../../preload/contract'
import { fail, ok } from '../core/result'

export interface PhotoUrlPolicy {
  /** Test mode: http and https to 127.0.0.0/8, ::1 and localhost are allowed. */
  readonly allowLoopback?: boolean
  /** Every address a host name resolves to; node:dns lookup by default. */
  readonly resolve?: (host: string) => Promise<readonly string[]>
}

const RESOLVE_TIMEOUT_MS = 3000

function blockList(): BlockList {
  const list = new BlockList()
  const v4: Array<[string, number]> = [
    ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
    ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]
  ]
  for (const [net, prefix] of v4) list.addSubnet(net, prefix, 'ipv4')
  const v6: Array<[string, number]> = [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8]]
  for (const [net, prefix] of v6) list.addSubnet(net, prefix, 'ipv6')
  return list
}

const PRIVATE = blockList()

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::/96) IPv6 address. */
function embeddedIpv4(ip: string): string | undefined {
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (dotted) return dotted[1]
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip)
  if (!hex) return undefined
  const hi = parseInt(hex[1]!, 16)
  const lo = parseInt(hex[2]!, 16)
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.')
}

function isLoopbackIp(ip: string): boolean {
  const v4 = embeddedIpv4(ip) ?? ip
  return v4 === '::1' || (isIP(v4) === 4 && v4.startsWith('127.'))
}

/** True for an address the portal must never be sent to (anything not a public unicast address). */
export function isPrivateAddress(ip: string): boolean {
  const v4 = embeddedIpv4(ip.toLowerCase())
  if (v4) return PRIVATE.check(v4, 'ipv4')
  const family = isIP(ip)
  if (family === 0) return true
  return PRIVATE.check(ip, family === 4 ? 'ipv4' : 'ipv6')
}

async function defaultResolve(host: string): Promise<readonly string[]> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('DNS timeout')), RESOLVE_TIMEOUT_MS)
  })
  try {
    const answers = await Promise.race([lookup(host, { all: true, verbatim: true }), timeout])
    return answers.map((a) => a.address)
  } finally {
    clearTimeout(timer)
  }
}

/** The address to PUT, or why it stays in the app. Nothing is sent to the portal for a refused one. */
export async function checkPhotoUrl(raw: string, policy: PhotoUrlPolicy = {}): Promise<Result<string>> {
  const checked = await checkPhotoAddress(raw, policy)
  return checked.ok ? ok(checked.value.url) : checked
}

/** A checked address and the addresses its host resolved to: a download connects to these only (no second lookup to rebind). */
export interface CheckedAddress {
  readonly url: string
  readonly addresses: readonly string[]
}

export async function checkPhotoAddress(raw: string, policy: PhotoUrlPolicy = {}): Promise<Result<CheckedAddress>> {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return fail('url/invalid', 'the photo address is not a URL', { facts: { urlProblem: 'not-a-url' } })
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('url/invalid', `the photo address uses ${url.protocol}, not http(s)`, { facts: { urlProblem: 'not-http' } })
  if (url.username !== '' || url.password !== '') return fail('url/invalid', 'the photo address carries a user name or password', { facts: { urlProblem: 'credentials' } })
  // URL() has already turned "2130706433", "0x7f.1" and friends into dotted IPv4.
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '')
  const urlHost = url.hostname
  const notHttps = (): Result<CheckedAddress> => fail('url/invalid', 'the photo address is not https', { facts: { urlProblem: 'not-https', urlHost } })
  // An http name is refused without a DNS query; an http address literal is checked for a private range first, the stronger reason.
  if (url.protocol !== 'https:' && policy.allowLoopback !== true && isIP(host) === 0) return notHttps()
  let addresses: readonly string[]
  if (isIP(host) !== 0) {
    addresses = [host]
  } else {
    try {
      addresses = await (policy.resolve ?? defaultResolve)(host)
    } catch {
      return fail('url/invalid', 'the photo address names a host that does not resolve', { facts: { urlProblem: 'unresolved', urlHost } })
    }
    if (addresses.length === 0) return fail('url/invalid', 'the photo address names a host without addresses', { facts: { urlProblem: 'unresolved', urlHost } })
  }
  const loopbackAllowed = policy.allowLoopback === true && addresses.every(isLoopbackIp)
  if (loopbackAllowed) return ok({ url: url.toString(), addresses })
  if (addresses.some(isPrivateAddress)) {
    return fail('url/invalid', 'the photo address is on a private, loopback or link-local network', { facts: { urlProblem: 'private-address', urlHost } })
  }
  if (url.protocol !== 'https:') return notHttps()
  return ok({ url: url.toString(), addresses })
}
