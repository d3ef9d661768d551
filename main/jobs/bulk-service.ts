/**
 * Bulk import: HR drops up to 5,000 photos; the service keeps them in the job's spool, matches them
 * to people, shows a plan, applies it as a queue with the single replace's guarantees (through the
 * replaceOne port), and can undo the whole job. Every step is in the job's journal, so a job survives
 * a restart, and an interrupted apply resumes without writing anyone twice (bulk-runner.ts).
 *
 *   <dataDir>/jobs/<jobId>/journal.jsonl   what happened, one fsync'd JSON line per event
 *   <dataDir>/jobs/<jobId>/files/<rowId>   the dropped file, as it came
 *   <dataDir>/jobs/<jobId>/files/<rowId>.prepared   the upload-ready image (so apply does not prepare again)
 */
import { randomBytes } from 'node:crypto'
import type { AppError, BulkAddResult, BulkJobSummary, BulkPlan, BulkRow, CropFraction, FramingPreset, Result } from '../../preload/contract'
import type { Logger } from '../core/logger'
import { reportCsv, planCsv, type CsvExport } from './bulk-csv'
import { cropSchema, type BulkEntry, type FileLine } from './bulk-entries'
import { isUndoable, jobError, MAX_JOB_FILES, toBulkRow } from './bulk-job'
import { BulkPlanner } from './bulk-planner'
import type { BulkEventSink, BulkPorts } from './bulk-ports'
import { applyItems, record, startRun, type JobRuntime, type RunnerDeps } from './bulk-runner'
import { BulkJobStore } from './bulk-store'
import { sha256Hex } from './spool'

export { JOBS_DIR } from './bulk-store'

/** System files that ride along in dropped folders and ZIPs; never photos. */
const JUNK = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini|\._[^/]*)$|(^|\/)__MACOSX\//i

export interface BulkServiceOptions {
  readonly dataDir: string
  readonly ports: BulkPorts
  readonly events: BulkEventSink
  readonly log: Logger
  readonly now?: () => Date
  /** Images prepared at once while planning (CPU-bound). Default 2. */
  readonly prepareConcurrency?: number
  /** Stored-picture lookups at once while planning. Default 4. */
  readonly lookupConcurrency?: number
  /** Progress events at most this often. Default 100 ms (10 a second). */
  readonly progressIntervalMs?: number
  /** Retry and backoff settings of the apply/undo queue (tests shorten them). */
  readonly queue?: RunnerDeps['queue']
  readonly maxFiles?: number
}

export interface AddedFile {
  /** Path inside the drop, '/'-separated. */
  readonly name: string
  readonly bytes: Uint8Array
}

/** Four updates a second keep the bar and each row's result live without redrawing the page for every person done. */
const PROGRESS_INTERVAL_MS = 250

export class BulkService {
  readonly #ports: BulkPorts
  readonly #log: Logger
  readonly #now: () => Date
  readonly #deps: RunnerDeps
  readonly #maxFiles: number
  readonly #store: BulkJobStore
  readonly #planner: BulkPlanner

  constructor(options: BulkServiceOptions) {
    this.#ports = options.ports
    this.#log = options.log
    this.#now = options.now ?? (() => new Date())
    this.#store = new BulkJobStore({ dataDir: options.dataDir, log: options.log })
    this.#planner = new BulkPlanner({
      ports: options.ports,
      events: options.events,
      log: options.log,
      progressIntervalMs: options.progressIntervalMs ?? PROGRESS_INTERVAL_MS,
      prepareConcurrency: options.prepareConcurrency ?? 2,
      lookupConcurrency: options.lookupConcurrency ?? 4
    })
    this.#maxFiles = options.maxFiles ?? MAX_JOB_FILES
    this.#deps = {
      ports: options.ports,
      events: options.events,
      log: options.log,
      now: this.#now,
      progressIntervalMs: options.progressIntervalMs ?? PROGRESS_INTERVAL_MS,
      ...(options.queue ? { queue: options.queue } : {})
    }
  }

  async create(accountId: string, framingPreset?: FramingPreset): Promise<Result<BulkJobSummary>> {
    const account = await this.#ports.account(accountId)
    if (!account.ok) return account
    const jobId = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`
    const at = this.#at()
    const created = { t: 'created' as const, v: 1 as const, jobId, accountId, portalUrl: account.value.portalUrl, actor: account.value.actor, createdAt: at, ...(framingPreset ? { framingPreset } : {}) }
    const rt = await this.#store.create(created, at)
    this.#log.info('bulk job created', { jobId })
    return { ok: true, value: summaryOf(rt) }
  }

  /** Spools and journals the files; `.csv` files are kept as mapping files. All or nothing past the limit. */
  addFiles(jobId: string, files: readonly AddedFile[]): Promise<Result<BulkAddResult>> {
    return this.#store.exclusive(jobId, async (rt) => {
      if (rt.run) return busy()
      const known = new Set([...[...rt.job.rows.values()].map((r) => r.file), ...rt.job.mappings].map((f) => `${f.name}\n${f.sha256}`))
      const ignored: string[] = []
      const accepted: { file: AddedFile; sha256: string; kind: FileLine['kind'] }[] = []
      for (const file of files) {
        const sha256 = sha256Hex(file.bytes)
        const key = `${file.name}\n${sha256}`
        if (JUNK.test(file.name) || known.has(key)) {
          ignored.push(file.name)
          continue
        }
        known.add(key)
        accepted.push({ file, sha256, kind: /\.csv$/i.test(file.name) ? 'mapping' : 'image' })
      }
      const images = accepted.filter((a) => a.kind === 'image').length
      if (rt.job.imageCount + images > this.#maxFiles) {
        return jobError(
          'bulk/too-many-files',
          `An import takes at most ${this.#maxFiles.toLocaleString('en')} photos; this would make ${(rt.job.imageCount + images).toLocaleString('en')}.`,
          String(rt.job.imageCount + images)
        )
      }
      const lines: BulkEntry[] = []
      for (const { file, sha256, kind } of accepted) {
        const rowId = rt.job.nextRowId()
        // One file at a time, written as it comes: 5,000 photos are never all in memory on our side.
        const spooled = await rt.spool.write(rowId, file.bytes)
        lines.push({ t: 'file', rowId, kind, name: file.name, byteLength: spooled.byteLength, sha256, spool: spooled.path, at: this.#at() })
      }
      if (lines.length > 0 && rt.job.phase !== 'adding') lines.push({ t: 'phase', phase: 'adding', at: this.#at() })
      await record(rt, lines)
      const added = lines.flatMap((l) => (l.t === 'file' && l.kind === 'image' ? [toBulkRow(rt.job.rows.get(l.rowId) ?? never())] : []))
      const mappings = lines.flatMap((l) => (l.t === 'file' && l.kind === 'mapping' ? [l.name] : []))
      return { ok: true, value: { added, mappings, ignored } }
    })
  }

  /** Matches, prepares what is not prepared yet, compares with current pictures: the whole plan. */
  plan(jobId: string): Promise<Result<BulkPlan>> {
    return this.#store.exclusive(jobId, async (rt) => {
      if (rt.run) return busy()
      const before = rt.job.phase
      await record(rt, [{ t: 'phase', phase: 'planning', at: this.#at() }])
      const context = await this.#planner.context(rt, true)
      if (!context.ok) {
        await record(rt, [{ t: 'phase', phase: before === 'planning' ? 'adding' : before, at: this.#at() }])
        return context
      }
      await this.#planner.prepareMissing(rt)
      await this.#planner.replan(rt)
      await record(rt, [{ t: 'phase', phase: 'ready', at: this.#at() }])
      return { ok: true, value: planOf(rt) }
    })
  }

  /** The plan as last computed (reopening a job, also after a restart), without asking the portal. */
  current(jobId: string): Promise<Result<BulkPlan>> {
    return this.#store.withJob(jobId, async (rt) => ({ ok: true, value: planOf(rt) }))
  }

  /** Who ran the job, where (the job's first journal line). */
  async header(jobId: string): Promise<{ readonly accountId: string; readonly portalUrl: string; readonly actor: string } | undefined> {
    const read = await this.#store.withJob(jobId, async (rt) => {
      const { accountId, portalUrl, actor } = rt.job.created
      return { ok: true as const, value: { accountId, portalUrl, actor } }
    })
    return read.ok ? read.value : undefined
  }

  /** Assigns a file to a person (or to nobody); returns every row whose plan changed. */
  assign(jobId: string, rowId: string, userId: string | null): Promise<Result<readonly BulkRow[]>> {
    return this.#store.exclusive(jobId, async (rt) => {
      if (rt.run) return busy()
      const row = rt.job.rows.get(rowId)
      if (!row) return jobError('input/invalid', 'No such file in this import.', rowId)
      if (row.apply.unresolved) return busy()
      const context = await this.#planner.context(rt, false)
      if (!context.ok) return context
      if (userId !== null && !context.value.people.has(userId)) return jobError('portal/not-found', 'This person is not on the portal (any more).', userId)
      await record(rt, [{ t: 'assign', rowId, userId, at: this.#at() }])
      if (!row.prepared) await this.#planner.prepareRow(rt, rowId)
      return { ok: true, value: await this.#planner.replan(rt) }
    })
  }

  /** Sets a row's crop (fractions of the prepared image); null goes back to the default. */
  setCrop(jobId: string, rowId: string, crop: CropFraction | null): Promise<Result<BulkRow>> {
    return this.#store.exclusive(jobId, async (rt) => {
      if (rt.run) return busy()
      const row = rt.job.rows.get(rowId)
      if (!row) return jobError('input/invalid', 'No such file in this import.', rowId)
      if (crop !== null && (!cropSchema.safeParse(crop).success || crop.x + crop.width > 1.0001 || crop.y + crop.height > 1.0001)) {
        return jobError('input/invalid', 'The crop must lie inside the picture.')
      }
      // The plan is derived again from the people and matches: without them, change nothing.
      const context = await this.#planner.context(rt, false)
      if (!context.ok) return context
      await record(rt, [{ t: 'crop', rowId, crop, at: this.#at() }])
      await this.#planner.replan(rt)
      return { ok: true, value: toBulkRow(row) }
    })
  }

  /** Takes the offered turn of a picture that is not upright: prepared and framed again, turned; the crop goes back to the proposed one. */
  turn(jobId: string, rowId: string): Promise<Result<BulkRow>> {
    return this.#store.exclusive(jobId, async (rt) => {
      if (rt.run) return busy()
      const row = rt.job.rows.get(rowId)
      const prepared = row?.prepared
      if (!row || !prepared?.ok || !prepared.uprightTurns) return jobError('input/invalid', 'This picture has no turn to take.', rowId)
      const context = await this.#planner.context(rt, false)
      if (!context.ok) return context
      const rotate = (((prepared.turned ?? 0) + prepared.uprightTurns) % 4) as 0 | 1 | 2 | 3
      await this.#planner.prepareRow(rt, rowId, rotate === 0 ? undefined : rotate)
      await record(rt, [{ t: 'crop', rowId, crop: null, at: this.#at() }])
      await this.#planner.replan(rt)
      return { ok: true, value: toBulkRow(row) }
    })
  }

  approve(jobId: string, rowIds: readonly string[], approved: boolean): Promise<Result<readonly BulkRow[]>> {
    return this.#store.exclusive(jobId, async (rt) => {
      if (rt.run) return busy()
      const known = rowIds.filter((id) => rt.job.rows.has(id))
      const context = await this.#planner.context(rt, false)
      if (!context.ok) return context
      await record(rt, [{ t: 'approve', rowIds: known, approved, at: this.#at() }])
      return { ok: true, value: await this.#planner.replan(rt) }
    })
  }

  /** The upload-ready image of a row (prepared on demand), for the plan's thumbnails and the crop editor. */
  preview(jobId: string, rowId: string): Promise<Result<{ readonly bytes: Uint8Array; readonly mime: string; readonly width: number; readonly height: number }>> {
    return this.#store.withJob(jobId, async (rt) => {
      const row = rt.job.rows.get(rowId)
      if (!row) return jobError('input/invalid', 'No such file in this import.', rowId)
      if (!row.prepared) await this.#planner.prepareRow(rt, rowId)
      const prepared = row.prepared
      if (!prepared) return never()
      if (!prepared.ok) return { ok: false, error: prepared.error }
      const bytes = await rt.spool.read(prepared.spool, { sha256: prepared.sha256 })
      return bytes.ok ? { ok: true, value: { bytes: bytes.value, mime: prepared.mime, width: prepared.width, height: prepared.height } } : bytes
    })
  }

  /** The file as it was dropped. */
  source(jobId: string, rowId: string): Promise<Result<{ readonly bytes: Uint8Array; readonly name: string }>> {
    return this.#store.withJob(jobId, async (rt) => {
      const row = rt.job.rows.get(rowId)
      if (!row) return jobError('input/invalid', 'No such file in this import.', rowId)
      const bytes = await rt.spool.read(row.file.spool, { sha256: row.file.sha256 })
      return bytes.ok ? { ok: true, value: { bytes: bytes.value, name: row.file.name } } : bytes
    })
  }

  /** Starts applying the approved rows; answers at once, progress comes as bulk:progress events. */
  apply(jobId: string, options: { readonly concurrency?: number } = {}): Promise<Result<BulkJobSummary>> {
    return this.#store.exclusive(jobId, async (rt) => {
      const refused = this.#refuseRun(rt)
      if (refused) return refused
      // Files added since the plan was built have no plan yet: the renderer plans before it applies.
      if (rt.job.phase === 'adding' || [...rt.job.rows.values()].some((r) => !r.plan)) {
        return jobError('input/invalid', 'Build the plan (bulk:plan) before applying it.')
      }
      const items = applyItems(rt.job)
      await record(rt, [{ t: 'phase', phase: 'applying', run: 'apply', at: this.#at() }])
      rt.run = startRun(rt, 'apply', items, options.concurrency, this.#deps)
      return { ok: true, value: summaryOf(rt) }
    })
  }

  /** Puts back the photos the job replaced (all applied rows, or the given ones), in the same queue. */
  undo(jobId: string, rowIds?: readonly string[], options: { readonly concurrency?: number } = {}): Promise<Result<BulkJobSummary>> {
    return this.#store.exclusive(jobId, async (rt) => {
      const refused = this.#refuseRun(rt)
      if (refused) return refused
      const wanted = rowIds ? new Set(rowIds) : undefined
      const items = [...rt.job.rows.values()].filter((r) => isUndoable(r) && (!wanted || wanted.has(r.file.rowId))).map((r) => r.file.rowId)
      if (items.length === 0) return jobError('photo/no-backup', 'Nothing in this import has been applied, so there is nothing to undo.')
      await record(rt, [
        { t: 'undo-request', rowIds: items, at: this.#at() },
        { t: 'phase', phase: 'undoing', run: 'undo', at: this.#at() }
      ])
      rt.run = startRun(rt, 'undo', items, options.concurrency, this.#deps)
      return { ok: true, value: summaryOf(rt) }
    })
  }

  pause(jobId: string): Promise<Result<BulkJobSummary>> {
    return this.#store.withJob(jobId, async (rt) => {
      const run = rt.run
      if (run && !run.paused && !run.stopping) {
        run.queue.pause()
        run.paused = true
        await record(rt, [{ t: 'phase', phase: 'paused', run: run.kind, at: this.#at() }])
      }
      return { ok: true, value: summaryOf(rt) }
    })
  }

  /** Continues a paused run; a job paused or interrupted in an earlier app run starts again where it stopped. */
  resume(jobId: string, options: { readonly concurrency?: number } = {}): Promise<Result<BulkJobSummary>> {
    return this.#store.exclusive(jobId, async (rt) => {
      const run = rt.run
      if (run) {
        if (run.paused && !run.stopping) {
          await record(rt, [{ t: 'phase', phase: run.kind === 'apply' ? 'applying' : 'undoing', run: run.kind, at: this.#at() }])
          run.paused = false
          if (options.concurrency !== undefined) run.queue.setConcurrency(options.concurrency)
          run.queue.resume()
        }
        return { ok: true, value: summaryOf(rt) }
      }
      const phase = rt.job.phase
      if (phase !== 'paused' && phase !== 'applying' && phase !== 'undoing') return { ok: true, value: summaryOf(rt) }
      const refused = this.#refuseRun(rt)
      if (refused) return refused
      const kind = rt.job.lastRun
      const items = kind === 'apply' ? applyItems(rt.job) : [...rt.job.rows.values()].filter((r) => r.undo.requested && isUndoable(r)).map((r) => r.file.rowId)
      await record(rt, [{ t: 'phase', phase: kind === 'apply' ? 'applying' : 'undoing', run: kind, at: this.#at() }])
      rt.run = startRun(rt, kind, items, options.concurrency, this.#deps)
      return { ok: true, value: summaryOf(rt) }
    })
  }

  /** Running rows stop at their safe point; the rest are skipped. Answers before they have stopped. */
  cancel(jobId: string): Promise<Result<BulkJobSummary>> {
    return this.#store.withJob(jobId, async (rt) => {
      const run = rt.run
      if (run) {
        run.stopping ??= 'cancel'
        run.queue.cancel()
        return { ok: true, value: summaryOf(rt) }
      }
      const phase = rt.job.phase
      if (phase === 'paused' || phase === 'applying' || phase === 'undoing') {
        const kind = rt.job.lastRun
        const left = kind === 'apply' ? applyItems(rt.job) : [...rt.job.rows.values()].filter((r) => r.undo.requested).map((r) => r.file.rowId)
        await record(rt, [
          { t: 'skipped', run: kind, rowIds: left, at: this.#at() },
          { t: 'phase', phase: 'cancelled', run: kind, at: this.#at() }
        ])
      }
      return { ok: true, value: summaryOf(rt) }
    })
  }

  /** Every job of the account on this machine, newest first. */
  async jobs(accountId: string): Promise<Result<readonly BulkJobSummary[]>> {
    return { ok: true, value: await this.#store.list(accountId, summaryOf) }
  }

  /** Deletes the job and its files (the backups of people's photos stay in the backup store). */
  discard(jobId: string): Promise<Result<{ readonly discarded: true }>> {
    return this.#store.exclusive(jobId, async (rt) => {
      if (rt.run) return busy()
      await this.#store.remove(rt)
      this.#log.info('bulk job discarded', { jobId })
      return { ok: true, value: { discarded: true } }
    })
  }

  reportCsv(jobId: string): Promise<Result<CsvExport>> {
    return this.#store.withJob(jobId, async (rt) => ({ ok: true, value: reportCsv(rt.job) }))
  }

  planCsv(jobId: string): Promise<Result<CsvExport>> {
    return this.#store.withJob(jobId, async (rt) => ({ ok: true, value: planCsv(rt.job) }))
  }

  /** Resolves when the job's current run (if any) has ended. For the CLI and tests. */
  async whenIdle(jobId: string): Promise<void> {
    for (const rt of this.#store.loaded()) if (rt.job.jobId === jobId) await rt.run?.done
  }

  /** Stops running rows at their safe point and closes the journals; interrupted jobs resume next time. */
  async dispose(): Promise<void> {
    for (const rt of [...this.#store.loaded()]) {
      const run = rt.run
      if (!run) continue
      run.stopping = 'dispose'
      run.queue.cancel()
      await run.done
    }
    await this.#store.closeAll()
  }

  // -------------------------------------------------------------------------------------------

  #refuseRun(rt: JobRuntime): Failure | undefined {
    if (rt.run) return busy()
    // One run per account: together they could pass DocSpace's 15 concurrent writes (CONTRACT.md §0.5).
    for (const other of this.#store.loaded()) {
      if (other !== rt && other.run && other.job.accountId === rt.job.accountId) return busy('Another import on this portal is running.')
    }
    return undefined
  }

  #at(): string {
    return this.#now().toISOString()
  }
}

function summaryOf(rt: JobRuntime): BulkJobSummary {
  const run = rt.run
  if (!run) return rt.job.summary()
  return rt.job.summary(run, run.paused ? 'paused' : run.kind === 'apply' ? 'applying' : 'undoing')
}

function planOf(rt: JobRuntime): BulkPlan {
  return { job: summaryOf(rt), rows: rt.job.bulkRows(rt.run) }
}

type Failure = { readonly ok: false; readonly error: AppError }

function busy(message = 'This import is running. Pause or cancel it first, or wait until it has finished.'): Failure {
  return jobError('bulk/busy', message)
}

function never(): never {
  throw new Error('unreachable: a row just prepared has no prepared line')
}
