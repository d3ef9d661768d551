// 5,000 files, the most a job takes: building the plan and changing it must stay quick.
import { rm } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../testing/harness'
import { silentLogger } from '../core/logger'
import { BulkService } from './bulk-service'
import { ACCOUNT, FakePortal, img, person, RecordingSink } from './fixtures/fake-ports'

let dir: string

beforeEach(async () => {
  dir = await tempDir('dpm-bulk-scale-')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('bulk plan at 5,000 rows', () => {
  it('adds, plans, re-plans and lists 5,000 files quickly (timings printed)', { timeout: 120_000 }, async () => {
    const N = 5000
    const people = Array.from({ length: N }, (_, i) => person(`u${i}`, `First${i}`, `Last${i}`, { hasPhoto: i % 3 === 0 }))
    const portal = new FakePortal(people)
    for (let i = 0; i < N; i += 3) portal.givePhoto(`u${i}`, `old-${i}`)
    const service = new BulkService({ dataDir: dir, ports: portal, events: new RecordingSink(), log: silentLogger })
    const created = await service.create(ACCOUNT)
    if (!created.ok) throw new Error('create')
    const jobId = created.value.jobId
    const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
      const t0 = performance.now()
      const value = await fn()
      return [value, performance.now() - t0]
    }

    const [, addMs] = await time(async () => {
      for (let start = 0; start < N; start += 500) {
        const batch = people.slice(start, start + 500).map((p) => ({ name: `photos/${p.email.split('@')[0]}.jpg`, bytes: img(`pic-${p.id}`) }))
        const added = await service.addFiles(jobId, batch)
        if (!added.ok) throw new Error(added.error.message)
      }
    })
    const [plan, planMs] = await time(() => service.plan(jobId))
    if (!plan.ok) throw new Error(plan.error.message)
    const [again, replanMs] = await time(() => service.plan(jobId))
    const [assigned, assignMs] = await time(() => service.assign(jobId, 'r00010', 'u4999'))
    const [, listMs] = await time(() => service.jobs(ACCOUNT))
    await service.dispose()
    const fresh = new BulkService({ dataDir: dir, ports: portal, events: new RecordingSink(), log: silentLogger })
    const [reloaded, reloadMs] = await time(() => fresh.current(jobId))
    await fresh.dispose()

    console.info(
      `[bulk 5000] add ${addMs.toFixed(0)} ms, first plan ${planMs.toFixed(0)} ms (prepare + spool + journal), ` +
        `plan again ${replanMs.toFixed(0)} ms, one reassignment ${assignMs.toFixed(0)} ms, list jobs ${listMs.toFixed(0)} ms, ` +
        `reload after restart ${reloadMs.toFixed(0)} ms`
    )
    expect(plan.value.rows).toHaveLength(N)
    expect(plan.value.job.counts.byState).toMatchObject({ new: N - Math.ceil(N / 3), replace: Math.ceil(N / 3) })
    expect(again.ok && again.value.rows).toEqual(plan.value.rows)
    // u4999 now has two files: both become duplicates; nothing else changes.
    expect(assigned.ok && assigned.value.map((r) => [r.rowId, r.state])).toEqual([
      ['r00010', 'duplicate'],
      ['r05000', 'duplicate']
    ])
    expect(reloaded.ok && reloaded.value.rows.length).toBe(N)
    expect(portal.calls.prepare).toBe(N)
  })
})
