/**
 * Where bulk jobs live: one folder per job under `<dataDir>/jobs/`, each with its journal and spool.
 * Loads a job once per app run (replaying its journal), serialises changes to one job, lists jobs
 * from disk without opening them for writing, and deletes a job's folder on discard.
 */
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { BulkJobSummary, Result } from '../../preload/contract'
import type { Logger } from '../core/logger'
import { parseEntry, type CreatedLine } from './bulk-entries'
import { BulkJob, jobError } from './bulk-job'
import type { JobRuntime } from './bulk-runner'
import { Journal, type JournalLine } from './journal'
import { Spool } from './spool'

export const JOBS_DIR = 'jobs'
const JOURNAL_FILE = 'journal.jsonl'
/** Our own ids only (base-36 time, 8 hex digits), so no id can reach outside the jobs folder. */
const JOB_ID = /^[0-9a-z]{8,11}-[0-9a-f]{8}$/

export class BulkJobStore {
  readonly #root: string
  readonly #log: Logger
  readonly #loading = new Map<string, Promise<Result<JobRuntime>>>()
  readonly #loaded = new Map<string, JobRuntime>()
  readonly #locks = new Map<string, Promise<unknown>>()

  constructor(options: { readonly dataDir: string; readonly log: Logger }) {
    this.#root = join(options.dataDir, JOBS_DIR)
    this.#log = options.log
  }

  /** A new job folder with its first journal lines. */
  async create(created: CreatedLine, at: string): Promise<JobRuntime> {
    const { journal } = await Journal.open(this.#journalPath(created.jobId))
    const rt: JobRuntime = { job: new BulkJob(created), journal, spool: new Spool({ jobDir: this.#jobDir(created.jobId) }), currentHash: new Map() }
    await journal.appendMany([created, { t: 'phase', phase: 'adding', at }])
    this.#loading.set(created.jobId, Promise.resolve({ ok: true, value: rt }))
    this.#loaded.set(created.jobId, rt)
    return rt
  }

  /** The jobs this app run has loaded, for checks that must not wait (one run per account). */
  loaded(): IterableIterator<JobRuntime> {
    return this.#loaded.values()
  }

  withJob<T>(jobId: string, fn: (rt: JobRuntime) => Promise<Result<T>>): Promise<Result<T>> {
    return this.#load(jobId).then((rt) => (rt.ok ? fn(rt.value) : rt))
  }

  /** Changes to one job run one at a time, in the order they were asked for. */
  exclusive<T>(jobId: string, fn: (rt: JobRuntime) => Promise<Result<T>>): Promise<Result<T>> {
    const previous = this.#locks.get(jobId) ?? Promise.resolve()
    const next = previous.then(() => this.withJob(jobId, fn))
    const tail = next.catch(() => undefined)
    this.#locks.set(jobId, tail)
    void tail.then(() => {
      if (this.#locks.get(jobId) === tail) this.#locks.delete(jobId)
    })
    return next
  }

  /** Every job of the account on this machine, newest first; loaded jobs report their live state. */
  async list(accountId: string, live: (rt: JobRuntime) => BulkJobSummary): Promise<BulkJobSummary[]> {
    let names: string[]
    try {
      names = await readdir(this.#root)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw e
    }
    const summaries: BulkJobSummary[] = []
    for (const jobId of names.filter((n) => JOB_ID.test(n))) {
      const loaded = this.#loaded.get(jobId)
      if (loaded) {
        if (loaded.job.accountId === accountId) summaries.push(live(loaded))
        continue
      }
      const job = replayJob((await Journal.read(this.#journalPath(jobId))).lines)
      if (job && job.accountId === accountId) summaries.push(job.summary())
    }
    return summaries.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  /** Closes the job's journal and deletes its folder (spooled files included). */
  async remove(rt: JobRuntime): Promise<void> {
    const jobId = rt.job.jobId
    await rt.journal.close()
    this.#loading.delete(jobId)
    this.#loaded.delete(jobId)
    await rm(this.#jobDir(jobId), { recursive: true, force: true })
  }

  /** Closes every journal (runs must have stopped). */
  async closeAll(): Promise<void> {
    for (const rt of this.#loaded.values()) await rt.journal.close()
    this.#loading.clear()
    this.#loaded.clear()
  }

  #load(jobId: string): Promise<Result<JobRuntime>> {
    if (!JOB_ID.test(jobId)) return Promise.resolve(jobError('bulk/unknown-job', 'No such import.', jobId))
    let loading = this.#loading.get(jobId)
    if (!loading) {
      loading = this.#open(jobId)
      this.#loading.set(jobId, loading)
      void loading.then((rt) => {
        if (rt.ok) this.#loaded.set(jobId, rt.value)
        else this.#loading.delete(jobId)
      })
    }
    return loading
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
