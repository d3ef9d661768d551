// The people cache's writer thread: pages handed over as they are served come back as a file the
// read path opens to the same people, the thread ends once idle or closed, and a thread that cannot
// start or dies fails the save quietly (a warning, no file) without harming the next save.
import { readdir } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { Person } from '../../preload/contract'
import type { Logger } from '../core/logger'
import { MemorySecretStore } from '../secrets/memory-store'
import { tempDir } from '../testing/harness'
import { parseCachedPeople } from '../../renderer/src/people/people-cache-body'
import { PeopleCache } from './people-cache'
import { PeopleCacheWriter } from './people-cache-writer'
import { PeopleSnapshots } from './people-snapshot'

const ACCOUNT = '0123456789abcdef'

function person(i: number): Person {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    displayName: `Ingrid Bergström ${i}`,
    firstName: 'Ingrid',
    lastName: `Bergström ${i}`,
    email: `ingrid${i}@hr.example.com`,
    title: i % 3 === 0 ? 'Counsel' : '',
    department: 'Legal',
    groups: i % 2 === 0 ? [{ id: 'g1', name: 'Legal' }] : [],
    status: 'active',
    role: 'user',
    hasPhoto: i % 2 === 0,
    smallPhoto: `/storage/userPhotos/root/${i}_size_32-32.png?hash=${i}`,
    canEditPhoto: i % 4 !== 0,
    ...(i % 4 === 0 ? { refusal: 'role' as const } : {})
  }
}

const PEOPLE = Array.from({ length: 250 }, (_, i) => person(i))

function recordingLog(): Logger & { warnings: string[] } {
  const warnings: string[] = []
  return { warnings, info: () => {}, error: () => {}, warn: (message, fields) => warnings.push(`${message} ${JSON.stringify(fields ?? {})}`) }
}

async function newCache(workerEntry?: () => URL) {
  const dataDir = await tempDir('dpm-people-cache-writer-')
  const log = recordingLog()
  const cache = new PeopleCache({ dataDir, secrets: new MemorySecretStore({ available: true }), log, ...(workerEntry ? { workerEntry } : {}) })
  return { cache, log, dataDir }
}

/** Serves PEOPLE in pages of 100 out of order, the last page repeating someone (the portal's list moved). */
function serve(snapshots: PeopleSnapshots) {
  expect(snapshots.add(ACCOUNT, { startIndex: 0, asked: 100, total: 250, people: PEOPLE.slice(0, 100) })).toBeNull()
  expect(snapshots.add(ACCOUNT, { startIndex: 200, asked: 100, total: 250, people: [PEOPLE[150]!, ...PEOPLE.slice(200)] })).toBeNull()
  return snapshots.add(ACCOUNT, { startIndex: 100, asked: 100, total: 250, people: PEOPLE.slice(100, 200) })
}

describe('the people cache writer thread', () => {
  it('seals the pages it was handed as they were served into a file the read path opens to the same people', async () => {
    const { cache, log } = await newCache()
    const complete = serve(new PeopleSnapshots(cache.loads))
    expect(complete?.pages).toEqual([0, 100, 200])
    expect(await cache.save(ACCOUNT, complete!)).toBe(true)
    const read = await cache.read(ACCOUNT)
    // Portal order, each person once: the repeated one stays where it was first served.
    expect(parseCachedPeople(read?.body ?? new Uint8Array())).toEqual([...PEOPLE.slice(0, 200), ...PEOPLE.slice(200)])
    expect(log.warnings).toEqual([])
    await cache.close()
  })

  it('ends its thread once no load or save is left, and at once on close', async () => {
    const writer = new PeopleCacheWriter()
    writer.page(1, 0, PEOPLE)
    expect(writer.running).toBe(true)
    const bytes = await writer.seal({ load: 1, pages: [0] }, '2026-12-01T09:00:00.000Z', Buffer.alloc(32, 1), ACCOUNT)
    expect(bytes.length).toBeGreaterThan(1000)
    expect(writer.running).toBe(false)

    // A half-gathered load keeps it up until the load is abandoned.
    writer.page(2, 0, PEOPLE.slice(0, 10))
    expect(writer.running).toBe(true)
    writer.forget(2)
    expect(writer.running).toBe(false)

    writer.page(3, 0, PEOPLE)
    const pending = writer.seal({ load: 3, pages: [0] }, '2026-12-01T09:00:00.000Z', Buffer.alloc(32, 1), ACCOUNT)
    const failed = expect(pending).rejects.toThrow('closed')
    await writer.close()
    await failed
    expect(writer.running).toBe(false)
  })

  it('fails the save quietly with a warning when its thread cannot start', async () => {
    const missing = await newCache(() => new URL('file:///nonexistent/people-cache-worker.js'))
    expect(await missing.cache.save(ACCOUNT, PEOPLE)).toBe(false)
    expect(missing.log.warnings.join('\n')).toMatch(/people cache not saved: its writer failed .*Cannot find module/)
    expect(await readdir(missing.dataDir)).toEqual([])
    expect(await missing.cache.read(ACCOUNT)).toBeNull()

    const unfound = await newCache(() => {
      throw new Error('people cache worker entry people-cache-worker.js not found')
    })
    expect(await unfound.cache.save(ACCOUNT, serve(new PeopleSnapshots(unfound.cache.loads))!)).toBe(false)
    expect(unfound.log.warnings.join('\n')).toContain('not found')
  })

  it('fails the save quietly when its thread dies', async () => {
    // A thread that dies on its first message, as a crash would.
    const dying = 'import { parentPort } from "node:worker_threads"; parentPort.once("message", () => process.exit(7))'
    const { cache, log } = await newCache(() => new URL(`data:text/javascript,${encodeURIComponent(dying)}`))
    expect(await cache.save(ACCOUNT, PEOPLE)).toBe(false)
    expect(log.warnings.join('\n')).toMatch(/its writer failed .*exit code 7/)
    expect(await cache.read(ACCOUNT)).toBeNull()
  })

  it('fails the save of a load whose pages died with their thread, and the next load saves', async () => {
    const { cache, log } = await newCache()
    const snapshots = new PeopleSnapshots(cache.loads)
    snapshots.add(ACCOUNT, { startIndex: 0, asked: 100, total: 250, people: PEOPLE.slice(0, 100) })
    // The thread dies between pages (closing it is the same loss as a crash).
    await cache.close()
    snapshots.add(ACCOUNT, { startIndex: 100, asked: 100, total: 250, people: PEOPLE.slice(100, 200) })
    const complete = snapshots.add(ACCOUNT, { startIndex: 200, asked: 100, total: 250, people: PEOPLE.slice(200) })
    expect(await cache.save(ACCOUNT, complete!)).toBe(false)
    expect(log.warnings.join('\n')).toContain('a page of the load is missing')

    expect(await cache.save(ACCOUNT, serve(snapshots)!)).toBe(true)
    expect(parseCachedPeople((await cache.read(ACCOUNT))?.body ?? new Uint8Array())).toHaveLength(250)
    await cache.close()
  })
})
