import { rm } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { silentLogger } from '../core/logger'
import { tempDir } from '../testing/harness'
import { BulkService } from './bulk-service'
import { ACCOUNT, FakePortal, img, person, RecordingSink } from './fixtures/fake-ports'

let dir: string
let portal: FakePortal
let sink: RecordingSink
let service: BulkService

const TEAM = ['Anna Berg', 'Bob Stein', 'Carl Wolf', 'Dora Lind', 'Eve Roth', 'Finn Hahn', 'Gina Voss', 'Hugo Brandt']
const teamPeople = () =>
  TEAM.map((name, i) => {
    const [first = '', last = ''] = name.split(' ')
    return person(`u${i}`, first, last)
  })
const teamFiles = () => TEAM.map((name, i) => ({ name: `${name.toLowerCase().replace(' ', '.')}.jpg`, bytes: img(`new-${i}`, 900, 1200) }))

beforeEach(async () => {
  dir = await tempDir('dpm-bulk-apply-')
  portal = new FakePortal(teamPeople())
  portal.givePhoto('u1', 'old-bob')
  sink = new RecordingSink()
  service = new BulkService({ dataDir: dir, ports: portal, events: sink, log: silentLogger, queue: { baseDelayMs: 5 } })
})
afterEach(async () => {
  await service.dispose()
  await rm(dir, { recursive: true, force: true })
})

async function plannedJob(s: BulkService = service): Promise<string> {
  const created = await s.create(ACCOUNT)
  if (!created.ok) throw new Error(created.error.message)
  const jobId = created.value.jobId
  await s.addFiles(jobId, teamFiles())
  const plan = await s.plan(jobId)
  if (!plan.ok) throw new Error(plan.error.message)
  return jobId
}

describe('bulk apply', () => {
  it('sends each approved row once, with the default crop in pixels, and reports progress', async () => {
    const jobId = await plannedJob()
    await service.approve(jobId, ['r00008'], false)
    const started = await service.apply(jobId, { concurrency: 3 })
    expect(started.ok && started.value.phase).toBe('applying')
    const again = await service.apply(jobId)
    expect(!again.ok && again.error.code).toBe('bulk/busy')
    await service.whenIdle(jobId)

    expect(portal.calls.replaceOne).toHaveLength(7)
    expect(new Set(portal.calls.replaceOne.map((c) => c.userId)).size).toBe(7)
    expect(portal.replaceCallsFor('u7')).toBe(0)
    // 900×1200 prepared: the centred square is 900 px at y = 150.
    expect(portal.calls.replaceOne[0]?.cropPixels).toEqual({ x: 0, y: 150, width: 900, height: 900 })
    expect(portal.calls.replaceOne[0]?.prepared.mime).toBe('image/jpeg')

    const plan = await service.current(jobId)
    if (!plan.ok) throw new Error('plan')
    expect(plan.value.job).toMatchObject({ phase: 'finished', interrupted: false, counts: { ok: 7, failed: 0 } })
    expect(plan.value.rows.filter((r) => r.result === 'ok')).toHaveLength(7)
    expect(plan.value.rows[7]?.result).toBe('pending')

    const last = sink.events.at(-1)?.progress
    expect(last).toMatchObject({ jobId, phase: 'finished', done: 7, total: 7, failed: 0 })
    const seen = new Map(sink.events.flatMap((e) => e.progress.rows.map((r) => [r.rowId, r.result] as const)))
    expect([...seen.values()].filter((r) => r === 'ok')).toHaveLength(7)
  })

  it('batches progress events to about ten a second', async () => {
    portal.people = Array.from({ length: 60 }, (_, i) => person(`p${i}`, `F${i}`, `L${i}`))
    const created = await service.create(ACCOUNT)
    if (!created.ok) throw new Error('create')
    const jobId = created.value.jobId
    await service.addFiles(
      jobId,
      portal.people.map((p) => ({ name: `${p.email.split('@')[0]}.jpg`, bytes: img(p.id) }))
    )
    await service.plan(jobId)
    sink.events.length = 0
    portal.onReplace = (req, write) =>
      new Promise((r) =>
        setTimeout(async () => {
          const result = { ok: true as const, value: { backupId: write() } }
          await req.commit(result)
          r(result)
        }, 30)
      )
    const t0 = performance.now()
    await service.apply(jobId, { concurrency: 4 })
    await service.whenIdle(jobId)
    const seconds = (performance.now() - t0) / 1000
    const events = sink.events.filter((e) => e.progress.phase === 'applying')
    // The first change goes out at once, every later event waits its interval.
    const perSecond = (events.length - 1) / seconds
    console.info(`[bulk] 60 rows in ${seconds.toFixed(2)} s: ${events.length} progress events (${perSecond.toFixed(1)}/s)`)
    expect(perSecond).toBeLessThanOrEqual(10.5)
    for (let i = 1; i < events.length; i++) expect((events[i]?.at ?? 0) - (events[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(95)
    const sent = new Set(sink.events.flatMap((e) => e.progress.rows.filter((r) => r.result === 'ok').map((r) => r.rowId)))
    expect(sent.size).toBe(60)
  })

  it('undoes only the rows that were applied', async () => {
    const jobId = await plannedJob()
    portal.onReplace = (req) =>
      req.userId === 'u2' ? Promise.resolve({ ok: false, error: { code: 'portal/forbidden', message: 'Access denied', status: 403 } }) : undefined
    await service.apply(jobId)
    await service.whenIdle(jobId)
    expect(portal.stored.get('u1')?.pictureHash).toBe('new-1')

    const undo = await service.undo(jobId)
    expect(undo.ok && undo.value.phase).toBe('undoing')
    await service.whenIdle(jobId)
    expect(portal.calls.restoreOne.map((c) => c.userId).sort()).toEqual(['u0', 'u1', 'u3', 'u4', 'u5', 'u6', 'u7'])
    expect(portal.stored.get('u1')?.pictureHash).toBe('old-bob')
    expect(portal.stored.has('u0')).toBe(false)
    const plan = await service.current(jobId)
    if (!plan.ok) throw new Error('plan')
    const carl = plan.value.rows.find((r) => r.userId === 'u2')
    expect(carl).toMatchObject({ result: 'failed', resultError: { code: 'portal/forbidden' } })
    expect(carl?.undone).toBeUndefined()
    expect(plan.value.rows.filter((r) => r.undone)).toHaveLength(7)

    // Nothing left to undo: a second undo sends nothing.
    const second = await service.undo(jobId)
    expect(!second.ok && second.error.code).toBe('photo/no-backup')
    expect(portal.calls.restoreOne).toHaveLength(7)
  })

  it('undo of chosen rows leaves the others alone, and a failed undo says so on the row', async () => {
    const jobId = await plannedJob()
    await service.apply(jobId)
    await service.whenIdle(jobId)
    portal.restoreFails.add('u1')
    await service.undo(jobId, ['r00001', 'r00002'])
    await service.whenIdle(jobId)
    expect(portal.calls.restoreOne.map((c) => c.userId)).toEqual(['u0', 'u1'])
    const plan = await service.current(jobId)
    if (!plan.ok) throw new Error('plan')
    expect(plan.value.rows[0]).toMatchObject({ undone: true, undoResult: 'ok' })
    expect(plan.value.rows[1]).toMatchObject({ undoResult: 'failed', undoError: { code: 'portal/forbidden' } })
    expect(plan.value.rows[2]?.undoResult).toBeUndefined()
  })

  it('writes a report with who, when, portal, file, uploaded SHA-256, person, result and error code, formulas defused', async () => {
    portal.people = [...teamPeople(), person('u-evil', '=HYPERLINK("x")', 'Evil')]
    const created = await service.create(ACCOUNT)
    if (!created.ok) throw new Error('create')
    const jobId = created.value.jobId
    await service.addFiles(jobId, [
      { name: 'anna.berg.jpg', bytes: img('a') },
      { name: 'bob.stein.jpg', bytes: img('b') },
      { name: '=cmd|calc.jpg', bytes: img('c') },
      { name: '+evil.jpg', bytes: img('e') }
    ])
    await service.plan(jobId)
    await service.assign(jobId, 'r00004', 'u-evil')
    portal.onReplace = (req) =>
      req.userId === 'u1' ? Promise.resolve({ ok: false, error: { code: 'portal/server-error', message: 'boom', status: 500 } }) : undefined
    await service.apply(jobId)
    await service.whenIdle(jobId)

    const report = await service.reportCsv(jobId)
    if (!report.ok) throw new Error('report')
    expect(report.value.fileName).toBe(`photo-import-${jobId}-report.csv`)
    expect(report.value.csv.startsWith('\uFEFF')).toBe(true)
    const records = parse(report.value.csv, { bom: true, columns: true }) as Record<string, string>[]
    const anna = portal.calls.replaceOne.find((c) => c.userId === 'u0')
    expect(records[0]).toMatchObject({
      Job: jobId,
      'Ran by': 'admin@demo.example',
      Portal: 'https://hr.example.com',
      File: 'anna.berg.jpg',
      'SHA-256 uploaded': anna?.prepared.sha256,
      'Person ID': 'u0',
      Person: 'Anna Berg',
      Result: 'ok',
      'Error code': ''
    })
    expect(records[0]?.When).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(records[1]).toMatchObject({ File: 'bob.stein.jpg', Result: 'failed', 'Error code': 'portal/server-error' })
    expect(records[2]).toMatchObject({ File: "'=cmd|calc.jpg", Plan: 'unmatched', Result: 'pending', 'SHA-256 uploaded': '' })
    expect(records[3]).toMatchObject({ File: "'+evil.jpg", Person: `'=HYPERLINK("x") Evil`, Result: 'ok' })

    const plan = await service.planCsv(jobId)
    if (!plan.ok) throw new Error('plan csv')
    const planRows = parse(plan.value.csv, { bom: true, columns: true }) as Record<string, string>[]
    expect(planRows.map((r) => [r['File'], r['Plan'], r['Approved']])).toEqual([
      ['anna.berg.jpg', 'new', 'yes'],
      ['bob.stein.jpg', 'replace', 'yes'],
      ["'=cmd|calc.jpg", 'unmatched', 'no'],
      ["'+evil.jpg", 'new', 'yes']
    ])
    expect(planRows[0]).toMatchObject({ 'Matched by': 'email-local', Width: '800', 'Crop x': '0.1250', 'Crop width': '0.7500' })
  })

  it('pause stops new rows, resume continues, cancel skips the rest', async () => {
    const jobId = await plannedJob()
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => (release = r))
    portal.onReplace = (req, write) =>
      (async () => {
        if (req.userId === 'u1') await gate
        const result = { ok: true as const, value: { backupId: write() } }
        await req.commit(result)
        return result
      })()
    await service.apply(jobId, { concurrency: 1 })
    while (portal.calls.replaceOne.length < 2) await new Promise((r) => setTimeout(r, 5))
    const paused = await service.pause(jobId)
    expect(paused.ok && paused.value.phase).toBe('paused')
    release()
    await new Promise((r) => setTimeout(r, 100))
    expect(portal.calls.replaceOne).toHaveLength(2)
    await service.resume(jobId)
    while (portal.calls.replaceOne.length < 4) await new Promise((r) => setTimeout(r, 2))
    await service.cancel(jobId)
    await service.whenIdle(jobId)
    const plan = await service.current(jobId)
    if (!plan.ok) throw new Error('plan')
    const sent = portal.calls.replaceOne.length
    expect(sent).toBeLessThan(8)
    expect(plan.value.job).toMatchObject({ phase: 'cancelled', counts: { ok: sent, skipped: 8 - sent } })
  })
})
