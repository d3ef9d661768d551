/**
 * The job model: what a bulk job is, rebuilt from its journal by replaying each line in order (the
 * last word about a row wins). Pure and in memory: the service does the I/O and feeds lines here
 * as it writes them, so the model after a restart is exactly the model before it.
 */
import type {
  AppError,
  BulkCounts,
  BulkJobPhase,
  BulkJobSummary,
  BulkRow,
  BulkRowResult,
  BulkRowState,
  CropFraction,
  ErrorCode
} from '../../preload/contract'
import type { ApplyResultLine, BulkEntry, CreatedLine, FileLine, PlanLine, PreparedLine, RunKind, UndoResultLine } from './bulk-entries'

/** A job takes at most this many image files (CSV mapping files do not count). */
export const MAX_JOB_FILES = 5000

export interface RowModel {
  readonly file: FileLine
  prepared?: PreparedLine
  /** A manual assignment in the plan: a user id, null for "nobody", undefined when the matcher decides. */
  assigned?: string | null
  /** The crop the user set; undefined = the proposal or the centred square. */
  crop?: CropFraction
  /** The user's explicit approval; undefined = approved when sendable. */
  approved?: boolean
  /** The last plan line written for the row. */
  plan?: PlanLine
  apply: {
    /** A start without a result yet: the attempt may have reached the portal. */
    unresolved?: { readonly userId: string; readonly sha256: string }
    result?: ApplyResultLine
    skipped: boolean
    /** The SHA-256 of the bytes last sent (for the report). */
    sentSha256?: string
  }
  undo: {
    /** Asked for and not finished: an interrupted undo resumes with these rows. */
    requested?: boolean
    unresolved?: { readonly userId: string; readonly backupId: string }
    result?: UndoResultLine
  }
}

/** What only this run knows: which rows are in flight right now. */
export interface RowActivity {
  readonly applying: ReadonlySet<string>
  readonly undoing: ReadonlySet<string>
}

const IDLE: RowActivity = { applying: new Set(), undoing: new Set() }
const SENDABLE: ReadonlySet<BulkRowState> = new Set(['new', 'replace'])

export class BulkJob {
  readonly created: CreatedLine
  readonly rows = new Map<string, RowModel>()
  readonly mappings: FileLine[] = []
  phase: BulkJobPhase = 'adding'
  /** Which kind of run the last applying/undoing/paused phase belonged to. */
  lastRun: RunKind = 'apply'
  /** Lines that did not parse as an entry, plus lines about rows we do not know. */
  ignored = 0
  #lastRowNumber = 0

  constructor(created: CreatedLine) {
    this.created = created
  }

  get jobId(): string {
    return this.created.jobId
  }

  get accountId(): string {
    return this.created.accountId
  }

  /** Ids are sequential within a job, so the journal, the spool and the plan sort the same way. */
  nextRowId(): string {
    this.#lastRowNumber++
    return `r${String(this.#lastRowNumber).padStart(5, '0')}`
  }

  get imageCount(): number {
    return this.rows.size
  }

  /** Applies one entry; returns false when it was ignored (about an unknown row, or out of place). */
  apply(entry: BulkEntry): boolean {
    if (entry.t === 'created') return false
    if (entry.t === 'file') return this.#addFile(entry)
    if (entry.t === 'phase') {
      this.phase = entry.phase
      if (entry.run) this.lastRun = entry.run
      return true
    }
    if (entry.t === 'undo-request') {
      for (const id of entry.rowIds) {
        const row = this.rows.get(id)
        if (row && isUndoable(row)) row.undo.requested = true
      }
      return true
    }
    if (entry.t === 'approve') {
      for (const id of entry.rowIds) {
        const row = this.rows.get(id)
        if (row) row.approved = entry.approved
      }
      return true
    }
    if (entry.t === 'skipped') {
      for (const id of entry.rowIds) {
        const row = this.rows.get(id)
        if (row) skip(row, entry.run, entry.notApplied === true)
      }
      return true
    }
    const row = this.rows.get(entry.rowId)
    if (!row) {
      this.ignored++
      return false
    }
    switch (entry.t) {
      case 'prepared':
        row.prepared = entry
        return true
      case 'plan':
        row.plan = entry
        return true
      case 'assign':
        row.assigned = entry.userId
        return true
      case 'crop':
        if (entry.crop) row.crop = entry.crop
        else delete row.crop
        return true
      case 'apply-start':
        row.apply.unresolved = { userId: entry.userId, sha256: entry.sha256 }
        row.apply.sentSha256 = entry.sha256
        row.apply.skipped = false
        return true
      case 'apply-result':
        delete row.apply.unresolved
        row.apply.result = entry
        row.apply.skipped = false
        // A new change is a new undo target.
        if (entry.ok) row.undo = {}
        return true
      case 'undo-start':
        row.undo.unresolved = { userId: entry.userId, backupId: entry.backupId }
        return true
      case 'undo-result':
        delete row.undo.unresolved
        row.undo.requested = false
        row.undo.result = entry
        return true
    }
  }

  #addFile(entry: FileLine): boolean {
    if (entry.kind === 'mapping') {
      this.mappings.push(entry)
      return true
    }
    if (this.rows.has(entry.rowId)) {
      this.ignored++
      return false
    }
    this.rows.set(entry.rowId, { file: entry, apply: { skipped: false }, undo: {} })
    const n = Number(entry.rowId.slice(1))
    if (Number.isInteger(n) && n > this.#lastRowNumber) this.#lastRowNumber = n
    return true
  }

  /** The journal shows a run that never reached its end (the app was closed or killed). */
  get wasInterrupted(): boolean {
    return this.phase === 'applying' || this.phase === 'undoing'
  }

  /** Every row as the plan and the renderer see it. */
  bulkRows(activity: RowActivity = IDLE): BulkRow[] {
    return [...this.rows.values()].map((row) => toBulkRow(row, activity))
  }

  summary(activity: RowActivity = IDLE, runningPhase?: BulkJobPhase): BulkJobSummary {
    const rows = this.bulkRows(activity)
    return {
      jobId: this.jobId,
      accountId: this.accountId,
      createdAt: this.created.createdAt,
      phase: runningPhase ?? this.phase,
      counts: countRows(rows),
      interrupted: runningPhase === undefined && this.wasInterrupted
    }
  }
}

/**
 * A run did not get to the row. An attempt still in doubt stays in doubt (it is verified before any
 * later send) unless verifyApplied showed it never reached the portal.
 */
function skip(row: RowModel, run: RunKind, notApplied: boolean): void {
  if (run === 'undo') {
    if (notApplied) delete row.undo.unresolved
    if (!row.undo.unresolved) row.undo.requested = false
    return
  }
  if (notApplied) delete row.apply.unresolved
  if (!row.apply.unresolved && row.apply.result?.ok !== true) row.apply.skipped = true
}

/** Rows the plan lets us send: approved, to a person, and a change. */
export function isSendable(row: RowModel): boolean {
  const plan = row.plan
  return plan !== undefined && SENDABLE.has(plan.state) && plan.approved && plan.userId !== undefined && row.prepared?.ok === true
}

/** Applied and not undone yet: what an undo acts on. */
export function isUndoable(row: RowModel): boolean {
  return row.apply.result?.ok === true && row.undo.result?.ok !== true
}

export function toBulkRow(row: RowModel, activity: RowActivity = IDLE): BulkRow {
  const plan = row.plan
  const prepared = row.prepared?.ok ? row.prepared : undefined
  const id = row.file.rowId
  const undoResult = undoResultOf(row, activity)
  const base: BulkRow = {
    rowId: id,
    file: row.file.name,
    byteLength: row.file.byteLength,
    state: plan?.state ?? (row.prepared?.ok === false ? 'invalid' : 'unmatched'),
    approved: plan?.approved ?? false,
    result: applyResultOf(row, activity)
  }
  const resultError = row.apply.result?.ok === false ? row.apply.result.error : undefined
  const problem = plan?.problem ?? (row.prepared?.ok === false ? row.prepared.error : undefined)
  return {
    ...base,
    ...(plan?.userId !== undefined ? { userId: plan.userId } : {}),
    ...(plan?.personName !== undefined ? { personName: plan.personName } : {}),
    ...(plan?.rule !== undefined ? { rule: plan.rule } : {}),
    ...(plan?.candidates ? { candidates: plan.candidates } : {}),
    ...(plan?.duplicateOf ? { duplicateOf: plan.duplicateOf } : {}),
    ...(problem ? { problem } : {}),
    ...(plan?.crop ? { crop: plan.crop } : {}),
    ...(prepared ? { width: prepared.width, height: prepared.height } : {}),
    ...(prepared?.faceWarnings ? { faceWarnings: prepared.faceWarnings } : {}),
    ...(prepared?.uprightTurns ? { uprightTurns: prepared.uprightTurns } : {}),
    ...(resultError ? { resultError } : {}),
    ...(row.undo.result?.ok === true ? { undone: true } : {}),
    ...(undoResult ? { undoResult } : {}),
    ...(row.undo.result?.ok === false ? { undoError: row.undo.result.error } : {})
  }
}

function applyResultOf(row: RowModel, activity: RowActivity): BulkRowResult {
  if (activity.applying.has(row.file.rowId)) return 'running'
  const result = row.apply.result
  if (row.apply.unresolved) return 'pending'
  if (result) return result.ok ? 'ok' : 'failed'
  return row.apply.skipped ? 'skipped' : 'pending'
}

function undoResultOf(row: RowModel, activity: RowActivity): BulkRowResult | undefined {
  if (activity.undoing.has(row.file.rowId)) return 'running'
  if (row.undo.unresolved || row.undo.requested) return 'pending'
  const result = row.undo.result
  if (!result) return undefined
  return result.ok ? 'ok' : 'failed'
}

export function countRows(rows: readonly BulkRow[]): BulkCounts {
  const byState: { [S in BulkRowState]: number } = {
    new: 0,
    replace: 0,
    unchanged: 0,
    unmatched: 0,
    ambiguous: 0,
    duplicate: 0,
    refused: 0,
    invalid: 0
  }
  let approved = 0
  let ok = 0
  let failed = 0
  let skipped = 0
  for (const row of rows) {
    byState[row.state]++
    if (row.approved && SENDABLE.has(row.state)) approved++
    if (row.result === 'ok') ok++
    else if (row.result === 'failed') failed++
    else if (row.result === 'skipped') skipped++
  }
  return { total: rows.length, byState, approved, ok, failed, skipped }
}

/** The centred square of an image, as fractions (the default crop, as the portal itself would pick). */
export function centredSquare(width: number, height: number): CropFraction {
  const side = Math.min(width, height)
  const w = side / width
  const h = side / height
  return { x: (1 - w) / 2, y: (1 - h) / 2, width: w, height: h }
}

export function jobError(code: ErrorCode, message: string, detail?: string): { readonly ok: false; readonly error: AppError } {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } }
}
