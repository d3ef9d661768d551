// Public types of the local DocSpace portal emulator. Other parts of the project (tests, the demo command,
// Playwright) code against these names, so change them only together with their callers.

export interface PortalOptions {
  /** DocSpace version to reproduce, default '3.7.2'. <3.6.0 legacy admin writes, >=3.6.0 self-only, >=3.7.1 new upload binding + visibility + PUT SSRF checks. */
  version?: string
  /** Seeded people, default 300 (50_000 starts in a few seconds). */
  people?: number
  /** Deterministic data for a given seed, default 1. */
  seed?: number
  /** Default '127.0.0.1'. */
  host?: string
  /** Default 0 = a free port. */
  port?: number
  /** Default 5 MiB (the shipped config; the code default is 1 MiB). */
  maxImageUploadSize?: number
  /** Largest file upload (files area), default 100 MiB (`web:available-file-size`). */
  maxFileSize?: number
  /** The tariff's room limit (402 beyond it, archived rooms count too), default unlimited. */
  maxRooms?: number
  /** Fixed latency added to every API request, default 0. */
  latencyMs?: number
  /** When set, state persists there across restarts. */
  dataDir?: string
  /** Test-only: let PUT-from-URL fetch from loopback addresses even on 3.7.1+. */
  allowLoopbackPhotoUrls?: boolean
  /** Lifetime of password tokens, default 30 days. */
  tokenTtlSeconds?: number
  /** Share of seeded people with a photo, default 0.6. */
  photoShare?: number
  quiet?: boolean
  /** Portal time zone offset used for ApiDateTime values, default 0 (written as `Z`). */
  utcOffsetMinutes?: number
  /** Serve the test-only control endpoint under /__emulator/, default true. */
  controlEndpoint?: boolean
  /** Opt-in SDK compatibility: also read API keys from a header literally named `ApiKeyBearer` (the real server never does). */
  sdkApiKeyHeader?: boolean
  /** Faults active from the start (same as calling faults.set right after start). */
  faults?: Partial<Faults>
  /** Reported as `documentServer` by /settings/version/build; null leaves it out. Default '9.0.3'. */
  documentServerVersion?: string | null
  /** The real server's photo cache quirks (README "Cache quirks"); `true` turns on all three. Default off. */
  cacheQuirks?: boolean | Partial<CacheQuirks>
}

/** What a real DocSpace server does with photo URLs that a clean implementation would not. */
export interface CacheQuirks {
  /**
   * (a) Photo writes do not evict the cached user, so the write answer and every read repeat the
   * `?hash=` seen before the write until the cache entry expires, while the files behind the URLs change.
   */
  staleUserCache: boolean
  /** How long a cached user lives, default 20 minutes. */
  userCacheTtlMs: number
  /** (b) Write answers hash the in-memory time (100 ns); reads hash the database's, cut to whole seconds. */
  secondPrecisionReads: boolean
  /** (c) A non-square crop without tmpFile names the new files by their real size and points `original` at them. */
  realSizeCropFiles: boolean
}

export interface DemoAccount {
  id: string
  email: string
  password: string
  displayName: string
}

export interface DemoAccounts {
  owner: DemoAccount
  admin: DemoAccount
  roomAdmin: DemoAccount
  user: DemoAccount
  guest: DemoAccount
  twoFactor: DemoAccount & { code: string }
  /** A terminated (disabled) user: signing in answers 403 "User disabled". */
  disabled: DemoAccount
}

export type FaultKind = '500' | '503' | 'reset' | '429'

export interface FailNextRule {
  /** A string matches as a substring of the request path (with query); a RegExp is tested against it. */
  path: RegExp | string
  method?: string
  kind: FaultKind
}

export interface Faults {
  /** Added latency for every API request. */
  latencyMs: number
  /** Extra random latency 0..jitterMs. */
  jitterMs: number
  /** 0..1 share of API requests answered 500/502/503. */
  errorRate: number
  /** 0..1 share of API requests whose socket is destroyed. */
  resetRate: number
  /** Deterministic one-shot faults for tests; each rule is used once. */
  failNext: FailNextRule[]
  /** 0 = unlimited; slows reading upload bodies. */
  uploadBytesPerSecond: number
  /** DocSpace defaults: 429 + Retry-After beyond 15 concurrent writes or 1500 requests/min per user. */
  rateLimits: boolean
  /** Emulate an unpaid SaaS tenant: 402 with an empty body on endpoints without [AllowNotPayment]. */
  paymentRequired: boolean
}

/** A notice sent for a file share (with its sharing message) or a room invitation (never a message). */
export interface PortalNotice {
  kind: 'file-share' | 'room-invite'
  recipientId: string
  recipientEmail?: string
  sharerId: string
  fileId?: number
  fileTitle?: string
  roomId?: number
  access: number
  message?: string
  /** ISO 8601 */
  at: string
}

export type PhotoSize = 'original' | 'retina' | 'max' | 'big' | 'medium' | 'small'

export interface RunningPortal {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string
  version: string
  accounts: DemoAccounts
  faults: { set(f: Partial<Faults>): void; reset(): void; current(): Faults }
  /** Every token (of that user) now answers 401. */
  expireTokens(userId?: string): void
  /** Returns 'sk-' + 64 hex. An empty permission list means every scope. */
  createApiKey(userId: string, permissions?: string[]): string
  /**
   * Test-only: stores any bytes the decoder reads as the user's photo, as a PUT from a URL does before
   * 3.7.1 (no PNG/JPEG check), e.g. an SVG with a script inside. Throws when the bytes do not decode.
   */
  storeAnyPhoto(userId: string, bytes: Buffer): Promise<void>
  /** The exact stored bytes, or undefined when the user has no photo. */
  storedPhoto(userId: string, size: PhotoSize): Buffer | undefined
  userIdByEmail(email: string): string | undefined
  /** Test-only: renames a person as an edit of their profile on the portal would. */
  renamePerson(userId: string, firstName: string, lastName: string): void
  /** Share and invitation notices the portal would have sent (notify:true), oldest first. */
  notifications(): PortalNotice[]
  resetNotifications(): void
  /** Writes (POST/PUT/DELETE under /api/) in flight now, the most seen at once since the last reset, and their count. */
  writeStats(): { readonly writesInFlight: number; readonly maxWritesInFlight: number; readonly writes: number }
  resetWriteStats(): void
  close(): Promise<void>
}
