/**
 * What the bulk-import UI needs from main: the shape of `window.app.bulk` as the contract's
 * bulk channels give it (bulk:create ... bulk:export-csv, bulk:progress), so the host hands its
 * `app.bulk` over as it is (see provideBulkApi). Until then the bulk UI stays hidden and every
 * drop keeps today's single-replace behaviour. Like the AppApi it is attached to the Pinia
 * instance, so tests hand the stores a fake (testing/fake-bulk-api.ts).
 */
import { getActivePinia, type Pinia } from 'pinia'
import type { BulkJobSummary, BulkPlan, BulkProgress, BulkRow, CropFraction, FramingPreset, Person, PhotoImage, Result } from '../../../preload/contract'

export interface BulkFile {
  /** The path inside the dropped folder or ZIP, '/'-separated; a `.csv` is read by main as the mapping file. */
  readonly name: string
  readonly bytes: Uint8Array
}

/** The answer to adding files (the contract's BulkAddResult). */
export interface BulkAddResult {
  /** The new image rows (not yet planned: state 'unmatched' until plan). */
  readonly added: readonly BulkRow[]
  /** CSV files kept as mapping files for the matcher. */
  readonly mappings: readonly string[]
  /** Names not added: system files, or a file already in the job. */
  readonly ignored: readonly string[]
}

type JobArg = { readonly jobId: string }

export interface BulkApi {
  create(arg: { readonly accountId: string; readonly framingPreset?: FramingPreset }): Promise<Result<BulkJobSummary>>
  addFiles(arg: JobArg & { readonly files: readonly BulkFile[] }): Promise<Result<BulkAddResult>>
  /** Matches, prepares and compares with the current photos: the whole plan. */
  plan(arg: JobArg): Promise<Result<BulkPlan>>
  /** The plan as last computed, without asking the portal (reopening a job). */
  current(arg: JobArg): Promise<Result<BulkPlan>>
  /** Every row whose plan changed (a duplicate partner may change too). */
  assign(arg: JobArg & { readonly rowId: string; readonly userId: string | null }): Promise<Result<readonly BulkRow[]>>
  /** null goes back to the proposed crop. */
  setCrop(arg: JobArg & { readonly rowId: string; readonly crop: CropFraction | null }): Promise<Result<BulkRow>>
  turn(arg: JobArg & { readonly rowId: string }): Promise<Result<BulkRow>>
  approve(arg: JobArg & { readonly rowIds: readonly string[]; readonly approved: boolean }): Promise<Result<readonly BulkRow[]>>
  /** The prepared upright image (what the portal will store): the plan's circle shows its crop; the crop editor edits it. */
  preview(arg: JobArg & { readonly rowId: string }): Promise<Result<PhotoImage>>
  apply(arg: JobArg & { readonly concurrency?: number }): Promise<Result<BulkJobSummary>>
  pause(arg: JobArg): Promise<Result<BulkJobSummary>>
  resume(arg: JobArg & { readonly concurrency?: number }): Promise<Result<BulkJobSummary>>
  cancel(arg: JobArg): Promise<Result<BulkJobSummary>>
  /** Puts back the photos people had before the job: every applied row's, or only `rowIds`'. */
  undo(arg: JobArg & { readonly rowIds?: readonly string[] }): Promise<Result<BulkJobSummary>>
  jobs(arg: { readonly accountId: string }): Promise<Result<readonly BulkJobSummary[]>>
  /** Forgets the job (its changes stay). The UI does not look at the value. */
  discard(arg: JobArg): Promise<Result<{ readonly discarded: true }>>
  exportCsv(arg: JobArg & { readonly kind: 'plan' | 'report' }): Promise<Result<{ readonly csv: string; readonly fileName: string }>>
  /** Progress of apply and undo, with the rows that changed since the last event; returns unsubscribe. */
  onProgress(listener: (progress: BulkProgress) => void): () => void
}

/**
 * Lets the user adjust a row's crop: shows the prepared image starting from the row's crop and
 * resolves with the chosen crop, or null when they cancelled. By default the single-replace editor
 * in its crop-only mode (crop-editor.ts); `useBulkStore().setCropEditor(...)` swaps it.
 */
export type CropEditor = (input: {
  readonly image: PhotoImage
  readonly crop: CropFraction | undefined
  readonly fileName: string
  readonly person: Person | null
}) => Promise<CropFraction | null>

const apis = new WeakMap<Pinia, BulkApi>()

export function provideBulkApi(pinia: Pinia, api: BulkApi): void {
  apis.set(pinia, api)
}

/** For a store's setup: the bulk api of the Pinia being used, or null when the host has none. */
export function useBulkApi(): BulkApi | null {
  const pinia = getActivePinia()
  return (pinia && apis.get(pinia)) ?? null
}

/** The host's bulk api, when its window.app has one (a bridge built before bulk import has not). */
export function bulkApiOf(app: unknown): BulkApi | null {
  if (typeof app !== 'object' || app === null) return null
  const bulk = (app as { bulk?: unknown }).bulk
  if (typeof bulk !== 'object' || bulk === null) return null
  return typeof (bulk as Partial<BulkApi>).create === 'function' && typeof (bulk as Partial<BulkApi>).onProgress === 'function' ? (bulk as BulkApi) : null
}
