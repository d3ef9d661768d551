// The local DocSpace portal emulator: startPortal() serves a portal that follows CONTRACT.md on 127.0.0.1.

import { createHash } from 'node:crypto'
import type { ResolvedOptions, PortalContext } from './http/api'
import { AuthService } from './http/auth'
import { DEFAULT_IMAGE_SIZES } from './http/dto'
import { FaultController, RateLimiter, WriteStats } from './http/faults'
import { PeopleIndex } from './domain/people-index'
import { Persistence } from './domain/persistence'
import { paintDefaultPhoto } from './images/portrait'
import { centredSquare, fitWithin, renderThumbnails } from './images/images'
import { createRandom, seedOrganisation } from './domain/seed'
import { buildServer } from './http/server'
import { notificationJson } from './routes/control'
import { NO_QUIRKS, PortalStore } from './domain/store'
import type { CacheQuirks, PortalOptions, RunningPortal } from './types'
import { parseVersion, versionRules } from './domain/version'

export type { CacheQuirks, DemoAccount, DemoAccounts, FailNextRule, FaultKind, Faults, PhotoSize, PortalOptions, RunningPortal } from './types'
export { DEFAULT_FAULTS } from './http/faults'
export { photoHash, ticksFromUnixMs } from './domain/dotnet-hash'
export { PERSON_PASSWORD, TWO_FACTOR_CODE } from './domain/seed'

const DEFAULT_VERSION = '3.7.2'

function resolveOptions(options: PortalOptions = {}): ResolvedOptions {
  const version = options.version ?? DEFAULT_VERSION
  parseVersion(version) // throws early on nonsense
  return {
    version,
    people: Math.max(1, Math.floor(options.people ?? 300)),
    seed: options.seed ?? 1,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    maxImageUploadSize: options.maxImageUploadSize ?? 5 * 1024 * 1024,
    maxFileSize: options.maxFileSize ?? 100 * 1024 * 1024,
    maxRooms: options.maxRooms ?? Number.POSITIVE_INFINITY,
    latencyMs: options.latencyMs ?? 0,
    dataDir: options.dataDir,
    allowLoopbackPhotoUrls: options.allowLoopbackPhotoUrls ?? false,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 30 * 24 * 3600,
    photoShare: Math.min(1, Math.max(0, options.photoShare ?? 0.6)),
    quiet: options.quiet ?? false,
    utcOffsetMinutes: options.utcOffsetMinutes ?? 0,
    controlEndpoint: options.controlEndpoint ?? true,
    sdkApiKeyHeader: options.sdkApiKeyHeader ?? false,
    documentServerVersion: options.documentServerVersion === undefined ? '9.0.3' : options.documentServerVersion
  }
}

/** `true` = every quirk on; an object turns on the ones it names (README "Cache quirks"). */
export function resolveQuirks(option: PortalOptions['cacheQuirks']): CacheQuirks {
  if (option === undefined || option === false) return NO_QUIRKS
  if (option === true) return { ...NO_QUIRKS, staleUserCache: true, secondPrecisionReads: true, realSizeCropFiles: true }
  return { ...NO_QUIRKS, ...option }
}

export async function startPortal(options: PortalOptions = {}): Promise<RunningPortal> {
  const resolved = resolveOptions(options)
  const log = (message: string): void => {
    if (!resolved.quiet) console.log(`[portal] ${message}`)
  }
  const seeded = seedOrganisation({ people: resolved.people, seed: resolved.seed, photoShare: resolved.photoShare })
  const store = new PortalStore(seeded.users, seeded.groups)
  store.quirks = resolveQuirks(options.cacheQuirks)

  let persistence: Persistence | undefined
  if (resolved.dataDir) {
    persistence = new Persistence(resolved.dataDir, store, { seed: resolved.seed, people: resolved.people }, log)
    persistence.load()
    const saver = persistence
    store.listen({ changed: () => saver.schedule() })
  }

  const passwordSalt = createHash('sha256').update(`docspace-emulator-salt-${resolved.seed}`).digest('hex')
  const auth = new AuthService({
    store,
    tokenTtlSeconds: resolved.tokenTtlSeconds,
    sdkApiKeyHeader: resolved.sdkApiKeyHeader,
    passwordHash: { size: 256, iterations: 100000, salt: passwordSalt }
  })
  const faults = new FaultController(options.faults ?? {}, createRandom(resolved.seed * 31 + 7))
  const ctx: PortalContext = {
    options: resolved,
    rules: versionRules(resolved.version),
    store,
    people: new PeopleIndex(store),
    auth,
    faults,
    limiter: new RateLimiter(),
    writeStats: new WriteStats(),
    defaultImages: new Map(DEFAULT_IMAGE_SIZES.map((px) => [px, paintDefaultPhoto(px)])),
    passwordSalt,
    log
  }

  let url = ''
  const app = await buildServer(ctx, { accounts: seeded.accounts, url: () => url })
  await app.listen({ host: resolved.host, port: resolved.port })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : resolved.port
  const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host
  url = `http://${host}:${port}`

  // Sort the default list order now rather than on the first /people request.
  setImmediate(() => ctx.people.sorted('firstname'))

  let closed = false
  return {
    url,
    version: resolved.version,
    accounts: seeded.accounts,
    faults: {
      set: (f) => faults.set(f),
      reset: () => faults.reset(),
      current: () => faults.current()
    },
    expireTokens: (userId) => auth.expireTokens(userId),
    createApiKey: (userId, permissions = []) => {
      if (!store.userById(userId)) throw new Error(`No such user: ${userId}`)
      return auth.createApiKey(userId, permissions).key
    },
    storeAnyPhoto: async (userId, bytes) => {
      const user = store.userById(userId)
      if (!user) throw new Error(`No such user: ${userId}`)
      const fitted = await fitWithin(bytes)
      const crop = centredSquare(fitted.width, fitted.height)
      const sizes = await renderThumbnails(fitted.bytes, crop)
      store.setPhoto(user, { ext: fitted.format, width: fitted.width, height: fitted.height, crop, source: { kind: 'bytes', original: fitted.bytes }, sizes })
    },
    storedPhoto: (userId, size) => {
      const user = store.userById(userId)
      return user ? store.photoBytes(user, size) : undefined
    },
    userIdByEmail: (email) => store.userByEmail(email)?.id,
    renamePerson: (userId, firstName, lastName) => {
      const user = store.userById(userId)
      if (!user) throw new Error(`No such user: ${userId}`)
      Object.assign(user, { firstName, lastName })
      // The list's sort and filter caches follow the revision.
      store.listRevision++
      store.touch(user)
    },
    notifications: () => store.space.notifications.map((n) => notificationJson(n, store)),
    resetNotifications: () => {
      store.space.notifications.length = 0
    },
    writeStats: () => ctx.writeStats.snapshot(),
    resetWriteStats: () => ctx.writeStats.reset(),
    close: async () => {
      if (closed) return
      closed = true
      await app.close()
      persistence?.save()
    }
  }
}
