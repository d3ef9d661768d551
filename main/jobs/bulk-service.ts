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
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { AppError, BulkAddResult, BulkJobSummary, BulkPlan, BulkRow, CropFraction, Result } from '../../preload/contract'
import type { Logger } from '../services/logger'
import { reportCsv, planCsv, type CsvExport } from './bulk-csv'
import { cropSchema, parseEntry, plainError, type BulkEntry, type FileLine, type PlanLine, type PreparedLine } from './bulk-entries'
import { BulkJob, isUndoable, jobError, MAX_JOB_FILES, toBulkRow } from './bulk-job'
import { derivePlan, genericRefusal, hashesWanted, type PlanInputs } from './bulk-plan'
import type { BulkEventSink, BulkPorts } from './bulk-ports'
import { applyItems, record, startRun, Throttle, type JobRuntime, type RunnerDeps } from './bulk-runner'
import { Journal, type JournalLine } from './journal'
import { sha256Hex, Spool } from './spool'

export const JOBS_DIR = 'jobs'
const JOURNAL_FILE = 'journal.jsonl'
const JOB_ID = /^[0-9a-z]{8,11}-[0-9a-f]{8}$/
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

export class BulkService {
  readonly #root: string
  readonly #ports: BulkPorts
  readonly #log: Logger
  readonly #now: () => Date
  readonly #deps: RunnerDeps
  readonly #prepareConcurrency: number
  readonly #lookupConcurrency: number
  readonly #maxFiles: number
  readonly #loading = new Map<string, Promise<Result<JobRuntime>>>()
  readonly #locks = new Map<string, Promise<unknown>>()
  /** The jobs loaded so far, for the checks that must not wait (one run per account). */
  readonly #loaded = new Map<string, JobRuntime>()

  constructor(options: BulkServiceOptions) {
    this.#root = join(options.dataDir, JOBS_DIR)
    this.#ports = options.ports
    this.#log = options.log
    this.#now = options.now ?? (() => new Date())
    this.#prepareConcurrency = Math.max(1, options.prepareConcurrency ?? 2)
    this.#lookupConcurrency = Math.max(1, options.lookupConcurrency ?? 4)
    this.#maxFiles = options.maxFiles ?? MAX_JOB_FILES
    this.#deps = {
      ports: options.ports,
      events: options.events,
      log: options.log,
      now: this.#now,
      progressIntervalMs: options.progressIntervalMs ?? 100,
      ...(options.queue ? { queue: options.queue } : {})
    }
  }

  async create(accountId: string): Promise<Result<BulkJobSummary>> {
    const account = await this.#ports.account(accountId)
    if (!account.ok) return account
    const jobId = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`
    const at = this.#at()
    const created = { t: 'created' as const, v: 1 as const, jobId, accountId, portalUrl: account.value.portalUrl, actor: account.value.actor, createdAt: at }
    const { journal } = await Journal.open(this.#journalPath(jobId))
    const rt: JobRuntime = { job: new BulkJob(created), journal, spool: new Spool({ jobDir: this.#jobDir(jobId) }), currentHash: new Map() }
    await journal.appendMany([created, { t: 'phase', phase: 'adding', at }])
    this.#loading.set(jobId, Promise.resolve({ ok: true, value: rt }))
    this.#loaded.set(jobId, rt)
    this.#log.info('bulk job created', { jobId })
    return { ok: true, value: summaryOf(rt) }
  }

  /** Spools and journals the files; `.csv` files are kept as mapping files. All or nothing past the limit. */
  addFiles(jobId: string, files: readonly AddedFile[]): Promise<Result<BulkAddResult>> {
    return this.#exclusive(jobId, async (rt) => {
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
    return this.#exclusive(jobId, async (rt) => {
      if (rt.run) return busy()
      const before = rt.job.phase
      await record(rt, [{ t: 'phase', phase: 'planning', at: this.#at() }])
      const context = await this.#context(rt, true)
      if (!context.ok) {
        await record(rt, [{ t: 'phase', phase: before === 'planning' ? 'adding' : before, at: this.#at() }])
        return context
      }
      await this.#prepareMissing(rt)
      await this.#replan(rt)
      await record(rt, [{ t: 'phase', phase: 'ready', at: this.#at() }])
      return { ok: true, value: planOf(rt) }
    })
  }

  /** The plan as last computed (reopening a job, also after a restart), without asking the portal. */
  current(jobId: string): Promise<Result<BulkPlan>> {
    return this.#withJob(jobId, async (rt) => ({ ok: true, value: planOf(rt) }))
  }

  /** Assigns a file to a person (or to nobody); returns every row whose plan changed. */
  assign(jobId: string, rowId: string, userId: string | null): Promise<Result<readonly BulkRow[]>> {
    return this.#exclusive(jobId, async (rt) => {
      if (rt.run) return busy()
      const row = rt.job.rows.get(rowId)
      if (!row) return jobError('input/invalid', 'No such file in this import.', rowId)
      if (row.apply.unresolved) return busy()
      const context = await this.#context(rt, false)
      if (!context.ok) return context
      if (userId !== null && !context.value.people.has(userId)) return jobError('portal/not-found', 'This person is not on the portal (any more).', userId)
      await record(rt, [{ t: 'assign', rowId, userId, at: this.#at() }])
      if (!row.prepared) await this.#prepareRow(rt, rowId)
      return { ok: true, value: await this.#replan(rt) }
    })
  }

  /** Sets a row's crop (fractions of the prepared image); null goes back to the default. */
  setCrop(jobId: string, rowId: string, crop: CropFraction | null): Promise<Result<BulkRow>> {
    return this.#exclusive(jobId, async (rt) => {
      if (rt.run) return busy()
      const row = rt.job.rows.get(rowId)
      if (!row) return jobError('input/invalid', 'No such file in this import.', rowId)
      if (crop !== null && (!cropSchema.safeParse(crop).success || crop.x + crop.width > 1.0001 || crop.y + crop.height > 1.0001)) {
        return jobError('input/invalid', 'The crop must lie inside the picture.')
      }
      await record(rt, [{ t: 'crop', rowId, crop, at: this.#at() }])
      const context = await this.#context(rt, false)
      if (context.ok) await this.#replan(rt)
      return { ok: true, value: toBulkRow(row) }
    })
  }

  approve(jobId: string, rowIds: readonly string[], approved: boolean): Promise<Result<readonly BulkRow[]>> {
    return this.#exclusive(jobId, async (rt) => {
      if (rt.run) return busy()
      const known = rowIds.filter((id) => rt.job.rows.has(id))
      await record(rt, [{ t: 'approve', rowIds: known, approved, at: this.#at() }])
      const context = await this.#context(rt, false)
      if (!context.ok) return context
      return { ok: true, value: await this.#replan(rt) }
    })
  }

  /** The upload-ready image of a row (prepared on demand), for the plan's thumbnails and the crop editor. */
  preview(jobId: string, rowId: string): Promise<Result<{ readonly bytes: Uint8Array; readonly mime: string; readonly width: number; readonly height: number }>> {
    return this.#withJob(jobId, async (rt) => {
      const row = rt.job.rows.get(rowId)
      if (!row) return jobError('input/invalid', 'No such file in this import.', rowId)
      if (!row.prepared) await this.#prepareRow(rt, rowId)
      const prepared = row.prepared
      if (!prepared) return never()
      if (!prepared.ok) return { ok: false, error: prepared.error }
      const bytes = await rt.spool.read(prepared.spool, { sha256: prepared.sha256 })
      return bytes.ok ? { ok: true, value: { bytes: bytes.value, mime: prepared.mime, width: prepared.width, height: prepared.height } } : bytes
    })
  }

  /** The file as it was dropped. */
  source(jobId: string, rowId: string): Promise<Result<{ readonly bytes: Uint8Array; readonly name: string }>> {
    return this.#withJob(jobId, async (rt) => {
      const row = rt.job.rows.get(rowId)
      if (!row) return jobError('input/invalid', 'No such file in this import.', rowId)
      const bytes = await rt.spool.read(row.file.spool, { sha256: row.file.sha256 })
      return bytes.ok ? { ok: true, value: { bytes: bytes.value, name: row.file.name } } : bytes
    })
  }

  /** Starts applying the approved rows; answers at once, progress comes as bulk:progress events. */
  apply(jobId: string, options: { readonly concurrency?: number } = {}): Promise<Result<BulkJobSummary>> {
    return this.#exclusive(jobId, async (rt) => {
      const refused = this.#refuseRun(rt)
      if (refused) return refused
      const items = applyItems(rt.job)
      await record(rt, [{ t: 'phase', phase: 'applying', run: 'apply', at: this.#at() }])
      rt.run = startRun(rt, 'apply', items, options.concurrency, this.#deps)
      return { ok: true, value: summaryOf(rt) }
    })
  }

  /** Puts back the photos the job replaced (all applied rows, or the given ones), in the same queue. */
  undo(jobId: string, rowIds?: readonly string[], options: { readonly concurrency?: number } = {}): Promise<Result<BulkJobSummary>> {
    return this.#exclusive(jobId, async (rt) => {
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
    return this.#withJob(jobId, async (rt) => {
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
    return this.#exclusive(jobId, async (rt) => {
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
    return this.#withJob(jobId, async (rt) => {
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
    let names: string[]
    try {
      names = await readdir(this.#root)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, value: [] }
      throw e
    }
    const summaries: BulkJobSummary[] = []
    for (const jobId of names.filter((n) => JOB_ID.test(n))) {
      const loaded = this.#loaded.get(jobId)
      if (loaded) {
        if (loaded.job.accountId === accountId) summaries.push(summaryOf(loaded))
        continue
      }
      const job = replayJob((await Journal.read(this.#journalPath(jobId))).lines)
      if (job && job.accountId === accountId) summaries.push(job.summary())
    }
    return { ok: true, value: summaries.sort((a, b) => b.createdAt.localeCompare(a.createdAt)) }
  }

  /** Deletes the job and its files (the backups of people's photos stay in the backup store). */
  discard(jobId: string): Promise<Result<{ readonly discarded: true }>> {
    return this.#exclusive(jobId, async (rt) => {
      if (rt.run) return busy()
      await rt.journal.close()
      this.#loading.delete(jobId)
      this.#loaded.delete(jobId)
      await rm(this.#jobDir(jobId), { recursive: true, force: true })
      this.#log.info('bulk job discarded', { jobId })
      return { ok: true, value: { discarded: true } }
    })
  }

  reportCsv(jobId: string): Promise<Result<CsvExport>> {
    return this.#withJob(jobId, async (rt) => ({ ok: true, value: reportCsv(rt.job) }))
  }

  planCsv(jobId: string): Promise<Result<CsvExport>> {
    return this.#withJob(jobId, async (rt) => ({ ok: true, value: planCsv(rt.job) }))
  }

  /** Resolves when the job's current run (if any) has ended. For the CLI and tests. */
  async whenIdle(jobId: string): Promise<void> {
    const rt = await this.#loading.get(jobId)
    if (rt?.ok) await rt.value.run?.done
  }

  /** Stops running rows at their safe point and closes the journals; interrupted jobs resume next time. */
  async dispose(): Promise<void> {
    const all = await Promise.all(this.#loading.values())
    for (const rt of all) {
      if (!rt.ok) continue
      const run = rt.value.run
      if (run) {
        run.stopping = 'dispose'
        run.queue.cancel()
        await run.done
      }
      await rt.value.journal.close()
    }
    this.#loading.clear()
    this.#loaded.clear()
  }

  // -------------------------------------------------------------------------------------------

  #refuseRun(rt: JobRuntime): Failure | undefined {
    if (rt.run) return busy()
    // One run per account: together they could pass DocSpace's 15 concurrent writes (CONTRACT.md §0.5).
    for (const other of this.#loaded.values()) {
      if (other !== rt && other.run && other.job.accountId === rt.job.accountId) return busy('Another import on this portal is running.')
    }
    return undefined
  }

  async #context(rt: JobRuntime, refresh: boolean): Promise<Result<NonNullable<JobRuntime['context']>>> {
    if (rt.context && !refresh) return { ok: true, value: rt.context }
    const people = await this.#ports.listPeople({ accountId: rt.job.accountId })
    if (!people.ok) return people
    const mappings: { name: string; text: string }[] = []
    for (const m of rt.job.mappings) {
      const bytes = await rt.spool.read(m.spool, { sha256: m.sha256 })
      if (bytes.ok) mappings.push({ name: m.name, text: Buffer.from(bytes.value).toString('utf8') })
      else this.#log.warn('bulk mapping file unreadable', { jobId: rt.job.jobId, rowId: m.rowId })
    }
    const files = [...rt.job.rows.values()].map((r) => ({ rowId: r.file.rowId, name: r.file.name }))
    const outcomes = await this.#ports.match({ files, people: people.value, mappings })
    rt.context = { people: new Map(people.value.map((p) => [p.id, p])), matches: new Map(outcomes.map((o) => [o.rowId, o])) }
    if (refresh) rt.currentHash.clear()
    return { ok: true, value: rt.context }
  }

  async #prepareMissing(rt: JobRuntime): Promise<void> {
    const missing = [...rt.job.rows.values()].filter((r) => !r.prepared).map((r) => r.file.rowId)
    let done = 0
    const throttle = new Throttle(this.#deps.progressIntervalMs, () =>
      this.#deps.events.emit('bulk:progress', { jobId: rt.job.jobId, phase: 'planning', done, total: missing.length, failed: 0, rows: [] })
    )
    await eachLimited(missing, this.#prepareConcurrency, async (rowId) => {
      await this.#prepareRow(rt, rowId)
      done++
      throttle.touch(rowId)
    })
    throttle.take()
    if (missing.length > 0) throttle.flush()
  }

  async #prepareRow(rt: JobRuntime, rowId: string): Promise<void> {
    const row = rt.job.rows.get(rowId)
    if (!row) return
    const source = await rt.spool.read(row.file.spool, { sha256: row.file.sha256 })
    let line: PreparedLine
    if (!source.ok) {
      line = { t: 'prepared', rowId, ok: false, error: source.error }
    } else {
      const prepared = await this.#ports.prepare(source.value, { name: row.file.name })
      if (!prepared.ok) {
        line = { t: 'prepared', rowId, ok: false, error: plainError(prepared.error) }
      } else {
        const { bytes, mime, width, height, pictureHash } = prepared.value
        const spooled = await rt.spool.write(`${rowId}.prepared`, bytes)
        const proposal = this.#ports.proposeCrop ? await this.#ports.proposeCrop({ bytes, width, height }) : null
        const proposedCrop = proposal && cropSchema.safeParse(proposal).success ? proposal : undefined
        line = {
          t: 'prepared',
          rowId,
          ok: true,
          mime,
          width,
          height,
          byteLength: spooled.byteLength,
          sha256: spooled.sha256,
          spool: spooled.path,
          ...(pictureHash !== undefined ? { pictureHash } : {}),
          ...(proposedCrop ? { proposedCrop } : {})
        }
      }
    }
    await record(rt, [line])
  }

  /** Derives the plan again, looks up the stored pictures it needs, journals the rows that changed. */
  async #replan(rt: JobRuntime): Promise<BulkRow[]> {
    const context = rt.context
    if (!context) return []
    const rows = [...rt.job.rows.values()]
    const inputs: PlanInputs = {
      rows,
      matches: context.matches,
      people: context.people,
      currentHash: rt.currentHash,
      isSamePicture: (a, b) => this.#ports.isSamePicture(a, b),
      refusal: (person) => this.#ports.refusal?.(rt.job.accountId, person) ?? genericRefusal(person)
    }
    let lines = derivePlan(inputs)
    const wanted = hashesWanted(lines, inputs)
    if (wanted.length > 0) {
      await eachLimited(wanted, this.#lookupConcurrency, async (userId) => {
        const hash = await this.#ports.currentPictureHash({ accountId: rt.job.accountId, userId })
        if (hash.ok) rt.currentHash.set(userId, hash.value)
        else this.#log.warn('bulk plan: stored picture unreadable, assuming a replace', { jobId: rt.job.jobId, code: hash.error.code })
      })
      lines = derivePlan(inputs)
    }
    const changed = lines.filter((line, i) => !samePlan(rows[i]?.plan, line))
    await record(rt, changed)
    return changed.flatMap((line) => {
      const row = rt.job.rows.get(line.rowId)
      return row ? [toBulkRow(row)] : []
    })
  }

  #withJob<T>(jobId: string, fn: (rt: JobRuntime) => Promise<Result<T>>): Promise<Result<T>> {
    return this.#load(jobId).then((rt) => (rt.ok ? fn(rt.value) : rt))
  }

  /** Plan changes one at a time per job. */
  #exclusive<T>(jobId: string, fn: (rt: JobRuntime) => Promise<Result<T>>): Promise<Result<T>> {
    const previous = this.#locks.get(jobId) ?? Promise.resolve()
    const next = previous.then(() => this.#withJob(jobId, fn))
    const tail = next.catch(() => undefined)
    this.#locks.set(jobId, tail)
    void tail.then(() => {
      if (this.#locks.get(jobId) === tail) this.#locks.delete(jobId)
    })
    return next
  }

  #load(jobId: string): Promise<Result<JobRuntime>> {
    if (!JOB_ID.test(jobId)) return Promise.resolve(jobError('bulk/unknown-job', 'No such import.', jobId))
    let loading = this.#loading.get(jobId)
    if (!loading) {
      loading = this.#open(jobId)
      this.#loading.set(jobId, loading)
      void loading.then((rt) => {
        if (!rt.ok) this.#loading.delete(jobId)
      })
    }
    return loading.then((rt) => {
      if (rt.ok) this.#loaded.set(jobId, rt.value)
      return rt
    })
  }

  async #open(jobId: string): Promise<Result<JobRuntime>> {
    const existing = await Journal.read(this.#journalPath(jobId))
    if (existing.lines.length === 0) return jobError('bulk/unknown-job', 'No such import.', jobId)
    const { journal, replay } = await Journal.open(this.#journalPath(jobId))
    const job = replayJob(replay.lines)
    if (!job) {
      await journal.close()
      return jobError('bulk/unknown-job', 'This import’s record is unreadable.', jobId)
    }
    const ignored = replay.skipped + job.ignored
    if (ignored > 0 || replay.torn) this.#log.warn('bulk journal: lines skipped', { jobId, skipped: ignored, torn: replay.torn })
    return { ok: true, value: { job, journal, spool: new Spool({ jobDir: this.#jobDir(jobId) }), currentHash: new Map() } }
  }

  #jobDir(jobId: string): string {
    return join(this.#root, jobId)
  }

  #journalPath(jobId: string): string {
    return join(this.#jobDir(jobId), JOURNAL_FILE)
  }

  #at(): string {
    return this.#now().toISOString()
  }
}

/** The job a journal describes, or undefined when it does not start with a readable 'created' line. */
export function replayJob(lines: readonly JournalLine[]): BulkJob | undefined {
  const first = lines[0] ? parseEntry(lines[0]) : undefined
  if (first?.t !== 'created') return undefined
  const job = new BulkJob(first)
  for (const line of lines.slice(1)) {
    const entry = parseEntry(line)
    if (entry) job.apply(entry)
    else job.ignored++
  }
  return job
}

function summaryOf(rt: JobRuntime): BulkJobSummary {
  const run = rt.run
  if (!run) return rt.job.summary()
  return rt.job.summary(run, run.paused ? 'paused' : run.kind === 'apply' ? 'applying' : 'undoing')
}

function planOf(rt: JobRuntime): BulkPlan {
  return { job: summaryOf(rt), rows: rt.job.bulkRows(rt.run) }
}

function samePlan(a: PlanLine | undefined, b: PlanLine): boolean {
  return a !== undefined && canonical(a) === canonical(b)
}

/** JSON with sorted keys: lines read back through the schema do not keep the order they were built in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v
  )
}

async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T
      await fn(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
}

type Failure = { readonly ok: false; readonly error: AppError }

function busy(message = 'This import is running. Pause or cancel it first, or wait until it has finished.'): Failure {
  return jobError('bulk/busy', message)
}

function never(): never {
  throw new Error('unreachable: a row just prepared has no prepared line')
}
