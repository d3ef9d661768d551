/**
 * What the bulk-import UI needs from main, as named methods over the contract's bulk types. The
 * host wires it to `window.app.bulk` (see provideBulkApi); until then the bulk UI stays hidden and
 * every drop keeps today's single-replace behaviour. Like the AppApi it is attached to the Pinia
 * instance, so tests hand the stores a fake (testing/fake-bulk-api.ts).
 */
import { getActivePinia, type Pinia } from 'pinia'
import type {
  BulkJobSummary,
  BulkPlan,
  BulkProgress,
  CropFraction,
  ImagePreview,
  Person,
  Result
} from '../../../preload/contract'

export interface BulkFile {
  /** The path inside the dropped folder or ZIP, '/'-separated; a `.csv` is read by main as the mapping file. */
  readonly name: string
  readonly bytes: Uint8Array
}

/** A small upright square JPEG of a row's proposed crop: the circle in the plan. */
export interface BulkPreview {
  readonly bytes: Uint8Array
  readonly mime: string
  readonly width: number
  readonly height: number
}

export interface BulkApi {
  create(arg: { readonly accountId: string }): Promise<Result<BulkJobSummary>>
  addFiles(arg: { readonly jobId: string; readonly files: readonly BulkFile[] }): Promise<Result<BulkJobSummary>>
  /** The whole plan: every row. */
  plan(arg: { readonly jobId: string }): Promise<Result<BulkPlan>>
  /** `rows` of the answer are only the rows that changed (a duplicate partner may change too). */
  assign(arg: { readonly jobId: string; readonly rowId: string; readonly userId: string | null }): Promise<Result<BulkPlan>>
  setCrop(arg: { readonly jobId: string; readonly rowId: string; readonly crop: CropFraction }): Promise<Result<BulkPlan>>
  approve(arg: { readonly jobId: string; readonly rowIds: readonly string[]; readonly approved: boolean }): Promise<Result<BulkPlan>>
  preview(arg: { readonly jobId: string; readonly rowId: string }): Promise<Result<BulkPreview>>
  /** The prepared upright image, for adjusting the crop in the editor. */
  source(arg: { readonly jobId: string; readonly rowId: string }): Promise<Result<ImagePreview>>
  apply(arg: { readonly jobId: string; readonly concurrency?: number }): Promise<Result<BulkJobSummary>>
  pause(arg: { readonly jobId: string }): Promise<Result<BulkJobSummary>>
  resume(arg: { readonly jobId: string }): Promise<Result<BulkJobSummary>>
  cancel(arg: { readonly jobId: string }): Promise<Result<BulkJobSummary>>
  /** Puts back the photos people had before the job: every row's, or only `rowIds`'. */
  undo(arg: { readonly jobId: string; readonly rowIds?: readonly string[] }): Promise<Result<BulkJobSummary>>
  jobs(arg: { readonly accountId: string }): Promise<Result<readonly BulkJobSummary[]>>
  /** Forgets the job (its changes stay). The UI does not look at the value. */
  discard(arg: { readonly jobId: string }): Promise<Result<unknown>>
  exportCsv(arg: { readonly jobId: string; readonly kind: 'plan' | 'report' }): Promise<Result<{ readonly csv: string; readonly fileName: string }>>
  /** Progress of apply and undo, with the rows that changed since the last event; returns unsubscribe. */
  onProgress(listener: (progress: BulkProgress) => void): () => void
}

/**
 * Lets the user adjust a row's crop: shows the prepared image starting from the row's crop and
 * resolves with the chosen crop, or null when they cancelled. By default the single-replace editor
 * in its crop-only mode (crop-editor.ts); `useBulkStore().setCropEditor(...)` swaps it.
 */
export type CropEditor = (input: {
  readonly image: ImagePreview
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
