// Who is calling (CONTRACT.md §4): login tokens (cookie asc_auth_key, raw Authorization header, Bearer),
// Basic credentials and API keys (`Authorization: Bearer sk-...`), plus the password checks of sign-in.

import { createHash, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto'
import type { ApiKeyRecord, UserRecord } from '../domain/model'
import type { PortalStore } from '../domain/store'

export const AUTH_COOKIE = 'asc_auth_key'

export interface Caller {
  user: UserRecord
  via: 'cookie' | 'token' | 'basic' | 'apikey'
  token?: string
  apiKey?: ApiKeyRecord
}

export type AuthState = { kind: 'anonymous' } | { kind: 'invalid' } | { kind: 'caller'; caller: Caller }

export interface AuthRequest {
  authorization?: string
  cookieToken?: string
  /** The SDKs' `ApiKeyBearer` header, honoured only with the sdkApiKeyHeader option. */
  apiKeyBearerHeader?: string
}

/** PasswordHasher settings exposed by GET /settings; clients send pbkdf2(password) as passwordHash. */
export interface PasswordHashSettings {
  size: number
  iterations: number
  salt: string
}

export interface AuthServiceOptions {
  store: PortalStore
  tokenTtlSeconds: number
  sdkApiKeyHeader: boolean
  passwordHash: PasswordHashSettings
  now?: () => number
}

const BRUTE_FORCE_ATTEMPTS = 5
const BRUTE_FORCE_WINDOW_MS = 60_000
const BRUTE_FORCE_BLOCK_MS = 60_000

function safeEqual(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest()
  const y = createHash('sha256').update(b).digest()
  return timingSafeEqual(x, y)
}

/** JWTs go to the OAuth handler, which the emulator does not implement (they are rejected). */
function looksLikeJwt(value: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(value)
}

export class AuthService {
  private readonly store: PortalStore
  private readonly now: () => number
  private readonly clientHashes = new Map<string, string>()
  private readonly failures = new Map<string, { at: number[]; blockedUntil: number }>()

  constructor(private readonly options: AuthServiceOptions) {
    this.store = options.store
    this.now = options.now ?? Date.now
  }

  /** ForwardDefaultSelector: the Authorization header picks the scheme; otherwise the cookie handler. */
  authenticate(request: AuthRequest): AuthState {
    const header = request.authorization?.trim()
    if (this.options.sdkApiKeyHeader && request.apiKeyBearerHeader) return this.byApiKey(request.apiKeyBearerHeader.trim())
    if (header && /^basic\s/i.test(header)) return this.byBasic(header.slice(6).trim())
    if (header && /^bearer\s/i.test(header)) {
      const value = header.slice(7).trim()
      if (value.startsWith('sk-')) return this.byApiKey(value)
      if (looksLikeJwt(value)) return { kind: 'invalid' }
    }
    // Cookie handler: the cookie first, then the header with any "Bearer" stripped.
    const token = request.cookieToken ?? (header ? header.replace(/bearer\s*/i, '').trim() : undefined)
    if (!token) return { kind: 'anonymous' }
    const record = this.store.tokens.get(token)
    if (!record || record.revoked || record.expiresMs <= this.now()) return { kind: 'invalid' }
    const user = this.store.userById(record.userId)
    if (!user || user.status !== 1) return { kind: 'invalid' }
    return { kind: 'caller', caller: { user, via: request.cookieToken ? 'cookie' : 'token', token } }
  }

  private byBasic(encoded: string): AuthState {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0) return { kind: 'invalid' }
    const user = this.store.userByEmail(decoded.slice(0, colon))
    if (!user || user.status !== 1 || !user.password || !safeEqual(user.password, decoded.slice(colon + 1))) return { kind: 'invalid' }
    return { kind: 'caller', caller: { user, via: 'basic' } }
  }

  private byApiKey(key: string): AuthState {
    const record = this.store.apiKeys.get(key)
    if (!record || !record.isActive || (record.expiresMs !== undefined && record.expiresMs <= this.now())) return { kind: 'invalid' }
    const user = this.store.userById(record.userId)
    if (!user || user.status !== 1) return { kind: 'invalid' }
    record.lastUsedMs = this.now()
    return { kind: 'caller', caller: { user, via: 'apikey', apiKey: record } }
  }

  issueToken(userId: string): { token: string; expiresMs: number } {
    const token = randomBytes(48).toString('base64url')
    const expiresMs = this.now() + this.options.tokenTtlSeconds * 1000
    this.store.tokens.set(token, { userId, expiresMs, revoked: false })
    this.store.changed()
    return { token, expiresMs }
  }

  revokeToken(token: string): void {
    const record = this.store.tokens.get(token)
    if (record) {
      record.revoked = true
      this.store.changed()
    }
  }

  /** Every token (of one user, or of everyone) now answers 401. */
  expireTokens(userId?: string): void {
    for (const record of this.store.tokens.values()) {
      if (userId === undefined || record.userId === userId.toLowerCase()) record.expiresMs = Math.min(record.expiresMs, this.now() - 1)
    }
    this.store.changed()
  }

  createApiKey(userId: string, permissions: string[] = [], name = 'emulator key', expiresInDays?: number): ApiKeyRecord {
    const key = `sk-${randomBytes(32).toString('hex')}`
    const record: ApiKeyRecord = {
      id: randomUuid(),
      key,
      name,
      userId: userId.toLowerCase(),
      permissions: [...permissions],
      createdMs: this.now(),
      expiresMs: expiresInDays ? this.now() + expiresInDays * 86_400_000 : undefined,
      isActive: true
    }
    this.store.apiKeys.set(key, record)
    this.store.changed()
    return record
  }

  /** The client-side hash a browser would send for this password (PBKDF2-SHA256, hex). */
  clientPasswordHash(password: string): string {
    const cached = this.clientHashes.get(password)
    if (cached) return cached
    const { salt, iterations, size } = this.options.passwordHash
    const hash = pbkdf2Sync(password, salt, iterations, size / 8, 'sha256').toString('hex')
    this.clientHashes.set(password, hash)
    return hash
  }

  checkPassword(user: UserRecord, password: string | undefined, passwordHash: string | undefined): boolean {
    if (!user.password) return false
    if (password !== undefined && password !== '') return safeEqual(user.password, password)
    if (passwordHash !== undefined && passwordHash !== '') return safeEqual(this.clientPasswordHash(user.password), passwordHash.toLowerCase())
    return false
  }

  /** Brute-force protection: true while the login name is blocked. */
  isBlocked(login: string): boolean {
    const entry = this.failures.get(login.toLowerCase())
    return entry !== undefined && entry.blockedUntil > this.now()
  }

  recordFailure(login: string): void {
    const key = login.toLowerCase()
    const t = this.now()
    const entry = this.failures.get(key) ?? { at: [], blockedUntil: 0 }
    entry.at = entry.at.filter((x) => x > t - BRUTE_FORCE_WINDOW_MS)
    entry.at.push(t)
    if (entry.at.length >= BRUTE_FORCE_ATTEMPTS) {
      entry.blockedUntil = t + BRUTE_FORCE_BLOCK_MS
      entry.at = []
    }
    this.failures.set(key, entry)
  }

  clearFailures(login: string): void {
    this.failures.delete(login.toLowerCase())
  }
}

function randomUuid(): string {
  const b = randomBytes(16)
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/**
 * Scopes a request needs when the caller uses an API key (SRV AuthorizationExtension, CONTRACT.md §2.3:
 * writes on people need accounts:write or *:write, reads accounts:read/write or *:read/write, and
 * people/@self also takes accounts.self:*).
 */
export function requiredScopes(method: string, path: string): string[] | undefined {
  const p = path.toLowerCase()
  const read = method === 'GET' || method === 'HEAD'
  // Files and rooms (CONTRACT-ROOMS §0): rooms:* on files/rooms..., files:* on every other files route.
  if (/^\/api\/2\.0\/files\/rooms(\/|$)/.test(p)) return read ? ['rooms:read', 'rooms:write', '*:read', '*:write'] : ['rooms:write', '*:write']
  if (/^\/api\/2\.0\/files(\/|$)/.test(p)) return read ? ['files:read', 'files:write', '*:read', '*:write'] : ['files:write', '*:write']
  if (!/^\/api\/2\.0\/(people|group)(\/|$|\?)/.test(p)) return undefined
  const self = /^\/api\/2\.0\/people\/@self(\/|$|\?)/.test(p)
  if (method === 'GET' || method === 'HEAD') {
    return ['accounts:read', 'accounts:write', '*:read', '*:write', ...(self ? ['accounts.self:read', 'accounts.self:write'] : [])]
  }
  return ['accounts:write', '*:write', ...(self ? ['accounts.self:write'] : [])]
}

export function hasScope(permissions: readonly string[], required: readonly string[]): boolean {
  if (permissions.length === 0 || permissions.includes('*')) return true
  return permissions.some((p) => required.includes(p.toLowerCase()))
}
