/**
 * What saving the people cache costs main's thread at 50,000 people (the emulator's seeded
 * organisation as Person rows), the way main saved it before (encode + encrypt on main's thread)
 * against the writer thread (people-cache-writer.ts): main's active time, from
 * performance.eventLoopUtilization(), while each save runs, and the pages' hand-over during the load.
 * Also what posting the whole list at once would have cost (the structured clone). A measurement, not
 * a test: `npx tsx scripts/measure-people-cache-save.ts [people]`.
 */
import { randomBytes } from 'node:crypto'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import writeFileAtomic from 'write-file-atomic'
import { seedOrganisation } from '../emulator/domain/seed'
import type { Person } from '../preload/contract'
import { silentLogger } from '../main/core/logger'
import { MemorySecretStore } from '../main/secrets/memory-store'
import { tempDir } from '../main/testing/harness'
import { PeopleCache } from '../main/services/people-cache'
import { encodePeopleBody } from '../main/services/people-cache-body'
import { encrypt } from '../main/services/people-cache-file'
import { PeopleSnapshots } from '../main/services/people-snapshot'

const COUNT = Number(process.argv[2] ?? 50_000)
const PAGE = 200
const ACCOUNT = '0123456789abcdef'

const seeded = seedOrganisation({ people: COUNT, seed: 1, photoShare: 0.6 })
const groupName = new Map(seeded.groups.map((g) => [g.id, g.name]))
const people: Person[] = seeded.users.slice(0, COUNT).map((u, i) => ({
  id: u.id,
  displayName: `${u.firstName} ${u.lastName}`,
  firstName: u.firstName,
  lastName: u.lastName,
  email: u.email,
  title: u.title ?? '',
  department: u.groupIds.map((id) => groupName.get(id) ?? '').join(', '),
  groups: u.groupIds.map((id) => ({ id, name: groupName.get(id) ?? '' })),
  status: 'active',
  role: 'user',
  hasPhoto: u.photo !== undefined,
  smallPhoto: u.photo ? `/storage/userPhotos/root/${u.id}_size_32-32.png?hash=${u.lastModifiedTicks}` : '/static/images/default_user_photo_size_32-32.png',
  canEditPhoto: i % 7 !== 0,
  ...(i % 7 === 0 ? { refusal: 'role' as const } : {})
}))

/** Main's active (not idle) milliseconds while `work` runs. */
async function mainActiveMs(work: () => Promise<unknown>): Promise<{ active: number; wall: number }> {
  const elu = performance.eventLoopUtilization()
  const started = performance.now()
  await work()
  const used = performance.eventLoopUtilization(elu)
  return { active: used.active, wall: performance.now() - started }
}

const dataDir = await tempDir('dpm-measure-cache-')
const key = randomBytes(32)
const cache = new PeopleCache({ dataDir, secrets: new MemorySecretStore({ available: true }), log: silentLogger })
const fmt = (n: number): string => n.toFixed(1)

for (let run = 1; run <= 3; run++) {
  const before = await mainActiveMs(() => writeFileAtomic(join(dataDir, 'before.bin'), encrypt(new Date().toISOString(), encodePeopleBody(people), key, ACCOUNT), { mode: 0o600 }))

  // The load as main serves it: each page handed to the writer thread as it joins the load.
  const snapshots = new PeopleSnapshots(cache.loads)
  const handOver: number[] = []
  let complete = null
  for (let start = 0; start < people.length; start += PAGE) {
    const t = performance.now()
    complete = snapshots.add(ACCOUNT, { startIndex: start, asked: PAGE, total: people.length, people: people.slice(start, start + PAGE) })
    handOver.push(performance.now() - t)
  }
  if (!complete) throw new Error('the load did not complete')
  const load = complete
  let saved = false
  const after = await mainActiveMs(async () => (saved = await cache.save(ACCOUNT, load)))
  if (!saved) throw new Error('the save through the writer thread failed')

  // The alternative not taken: the whole list posted at the end (the clone runs on main's thread).
  const sink = new Worker('require("node:worker_threads").parentPort.once("message", () => process.exit(0))', { eval: true })
  const t = performance.now()
  sink.postMessage(people)
  const wholeListPost = performance.now() - t
  await new Promise((resolve) => sink.once('exit', resolve))

  const sum = handOver.reduce((a, b) => a + b, 0)
  console.log(
    `run ${run}, ${people.length} people: before (encode + encrypt on main) main active ${fmt(before.active)} ms of ${fmt(before.wall)} ms;` +
      ` after (writer thread) main active ${fmt(after.active)} ms of ${fmt(after.wall)} ms for the save,` +
      ` plus ${fmt(sum)} ms over ${handOver.length} pages during the load (max ${fmt(Math.max(...handOver))} ms a page);` +
      ` posting the whole list at once would cost ${fmt(wholeListPost)} ms;` +
      ` main's time for the save, before ÷ after: ${(before.active / Math.max(after.active, 0.001)).toFixed(1)}×`
  )
}
await cache.close()
// Shared, noisy machines: the load says how much to trust these figures.
console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`)
