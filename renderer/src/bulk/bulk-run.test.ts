import { afterEach, describe, expect, it } from 'vitest'
import type { BulkJobSummary, BulkRow } from '../../../preload/contract'
import { mountBulkApp, type BulkApp } from '../testing/bulk-app'
import { photo } from '../testing/fake-entries'
import { settle } from '../testing/mount-app'
import { byTestId, click } from '../testing/dom'
import { useBulkStore } from './bulk-store'
import { takePicked } from './file-intake'

let app: BulkApp | null = null
afterEach(() => {
  app?.unmount()
  app = null
})

async function planned(): Promise<BulkApp> {
  app = await mountBulkApp()
  // Three files for three people, picked in the "Import photos…" folder picker.
  const input = byTestId('bulk-folder-input') as HTMLInputElement
  const picked = [photo('anna.berg.jpg'), photo('jo.png'), photo('ola.nord.jpg')]
  picked.forEach((f) => Object.defineProperty(f, 'webkitRelativePath', { value: `team/${f.name}` }))
  Object.defineProperty(input, 'files', { value: picked, configurable: true })
  input.dispatchEvent(new Event('change'))
  await settle(40)
  return app
}

const text = (id: string) => byTestId(id)?.textContent?.trim()
const result = (a: BulkApp, file: string) => a.planRow(file).querySelector('[data-testid="bulk-row-result"]')?.textContent

describe('bulk import: applying and undoing', () => {
  it('applies with live progress from main, row by row, then sums up', async () => {
    const a = await planned()
    expect(a.bulk.batches).toEqual([['team/anna.berg.jpg', 'team/jo.png', 'team/ola.nord.jpg']])
    await click(byTestId('bulk-apply'))
    expect(a.bulk.calls).toContain('bulk.apply')
    expect(text('bulk-progress-text')).toBe('Applying 0 of 3')

    a.bulk.step(1)
    await settle(5)
    expect(text('bulk-progress-text')).toBe('Applying 1 of 3')
    expect(text('bulk-progress-details')).toBe('30 per minute · about 4 seconds left')
    expect(result(a, 'anna.berg.jpg')).toBe('Done')
    expect(result(a, 'jo.png')).toBe('Waiting')
    expect(byTestId('bulk-live')?.textContent).toBe('0 of 3 done, 0 failed.')

    a.bulk.step(1, { fail: true })
    await settle(5)
    expect(result(a, 'jo.png')).toBe('Failed')
    expect(a.planRow('jo.png').querySelector('[data-testid="bulk-row-reason"]')?.textContent).toBe('The connection to hr.example.com was lost; Jo Kim still has no photo.')

    a.bulk.step(1)
    await settle(10)
    expect(byTestId('bulk-progress')).toBeNull()
    expect(text('bulk-summary-text')).toBe('2 changed, 1 failed, 0 skipped.')
    // The changed people are read again, so the list shows their new photos.
    expect(a.api.args['people.get']).toEqual([
      { accountId: 'acc-1', userId: 'u-00001' },
      { accountId: 'acc-1', userId: 'u-00007' }
    ])
    await click(byTestId('bulk-export-report'))
    expect(a.downloads.map((d) => d.fileName)).toEqual(['bulk-report-job-1.csv'])
  })

  it('pauses, resumes and cancels through main', async () => {
    const a = await planned()
    await click(byTestId('bulk-apply'))
    await click(byTestId('bulk-pause'))
    expect(text('bulk-progress-text')).toBe('Paused at 0 of 3')
    await click(byTestId('bulk-resume'))
    expect(text('bulk-progress-text')).toBe('Applying 0 of 3')
    a.bulk.step(1)
    await settle(5)
    await click(byTestId('bulk-cancel'))
    expect(a.bulk.calls.filter((c) => ['bulk.pause', 'bulk.resume', 'bulk.cancel'].includes(c))).toEqual(['bulk.pause', 'bulk.resume', 'bulk.cancel'])
    expect(text('bulk-summary-text')).toBe('Cancelled: 1 changed before you stopped, 0 failed.')
    expect(result(a, 'jo.png')).toBe('Skipped')
  })

  it('changes as many people at once as the user picks (4 unless told), a paused job goes on at its pace, and the choice is remembered', async () => {
    localStorage.removeItem('docspace-photos.bulk-concurrency')
    let a = await planned()
    const select = () => byTestId('bulk-concurrency') as HTMLSelectElement
    expect(select().value).toBe('4')
    expect([...select().options].map((o) => o.value)).toEqual(['1', '2', '4', '8', '12', '15'])
    select().value = '12'
    select().dispatchEvent(new Event('change'))
    await settle(2)
    await click(byTestId('bulk-apply'))
    await click(byTestId('bulk-pause'))
    await click(byTestId('bulk-resume'))
    expect(a.bulk.args['bulk.apply']).toEqual([{ jobId: expect.any(String), concurrency: 12 }])
    const { jobId } = a.bulk.args['bulk.apply']?.[0] as { jobId: string }
    expect(a.bulk.args['bulk.resume']).toEqual([{ jobId }])
    a.unmount()
    a = app = await planned()
    expect(select().value).toBe('12')
    localStorage.removeItem('docspace-photos.bulk-concurrency')
  })

  it('undoes the whole job with its own progress, or only the selected rows', async () => {
    const a = await planned()
    await click(byTestId('bulk-apply'))
    a.bulk.step(3)
    await settle(10)

    a.planRow('jo.png').click()
    await settle(3)
    await click(byTestId('bulk-undo-selected'))
    expect(a.bulk.args['bulk.undo']?.[0]).toEqual({ jobId: 'job-1', rowIds: ['r2'] })
    expect(text('bulk-progress-text')).toBe('Undoing 0 of 1')
    a.bulk.step(1)
    await settle(10)
    expect(text('bulk-summary-undone')).toBe('1 photo put back.')
    expect(result(a, 'jo.png')).toBe('Put back')

    await click(byTestId('bulk-undo-job'))
    expect(a.bulk.args['bulk.undo']?.[1]).toEqual({ jobId: 'job-1' })
    expect(text('bulk-progress-text')).toBe('Undoing 0 of 2')
    a.bulk.step(2)
    await settle(10)
    expect(text('bulk-summary-undone')).toBe('3 photos put back.')
    expect(byTestId('bulk-undo-job')).toBeNull()
  })

  it('a job that ends (by its events) before apply answers stays ended', async () => {
    const a = await planned()
    const apply = a.bulk.apply
    a.bulk.apply = async (arg) => {
      const answer = await apply(arg)
      a.bulk.step(3)
      return answer
    }
    await click(byTestId('bulk-apply'))
    expect(byTestId('bulk-plan')?.dataset.stage).toBe('finished')
    expect(text('bulk-summary-text')).toBe('3 changed, 0 failed, 0 skipped.')
  })

  it('hides the panel while applying and brings it back with the progress', async () => {
    const a = await planned()
    await click(byTestId('bulk-apply'))
    a.bulk.step(1)
    await click(byTestId('bulk-hide'))
    expect(byTestId('bulk-plan')).toBeNull()
    expect(text('bulk-show')).toBe('Import: 1 of 3')
    await click(byTestId('bulk-show'))
    expect(byTestId('bulk-plan')?.dataset.stage).toBe('applying')
  })
})

describe('bulk import: a job that stopped midway', () => {
  const rows: BulkRow[] = [
    { rowId: 'r1', file: 'anna.berg.jpg', byteLength: 10, state: 'replace', userId: 'u-00001', personName: 'Anna Berg', rule: 'email-local', approved: true, result: 'ok' },
    { rowId: 'r2', file: 'jo.png', byteLength: 10, state: 'new', userId: 'u-00002', personName: 'Jo Kim', rule: 'email-local', approved: true, result: 'pending' }
  ]
  const stopped: BulkJobSummary = {
    jobId: 'job-old',
    accountId: 'acc-1',
    createdAt: '2026-11-30T16:05:00.000Z',
    phase: 'applying',
    interrupted: true,
    counts: { total: 2, byState: { new: 1, replace: 1, unchanged: 0, unmatched: 0, ambiguous: 0, duplicate: 0, refused: 0, invalid: 0 }, approved: 2, ok: 1, failed: 0, skipped: 0 }
  }

  it('is offered on start, and Resume carries on from where it stopped', async () => {
    const a = (app = await mountBulkApp({ jobs: [stopped], plans: { 'job-old': rows } }))
    expect(byTestId('bulk-resume')?.textContent).toContain('stopped after 1 of 2 changes')
    await click(byTestId('bulk-resume-go'))
    expect(a.bulk.calls.filter((c) => c !== 'bulk.preview')).toEqual(['bulk.jobs', 'bulk.current', 'bulk.resume'])
    // A new run after the app stopped: at the pace chosen beside Apply (4 unless chosen).
    expect(a.bulk.args['bulk.resume']).toEqual([{ jobId: 'job-old', concurrency: 4 }])
    expect(byTestId('bulk-resume')).toBeNull()
    expect(text('bulk-progress-text')).toBe('Applying 1 of 2')
    expect(result(a, 'anna.berg.jpg')).toBe('Done')
  })

  it('can be discarded instead', async () => {
    const a = (app = await mountBulkApp({ jobs: [stopped], plans: { 'job-old': rows } }))
    await click(byTestId('bulk-resume-discard'))
    expect(a.bulk.args['bulk.discard']).toEqual([{ jobId: 'job-old' }])
    expect(byTestId('bulk-resume')).toBeNull()
    expect(byTestId('bulk-plan')).toBeNull()
  })
})

describe('bulk import: the store under load', () => {
  it('5,000 rows: an event touches only its rows, and previews load 3 at a time', async () => {
    const a = (app = await mountBulkApp())
    const bulk = useBulkStore()
    const files = Array.from({ length: 5000 }, (_, i) => photo(i % 2 === 0 ? `anna.berg-${i}.jpg` : `x${i}.jpg`, 1))
    await bulk.startImport(takePicked(files), 'acc-1')
    await settle(20)
    expect(a.bulk.batches).toHaveLength(625)
    expect(bulk.counts.total).toBe(5000)
    expect(a.planRows().length).toBeLessThan(30)
    const untouched = bulk.row('r2')
    const before = bulk.row('r1') as BulkRow
    a.bulk.emitProgress({ jobId: 'job-1', phase: 'ready', done: 0, total: 0, failed: 0, rows: [{ ...before, state: 'duplicate' }] })
    expect(bulk.row('r2')).toBe(untouched)
    expect(bulk.counts.byState.duplicate).toBe(1)
    expect(bulk.previews.peakConcurrency).toBeLessThanOrEqual(3)
  })
})
