/**
 * The plan's rows as plain data: a Map by rowId plus the plan's order, updated in place from the
 * few rows each answer or progress event carries (5,000 rows are never copied per event), and the
 * counts and filters over them. No Vue here; the store adds reactivity with two counters.
 */
import type { BulkRow, BulkRowState, CropFraction } from '../../../preload/contract'

export const STATES: readonly BulkRowState[] = ['new', 'replace', 'unchanged', 'unmatched', 'ambiguous', 'duplicate', 'refused', 'invalid']

/** The counts at the top filter by these: one state, a result once the job has run, or photos the quality check warns about. */
export type BulkFilter = 'all' | BulkRowState | 'done' | 'failed' | 'warnings'

export interface RowCounts {
  readonly total: number
  readonly byState: Readonly<Record<BulkRowState, number>>
  /** Approved rows that will be sent: what "Apply N changes" counts. */
  readonly toApply: number
  readonly ok: number
  readonly failed: number
  readonly skipped: number
  readonly undone: number
  /** Rows whose picture the quality check warns about (face framing). */
  readonly warned: number
}

/** Only these states send anything; the others need the user (or nothing at all). */
export function isSendable(row: BulkRow): boolean {
  return row.state === 'new' || row.state === 'replace'
}

export function willApply(row: BulkRow): boolean {
  return isSendable(row) && row.approved
}

export function matchesFilter(row: BulkRow, filter: BulkFilter): boolean {
  switch (filter) {
    case 'all':
      return true
    case 'done':
      return row.result === 'ok'
    case 'failed':
      return row.result === 'failed'
    case 'warnings':
      return hasFaceWarnings(row)
    default:
      return row.state === filter
  }
}

export function hasFaceWarnings(row: BulkRow): boolean {
  return (row.faceWarnings?.length ?? 0) > 0
}

export function countRows(rows: Iterable<BulkRow>): RowCounts {
  const byState = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<BulkRowState, number>
  let total = 0
  let toApply = 0
  let ok = 0
  let failed = 0
  let skipped = 0
  let undone = 0
  let warned = 0
  for (const row of rows) {
    total++
    byState[row.state]++
    if (willApply(row)) toApply++
    if (row.result === 'ok') ok++
    else if (row.result === 'failed') failed++
    else if (row.result === 'skipped') skipped++
    if (row.undone) undone++
    if (hasFaceWarnings(row)) warned++
  }
  return { total, byState, toApply, ok, failed, skipped, undone, warned }
}

/** Stable key of a crop, so a preview is fetched again only when the crop changed. */
export function cropKey(crop: CropFraction | undefined): string {
  return crop ? [crop.x, crop.y, crop.width, crop.height].map((v) => v.toFixed(5)).join(',') : 'none'
}

/** What an update did: new rows arrived, or a row changed what filters and counts look at. */
export interface PutOutcome {
  readonly added: number
  readonly regrouped: boolean
}

export class RowTable {
  readonly #rows = new Map<string, BulkRow>()
  #order: string[] = []

  get size(): number {
    return this.#rows.size
  }

  get order(): readonly string[] {
    return this.#order
  }

  get(rowId: string): BulkRow | undefined {
    return this.#rows.get(rowId)
  }

  values(): IterableIterator<BulkRow> {
    return this.#rows.values()
  }

  /** Replaces the table with a whole plan. */
  reset(rows: readonly BulkRow[] = []): void {
    this.#rows.clear()
    this.#order = []
    this.put(rows)
  }

  /** Merges changed rows in place; rows not seen before go to the end of the order. */
  put(rows: readonly BulkRow[]): PutOutcome {
    let added = 0
    let regrouped = false
    for (const row of rows) {
      const before = this.#rows.get(row.rowId)
      if (!before) {
        this.#order.push(row.rowId)
        added++
        regrouped = true
      } else if (before.state !== row.state || before.result !== row.result || before.approved !== row.approved || before.undone !== row.undone || hasFaceWarnings(before) !== hasFaceWarnings(row)) {
        regrouped = true
      }
      this.#rows.set(row.rowId, row)
    }
    // A new array when rows were added, so whoever holds the old order sees the change.
    if (added > 0) this.#order = [...this.#order]
    return { added, regrouped }
  }

  /** The rowIds passing a filter, in plan order. */
  filtered(filter: BulkFilter): readonly string[] {
    if (filter === 'all') return this.#order
    return this.#order.filter((id) => {
      const row = this.#rows.get(id)
      return row !== undefined && matchesFilter(row, filter)
    })
  }
}
