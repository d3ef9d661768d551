/**
 * Builds and rebuilds a job's plan: asks the ports for the people and the matches, prepares every
 * file once (the prepared bytes are spooled, so apply never prepares again), looks up the stored
 * pictures the plan compares with, derives the rows (bulk-plan.ts) and journals the rows that changed.
 */
import type { BulkRow, Result } from '../../preload/contract'
import type { Logger } from '../core/logger'
import { cropSchema, plainError, type PlanLine, type PreparedLine } from './bulk-entries'
import { toBulkRow } from './bulk-job'
import { derivePlan, genericRefusal, hashesWanted, type PlanInputs } from './bulk-plan'
import type { BulkEventSink, BulkPorts } from './bulk-ports'
import { record, Throttle, type JobRuntime } from './bulk-runner'

export interface BulkPlannerOptions {
  readonly ports: BulkPorts
  readonly events: BulkEventSink
  readonly log: Logger
  readonly progressIntervalMs: number
  /** Images prepared at once (CPU-bound). */
  readonly prepareConcurrency: number
  /** Stored-picture lookups at once. */
  readonly lookupConcurrency: number
}

export class BulkPlanner {
  readonly #ports: BulkPorts
  readonly #events: BulkEventSink
  readonly #log: Logger
  readonly #progressIntervalMs: number
  readonly #prepareConcurrency: number
  readonly #lookupConcurrency: number

  constructor(options: BulkPlannerOptions) {
    this.#ports = options.ports
    this.#events = options.events
    this.#log = options.log
    this.#progressIntervalMs = options.progressIntervalMs
    this.#prepareConcurrency = Math.max(1, options.prepareConcurrency)
    this.#lookupConcurrency = Math.max(1, options.lookupConcurrency)
  }

  /** The people and the matcher's answers; kept for the job until `refresh` asks again. */
  async context(rt: JobRuntime, refresh: boolean): Promise<Result<NonNullable<JobRuntime['context']>>> {
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
    const outcomes = await this.#ports.match({ accountId: rt.job.accountId, files, people: people.value, mappings })
    rt.context = { people: new Map(people.value.map((p) => [p.id, p])), matches: new Map(outcomes.map((o) => [o.rowId, o])) }
    if (refresh) rt.currentHash.clear()
    return { ok: true, value: rt.context }
  }

  async prepareMissing(rt: JobRuntime): Promise<void> {
    const missing = [...rt.job.rows.values()].filter((r) => !r.prepared).map((r) => r.file.rowId)
    let done = 0
    const throttle = new Throttle(this.#progressIntervalMs, () =>
      this.#events.emit('bulk:progress', { jobId: rt.job.jobId, phase: 'planning', done, total: missing.length, failed: 0, rows: [] })
    )
    // Journaled in chunks: a lost 'prepared' line only means preparing that file again, so these
    // lines need not each wait for their own sync.
    let pending: PreparedLine[] = []
    await eachLimited(missing, this.#prepareConcurrency, async (rowId) => {
      const line = await this.#prepare(rt, rowId)
      if (line) pending.push(line)
      if (pending.length >= 100) {
        const chunk = pending
        pending = []
        await record(rt, chunk)
      }
      done++
      throttle.touch(rowId)
    })
    await record(rt, pending)
    throttle.take()
    if (missing.length > 0) throttle.flush()
  }

  /** `rotate`: clockwise quarter turns from the file as dropped (the offered turn of a picture not upright). */
  async prepareRow(rt: JobRuntime, rowId: string, rotate?: 1 | 2 | 3): Promise<void> {
    const line = await this.#prepare(rt, rowId, rotate)
    if (line) await record(rt, [line])
  }

  /** Prepares one file and spools the result; the caller journals the line. */
  async #prepare(rt: JobRuntime, rowId: string, rotate?: 1 | 2 | 3): Promise<PreparedLine | undefined> {
    const row = rt.job.rows.get(rowId)
    if (!row) return undefined
    const source = await rt.spool.read(row.file.spool, { sha256: row.file.sha256 })
    let line: PreparedLine
    if (!source.ok) {
      line = { t: 'prepared', rowId, ok: false, error: source.error }
    } else {
      const preset = rt.job.created.framingPreset
      const prepared = await this.#ports.prepare(source.value, { name: row.file.name, accountId: rt.job.accountId, ...(preset ? { preset } : {}), ...(rotate ? { rotate } : {}) })
      if (!prepared.ok) {
        line = { t: 'prepared', rowId, ok: false, error: plainError(prepared.error) }
      } else {
        const { bytes, mime, width, height, pictureHash, faceWarnings, uprightTurns } = prepared.value
        const spooled = await rt.spool.write(`${rowId}.prepared`, bytes)
        const proposal = prepared.value.proposedCrop ?? (this.#ports.proposeCrop ? await this.#ports.proposeCrop({ bytes, width, height }) : null)
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
          ...(proposedCrop ? { proposedCrop } : {}),
          ...(faceWarnings && faceWarnings.length > 0 ? { faceWarnings: [...faceWarnings] } : {}),
          ...(uprightTurns ? { uprightTurns } : {}),
          ...(rotate ? { turned: rotate } : {})
        }
      }
    }
    return line
  }

  /** Derives the plan again, looks up the stored pictures it needs, journals the rows that changed. */
  async replan(rt: JobRuntime): Promise<BulkRow[]> {
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
