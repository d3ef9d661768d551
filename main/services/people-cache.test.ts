// The people-list cache: encrypted round trip, every broken file read as "no cache", no plaintext on
// disk, and the whole path through main (pages served -> file -> people:cached -> sign-out).
import { createCipheriv, randomBytes } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal, type RunningPortal } from '../../emulator/index'
import type { CachedPeople, Person } from '../../preload/contract'
import { silentLogger } from '../core/logger'
import { MemorySecretStore } from '../secrets/memory-store'
import { startMain, tempDir, TEST_PORTAL_OPTIONS, value } from '../testing/harness'
import { parseCachedPeople } from '../../renderer/src/people/people-cache-body'
import { PEOPLE_CACHE_SERVICE, PeopleCache } from './people-cache'
import { encodePeopleBody } from './people-cache-body'

const ACCOUNT = '0123456789abcdef'
const OTHER = 'fedcba9876543210'

function person(i: number, overrides: Partial<Person> = {}): Person {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    displayName: `Zofia Wiśniewska ${i}`,
    firstName: 'Zofia',
    lastName: `Wiśniewska ${i}`,
    email: `zofia.wisniewska${i}@hr.example.com`,
    title: 'Payroll lead',
    department: 'Finance',
    groups: [{ id: 'g1', name: 'Finance' }],
    status: 'active',
    role: 'user',
    hasPhoto: i % 2 === 0,
    smallPhoto: `/storage/userPhotos/root/${i}_size_32-32.png?hash=1`,
    canEditPhoto: true,
    ...overrides
  }
}

/** As the renderer reads it (main passes the bytes on unread). */
const peopleOf = (cached: CachedPeople | null): Person[] | null => (cached ? parseCachedPeople(cached.body) : null)

const PEOPLE = Array.from({ length: 30 }, (_, i) => person(i))

async function newCache(secrets = new MemorySecretStore({ available: true })): Promise<{ cache: PeopleCache; secrets: MemorySecretStore; dataDir: string }> {
  const dataDir = await tempDir('dpm-people-cache-')
  return { cache: new PeopleCache({ dataDir, secrets, log: silentLogger, now: () => new Date('2026-12-01T09:00:00Z') }), secrets, dataDir }
}

describe('PeopleCache', () => {
  it('gives back the saved list, and nothing for an account that has none', async () => {
    const { cache } = await newCache()
    expect(await cache.save(ACCOUNT, PEOPLE)).toBe(true)
    const read = await cache.read(ACCOUNT)
    expect(read?.savedAt).toBe('2026-12-01T09:00:00.000Z')
    expect(Buffer.from(read?.body ?? []).toString('latin1')).toBe(encodePeopleBody(PEOPLE))
    expect(peopleOf(read)).toEqual(PEOPLE)
    expect(await cache.read(OTHER)).toBeNull()
  })

  it('holds no name, email or department in plain text, and is named by the account id', async () => {
    const { cache, dataDir } = await newCache()
    await cache.save(ACCOUNT, PEOPLE)
    expect(await readdir(`${dataDir}/people-cache`)).toEqual([`${ACCOUNT}.bin`])
    const bytes = await readFile(cache.pathOf(ACCOUNT))
    for (const needle of ['zofia', 'Zofia', 'Wiśniewska', 'hr.example.com', 'Payroll', 'Finance', 'displayName', '"email"', PEOPLE[0]!.id]) {
      expect(bytes.includes(Buffer.from(needle, 'utf8')), needle).toBe(false)
      expect(bytes.includes(Buffer.from(needle, 'utf16le')), `${needle} (UTF-16)`).toBe(false)
    }
  })

  it('reads a file with any byte changed, cut short, or of another format as no cache, and the next save replaces it', async () => {
    const { cache } = await newCache()
    await cache.save(ACCOUNT, PEOPLE)
    const path = cache.pathOf(ACCOUNT)
    const good = await readFile(path)
    // Header, IV, tag and ciphertext: a flipped bit anywhere fails the authentication.
    for (const at of [0, 4, 5, 20, 40, good.length - 1]) {
      const bad = Buffer.from(good)
      bad[at] = (bad[at] ?? 0) ^ 0x01
      await writeFile(path, bad)
      expect(await cache.read(ACCOUNT), `byte ${at}`).toBeNull()
    }
    await writeFile(path, good.subarray(0, good.length - 10))
    expect(await cache.read(ACCOUNT)).toBeNull()
    await writeFile(path, JSON.stringify({ savedAt: 'x', people: PEOPLE }))
    expect(await cache.read(ACCOUNT)).toBeNull()
    await writeFile(path, '')
    expect(await cache.read(ACCOUNT)).toBeNull()

    expect(await cache.save(ACCOUNT, PEOPLE.slice(0, 3))).toBe(true)
    expect(peopleOf(await cache.read(ACCOUNT))).toEqual(PEOPLE.slice(0, 3))
  })

  it('reads an intact file of the older format (an array of Person) as no cache', async () => {
    const { cache, secrets } = await newCache()
    await cache.save(ACCOUNT, PEOPLE)
    const key = Buffer.from(value(await secrets.get(PEOPLE_CACHE_SERVICE, ACCOUNT)) ?? '', 'base64')
    // Format 1 as the previous build wrote it: the same layout and key, the people as one JSON array.
    const header = Buffer.concat([Buffer.from('DSPL', 'latin1'), Buffer.from([1])])
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', key, iv)
    cipher.setAAD(Buffer.concat([header, Buffer.from(ACCOUNT, 'latin1')]))
    const ciphertext = Buffer.concat([cipher.update(`2026-12-01T09:00:00.000Z\n${JSON.stringify(PEOPLE)}`, 'utf8'), cipher.final()])
    await writeFile(cache.pathOf(ACCOUNT), Buffer.concat([header, iv, cipher.getAuthTag(), ciphertext]))
    expect(await cache.read(ACCOUNT)).toBeNull()
    // Nor would the renderer take such a body, should one ever get past main.
    expect(parseCachedPeople(new TextEncoder().encode(JSON.stringify(PEOPLE)))).toBeNull()
  })

  it('reads as no cache with another key, without its key, or as another account’s file', async () => {
    const { cache, secrets } = await newCache()
    await cache.save(ACCOUNT, PEOPLE)
    const key = value(await secrets.get(PEOPLE_CACHE_SERVICE, ACCOUNT))
    await secrets.set(PEOPLE_CACHE_SERVICE, ACCOUNT, Buffer.alloc(32, 7).toString('base64'))
    expect(await cache.read(ACCOUNT)).toBeNull()
    await secrets.delete(PEOPLE_CACHE_SERVICE, ACCOUNT)
    expect(await cache.read(ACCOUNT)).toBeNull()

    // The same key under another account's name, with the first account's file copied over.
    await secrets.set(PEOPLE_CACHE_SERVICE, OTHER, key ?? '')
    await writeFile(cache.pathOf(OTHER), await readFile(cache.pathOf(ACCOUNT)))
    expect(await cache.read(OTHER)).toBeNull()
  })

  it('writes nothing where secrets last for this run only', async () => {
    const { cache, dataDir } = await newCache(new MemorySecretStore({ available: false }))
    expect(await cache.save(ACCOUNT, PEOPLE)).toBe(false)
    await expect(readdir(`${dataDir}/people-cache`)).rejects.toThrow()
  })

  it('a read started ahead (prefetch) answers the next ask; a save or drop in between is not undone by it', async () => {
    const { cache } = await newCache()
    await cache.save(ACCOUNT, PEOPLE)
    cache.prefetch(ACCOUNT)
    expect(peopleOf(await cache.read(ACCOUNT))).toEqual(PEOPLE)

    // The early read holds the list as it was: a save after it must win.
    const renamed = PEOPLE.map((p) => ({ ...p, displayName: `${p.displayName} (new)` }))
    cache.prefetch(ACCOUNT)
    await new Promise((r) => setTimeout(r, 50))
    await cache.save(ACCOUNT, renamed)
    expect(peopleOf(await cache.read(ACCOUNT))).toEqual(renamed)

    cache.prefetch(ACCOUNT)
    await cache.drop(ACCOUNT)
    expect(await cache.read(ACCOUNT)).toBeNull()
    // Nothing to read ahead for an account without a file, and a bad id reads as nothing.
    cache.prefetch(OTHER)
    cache.prefetch('../../etc')
    expect(await cache.read(OTHER)).toBeNull()
    expect(await cache.read('../../etc')).toBeNull()
  })

  it('drop deletes the file and its key', async () => {
    const { cache, secrets } = await newCache()
    await cache.save(ACCOUNT, PEOPLE)
    await cache.drop(ACCOUNT)
    await expect(readFile(cache.pathOf(ACCOUNT))).rejects.toThrow()
    expect(value(await secrets.list(PEOPLE_CACHE_SERVICE))).toEqual([])
    expect(await cache.read(ACCOUNT)).toBeNull()
  })
})

describe('the people cache through main', () => {
  let portal: RunningPortal
  beforeAll(async () => {
    portal = await startPortal({ ...TEST_PORTAL_OPTIONS, version: '3.5.0', people: 230, seed: 41 })
  })
  afterAll(async () => {
    await portal.close()
  })

  it('saves a full load, answers it on the next start, and deletes it with the key on sign-out', async () => {
    const secrets = new MemorySecretStore({ available: true })
    const dataDir = await tempDir('dpm-people-cache-main-')
    const first = startMain({ dataDir, secrets })
    const a = portal.accounts.admin
    const signedIn = value(await first.handlers['accounts:sign-in']({ method: 'password', portalUrl: portal.url, email: a.email, password: a.password }))
    if (signedIn.kind !== 'signed-in') throw new Error('expected a signed-in outcome')
    const accountId = signedIn.account.id
    expect(value(await first.handlers['people:cached']({ accountId }))).toBeNull()

    // The renderer's order: the first page, then the rest (the last one only as long as needed).
    const served: Person[] = []
    for (const [startIndex, count] of [[0, 100], [200, 30], [100, 100]] as const) {
      served.push(...value(await first.handlers['people:page']({ accountId, startIndex, count })).people)
    }
    // Saved in the background; the rename of write-file-atomic's temp file is the moment it is complete.
    await expect.poll(async () => (await readdir(`${dataDir}/people-cache`).catch(() => [])).filter((n) => n.endsWith('.bin'))).toHaveLength(1)
    await first.dispose()

    const second = startMain({ dataDir, secrets })
    const cached = peopleOf(value(await second.handlers['people:cached']({ accountId })))
    expect(cached?.map((p) => p.id)).toEqual([...served].sort((x, y) => portalOrder(served, x) - portalOrder(served, y)).map((p) => p.id))
    expect(cached).toHaveLength(230)
    expect(second.logLines.join('\n')).not.toContain(a.email)

    value(await second.handlers['accounts:sign-out']({ accountId }))
    expect(await readdir(`${dataDir}/people-cache`)).toEqual([])
    expect(value(await secrets.list(PEOPLE_CACHE_SERVICE))).toEqual([])
    expect((await second.handlers['people:cached']({ accountId })).ok).toBe(false)
    await second.dispose()
  })

  it('saves nothing for a load that stopped half-way', async () => {
    const secrets = new MemorySecretStore({ available: true })
    const dataDir = await tempDir('dpm-people-cache-half-')
    const h = startMain({ dataDir, secrets })
    const a = portal.accounts.admin
    const signedIn = value(await h.handlers['accounts:sign-in']({ method: 'password', portalUrl: portal.url, email: a.email, password: a.password }))
    if (signedIn.kind !== 'signed-in') throw new Error('expected a signed-in outcome')
    const accountId = signedIn.account.id
    value(await h.handlers['people:page']({ accountId, startIndex: 0, count: 100 }))
    value(await h.handlers['people:page']({ accountId, startIndex: 200, count: 30 }))
    expect(value(await h.handlers['people:cached']({ accountId }))).toBeNull()
    await h.dispose()
  })
})

/** Served pages were collected 0, 200, 100: portal order puts page 100 before page 200. */
function portalOrder(served: readonly Person[], p: Person): number {
  const i = served.indexOf(p)
  return i < 100 ? i : i < 130 ? i + 100 : i - 30
}
