// The keytar store against the REAL Secret Service (gnome-keyring in a private D-Bus session).
// Run through `.ci/with-keyring.sh npx vitest run main/secrets`, which provides DBUS_SESSION_BUS_ADDRESS.
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { startPortal } from '../../emulator/index'
import { KeytarSecretStore } from './keytar-store'
import { MemorySecretStore } from './memory-store'
import { secretAccount } from './secret-store'

const hasBus = Boolean(process.env['DBUS_SESSION_BUS_ADDRESS'])
if (!hasBus) console.warn('keytar-store.test.ts: skipping the real-keychain tests: DBUS_SESSION_BUS_ADDRESS is not set (run through .ci/with-keyring.sh)')

const SERVICE = `DocSpace Photo Manager (test ${randomUUID().slice(0, 8)})`
const run = promisify(execFile)
const probeScript = fileURLToPath(new URL('../testing/probe-keychain.ts', import.meta.url))
const cwd = fileURLToPath(new URL('../..', import.meta.url))

async function probe(env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', probeScript], { cwd, env, timeout: 20_000 })
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>
}

describe.skipIf(!hasBus)('KeytarSecretStore in the real Secret Service', () => {
  const store = new KeytarSecretStore()
  const account = secretAccount('https://hr.example.com', randomUUID())
  afterAll(async () => {
    await store.delete(SERVICE, account)
  })

  it('is available', async () => {
    expect(await store.isAvailable()).toBe(true)
  })

  it('round-trips a token: set, get, list, delete', async () => {
    expect(await store.get(SERVICE, account)).toEqual({ ok: true, value: null })
    expect((await store.set(SERVICE, account, 'token-value-1')).ok).toBe(true)
    expect(await store.get(SERVICE, account)).toEqual({ ok: true, value: 'token-value-1' })
    // one item per portal + user: a second set replaces, it does not add
    expect((await store.set(SERVICE, account, 'token-value-2')).ok).toBe(true)
    expect(await store.get(SERVICE, account)).toEqual({ ok: true, value: 'token-value-2' })
    expect(await store.list(SERVICE)).toEqual({ ok: true, value: [account] })
    expect(await store.delete(SERVICE, account)).toEqual({ ok: true, value: true })
    expect(await store.get(SERVICE, account)).toEqual({ ok: true, value: null })
    expect(await store.delete(SERVICE, account)).toEqual({ ok: true, value: false })
  })

  it('is what createDefaultSecretStore picks when the Secret Service answers', async () => {
    const seen = await probe(process.env)
    expect(seen).toMatchObject({ available: true, setOk: true, fallbackKind: 'keychain', fallbackAvailable: true })
  })
})

describe('an unusable keychain', () => {
  it('with D-Bus pointed at a dead socket: unavailable fast, a clear error, and a session-only sign-in with no secret on disk', async () => {
    const portal = await startPortal({ version: '3.7.2', people: 5, quiet: true })
    const dataDir = await mkdtemp(join(tmpdir(), 'dpm-deadbus-'))
    try {
      const { owner } = portal.accounts
      const seen = await probe({
        ...process.env,
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/dead-bus-socket',
        PROBE_PORTAL_URL: portal.url,
        PROBE_EMAIL: owner.email,
        PROBE_PASSWORD: owner.password,
        PROBE_DATA_DIR: dataDir
      })
      expect(seen).toMatchObject({ available: false, setOk: false, setCode: 'keychain/unavailable', fallbackKind: 'memory', fallbackAvailable: false })
      expect(String(seen['setMessage'])).toMatch(/keychain cannot be used/i)
      expect(Number(seen['ms'])).toBeLessThan(8_000)
      expect(seen['signIn']).toEqual({ tokenStorage: 'session-only', state: 'signed-in' })
      expect(seen['keychainAvailable']).toBe(false)
      const files = await readdir(dataDir)
      expect(files).toEqual(['accounts.json'])
      const text = await readFile(join(dataDir, 'accounts.json'), 'utf8')
      expect(text).toContain(owner.email)
      expect(text).not.toContain(owner.password)
    } finally {
      await portal.close()
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  it('the memory store keeps secrets for the session only', async () => {
    const memory = new MemorySecretStore()
    expect(await memory.isAvailable()).toBe(false)
    await memory.set(SERVICE, 'a', 'x')
    expect(await memory.get(SERVICE, 'a')).toEqual({ ok: true, value: 'x' })
    expect(await new MemorySecretStore().get(SERVICE, 'a')).toEqual({ ok: true, value: null })
  })
})
