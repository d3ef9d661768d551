// A kill in the middle of an apply, simulated: the first service is abandoned with a row hanging in
// the port (its process "died"), the journal gets a torn last line, and a second service on the same
// data folder resumes the job. The fake portal counts every write: nobody may be written twice.
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { recordingLogger, tempDir } from '../testing/harness'
import { silentLogger } from '../core/logger'
import { BulkService } from './bulk-service'
import { ACCOUNT, FakePortal, img, person, RecordingSink } from './fixtures/fake-ports'

let dir: string
let portal: FakePortal
const open: BulkService[] = []

const TEAM = ['Anna Berg', 'Bob Stein', 'Carl Wolf', 'Dora Lind', 'Eve Roth', 'Finn Hahn']
const ids = TEAM.map((_, i) => `u${i}`)

beforeEach(async () => {
  dir = await tempDir('dpm-bulk-resume-')
  portal = new FakePortal(
    TEAM.map((name, i) => {
      const [first = '', last = ''] = name.split(' ')
      return person(`u${i}`, first, last)
    })
  )
  portal.givePhoto('u2', 'old-carl')
})
afterEach(async () => {
  for (const s of open.splice(0)) await s.dispose()
  await rm(dir, { recursive: true, force: true })
})

function newService(log = silentLogger): BulkService {
  return new BulkService({ dataDir: dir, ports: portal, events: new RecordingSink(), log, queue: { baseDelayMs: 5 } })
}

async function plannedJob(s: BulkService): Promise<string> {
  const created = await s.create(ACCOUNT)
  if (!created.ok) throw new Error(created.error.message)
  const jobId = created.value.jobId
  await s.addFiles(
    jobId,
    TEAM.map((name, i) => ({ name: `${name.toLowerCase().replace(' ', '.')}.jpg`, bytes: img(`new-${i}`) }))
  )
  const plan = await s.plan(jobId)
  if (!plan.ok) throw new Error(plan.error.message)
  return jobId
}

const journalPath = (jobId: string): string => join(dir, 'jobs', jobId, 'journal.jsonl')
const until = async (cond: () => boolean): Promise<void> => {
  while (!cond()) await new Promise((r) => setTimeout(r, 2))
}
const never = new Promise<never>(() => {})

describe('bulk resume after a kill', () => {
  it('verifies the row that was in flight instead of sending it again: one replace per person in all', async () => {
    const first = newService()
    const jobId = await plannedJob(first)
    // Carl's replace reaches the portal, then the app dies before the result is journaled.
    portal.onReplace = (req, write) => {
      if (req.userId !== 'u2') return undefined
      write()
      return never
    }
    await first.apply(jobId, { concurrency: 1 })
    await until(() => portal.writes.get('u2') === 1)
    // The kill cut the next journal line short.
    await appendFile(journalPath(jobId), '{"t":"apply-result","rowId":"r00003","userId":"u2","ok":tr')
    portal.onReplace = undefined

    const second = newService()
    open.push(second)
    const listed = await second.jobs(ACCOUNT)
    expect(listed.ok && listed.value).toEqual([expect.objectContaining({ jobId, phase: 'applying', interrupted: true })])
    const before = await second.current(jobId)
    expect(before.ok && before.value.rows.map((r) => r.result)).toEqual(['ok', 'ok', 'pending', 'pending', 'pending', 'pending'])

    const resumed = await second.resume(jobId)
    expect(resumed.ok && resumed.value.phase).toBe('applying')
    await second.whenIdle(jobId)

    for (const id of ids) {
      expect(portal.replaceCallsFor(id), id).toBe(1)
      expect(portal.writes.get(id), id).toBe(1)
    }
    expect(portal.calls.verifyApplied).toEqual(['u2'])
    const after = await second.current(jobId)
    if (!after.ok) throw new Error('plan')
    expect(after.value.job).toMatchObject({ phase: 'finished', interrupted: false, counts: { ok: 6, failed: 0 } })

    const csv = await second.reportCsv(jobId)
    if (!csv.ok) throw new Error('report')
    const report = parse(csv.value.csv, { bom: true, columns: true }) as Record<string, string>[]
    expect(report[2]).toMatchObject({ 'Person ID': 'u2', Result: 'ok', 'Verified after restart': 'yes' })

    // The backup the interrupted change took was found by verifyApplied, so Carl can still be undone.
    await second.undo(jobId, ['r00003'])
    await second.whenIdle(jobId)
    expect(portal.stored.get('u2')?.pictureHash).toBe('old-carl')
  })

  it('sends a row again only after verifyApplied shows the first attempt never reached the portal', async () => {
    const first = newService()
    const jobId = await plannedJob(first)
    // Both lanes die mid-row: Dora's upload never reached the portal, Eve's did.
    portal.onReplace = (req, write) => {
      if (req.userId === 'u3') return never
      if (req.userId !== 'u4') return undefined
      write()
      return never
    }
    await first.apply(jobId, { concurrency: 2 })
    await until(() => portal.writes.get('u4') === 1 && portal.replaceCallsFor('u3') === 1)
    portal.onReplace = undefined

    const second = newService()
    open.push(second)
    await second.resume(jobId)
    await second.whenIdle(jobId)
    expect(portal.calls.verifyApplied.sort()).toEqual(['u3', 'u4'])
    for (const id of ids) expect(portal.writes.get(id), id).toBe(1)
    expect(portal.replaceCallsFor('u3')).toBe(2)
    expect(portal.replaceCallsFor('u4')).toBe(1)
    const after = await second.current(jobId)
    expect(after.ok && after.value.job.counts.ok).toBe(6)
  })

  it('a lost answer after the portal switched is verified on retry, not written again', async () => {
    const s = newService()
    open.push(s)
    const jobId = await plannedJob(s)
    let lost = false
    portal.onReplace = (req, write) => {
      if (req.userId !== 'u4' || lost) return undefined
      lost = true
      write()
      const failure = { ok: false as const, error: { code: 'net/connection-lost' as const, message: 'reset', detail: 'ECONNRESET' } }
      return req.commit(failure).then(() => failure)
    }
    await s.apply(jobId)
    await s.whenIdle(jobId)
    expect(portal.replaceCallsFor('u4')).toBe(1)
    expect(portal.writes.get('u4')).toBe(1)
    expect(portal.calls.verifyApplied).toEqual(['u4'])
    const plan = await s.current(jobId)
    expect(plan.ok && plan.value.rows[4]).toMatchObject({ userId: 'u4', result: 'ok' })
  })

  it('an undo interrupted by a kill resumes with the same rows and restores nobody twice', async () => {
    const first = newService()
    const jobId = await plannedJob(first)
    await first.apply(jobId)
    await first.whenIdle(jobId)
    // Undo four of the six; the app dies right after Bob's restore reached the portal.
    portal.onRestore = (req, restore) => {
      if (req.userId !== 'u1') return undefined
      restore()
      return never
    }
    await first.undo(jobId, ['r00001', 'r00002', 'r00003', 'r00004'], { concurrency: 1 })
    await until(() => portal.restores.get('u1') === 1)
    portal.onRestore = undefined

    const second = newService()
    open.push(second)
    const listed = await second.jobs(ACCOUNT)
    expect(listed.ok && listed.value[0]).toMatchObject({ phase: 'undoing', interrupted: true })
    await second.resume(jobId)
    await second.whenIdle(jobId)
    expect([...portal.restores.entries()].sort()).toEqual([
      ['u0', 1],
      ['u1', 1],
      ['u2', 1],
      ['u3', 1]
    ])
    expect(portal.stored.get('u2')?.pictureHash).toBe('old-carl')
    const plan = await second.current(jobId)
    expect(plan.ok && plan.value.rows.map((r) => r.undone === true)).toEqual([true, true, true, true, false, false])
  })

  it('skips and counts a garbage line in the middle of the journal, and the job still loads', async () => {
    const first = newService()
    open.push(first)
    const jobId = await plannedJob(first)
    await first.dispose()
    open.pop()
    const lines = (await readFile(journalPath(jobId), 'utf8')).split('\n')
    lines.splice(4, 0, '\u0000\u0000garbage after a crash', '{"t":"plan","rowId":"r00001"}')
    await writeFile(journalPath(jobId), lines.join('\n'))

    const logLines: string[] = []
    const second = newService(recordingLogger(logLines))
    open.push(second)
    const plan = await second.current(jobId)
    expect(plan.ok && plan.value.rows.map((r) => r.state)).toEqual(['new', 'new', 'replace', 'new', 'new', 'new'])
    expect(logLines.some((l) => l.includes('bulk journal: lines skipped') && l.includes('"skipped":2'))).toBe(true)
  })
})
