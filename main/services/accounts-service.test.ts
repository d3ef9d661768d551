// Accounts through the real handlers, services and client, against the REAL emulator on 127.0.0.1.
// Keychain-specific behaviour uses the REAL Secret Service (run via .ci/with-keyring.sh); elsewhere a
// memory store stands in for a working keychain.
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startPortal } from '../../emulator/index'
import type { RunningPortal } from '../../emulator/types'
import type { Account, SignInOutcome } from '../../preload/contract'
import { HttpClient } from '../docspace/http'
import { KeytarSecretStore } from '../secrets/keytar-store'
import { MemorySecretStore } from '../secrets/memory-store'
import { SECRET_SERVICE, secretAccount, type SecretStore } from '../secrets/secret-store'
import { ACCOUNTS_FILE, AccountsService } from './accounts-service'
import { allFileText, failure, recordingLogger, removeDir, startMain, tempDir, value, type Harness } from '../testing/harness'

const hasBus = Boolean(process.env['DBUS_SESSION_BUS_ADDRESS'])
if (!hasBus) console.warn('accounts-service.test.ts: skipping the real-keychain tests: DBUS_SESSION_BUS_ADDRESS is not set (run through .ci/with-keyring.sh)')

let portal: RunningPortal
let legacy: RunningPortal
const cleanup: (() => Promise<void>)[] = []

beforeAll(async () => {
  ;[portal, legacy] = await Promise.all([
    startPortal({ version: '3.7.2', people: 40, seed: 11, quiet: true }),
    startPortal({ version: '3.5.0', people: 40, seed: 12, quiet: true })
  ])
})
afterAll(async () => {
  await Promise.all([portal.close(), legacy.close()])
})
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn()
  portal.faults.reset()
})

async function harness(secrets: SecretStore = new MemorySecretStore({ available: true }), dataDir?: string): Promise<Harness> {
  const dir = dataDir ?? (await tempDir())
  const h = startMain({ dataDir: dir, secrets })
  cleanup.push(async () => {
    await h.dispose()
    if (!dataDir) await removeDir(dir)
  })
  return h
}

function signedInAccount(outcome: SignInOutcome): Account {
  if (outcome.kind !== 'signed-in') throw new Error(`expected signed-in, got ${outcome.kind}`)
  return outcome.account
}

async function passwordSignIn(h: Harness, p: RunningPortal, who: 'owner' | 'admin' | 'roomAdmin' | 'user' | 'guest' = 'owner'): Promise<Account> {
  const a = p.accounts[who]
  return signedInAccount(value(await h.handlers['accounts:sign-in']({ method: 'password', portalUrl: p.url, email: a.email, password: a.password })))
}

describe('sign-in', () => {
  it('a slow sign-in the user cancels stops at once: its requests are aborted and nothing is remembered', async () => {
    const h = await harness()
    portal.faults.set({ latencyMs: 20_000 })
    const a = portal.accounts.admin
    const started = Date.now()
    const pending = h.handlers['accounts:sign-in']({ method: 'password', portalUrl: portal.url, email: a.email, password: a.password, attemptId: 'attempt-1' })
    await new Promise((r) => setTimeout(r, 300))
    value(await h.handlers['accounts:cancel-sign-in']({ attemptId: 'attempt-1' }))
    const result = await pending
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(result.ok).toBe(false)
    expect(value(await h.handlers['accounts:overview'](undefined)).accounts).toEqual([])
  })

  it('by password: signed in, version and role read, token (never the password) in the keychain', async () => {
    const secrets = new MemorySecretStore({ available: true })
    const h = await harness(secrets)
    const account = await passwordSignIn(h, portal)
    expect(account).toMatchObject({
      portalUrl: portal.url,
      state: 'signed-in',
      tokenStorage: 'keychain',
      user: { id: portal.accounts.owner.id, email: portal.accounts.owner.email, role: 'owner' },
      policy: { rule: 'self-only', portalVersion: '3.7.2' }
    })
    const stored = value(await secrets.get(SECRET_SERVICE, secretAccount(portal.url, portal.accounts.owner.id)))
    expect(stored).toBeTruthy()
    expect(stored).not.toContain(portal.accounts.owner.password)
    const overview = value(await h.handlers['accounts:overview'](undefined))
    expect(overview.activeAccountId).toBe(account.id)
    expect(overview.keychainAvailable).toBe(true)
  })

  it('reads each role and the matching photo rule on 3.5.0', async () => {
    const h = await harness()
    expect((await passwordSignIn(h, legacy, 'owner')).policy).toEqual({ rule: 'admin-may-edit-others', portalVersion: '3.5.0' })
    const admin = await passwordSignIn(h, legacy, 'admin')
    expect(admin.user.role).toBe('admin')
    expect(admin.policy.rule).toBe('admin-may-edit-others')
    const roomAdmin = await passwordSignIn(h, legacy, 'roomAdmin')
    expect(roomAdmin.user.role).toBe('room-admin')
    expect(roomAdmin.policy.rule).toBe('own-only-by-role')
    expect((await passwordSignIn(h, legacy, 'user')).user.role).toBe('user')
    expect((await passwordSignIn(h, legacy, 'guest')).user.role).toBe('guest')
  })

  it('wrong password: auth/invalid-credentials, nothing remembered', async () => {
    const h = await harness()
    const e = failure(await h.handlers['accounts:sign-in']({ method: 'password', portalUrl: portal.url, email: portal.accounts.owner.email, password: 'nope' }))
    expect(e.code).toBe('auth/invalid-credentials')
    expect(value(await h.handlers['accounts:overview'](undefined)).accounts).toEqual([])
  })

  it('two-factor: a challenge, a wrong code, the right code; the challenge is then spent', async () => {
    const h = await harness()
    const { email, password, code } = portal.accounts.twoFactor
    const first = value(await h.handlers['accounts:sign-in']({ method: 'password', portalUrl: portal.url, email, password }))
    if (first.kind !== 'two-factor') throw new Error('expected a two-factor challenge')
    expect(first.challengeId).toMatch(/^[0-9a-f-]{36}$/)
    const wrong = code === '000000' ? '111111' : '000000'
    expect(failure(await h.handlers['accounts:verify-code']({ challengeId: first.challengeId, code: wrong })).code).toBe('auth/invalid-code')
    const account = signedInAccount(value(await h.handlers['accounts:verify-code']({ challengeId: first.challengeId, code })))
    expect(account.user.email).toBe(email)
    expect(failure(await h.handlers['accounts:verify-code']({ challengeId: first.challengeId, code })).code).toBe('auth/challenge-expired')
    expect(failure(await h.handlers['accounts:verify-code']({ challengeId: randomUUID(), code })).code).toBe('auth/challenge-expired')
    // the password was never logged, nor the codes, which travel in the path (POST /authentication/{code})
    const log = h.logLines.join('\n')
    expect(log).not.toContain(password)
    expect(log).toContain('/api/2.0/authentication/***')
    expect(log).not.toContain(`/authentication/${code}`)
    expect(log).not.toContain(`/authentication/${wrong}`)
  })

  it('a two-factor challenge expires', async () => {
    const dataDir = await tempDir()
    cleanup.push(() => removeDir(dataDir))
    const accounts = new AccountsService({
      dataDir,
      secrets: new MemorySecretStore({ available: true }),
      events: { emit: () => {} },
      http: new HttpClient(),
      log: recordingLogger([]),
      challengeTtlMs: 100
    })
    cleanup.push(() => accounts.dispose())
    const { email, password, code } = portal.accounts.twoFactor
    const first = value(await accounts.signIn({ method: 'password', portalUrl: portal.url, email, password }))
    if (first.kind !== 'two-factor') throw new Error('expected a two-factor challenge')
    await new Promise((r) => setTimeout(r, 200))
    expect(failure(await accounts.verifyCode({ challengeId: first.challengeId, code })).code).toBe('auth/challenge-expired')
  })

  it('by API key (Bearer sk-…), and a wrong key is auth/invalid-credentials', async () => {
    const h = await harness()
    const apiKey = portal.createApiKey(portal.accounts.admin.id)
    const account = signedInAccount(value(await h.handlers['accounts:sign-in']({ method: 'api-key', portalUrl: portal.url, apiKey: `  ${apiKey}\n` })))
    expect(account.user.id).toBe(portal.accounts.admin.id)
    expect(account.user.role).toBe('admin')
    // the key works for later calls
    expect(value(await h.handlers['people:page']({ accountId: account.id, startIndex: 0, count: 5 })).people).toHaveLength(5)
    const bad = failure(await h.handlers['accounts:sign-in']({ method: 'api-key', portalUrl: portal.url, apiKey: `sk-${'1'.repeat(64)}` }))
    expect(bad.code).toBe('auth/invalid-credentials')
  })

  it('an unreachable portal: net/unreachable', async () => {
    const gone = await startPortal({ people: 1, quiet: true })
    const url = gone.url
    await gone.close()
    const h = await harness()
    const e = failure(await h.handlers['accounts:sign-in']({ method: 'password', portalUrl: url, email: 'a@b.c', password: 'x' }))
    expect(e.code).toBe('net/unreachable')
  })

  it('an http:// URL to a non-loopback host is refused before any request: url/insecure', async () => {
    const h = await harness()
    const e = failure(await h.handlers['accounts:sign-in']({ method: 'password', portalUrl: 'http://hr.example.com', email: 'a@b.c', password: 'x' }))
    expect(e.code).toBe('url/insecure')
    expect(h.logLines.some((l) => l.startsWith('http'))).toBe(false)
    expect(failure(await h.handlers['accounts:sign-in']({ method: 'password', portalUrl: 'not a url', email: 'a@b.c', password: 'x' })).code).toBe('url/invalid')
  })
})

describe('sessions', () => {
  it('an expired token marks the account expired, emits accounts:changed once, and drops the token', async () => {
    const secrets = new MemorySecretStore({ available: true })
    const h = await harness(secrets)
    const account = await passwordSignIn(h, portal, 'user')
    portal.expireTokens(portal.accounts.user.id)
    const results = await Promise.all([0, 1, 2].map(() => h.handlers['people:get']({ accountId: account.id, userId: portal.accounts.user.id })))
    expect(results.every((r) => !r.ok && r.error.code === 'auth/expired')).toBe(true)
    expect(h.events).toHaveLength(1)
    expect(h.events[0]!.accounts.find((a) => a.id === account.id)?.state).toBe('expired')
    expect(value(await h.handlers['accounts:overview'](undefined)).accounts[0]?.state).toBe('expired')
    expect(value(await secrets.get(SECRET_SERVICE, secretAccount(portal.url, portal.accounts.user.id)))).toBeNull()
    // later calls say so without asking the portal
    expect(failure(await h.handlers['people:page']({ accountId: account.id, startIndex: 0, count: 5 })).code).toBe('auth/expired')
    // signing in again restores it
    expect((await passwordSignIn(h, portal, 'user')).state).toBe('signed-in')
  })

  it('several portals are remembered and switchable', async () => {
    const h = await harness()
    const a = await passwordSignIn(h, portal, 'owner')
    const b = await passwordSignIn(h, legacy, 'admin')
    let overview = value(await h.handlers['accounts:overview'](undefined))
    expect(overview.accounts.map((x) => x.portalUrl)).toEqual([portal.url, legacy.url])
    expect(overview.activeAccountId).toBe(b.id)
    overview = value(await h.handlers['accounts:switch']({ accountId: a.id }))
    expect(overview.activeAccountId).toBe(a.id)
    // signing in again as the same user on the same portal updates, it does not duplicate
    await passwordSignIn(h, portal, 'owner')
    expect(value(await h.handlers['accounts:overview'](undefined)).accounts).toHaveLength(2)
  })

  it('forget removes the portal from the list and its token', async () => {
    const secrets = new MemorySecretStore({ available: true })
    const h = await harness(secrets)
    const a = await passwordSignIn(h, portal, 'owner')
    const b = await passwordSignIn(h, legacy, 'owner')
    const overview = value(await h.handlers['accounts:forget']({ accountId: b.id }))
    expect(overview.accounts.map((x) => x.id)).toEqual([a.id])
    expect(overview.activeAccountId).toBe(a.id)
    expect(value(await secrets.list(SECRET_SERVICE))).toEqual([secretAccount(portal.url, portal.accounts.owner.id)])
  })

  it('an unusable keychain: session-only sign-in, a clear flag, and no secret in any file', async () => {
    const dataDir = await tempDir()
    cleanup.push(() => removeDir(dataDir))
    const h = await harness(new MemorySecretStore({ available: false }), dataDir)
    const account = await passwordSignIn(h, portal, 'owner')
    expect(account.tokenStorage).toBe('session-only')
    const overview = value(await h.handlers['accounts:overview'](undefined))
    expect(overview.keychainAvailable).toBe(false)
    expect(value(await h.handlers['people:page']({ accountId: account.id, startIndex: 0, count: 3 })).people).toHaveLength(3)
    const apiKey = portal.createApiKey(portal.accounts.admin.id)
    const byKey = signedInAccount(value(await h.handlers['accounts:sign-in']({ method: 'api-key', portalUrl: portal.url, apiKey })))
    expect(byKey.tokenStorage).toBe('session-only')
    const text = await allFileText(dataDir)
    expect(text).toContain(portal.accounts.owner.email) // the accounts file is there...
    expect(text).not.toContain(portal.accounts.owner.password) // ...without the password
    expect(text).not.toContain(apiKey.slice(3)) // ...and without the API key
    // a restart forgets the session, but remembers the portal
    await h.dispose()
    const again = await harness(new MemorySecretStore({ available: false }), dataDir)
    const after = value(await again.handlers['accounts:overview'](undefined))
    expect(after.accounts.map((x) => [x.id, x.state])).toEqual([
      [account.id, 'signed-out'],
      [byKey.id, 'signed-out']
    ])
  })

  it('a keychain that fails on write falls back to session-only', async () => {
    const broken = new MemorySecretStore({ available: true })
    broken.set = async () => ({ ok: false, error: { code: 'keychain/unavailable', message: 'no', detail: 'locked collection' } })
    const h = await harness(broken)
    const account = await passwordSignIn(h, portal, 'owner')
    expect(account.tokenStorage).toBe('session-only')
    expect(value(await h.handlers['accounts:overview'](undefined)).keychainAvailable).toBe(false)
  })

  it('a corrupt accounts file starts empty instead of crashing', async () => {
    const dataDir = await tempDir()
    cleanup.push(() => removeDir(dataDir))
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(dataDir, ACCOUNTS_FILE), '{ not json')
    const h = await harness(new MemorySecretStore({ available: true }), dataDir)
    expect(value(await h.handlers['accounts:overview'](undefined)).accounts).toEqual([])
    await passwordSignIn(h, portal, 'owner')
    expect(JSON.parse(await readFile(join(dataDir, ACCOUNTS_FILE), 'utf8')).accounts).toHaveLength(1)
  })
})

describe('a hand-edited accounts file', () => {
  it('drops a javascript: or plain-http portal address and odd ids instead of showing them; keeps the good entry', async () => {
    const dataDir = await tempDir()
    cleanup.push(() => removeDir(dataDir))
    const good = await harness(new MemorySecretStore({ available: true }), dataDir)
    const kept = await passwordSignIn(good, portal, 'owner')
    await good.dispose()
    const file = JSON.parse(await readFile(join(dataDir, ACCOUNTS_FILE), 'utf8')) as { activeAccountId: string; accounts: Record<string, unknown>[] }
    const entry = file.accounts[0]!
    const hostile = [
      { ...entry, id: 'aaaaaaaaaaaaaaaa', portalUrl: 'javascript:alert(document.domain)' },
      { ...entry, id: 'bbbbbbbbbbbbbbbb', portalUrl: 'http://hr.example.com' },
      { ...entry, id: 'cccccccccccccccc', portalUrl: 'https://user:pw@hr.example.com' },
      { ...entry, id: '../../etc/passwd', portalUrl: 'https://hr.example.com' },
      { ...entry, id: 'dddddddddddddddd', portalUrl: 'https://hr.example.com', user: { ...(entry['user'] as object), id: '..' } }
    ]
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(dataDir, ACCOUNTS_FILE), JSON.stringify({ ...file, activeAccountId: 'aaaaaaaaaaaaaaaa', accounts: [...hostile, entry] }))
    const h = await harness(new MemorySecretStore({ available: true }), dataDir)
    const overview = value(await h.handlers['accounts:overview'](undefined))
    expect(overview.accounts.map((a) => [a.id, a.portalUrl])).toEqual([[kept.id, portal.url]])
    // The active id pointed at a dropped entry: nothing is active rather than a ghost.
    expect(overview.activeAccountId).toBeNull()
    expect(h.logLines.some((l) => l.includes('dropped remembered portals') && l.includes('"dropped":5'))).toBe(true)
  })
})

describe.skipIf(!hasBus)('with the real OS keychain (Secret Service)', () => {
  it('sign-out deletes the keychain item; the portal stays listed as signed-out', async () => {
    const keychain = new KeytarSecretStore()
    const h = await harness(keychain)
    const account = await passwordSignIn(h, portal, 'roomAdmin')
    const item = secretAccount(portal.url, portal.accounts.roomAdmin.id)
    expect(value(await keychain.get(SECRET_SERVICE, item))).toBeTruthy()
    const overview = value(await h.handlers['accounts:sign-out']({ accountId: account.id }))
    expect(overview.accounts.find((a) => a.id === account.id)?.state).toBe('signed-out')
    expect(value(await keychain.get(SECRET_SERVICE, item))).toBeNull()
    expect(failure(await h.handlers['people:page']({ accountId: account.id, startIndex: 0, count: 5 })).code).toBe('auth/not-signed-in')
  })

  it('accounts are remembered across a new createMain on the same data dir, signed in from the keychain', async () => {
    const dataDir = await tempDir()
    cleanup.push(() => removeDir(dataDir))
    const first = startMain({ dataDir, secrets: new KeytarSecretStore() })
    const a = signedInAccount(
      value(await first.handlers['accounts:sign-in']({ method: 'password', portalUrl: portal.url, email: portal.accounts.admin.email, password: portal.accounts.admin.password }))
    )
    const b = signedInAccount(value(await first.handlers['accounts:sign-in']({ method: 'api-key', portalUrl: legacy.url, apiKey: legacy.createApiKey(legacy.accounts.owner.id) })))
    value(await first.handlers['accounts:switch']({ accountId: a.id }))
    await first.dispose()

    const second = startMain({ dataDir, secrets: new KeytarSecretStore() })
    cleanup.push(async () => {
      for (const id of [a.id, b.id]) await second.handlers['accounts:forget']({ accountId: id })
      await second.dispose()
    })
    const overview = value(await second.handlers['accounts:overview'](undefined))
    expect(overview.activeAccountId).toBe(a.id)
    expect(overview.accounts.map((x) => [x.id, x.state, x.tokenStorage])).toEqual([
      [a.id, 'signed-in', 'keychain'],
      [b.id, 'signed-in', 'keychain']
    ])
    // the remembered token and API key work without a new sign-in
    expect(value(await second.handlers['people:page']({ accountId: a.id, startIndex: 0, count: 2 })).people).toHaveLength(2)
    expect(value(await second.handlers['people:page']({ accountId: b.id, startIndex: 0, count: 2 })).people).toHaveLength(2)
    expect(await allFileText(dataDir)).not.toMatch(/sk-[0-9a-f]{8}/)
  })
})
