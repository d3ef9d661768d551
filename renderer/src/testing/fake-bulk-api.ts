/**
 * A fake BulkApi for renderer tests: answers shaped like main's, a small matcher (file name =
 * email name or "first-last"), and a queue the test drives: `step()` finishes rows of a running
 * apply or undo and sends the progress event main would. Every call is recorded.
 */
import type { BulkJobPhase, BulkJobSummary, BulkPlan, BulkProgress, BulkRow, BulkRowState, Person, Result } from '../../../preload/contract'
import type { BulkAddResult, BulkApi, BulkFile } from '../bulk/bulk-api'
import { countRows, isSendable, STATES } from '../bulk/bulk-rows'
import { fail, ok } from './fake-app-api'

export interface FakeBulkApi extends BulkApi {
  readonly calls: string[]
  readonly args: Record<string, unknown[]>
  /** File names of each addFiles call, in order. */
  readonly batches: string[][]
  rowsOf(jobId: string): BulkRow[]
  emitProgress(progress: BulkProgress): void
  /** Finishes the next `n` rows of the running apply or undo and emits one progress event. */
  step(n?: number, options?: { fail?: boolean }): void
}

interface Job {
  summary: BulkJobSummary
  files: string[]
  rows: Map<string, BulkRow>
  queue: string[]
  total: number
  done: number
  failed: number
}

const IMAGE = /\.(jpe?g|png|webp|gif|heic|heif|tiff?|avif)$/i

export function createFakeBulkApi(options: { people?: readonly Person[]; jobs?: readonly BulkJobSummary[]; plans?: Record<string, readonly BulkRow[]>; overrides?: Partial<BulkApi> } = {}): FakeBulkApi {
  const people = options.people ?? []
  const jobs = new Map<string, Job>()
  for (const summary of options.jobs ?? []) {
    const rows = new Map((options.plans?.[summary.jobId] ?? []).map((r) => [r.rowId, r]))
    jobs.set(summary.jobId, { summary, files: [], rows, queue: [], total: 0, done: 0, failed: 0 })
  }
  const listeners = new Set<(p: BulkProgress) => void>()
  const calls: string[] = []
  const args: Record<string, unknown[]> = {}
  const batches: string[][] = []
  let nextJob = 1
  const record = <A, R>(name: string, fn: (a: A) => R) => (a: A): R => {
    calls.push(name)
    ;(args[name] ??= []).push(a)
    return fn(a)
  }
  const find = (jobId: string): Job | null => jobs.get(jobId) ?? null
  const summarize = (job: Job, phase: BulkJobPhase = job.summary.phase): BulkJobSummary => {
    const c = countRows(job.rows.values())
    job.summary = { ...job.summary, phase, counts: { total: c.total, byState: c.byState, approved: c.toApply, ok: c.ok, failed: c.failed, skipped: c.skipped } }
    return job.summary
  }
  const planOf = (job: Job): BulkPlan => ({ job: summarize(job), rows: [...job.rows.values()] })
  const emit = (p: BulkProgress): void => {
    for (const l of listeners) l(p)
  }
  /** Sets rows and returns those that changed. */
  const change = (job: Job, next: readonly BulkRow[]): BulkRow[] => {
    const changed = next.filter((r) => job.rows.get(r.rowId) !== r)
    for (const r of changed) job.rows.set(r.rowId, r)
    return changed
  }

  function match(rowId: string, file: string): BulkRow {
    const base = file.split('/').pop() ?? file
    const stem = base.replace(/\.[^.]+$/, '').toLowerCase()
    const row = { rowId, file, byteLength: 10, approved: false, result: 'pending' as const }
    if (!IMAGE.test(base)) return { ...row, state: 'invalid', problem: { code: 'image/unsupported', message: 'Not an image.' } }
    const byEmail = people.filter((p) => p.email.split('@')[0]?.toLowerCase() === stem)
    const byName = people.filter((p) => p.displayName.toLowerCase().replace(/\s+/g, '-') === stem)
    const fits = byEmail.length > 0 ? byEmail : byName
    if (fits.length === 0) return { ...row, state: 'unmatched' }
    if (fits.length > 1) {
      const candidates = fits.map((p) => ({ userId: p.id, displayName: p.displayName, email: p.email, department: p.department }))
      return { ...row, state: 'ambiguous', candidates }
    }
    return person({ ...row, state: 'unmatched' }, fits[0] as Person, byEmail.length > 0 ? 'email-local' : 'first-last')
  }

  function person(row: BulkRow, p: Person, rule: BulkRow['rule']): BulkRow {
    const state: BulkRowState = !p.canEditPhoto ? 'refused' : p.hasPhoto ? 'replace' : 'new'
    const problem = state === 'refused' ? { problem: { code: 'portal/forbidden' as const, message: 'Only they may change it.' } } : {}
    const { candidates: _c, duplicateOf: _d, problem: _p, ...rest } = row
    return { ...rest, state, userId: p.id, personName: p.displayName, rule, crop: { x: 0, y: 0, width: 1, height: 1 }, width: 800, height: 800, approved: state !== 'refused', ...problem }
  }

  /** Files matched to the same person are duplicates of each other (and stop being so when one leaves). */
  function withDuplicates(rows: readonly BulkRow[]): BulkRow[] {
    const byUser = new Map<string, string[]>()
    for (const r of rows) if (r.userId && (isSendable(r) || r.state === 'duplicate')) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r.rowId])
    return rows.map((r) => {
      const same = r.userId ? (byUser.get(r.userId) ?? []) : []
      if (same.length > 1) return r.state === 'duplicate' && r.duplicateOf?.length === same.length - 1 ? r : { ...r, state: 'duplicate', approved: false, duplicateOf: same.filter((id) => id !== r.rowId) }
      if (r.state === 'duplicate') {
        const p = people.find((x) => x.id === r.userId)
        return p ? person(r, p, r.rule) : r
      }
      return r
    })
  }

  const api: BulkApi = {
    create: record('bulk.create', async ({ accountId }): Promise<Result<BulkJobSummary>> => {
      const jobId = `job-${nextJob++}`
      const counts = { total: 0, byState: Object.fromEntries(STATES.map((s) => [s, 0])) as BulkJobSummary['counts']['byState'], approved: 0, ok: 0, failed: 0, skipped: 0 }
      const summary: BulkJobSummary = { jobId, accountId, createdAt: '2026-12-01T09:00:00.000Z', phase: 'adding', counts, interrupted: false }
      jobs.set(jobId, { summary, files: [], rows: new Map(), queue: [], total: 0, done: 0, failed: 0 })
      return ok(summary)
    }),
    addFiles: record('bulk.addFiles', async ({ jobId, files }: { jobId: string; files: readonly BulkFile[] }): Promise<Result<BulkAddResult>> => {
      const job = find(jobId)
      if (!job) return fail('portal/not-found')
      const names = files.map((f) => f.name)
      batches.push(names)
      const ignored: string[] = []
      const fresh: string[] = []
      for (const name of names) (job.files.includes(name) || fresh.includes(name) ? ignored : fresh).push(name)
      job.files.push(...fresh)
      const mappings = fresh.filter((name) => /\.csv$/i.test(name))
      const images = job.files.filter((name) => !/\.csv$/i.test(name))
      const added = fresh
        .filter((name) => !mappings.includes(name))
        .map((name): BulkRow => ({ rowId: `r${images.indexOf(name) + 1}`, file: name, byteLength: 10, state: 'unmatched', approved: false, result: 'pending' }))
      return ok({ added, mappings, ignored })
    }),
    plan: record('bulk.plan', async ({ jobId }) => {
      const job = find(jobId)
      if (!job) return fail('portal/not-found')
      if (job.rows.size === 0) {
        const rows = job.files.filter((f) => !/\.csv$/i.test(f)).map((f, i) => match(`r${i + 1}`, f))
        for (const r of withDuplicates(rows)) job.rows.set(r.rowId, r)
      }
      if (job.summary.phase === 'adding' || job.summary.phase === 'planning') job.summary = { ...job.summary, phase: 'ready' }
      return ok(planOf(job))
    }),
    current: record('bulk.current', async ({ jobId }) => {
      const job = find(jobId)
      return job ? ok(planOf(job)) : fail('portal/not-found')
    }),
    assign: record('bulk.assign', async ({ jobId, rowId, userId }) => {
      const job = find(jobId)
      const row = job?.rows.get(rowId)
      if (!job || !row) return fail('portal/not-found')
      const p = userId === null ? null : people.find((x) => x.id === userId)
      if (userId !== null && !p) return fail('portal/not-found')
      const { userId: _u, personName: _n, rule: _r, candidates: _c, duplicateOf: _d, ...bare } = row
      const next = p ? person(row, p, 'manual') : { ...bare, state: 'unmatched' as const, approved: false }
      const all = withDuplicates([...job.rows.values()].map((r) => (r.rowId === rowId ? next : r)))
      return ok(change(job, all))
    }),
    setCrop: record('bulk.setCrop', async ({ jobId, rowId, crop }) => {
      const job = find(jobId)
      const row = job?.rows.get(rowId)
      if (!job || !row) return fail('portal/not-found')
      const { crop: _old, ...rest } = row
      return ok(change(job, [crop === null ? rest : { ...rest, crop }])[0] ?? row)
    }),
    turn: record('bulk.turn', async ({ jobId, rowId }) => {
      const job = find(jobId)
      const row = job?.rows.get(rowId)
      if (!job || !row?.uprightTurns) return fail('input/invalid')
      const { uprightTurns: _turns, crop: _crop, ...rest } = row
      return ok(change(job, [{ ...rest, faceWarnings: (row.faceWarnings ?? []).filter((w) => w !== 'not-upright') }])[0] ?? row)
    }),
    approve: record('bulk.approve', async ({ jobId, rowIds, approved }) => {
      const job = find(jobId)
      if (!job) return fail('portal/not-found')
      const next = rowIds.map((id) => job.rows.get(id)).filter((r): r is BulkRow => r !== undefined && isSendable(r)).map((r) => ({ ...r, approved }))
      return ok(change(job, next))
    }),
    preview: record('bulk.preview', async () => ok({ bytes: new Uint8Array([255, 216, 255, 219]), mime: 'image/jpeg', width: 800, height: 800 })),
    apply: record('bulk.apply', async ({ jobId }) => {
      const job = find(jobId)
      if (!job) return fail('portal/not-found')
      job.queue = [...job.rows.values()].filter((r) => isSendable(r) && r.approved).map((r) => r.rowId)
      Object.assign(job, { total: job.queue.length, done: 0, failed: 0 })
      return ok(summarize(job, 'applying'))
    }),
    pause: record('bulk.pause', async ({ jobId }) => (find(jobId) ? ok(summarize(find(jobId) as Job, 'paused')) : fail('portal/not-found'))),
    resume: record('bulk.resume', async ({ jobId }) => {
      const job = find(jobId)
      if (!job) return fail('portal/not-found')
      if (job.queue.length === 0 && job.total === 0) {
        job.queue = [...job.rows.values()].filter((r) => isSendable(r) && r.approved && r.result === 'pending').map((r) => r.rowId)
        Object.assign(job, { total: job.queue.length, done: 0, failed: 0 })
      }
      job.summary = { ...job.summary, interrupted: false }
      return ok(summarize(job, 'applying'))
    }),
    cancel: record('bulk.cancel', async ({ jobId }) => {
      const job = find(jobId)
      if (!job) return fail('portal/not-found')
      const skipped = change(job, job.queue.map((id) => ({ ...(job.rows.get(id) as BulkRow), result: 'skipped' as const })))
      job.queue = []
      const summary = summarize(job, 'cancelled')
      emit({ jobId, phase: 'cancelled', done: job.done, total: job.total, failed: job.failed, rows: skipped })
      return ok(summary)
    }),
    undo: record('bulk.undo', async ({ jobId, rowIds }) => {
      const job = find(jobId)
      if (!job) return fail('portal/not-found')
      job.queue = [...job.rows.values()].filter((r) => r.result === 'ok' && !r.undone && (rowIds === undefined || rowIds.includes(r.rowId))).map((r) => r.rowId)
      Object.assign(job, { total: job.queue.length, done: 0, failed: 0 })
      return ok(summarize(job, 'undoing'))
    }),
    jobs: record('bulk.jobs', async ({ accountId }) => ok([...jobs.values()].map((j) => j.summary).filter((s) => s.accountId === accountId))),
    discard: record('bulk.discard', async ({ jobId }) => (jobs.delete(jobId) ? ok({ discarded: true as const }) : fail('portal/not-found'))),
    exportCsv: record('bulk.exportCsv', async ({ jobId, kind }) => {
      const job = find(jobId)
      if (!job) return fail('portal/not-found')
      const lines = [...job.rows.values()].map((r) => [r.file, r.personName ?? '', r.state, r.result].join(','))
      return ok({ csv: ['file,person,state,result', ...lines].join('\n'), fileName: `bulk-${kind}-${jobId}.csv` })
    }),
    onProgress: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    ...options.overrides
  }

  function step(n = 1, stepOptions: { fail?: boolean } = {}): void {
    const job = [...jobs.values()].find((j) => j.summary.phase === 'applying' || j.summary.phase === 'undoing')
    if (!job) throw new Error('No job is running')
    const undoing = job.summary.phase === 'undoing'
    const changed = job.queue.splice(0, n).map((id): BulkRow => {
      const r = job.rows.get(id) as BulkRow
      if (undoing) return { ...r, undone: true }
      return stepOptions.fail ? { ...r, result: 'failed', resultError: { code: 'net/connection-lost', message: 'reset' } } : { ...r, result: 'ok' }
    })
    change(job, changed)
    job.done += changed.length
    if (stepOptions.fail) job.failed += changed.length
    const phase: BulkJobPhase = job.queue.length === 0 ? 'finished' : job.summary.phase
    summarize(job, phase)
    const left = job.total - job.done
    emit({ jobId: job.summary.jobId, phase, done: job.done, total: job.total, failed: job.failed, perMinute: 30, secondsLeft: left * 2, rows: changed })
  }

  return { ...api, calls, args, batches, rowsOf: (jobId) => [...(jobs.get(jobId)?.rows.values() ?? [])], emitProgress: emit, step }
}
