import { rm } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BulkRow } from '../../preload/contract'
import { silentLogger } from '../core/logger'
import { tempDir } from '../testing/harness'
import { BulkService } from './bulk-service'
import { ACCOUNT, broken, FakePortal, img, person, RecordingSink } from './fixtures/fake-ports'

let dir: string
let portal: FakePortal
let service: BulkService

const people = () => [
  person('u-anna', 'Anna', 'Berg'),
  person('u-anna2', 'Anna', 'Kuhn'),
  person('u-bob', 'Bob', 'Stein'),
  person('u-carl', 'Carl', 'Wolf'),
  person('u-dora', 'Dora', 'Lind'),
  person('u-eve', 'Eve', 'Roth'),
  person('u-olga', 'Olga', 'Owner', { role: 'owner', canEditPhoto: false })
]

beforeEach(async () => {
  dir = await tempDir('dpm-bulk-plan-')
  portal = new FakePortal(people())
  portal.givePhoto('u-bob', 'bob-old')
  portal.givePhoto('u-carl', 'carl-same')
  service = new BulkService({ dataDir: dir, ports: portal, events: new RecordingSink(), log: silentLogger })
})
afterEach(async () => {
  await service.dispose()
  await rm(dir, { recursive: true, force: true })
})

const byFile = (rows: readonly BulkRow[], file: string): BulkRow => {
  const row = rows.find((r) => r.file === file)
  if (!row) throw new Error(`no row for ${file}`)
  return row
}

async function newJob(): Promise<string> {
  const created = await service.create(ACCOUNT)
  if (!created.ok) throw new Error(created.error.message)
  return created.value.jobId
}

describe('bulk plan', () => {
  it('gives each file the state that says what applying would do', async () => {
    const jobId = await newJob()
    const added = await service.addFiles(jobId, [
      { name: 'photos/anna.berg.jpg', bytes: img('anna-new') },
      { name: 'photos/bob.stein.jpg', bytes: img('bob-new') },
      { name: 'photos/carl.wolf.jpg', bytes: img('carl-same') },
      { name: 'photos/nobody.jpg', bytes: img('x') },
      { name: 'photos/anna.jpg', bytes: img('which-anna') },
      { name: 'photos/dora.lind.jpg', bytes: img('dora-1') },
      { name: 'photos/DSC_0001.jpg', bytes: img('dora-2') },
      { name: 'photos/olga.owner.jpg', bytes: img('olga') },
      { name: 'photos/eve.roth.jpg', bytes: broken() },
      { name: 'photos/map.csv', bytes: new TextEncoder().encode('file,email\nphotos/DSC_0001.jpg,dora.lind@example.com\n') },
      { name: 'photos/.DS_Store', bytes: new Uint8Array([0, 1]) },
      { name: '__MACOSX/photos/._anna.berg.jpg', bytes: new Uint8Array([0, 1]) }
    ])
    expect(added.ok && added.value).toMatchObject({ mappings: ['photos/map.csv'], ignored: ['photos/.DS_Store', '__MACOSX/photos/._anna.berg.jpg'] })
    expect(added.ok && added.value.added).toHaveLength(9)

    const plan = await service.plan(jobId)
    if (!plan.ok) throw new Error(plan.error.message)
    const rows = plan.value.rows
    expect(byFile(rows, 'photos/anna.berg.jpg')).toMatchObject({ state: 'new', userId: 'u-anna', personName: 'Anna Berg', rule: 'email-local', approved: true })
    expect(byFile(rows, 'photos/bob.stein.jpg')).toMatchObject({ state: 'replace', userId: 'u-bob', approved: true, width: 800, height: 600 })
    expect(byFile(rows, 'photos/carl.wolf.jpg')).toMatchObject({ state: 'unchanged', userId: 'u-carl', approved: false })
    expect(byFile(rows, 'photos/nobody.jpg')).toMatchObject({ state: 'unmatched', approved: false })
    expect(byFile(rows, 'photos/nobody.jpg').userId).toBeUndefined()
    const ambiguous = byFile(rows, 'photos/anna.jpg')
    expect(ambiguous.state).toBe('ambiguous')
    expect(ambiguous.candidates?.map((c) => c.userId)).toEqual(['u-anna', 'u-anna2'])
    const dora1 = byFile(rows, 'photos/dora.lind.jpg')
    const dora2 = byFile(rows, 'photos/DSC_0001.jpg')
    expect(dora1).toMatchObject({ state: 'duplicate', userId: 'u-dora', duplicateOf: [dora2.rowId], approved: false })
    expect(dora2).toMatchObject({ state: 'duplicate', userId: 'u-dora', rule: 'mapping', duplicateOf: [dora1.rowId] })
    expect(byFile(rows, 'photos/olga.owner.jpg')).toMatchObject({
      state: 'refused',
      userId: 'u-olga',
      approved: false,
      problem: { code: 'portal/forbidden', message: 'Only Olga Owner can change this photo.' }
    })
    expect(byFile(rows, 'photos/eve.roth.jpg')).toMatchObject({ state: 'invalid', problem: { code: 'image/corrupt' }, approved: false })
    // The default crop: the centred square of the prepared 800×600 image.
    expect(byFile(rows, 'photos/bob.stein.jpg').crop).toEqual({ x: 0.125, y: 0, width: 0.75, height: 1 })

    expect(plan.value.job).toMatchObject({ phase: 'ready', interrupted: false })
    expect(plan.value.job.counts).toMatchObject({
      total: 9,
      approved: 2,
      byState: { new: 1, replace: 1, unchanged: 1, unmatched: 1, ambiguous: 1, duplicate: 2, refused: 1, invalid: 1 }
    })
    // Only people who have a photo and would get a new one are looked up.
    expect(portal.calls.currentPictureHash.sort()).toEqual(['u-bob', 'u-carl'])
    expect(portal.calls.prepare).toBe(9)
  })

  it('prepares each file once, however often the plan is built', async () => {
    const jobId = await newJob()
    await service.addFiles(jobId, [{ name: 'bob.stein.jpg', bytes: img('b') }])
    await service.plan(jobId)
    await service.plan(jobId)
    expect(portal.calls.prepare).toBe(1)
    const preview = await service.preview(jobId, 'r00001')
    expect(preview.ok && new TextDecoder().decode(preview.value.bytes)).toBe('prepared:img:800x600:b')
    const source = await service.source(jobId, 'r00001')
    expect(source.ok && source.value).toMatchObject({ name: 'bob.stein.jpg', bytes: img('b') })
    expect(portal.calls.prepare).toBe(1)
  })

  it('a reassignment resolves a duplicate and answers every row that changed', async () => {
    const jobId = await newJob()
    await service.addFiles(jobId, [
      { name: 'dora.lind.jpg', bytes: img('d1') },
      { name: 'dora.jpg', bytes: img('d2') },
      { name: 'anna.jpg', bytes: img('a') }
    ])
    const plan = await service.plan(jobId)
    if (!plan.ok) throw new Error(plan.error.message)
    expect(plan.value.rows.map((r) => r.state)).toEqual(['duplicate', 'duplicate', 'ambiguous'])

    const changed = await service.assign(jobId, 'r00002', 'u-eve')
    if (!changed.ok) throw new Error(changed.error.message)
    expect(changed.value.map((r) => [r.rowId, r.state, r.userId, r.rule])).toEqual([
      ['r00001', 'new', 'u-dora', 'email-local'],
      ['r00002', 'new', 'u-eve', 'manual']
    ])

    const anna = await service.assign(jobId, 'r00003', 'u-anna2')
    expect(anna.ok && anna.value).toEqual([expect.objectContaining({ rowId: 'r00003', state: 'new', userId: 'u-anna2', rule: 'manual', approved: true })])

    const nobody = await service.assign(jobId, 'r00003', null)
    expect(nobody.ok && nobody.value[0]).toMatchObject({ state: 'unmatched', rule: 'manual', approved: false })

    const unknown = await service.assign(jobId, 'r00003', 'u-ghost')
    expect(!unknown.ok && unknown.error.code).toBe('portal/not-found')
  })

  it('remembers reassignments, crops and approvals across a restart', async () => {
    const jobId = await newJob()
    await service.addFiles(jobId, [
      { name: 'bob.stein.jpg', bytes: img('b', 1000, 1000) },
      { name: 'dora.jpg', bytes: img('d') }
    ])
    await service.plan(jobId)
    await service.assign(jobId, 'r00002', 'u-eve')
    const crop = { x: 0.1, y: 0.2, width: 0.5, height: 0.5 }
    const cropped = await service.setCrop(jobId, 'r00001', crop)
    expect(cropped.ok && cropped.value.crop).toEqual(crop)
    await service.approve(jobId, ['r00002'], false)
    await service.dispose()

    const again = new BulkService({ dataDir: dir, ports: portal, events: new RecordingSink(), log: silentLogger })
    const current = await again.current(jobId)
    if (!current.ok) throw new Error(current.error.message)
    expect(current.value.rows[0]).toMatchObject({ crop, approved: true, state: 'replace' })
    expect(current.value.rows[1]).toMatchObject({ userId: 'u-eve', rule: 'manual', approved: false })
    const replanned = await again.plan(jobId)
    expect(replanned.ok && replanned.value.rows).toEqual(current.value.rows)
    const reset = await again.setCrop(jobId, 'r00001', null)
    expect(reset.ok && reset.value.crop).toEqual({ x: 0, y: 0, width: 1, height: 1 })
    const bad = await again.setCrop(jobId, 'r00001', { x: 0.8, y: 0, width: 0.5, height: 0.5 })
    expect(!bad.ok && bad.error.code).toBe('input/invalid')
    await again.dispose()
  })

  it('refuses files past the per-job limit with a typed error, adding none of them', async () => {
    const small = new BulkService({ dataDir: dir, ports: portal, events: new RecordingSink(), log: silentLogger, maxFiles: 3 })
    const created = await small.create(ACCOUNT)
    if (!created.ok) throw new Error('create')
    const jobId = created.value.jobId
    const first = await small.addFiles(jobId, [
      { name: 'a.jpg', bytes: img('a') },
      { name: 'b.jpg', bytes: img('b') },
      { name: 'list.csv', bytes: new TextEncoder().encode('file,email\n') }
    ])
    expect(first.ok).toBe(true)
    const tooMany = await small.addFiles(jobId, [
      { name: 'c.jpg', bytes: img('c') },
      { name: 'd.jpg', bytes: img('d') }
    ])
    expect(!tooMany.ok && tooMany.error).toMatchObject({ code: 'bulk/too-many-files', message: expect.stringContaining('at most 3 photos') })
    const plan = await small.current(jobId)
    expect(plan.ok && plan.value.rows.map((r) => r.file)).toEqual(['a.jpg', 'b.jpg'])
    // The same file dropped again is not a second row.
    const again = await small.addFiles(jobId, [{ name: 'a.jpg', bytes: img('a') }])
    expect(again.ok && again.value).toMatchObject({ added: [], ignored: ['a.jpg'] })
    await small.dispose()
  })

  it('refuses to apply files that are not in the plan yet', async () => {
    const jobId = await newJob()
    await service.addFiles(jobId, [{ name: 'bob.stein.jpg', bytes: img('b') }])
    expect(await service.apply(jobId)).toMatchObject({ ok: false, error: { code: 'input/invalid' } })
    await service.plan(jobId)
    await service.addFiles(jobId, [{ name: 'eve.roth.jpg', bytes: img('e') }])
    expect(await service.apply(jobId)).toMatchObject({ ok: false, error: { code: 'input/invalid' } })
    expect(portal.calls.replaceOne).toHaveLength(0)
  })

  it('answers a typed error for a job that does not exist', async () => {
    expect(await service.plan('zzzzzzzz-00000000')).toMatchObject({ ok: false, error: { code: 'bulk/unknown-job' } })
    expect(await service.plan('../../etc')).toMatchObject({ ok: false, error: { code: 'bulk/unknown-job' } })
  })
})
