/**
 * The portal address the user typed -> a normalized origin. https is required except on loopback
 * (ARCHITECTURE.md §6), so a token never travels in clear text over a network.
 */
import type { Result } from '../../preload/contract'
import { fail, ok } from '../core/result'

export function normalizePortalUrl(input: string): Result<string> {
  const typed = input.trim()
  if (typed === '' || typed.length > 2048 || /\s/.test(typed)) return invalid()
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed)
  let url: URL
  try {
    // "portal.example.com" without a scheme means https.
    url = new URL(hasScheme ? typed : `https://${typed}`)
  } catch {
    return invalid()
  }
  // "127.0.0.1:35907" without a scheme means http: a portal on this computer has no certificate a
  // browser would trust, so guessing https would only turn into a misleading certificate error.
  if (!hasScheme && isLoopbackHost(url.hostname)) url.protocol = 'http:'
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return invalid()
  // Credentials in the address would end up in logs and history; DocSpace never needs them.
  if (url.username !== '' || url.password !== '' || url.hostname === '') return invalid()
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return fail('url/insecure', 'http:// is allowed only for a portal on this computer')
  }
  return ok(url.origin)
}

/**
 * `localhost` itself, 127.0.0.0/8 and ::1: the only places a plain-http portal is acceptable. Names
 * under `.localhost` are not: a resolver (a hosts file, a DNS server, a proxy) may send them anywhere.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  if (host === 'localhost') return true
  if (host === '::1') return true
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)
  return v4 !== null && v4[1] === '127' && v4.slice(1).every((part) => Number(part) <= 255)
}

function invalid(): { ok: false; error: { code: 'url/invalid'; message: string } } {
  return { ok: false, error: { code: 'url/invalid', message: 'not a valid portal address' } }
}

export interface PortalVersion {
  readonly major: number
  readonly minor: number
  readonly patch: number
  /** "major.minor.patch", as the app shows it. */
  readonly text: string
}

/**
 * Lenient version parsing (CONTRACT.md §6): installed packages may add a 4th build component
 * ("3.7.2.1234"), and dev builds report "3.1.0" whatever they really are. Missing parts count as 0.
 * Returns undefined when no leading number can be read at all.
 */
export function parseVersion(raw: string | undefined): PortalVersion | undefined {
  if (raw === undefined) return undefined
  const match = /^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(raw)
  if (!match) return undefined
  const major = Number(match[1])
  const minor = Number(match[2] ?? 0)
  const patch = Number(match[3] ?? 0)
  return { major, minor, patch, text: `${major}.${minor}.${patch}` }
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareVersions(a: PortalVersion, b: Pick<PortalVersion, 'major' | 'minor' | 'patch'>): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch
}

/** Redirects a download may follow (at most this many), and the statuses that are one. */
export const MAX_DOWNLOAD_REDIRECTS = 3
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/**
 * Where a download answer redirects to, resolved against the address it came from; undefined when it
 * is no redirect. 'unusable' when the Location is missing or not an address.
 */
export function redirectTarget(status: number, location: string | undefined, from: URL): URL | 'unusable' | undefined {
  if (!REDIRECT_STATUSES.has(status)) return undefined
  if (!location) return 'unusable'
  try {
    return new URL(location, from)
  } catch {
    return 'unusable'
  }
}
