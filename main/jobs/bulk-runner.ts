/**
 * Runs a bulk job's apply or undo through the work queue, one row per item, with the journal as the
 * record of truth:
 * - the start line is on disk before anything is sent for a row, and the result line is written
 *   through the port's `commit` while it still holds the person's lock, so no other write to that
 *   person can begin before the journal knows what happened;
 * - a row whose earlier attempt may have reached the portal (a start without a result after a kill,
 *   an uncertain failure, any retry) is checked with verifyApplied first, so no person is written twice;
 * - progress goes out as `bulk:progress`, rows batched to at most one event per interval (100 ms).
 */
import type { AppError, BulkJobPhase, BulkProgress, Person } from '../../preload/contract'
import type { Logger } from '../core/logger'
import { cropToPixels } from '../services/photo-crop'
import { plainError, type ApplyResultLine, type BulkEntry, type RunKind } from './bulk-entries'
import { isSendable, toBulkRow, type BulkJob, type RowModel } from './bulk-job'
import { effectiveCrop } from './bulk-plan'
import type { BulkEventSink, BulkPorts, MatchOutcome, PortResult } from './bulk-ports'
import type { Journal } from './journal'
import { WorkQueue, type WorkContext, type WorkQueueOptions, type WorkResult } from './queue'
import type { Spool } from './spool'

/** One job as this run of the app holds it. */
export interface JobRuntime {
  readonly job: BulkJob
  readonly journal: Journal
  readonly spool: Spool
  /** The people and matches the last plan was built from (rebuilt after a restart when needed). */
  context?: { readonly people: ReadonlyMap<string, Person>; readonly matches: ReadonlyMap<string, MatchOutcome> }
  readonly currentHash: Map<string, string | null>
  run?: Run
}

export interface Run {
  readonly kind: RunKind
  readonly queue: WorkQueue<string, void>
  readonly applying: Set<string>
  readonly undoing: Set<string>
  /** Settles when the run has ended and its end is journaled. */
  done: Promise<void>
  paused: boolean
  /** 'dispose': the app is closing; the job stays interrupted and resumes next time. */
  stopping?: 'cancel' | 'dispose'
}

export interface RunnerDeps {
  readonly ports: BulkPorts
  readonly events: BulkEventSink
  readonly log: Logger
  readonly now: () => Date
  readonly progressIntervalMs: number
  readonly queue?: Partial<Omit<WorkQueueOptions<string, void>, 'worker' | 'onStart' | 'onOutcome' | 'concurrency'>>
}

/**
 * Failures after which the photo may or may not have changed on the portal: verify before any
 * resend. Others (image, permission, 4xx, rate limit, cancelled before the switch) provably left it.
 */
const UNCERTAIN = new Set<AppError['code']>(['net/connection-lost', 'net/timeout', 'portal/server-error', 'portal/unexpected', 'app/internal'])

/** Appends durably, then updates the model: the model never knows more than the disk. */
export async function record(rt: JobRuntime, entries: readonly BulkEntry[]): Promise<void> {
  await rt.journal.appendMany(entries)
  for (const entry of entries) rt.job.apply(entry)
}

/** Rows an apply works on: sendable and not applied yet, plus any row still in doubt (verified only). */
export function applyItems(job: BulkJob): string[] {
  return [...job.rows.values()]
    .filter((row) => {
      if (row.apply.unresolved || (row.apply.result?.ok === false && row.apply.result.uncertain)) return true
      if (!isSendable(row) || row.apply.result?.ok === true) return false
      // The photo is on the portal already, only a later step failed: fix it in the single editor.
      return row.apply.result?.error.code !== 'photo/partly-applied'
    })
    .map((row) => row.file.rowId)
}

export function startRun(rt: JobRuntime, kind: RunKind, rowIds: readonly string[], concurrency: number | undefined, deps: RunnerDeps): Run {
  const at = (): string => deps.now().toISOString()
  const applying = new Set<string>()
  const undoing = new Set<string>()
  const skipped: string[] = []
  const throttle = new Throttle(deps.progressIntervalMs, (ids) => emit(ids))

  const emit = (ids: readonly string[], phase?: BulkJobPhase): void => {
    const stats = queue.stats()
    const activity = { applying, undoing }
    const rows = ids.flatMap((id) => {
      const row = rt.job.rows.get(id)
      return row ? [toBulkRow(row, activity)] : []
    })
    const progress: BulkProgress = {
      jobId: rt.job.jobId,
      phase: phase ?? (run.paused ? 'paused' : kind === 'apply' ? 'applying' : 'undoing'),
      done: stats.ok + stats.failed + stats.skipped,
      total: stats.total,
      failed: stats.failed,
      ...(stats.perMinute !== undefined ? { perMinute: stats.perMinute } : {}),
      ...(stats.secondsLeft !== undefined ? { secondsLeft: stats.secondsLeft } : {}),
      rows
    }
    deps.events.emit('bulk:progress', progress)
  }

  const guarded = async (rowId: string, work: (row: RowModel) => Promise<WorkResult<void>>): Promise<WorkResult<void>> => {
    const row = rt.job.rows.get(rowId)
    if (!row) return cancelled()
    const active = kind === 'apply' ? applying : undoing
    active.add(rowId)
    throttle.touch(rowId)
    try {
      return await work(row)
    } catch (e) {
      // The journal cannot be written (disk full, folder gone): without it the guarantees are gone, so stop.
      deps.log.error('bulk job stopped: journal write failed', { jobId: rt.job.jobId, rowId, error: e instanceof Error ? e.message : String(e) })
      run.stopping ??= 'cancel'
      queue.cancel()
      return { ok: false, error: { code: 'app/internal', message: 'The job record cannot be written, so the job stopped.' } }
    } finally {
      active.delete(rowId)
      throttle.touch(rowId)
    }
  }

  const applyRow = (row: RowModel, ctx: WorkContext): Promise<WorkResult<void>> =>
    guarded(row.file.rowId, async () => {
      const rowId = row.file.rowId
      const prepared = row.prepared?.ok ? row.prepared : undefined
      const lastFailure = row.apply.result?.ok === false ? row.apply.result : undefined
      const doubt =
        row.apply.unresolved ??
        (ctx.attempt > 1 || lastFailure?.uncertain ? { userId: lastFailure?.userId ?? row.plan?.userId ?? '', sha256: row.apply.sentSha256 ?? prepared?.sha256 ?? '' } : undefined)
      if (doubt && doubt.userId !== '' && doubt.sha256 !== '') {
        const check = await deps.ports.verifyApplied({ accountId: rt.job.accountId, userId: doubt.userId, sha256: doubt.sha256, signal: ctx.signal })
        if (!check.ok) {
          if (check.error.code !== 'app/cancelled') await record(rt, [failedLine(rowId, doubt.userId, check.error, true, at())])
          return check
        }
        if (check.value.applied) {
          const backupId = check.value.backupId ?? (row.apply.result?.ok === true ? row.apply.result.backupId : undefined)
          await record(rt, [{ t: 'apply-result', rowId, userId: doubt.userId, ok: true, verified: true, ...(backupId ? { backupId } : {}), at: at() }])
          return { ok: true, value: undefined }
        }
        if (!isSendable(row)) {
          await record(rt, [{ t: 'skipped', run: 'apply', rowIds: [rowId], notApplied: true, at: at() }])
          return cancelled()
        }
      }
      const userId = row.plan?.userId
      if (!prepared || userId === undefined || !isSendable(row)) return cancelled()
      const bytes = await rt.spool.read(prepared.spool, { sha256: prepared.sha256 })
      if (!bytes.ok) {
        await record(rt, [failedLine(rowId, userId, bytes.error, false, at())])
        return bytes
      }
      if (ctx.signal.aborted) return cancelled()
      await record(rt, [{ t: 'apply-start', rowId, userId, sha256: prepared.sha256, attempt: ctx.attempt, at: at() }])
      let committed = false
      const commit = async (outcome: PortResult<{ readonly backupId?: string }>): Promise<void> => {
        if (committed) return
        committed = true
        if (!outcome.ok && outcome.error.code === 'app/cancelled') {
          // Stopped at its safe point, before the portal switched photos: nothing is in doubt.
          await record(rt, [{ t: 'skipped', run: 'apply', rowIds: [rowId], notApplied: true, at: at() }])
          return
        }
        await record(rt, [
          outcome.ok
            ? { t: 'apply-result', rowId, userId, ok: true, ...(outcome.value.backupId ? { backupId: outcome.value.backupId } : {}), at: at() }
            : failedLine(rowId, userId, outcome.error, UNCERTAIN.has(outcome.error.code), at())
        ])
      }
      const crop = cropToPixels(effectiveCrop(row, prepared.width, prepared.height), prepared.width, prepared.height)
      let outcome: PortResult<{ readonly backupId?: string }>
      try {
        outcome = await deps.ports.replaceOne({
          accountId: rt.job.accountId,
          userId,
          jobId: rt.job.jobId,
          rowId,
          prepared: { bytes: bytes.value, mime: prepared.mime, width: prepared.width, height: prepared.height, sha256: prepared.sha256 },
          cropPixels: crop,
          signal: ctx.signal,
          commit
        })
      } catch (e) {
        outcome = { ok: false, error: { code: 'app/internal', message: 'Something went wrong in the app.', detail: e instanceof Error ? e.message : String(e) } }
      }
      await commit(outcome)
      return outcome.ok ? { ok: true, value: undefined } : outcome
    })

  const undoRow = (row: RowModel, ctx: WorkContext): Promise<WorkResult<void>> =>
    guarded(row.file.rowId, async () => {
      const rowId = row.file.rowId
      const applied = row.apply.result
      if (applied?.ok !== true) return cancelled()
      const userId = applied.userId
      const undoFailed = (error: AppError): Promise<void> => record(rt, [{ t: 'undo-result', rowId, ok: false, error: plainError(error), at: at() }])
      if (!applied.backupId) {
        const error: AppError = { code: 'photo/no-backup', message: 'No backup was recorded for this change, so it cannot be undone here.' }
        await undoFailed(error)
        return { ok: false, error }
      }
      const sha256 = row.apply.sentSha256 ?? (row.prepared?.ok ? row.prepared.sha256 : undefined)
      if ((row.undo.unresolved || ctx.attempt > 1) && sha256) {
        // An undo that may have happened already: if the photo is no longer ours, do not restore again.
        const check = await deps.ports.verifyApplied({ accountId: rt.job.accountId, userId, sha256, signal: ctx.signal })
        if (!check.ok) {
          if (check.error.code !== 'app/cancelled') await undoFailed(check.error)
          return check
        }
        if (!check.value.applied) {
          await record(rt, [{ t: 'undo-result', rowId, ok: true, verified: true, at: at() }])
          return { ok: true, value: undefined }
        }
      }
      if (ctx.signal.aborted) return cancelled()
      await record(rt, [{ t: 'undo-start', rowId, userId, backupId: applied.backupId, at: at() }])
      let outcome: PortResult<void>
      try {
        outcome = await deps.ports.restoreOne({ accountId: rt.job.accountId, userId, backupId: applied.backupId, signal: ctx.signal })
      } catch (e) {
        outcome = { ok: false, error: { code: 'app/internal', message: 'Something went wrong in the app.', detail: e instanceof Error ? e.message : String(e) } }
      }
      if (outcome.ok) await record(rt, [{ t: 'undo-result', rowId, ok: true, at: at() }])
      else if (outcome.error.code === 'app/cancelled') await record(rt, [{ t: 'skipped', run: 'undo', rowIds: [rowId], notApplied: true, at: at() }])
      else await undoFailed(outcome.error)
      return outcome
    })

  const queue = new WorkQueue<string, void>({
    ...deps.queue,
    concurrency,
    worker: (rowId, ctx) => {
      const row = rt.job.rows.get(rowId)
      if (!row) return Promise.resolve(cancelled())
      return kind === 'apply' ? applyRow(row, ctx) : undoRow(row, ctx)
    },
    onOutcome: (rowId, outcome) => {
      if (outcome.kind === 'skipped') skipped.push(rowId)
      throttle.touch(rowId)
    }
  })

  const finish = async (): Promise<void> => {
    const left = throttle.take()
    const stopping = run.stopping
    if (stopping !== 'dispose') {
      const phase: BulkJobPhase = stopping === 'cancel' ? 'cancelled' : 'finished'
      const lines: BulkEntry[] = []
      if (skipped.length > 0) lines.push({ t: 'skipped', run: kind, rowIds: skipped, at: at() })
      lines.push({ t: 'phase', phase, run: kind, at: at() })
      try {
        await record(rt, lines)
      } catch (e) {
        deps.log.error('bulk job: cannot record the end of the run', { jobId: rt.job.jobId, error: e instanceof Error ? e.message : String(e) })
      }
    }
    rt.run = undefined
    emit(left, rt.job.phase)
  }

  // Declared before the queue starts: the closures above read it once rows run.
  const run: Run = { kind, queue, applying, undoing, done: Promise.resolve(), paused: false }
  run.done = queue.run(rowIds).then(finish)
  return run
}

function failedLine(rowId: string, userId: string, error: AppError, uncertain: boolean, at: string): ApplyResultLine {
  return { t: 'apply-result', rowId, userId, ok: false, error: plainError(error), ...(uncertain ? { uncertain: true } : {}), at }
}

function cancelled(): WorkResult<never> {
  return { ok: false, error: { code: 'app/cancelled', message: 'Cancelled.' } }
}

/** Collects changed rows and sends them at most once per interval (the first change goes out at once). */
export class Throttle {
  readonly #intervalMs: number
  readonly #send: (ids: readonly string[]) => void
  readonly #dirty = new Set<string>()
  #timer: ReturnType<typeof setTimeout> | undefined
  #last = -Infinity

  constructor(intervalMs: number, send: (ids: readonly string[]) => void) {
    this.#intervalMs = intervalMs
    this.#send = send
  }

  touch(id: string): void {
    this.#dirty.add(id)
    if (this.#timer === undefined) this.#schedule()
  }

  #schedule(): void {
    const wait = this.#last + this.#intervalMs - performance.now()
    if (wait <= 0) {
      this.#timer = setTimeout(() => this.flush(), 0)
      return
    }
    // Node's timers count from the loop's cached clock, which lags behind a busy iteration: a timer
    // can fire a few ms early, so it checks the interval itself and waits out the rest.
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      this.#schedule()
    }, wait)
  }

  flush(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timer = undefined
    this.#last = performance.now()
    const ids = [...this.#dirty]
    this.#dirty.clear()
    this.#send(ids)
  }

  /** Stops the timer and hands over what was not sent yet. */
  take(): string[] {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timer = undefined
    const ids = [...this.#dirty]
    this.#dirty.clear()
    return ids
  }
}
