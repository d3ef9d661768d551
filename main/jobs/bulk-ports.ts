/**
 * What the bulk-import service needs from the rest of main, as ports the composition root wires:
 * the people list, the matcher, image preparation, perceptual hashes, and the same change frame and
 * replace protocol a single replace uses. The service never imports those modules, so each side can
 * change without the other, and the tests drive the service with in-memory fakes.
 */
import type { AppError, BulkProgress, CropFraction, CropPixels, FaceWarningCode, FramingPreset, MatchRule, Person, Result } from '../../preload/contract'
import type { QueueFailure } from './queue'

/** A result whose failure may carry the portal's Retry-After (see QueueFailure). */
export type PortResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: QueueFailure }

/** One image prepared for upload, exactly the bytes the portal will store as the original. */
export interface PreparedImage {
  readonly bytes: Uint8Array
  readonly mime: string
  readonly width: number
  readonly height: number
  /** Optional: the service hashes the bytes itself when it spools them. */
  readonly sha256?: string
  /** Perceptual hash of the prepared picture, compared with `currentPictureHash` by `isSamePicture`. */
  readonly pictureHash?: string
  /** Face framing of the prepared picture: the crop to start from, and the quality warnings. */
  readonly proposedCrop?: CropFraction
  readonly faceWarnings?: readonly FaceWarningCode[]
  /** Clockwise quarter turns after which the face is upright (the 'not-upright' warning's turn). */
  readonly uprightTurns?: 1 | 2 | 3
}

/** What the matcher decided for one file. */
export type MatchOutcome =
  | { readonly rowId: string; readonly kind: 'matched'; readonly userId: string; readonly rule: MatchRule }
  | { readonly rowId: string; readonly kind: 'ambiguous'; readonly userIds: readonly string[]; readonly rule?: MatchRule }
  | { readonly rowId: string; readonly kind: 'unmatched' }

export interface MatchRequest {
  readonly accountId: string
  /** The job's image files, in the order they were added; `name` is the path inside the drop. */
  readonly files: readonly { readonly rowId: string; readonly name: string }[]
  readonly people: readonly Person[]
  /** CSV mapping files dropped with the photos, as text. */
  readonly mappings: readonly { readonly name: string; readonly text: string }[]
}

export interface ReplaceOneRequest {
  readonly accountId: string
  readonly userId: string
  readonly jobId: string
  readonly rowId: string
  readonly prepared: { readonly bytes: Uint8Array; readonly mime: string; readonly width: number; readonly height: number; readonly sha256: string }
  /** Pixels of the prepared image (= the stored original: it already fits 1280, CONTRACT.md §1.5). */
  readonly cropPixels: CropPixels
  /** Aborted on cancel: stop at a safe point (before the promotion) and answer app/cancelled. */
  readonly signal: AbortSignal
  /**
   * Records the outcome in the job's journal (durable when it resolves). Call it with the result
   * BEFORE releasing the person's lock, so no other write to this person can start before the
   * journal knows what happened; the service calls it itself if the port did not.
   */
  readonly commit: (outcome: PortResult<{ readonly backupId?: string }>) => Promise<void>
}

export interface RestoreOneRequest {
  readonly accountId: string
  readonly userId: string
  readonly backupId: string
  readonly signal: AbortSignal
}

export interface VerifyRequest {
  readonly accountId: string
  readonly userId: string
  /** SHA-256 (hex) of the bytes the job uploaded (or would have). */
  readonly sha256: string
  readonly signal: AbortSignal
}

export interface BulkPorts {
  /** Who is signed in where, for the journal and the report. */
  account(accountId: string): Promise<Result<{ readonly portalUrl: string; readonly actor: string }>>
  /** Everyone the account can see (the matcher needs the whole list). */
  listPeople(req: { readonly accountId: string; readonly signal?: AbortSignal }): Promise<Result<readonly Person[]>>
  /** The matcher (pure). One outcome per file, any order, keyed by rowId. */
  match(req: MatchRequest): readonly MatchOutcome[] | Promise<readonly MatchOutcome[]>
  /** Bytes -> upload-ready image, or the same image errors as a single replace (image/...). */
  /** `preset`: the job's framing preset (the app's default when absent); `rotate`: clockwise quarter turns to apply. */
  prepare(
    source: Uint8Array,
    info: { readonly name: string; readonly accountId: string; readonly preset?: FramingPreset; readonly rotate?: 1 | 2 | 3 }
  ): Promise<Result<PreparedImage>>
  /** The person's stored photo's perceptual hash, or null when they have none. */
  currentPictureHash(req: { readonly accountId: string; readonly userId: string; readonly signal?: AbortSignal }): Promise<Result<string | null>>
  isSamePicture(current: string, candidate: string): boolean
  /** Optional: a crop to start from (face framing); null = the centred square. */
  proposeCrop?(prepared: { readonly bytes: Uint8Array; readonly width: number; readonly height: number }): Promise<CropFraction | null>
  /** Optional: why the portal refuses this person (Person.canEditPhoto is false); a generic text otherwise. */
  refusal?(accountId: string, person: Person): AppError
  /** The single replace's guarantees: lock, permission, backup first, upload, exact crop, read back. */
  replaceOne(req: ReplaceOneRequest): Promise<PortResult<{ readonly backupId?: string }>>
  /** Puts the backup taken before the job's change back (the single restore). */
  restoreOne(req: RestoreOneRequest): Promise<PortResult<void>>
  /**
   * Did the person's stored original become these bytes? Asked before anything is sent again for a
   * row whose earlier attempt may have reached the portal. `backupId`: the backup that change took,
   * when the adapter can find it (so the row can still be undone).
   */
  verifyApplied(req: VerifyRequest): Promise<Result<{ readonly applied: boolean; readonly backupId?: string }>>
}

/** Where progress goes; structurally the main EventSink once `bulk:progress` is in EventChannels. */
export interface BulkEventSink {
  emit(channel: 'bulk:progress', payload: BulkProgress): void
}
