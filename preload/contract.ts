/**
 * THE contract between the trusted main process and the untrusted renderer.
 *
 * Every request channel (`noun:verb`), its argument and result types, every event channel, the
 * Result envelope and the error codes live here and only here. This file imports nothing, so it can
 * be read by main, preload, the renderer and the web host alike. Data crossing it is plain and
 * readonly: no classes, no functions, no Dates (timestamps are ISO strings), binary as Uint8Array.
 */

// ---------------------------------------------------------------------------------------------
// Result envelope and error codes
// ---------------------------------------------------------------------------------------------

/** Error codes are `domain/reason`. Switches over them must be exhaustive (assertNever). */
export type ErrorCode =
  // sign-in and sessions
  | 'auth/invalid-credentials' // wrong email/password or API key (401 on sign-in)
  | 'auth/invalid-code' // wrong two-factor code
  | 'auth/challenge-expired' // the two-factor challenge id is unknown or too old
  | 'auth/expired' // the stored token was rejected (401 on any call): sign in again
  | 'auth/user-disabled' // 403 "User disabled" on sign-in
  | 'auth/too-many-attempts' // 403 brute-force protection on sign-in
  | 'auth/not-signed-in' // no session for that account in this app run
  // the portal answered, but not with what we wanted
  | 'portal/forbidden' // 403: role, version rule or missing API-key scope
  | 'portal/not-found' // 404: the person (or temp file) is gone
  | 'portal/bad-request' // 400: the portal rejected the request's shape
  | 'portal/payment-required' // 402: unpaid SaaS tenant
  | 'portal/rate-limited' // 429 after retries were used up
  | 'portal/server-error' // 5xx after retries were used up
  | 'portal/rejected' // upload answered 200 with success:false; message is the portal's
  | 'portal/unexpected' // the answer did not have the shape CONTRACT.md describes
  // the address typed by the user
  | 'url/invalid' // not a URL
  | 'url/insecure' // http:// to anything but loopback
  // the network
  | 'net/unreachable' // DNS failure, connection refused
  | 'net/timeout'
  | 'net/connection-lost' // reset or closed mid-request
  | 'net/tls' // certificate errors are reported, never bypassed
  // the OS keychain
  | 'keychain/unavailable' // Secret Service / Keychain / Credential Manager cannot be used
  // images (photo editing)
  | 'image/unsupported' // not an image format we can read
  | 'image/corrupt' // the header says image, the pixels do not decode
  | 'image/too-large' // decompression bomb or over the pixel limit
  | 'image/too-small'
  // photo changes
  | 'photo/partly-applied' // the new photo is on the portal but a later step (crop, verify) failed: message says which
  | 'photo/no-backup' // nothing to restore or undo
  // arguments and bugs
  | 'input/invalid' // an IPC argument failed schema validation
  | 'app/cancelled' // the user cancelled long work
  | 'app/internal' // a bug: an exception that should have been a Result

export interface AppError {
  readonly code: ErrorCode
  /** Human-readable, already localized where main knows the text; the renderer may map the code instead. */
  readonly message: string
  /** The portal's own words, e.g. upload's success:false message or an HTTP status text. Never secrets. */
  readonly detail?: string
  /** HTTP status when the portal answered. */
  readonly status?: number
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError }

// ---------------------------------------------------------------------------------------------
// Accounts and sessions
// ---------------------------------------------------------------------------------------------

/**
 * Roles as DocSpace types them (CONTRACT.md §5.3 role flags: isOwner, isAdmin, isRoomAdmin,
 * isVisitor for a guest; a user has none of them, or isCollaborator).
 */
export type Role = 'owner' | 'admin' | 'room-admin' | 'user' | 'guest'

/** What the signed-in user may do with photos on this portal (CONTRACT.md §2). */
export type PhotoRule =
  | 'self-only' // DocSpace 3.6.0+: everyone may change only their own photo
  | 'admin-may-edit-others' // up to 3.5.x, signed in as owner or DocSpace admin
  | 'own-only-by-role' // up to 3.5.x, signed in as room admin, user or guest

export interface PhotoPolicy {
  readonly rule: PhotoRule
  /** Parsed from /settings/version/build, e.g. "3.7.2". */
  readonly portalVersion: string
}

export interface SignedInUser {
  readonly id: string
  readonly displayName: string
  readonly email: string
  readonly role: Role
}

export type AccountState = 'signed-in' | 'signed-out' | 'expired'

/** A remembered portal + user. `id` is stable: derived from portal origin and user id. */
export interface Account {
  readonly id: string
  /** Normalized origin, e.g. "https://hr.example.com" or "http://127.0.0.1:5123". */
  readonly portalUrl: string
  readonly user: SignedInUser
  readonly state: AccountState
  /** Where the token lives: the OS keychain, or memory only when the keychain cannot be used. */
  readonly tokenStorage: 'keychain' | 'session-only'
  readonly policy: PhotoPolicy
  /** ISO time of the last successful sign-in. */
  readonly lastSignedInAt: string
}

export interface AccountsOverview {
  readonly accounts: readonly Account[]
  readonly activeAccountId: string | null
  /** False when the OS keychain cannot be used: sign-ins then last for this run only. */
  readonly keychainAvailable: boolean
}

export type SignInRequest =
  | { readonly method: 'password'; readonly portalUrl: string; readonly email: string; readonly password: string }
  | { readonly method: 'api-key'; readonly portalUrl: string; readonly apiKey: string }

export type SignInOutcome =
  | { readonly kind: 'signed-in'; readonly account: Account }
  /** The portal wants a second factor. Answer with `accounts:verify-code` and this challenge id. */
  | { readonly kind: 'two-factor'; readonly challengeId: string; readonly via: 'app' | 'sms'; readonly phoneNoise?: string }

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

export type PersonStatus = 'active' | 'disabled' | 'pending'

export interface GroupRef {
  readonly id: string
  readonly name: string
}

/** The six stored photo sizes (CONTRACT.md §3.1), largest first. */
export type PhotoSize = 'original' | 'retina' | 'max' | 'big' | 'medium' | 'small'

/** Opaque reference to one stored photo file; pass it back to `photos:image`. Carries the ?hash= key. */
export type PhotoRef = string

/** One row of the people list. */
export interface Person {
  readonly id: string
  readonly displayName: string
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  readonly title: string
  readonly department: string
  readonly groups: readonly GroupRef[]
  readonly status: PersonStatus
  readonly role: Role
  readonly hasPhoto: boolean
  /** The 32 px photo (or the portal's default image). */
  readonly smallPhoto: PhotoRef
  /** Whether the signed-in user may change this person's photo under the portal's rules. */
  readonly canEditPhoto: boolean
}

export interface PeoplePageRequest {
  readonly accountId: string
  readonly startIndex: number
  /** 1..100 (the portal's limit from 3.2.1 on). */
  readonly count: number
}

export interface PeoplePage {
  readonly people: readonly Person[]
  readonly startIndex: number
  /** Number of people the portal has in all. */
  readonly total: number
}

export interface PersonPhotos {
  readonly userId: string
  readonly hasPhoto: boolean
  readonly sizes: readonly { readonly size: PhotoSize; readonly ref: PhotoRef }[]
}

export interface PhotoImage {
  readonly bytes: Uint8Array
  readonly mime: string
  /** Real pixel dimensions, decoded from the bytes. */
  readonly width: number
  readonly height: number
}

// ---------------------------------------------------------------------------------------------
// Photo editing: inspect, preview, replace, delete, set from a URL, history, restore, undo
// ---------------------------------------------------------------------------------------------

/** What the image's header says, before any decoding (photos:inspect). Width/height are upright (EXIF applied). */
export interface ImageSummary {
  readonly format: string
  readonly width: number
  readonly height: number
  readonly byteLength: number
  readonly frames: number
  readonly hasAlpha: boolean
}

/**
 * An upright JPEG of a source the browser cannot display (HEIC, TIFF), decoded as main prepares it
 * (EXIF orientation applied), fitted within 2048 px, for the editor (photos:preview).
 */
export interface ImagePreview {
  readonly bytes: Uint8Array
  readonly mime: 'image/jpeg'
  readonly width: number
  readonly height: number
}

/** Clockwise quarter turns the user applied in the editor, on top of the EXIF orientation. */
export type QuarterTurns = 0 | 1 | 2 | 3

/**
 * The square crop the user chose, as fractions (0..1) of the upright, rotated source image, so it
 * does not depend on the size the editor displayed it at. Main maps it onto the prepared upload.
 */
export interface CropFraction {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/**
 * A crop in pixels of the portal's stored original (CONTRACT.md §1.5 Branch B: thumbnails without a
 * temp file re-cut every size from the stored original at exactly these pixels).
 */
export interface CropPixels {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export type PhotoAction = 'replace' | 'delete' | 'set-from-url' | 'restore' | 'undo'

/** The outcome of a photo change, already read back from the portal. */
export interface PhotoChange {
  readonly action: PhotoAction
  readonly userId: string
  /** The updated list row (new smallPhoto ref, hasPhoto). */
  readonly person: Person
  readonly photos: PersonPhotos
  /** Every size was read back and decoded. */
  readonly verified: boolean
  /** The backup taken before the change, if the person had anything to back up. */
  readonly backupId?: string
}

/** A saved previous photo of one person (kept in the app's data folder, per portal and person). */
export interface HistoryEntry {
  readonly id: string
  readonly userId: string
  /** ISO time the backup was taken. */
  readonly savedAt: string
  /** Which change it was taken before. */
  readonly before: PhotoAction
  /** False when the person had no photo then: restoring it removes the photo. */
  readonly hadPhoto: boolean
  readonly width?: number
  readonly height?: number
  /** The crop in use then, when known (the app set it); otherwise restore uses the portal's centred square. */
  readonly crop?: CropPixels
  /** A small JPEG preview of the backed-up photo. */
  readonly preview?: Uint8Array
}

export interface ActivityEntry {
  readonly at: string
  readonly portalUrl: string
  /** Email of the signed-in user who made the change. */
  readonly actor: string
  readonly userId: string
  readonly personName: string
  readonly action: PhotoAction
  readonly result: 'ok' | 'failed'
  readonly detail?: string
}

export type PhotoPhase = 'preparing' | 'backing-up' | 'uploading' | 'applying' | 'cropping' | 'verifying' | 'done'

export interface PhotoProgress {
  readonly jobId: string
  readonly userId: string
  readonly phase: PhotoPhase
  /** 0..1 within the uploading phase. */
  readonly percent?: number
  /** False once the portal has switched to the new photo (the point of no return). */
  readonly cancellable: boolean
}

// ---------------------------------------------------------------------------------------------
// Channels. A request channel is declared once here: its types in RequestChannels and its place
// on window.app in REQUEST_TABLE (the compiler insists on both). The channel lists, AppApi and
// createBridge (preload/bridge.ts) follow from them; main adds a schema (main/ipc/schemas.ts) and a
// handler (main/ipc/handlers.ts), both also demanded by the compiler. Events work the same way
// with EventChannels and EVENT_TABLE.
// ---------------------------------------------------------------------------------------------

/** Request channels: name -> [argument, result value]. Every handler answers Result<value>. */
export interface RequestChannels {
  'accounts:overview': [void, AccountsOverview]
  'accounts:sign-in': [SignInRequest, SignInOutcome]
  'accounts:verify-code': [{ readonly challengeId: string; readonly code: string }, SignInOutcome]
  'accounts:switch': [{ readonly accountId: string }, AccountsOverview]
  'accounts:sign-out': [{ readonly accountId: string }, AccountsOverview]
  'accounts:forget': [{ readonly accountId: string }, AccountsOverview]
  'people:page': [PeoplePageRequest, PeoplePage]
  'people:get': [{ readonly accountId: string; readonly userId: string }, Person]
  'photos:get': [{ readonly accountId: string; readonly userId: string }, PersonPhotos]
  'photos:image': [{ readonly accountId: string; readonly ref: PhotoRef }, PhotoImage]
  'photos:inspect': [{ readonly bytes: Uint8Array }, ImageSummary]
  'photos:preview': [{ readonly bytes: Uint8Array }, ImagePreview]
  'photos:replace': [
    {
      readonly accountId: string
      readonly userId: string
      /** Chosen by the renderer (e.g. crypto.randomUUID()) so it can cancel and match progress events. */
      readonly jobId: string
      readonly bytes: Uint8Array
      readonly rotate: QuarterTurns
      readonly crop: CropFraction
    },
    PhotoChange
  ]
  'photos:cancel': [{ readonly jobId: string }, { readonly cancelled: boolean }]
  'photos:delete': [{ readonly accountId: string; readonly userId: string }, PhotoChange]
  'photos:set-from-url': [{ readonly accountId: string; readonly userId: string; readonly url: string }, PhotoChange]
  'photos:original': [
    { readonly accountId: string; readonly userId: string },
    { readonly bytes: Uint8Array; readonly mime: string; readonly fileName: string }
  ]
  'photos:history': [{ readonly accountId: string; readonly userId: string }, readonly HistoryEntry[]]
  'photos:restore': [{ readonly accountId: string; readonly userId: string; readonly entryId: string }, PhotoChange]
  /** Undoes the last change this app made on that account (restores the backup taken before it). */
  'photos:undo': [{ readonly accountId: string }, PhotoChange]
  'activity:list': [{ readonly accountId?: string; readonly limit?: number }, readonly ActivityEntry[]]
  'activity:export-csv': [void, { readonly csv: string; readonly fileName: string }]
}

export type RequestChannel = keyof RequestChannels
export type ArgOf<C extends RequestChannel> = RequestChannels[C][0]
export type ValueOf<C extends RequestChannel> = RequestChannels[C][1]

/** Where a channel appears on window.app: `window.app[namespace][method]`. */
export interface ApiPlace {
  readonly api: readonly [namespace: string, method: string]
}

/**
 * A channel without an argument (void) gets a method without parameters, marked `noArg` so the
 * bridge sends undefined even when a caller passes something (e.g. a click event).
 */
type RequestEntry<C extends RequestChannel> = ApiPlace & ([ArgOf<C>] extends [void] ? { readonly noArg: true } : { readonly noArg?: never })

export const REQUEST_TABLE = {
  'accounts:overview': { api: ['accounts', 'overview'], noArg: true },
  'accounts:sign-in': { api: ['accounts', 'signIn'] },
  'accounts:verify-code': { api: ['accounts', 'verifyCode'] },
  'accounts:switch': { api: ['accounts', 'switchTo'] },
  'accounts:sign-out': { api: ['accounts', 'signOut'] },
  'accounts:forget': { api: ['accounts', 'forget'] },
  'people:page': { api: ['people', 'page'] },
  'people:get': { api: ['people', 'get'] },
  'photos:get': { api: ['photos', 'get'] },
  'photos:image': { api: ['photos', 'image'] },
  'photos:inspect': { api: ['photos', 'inspect'] },
  'photos:preview': { api: ['photos', 'preview'] },
  'photos:replace': { api: ['photos', 'replace'] },
  'photos:cancel': { api: ['photos', 'cancel'] },
  'photos:delete': { api: ['photos', 'remove'] },
  'photos:set-from-url': { api: ['photos', 'setFromUrl'] },
  'photos:original': { api: ['photos', 'original'] },
  'photos:history': { api: ['photos', 'history'] },
  'photos:restore': { api: ['photos', 'restore'] },
  'photos:undo': { api: ['photos', 'undo'] },
  'activity:list': { api: ['activity', 'list'] },
  'activity:export-csv': { api: ['activity', 'exportCsv'], noArg: true }
} as const satisfies { readonly [C in RequestChannel]: RequestEntry<C> }

/** Event channels (main -> renderer): name -> payload. */
export interface EventChannels {
  /** An account's state changed behind the renderer's back, e.g. its token expired. */
  'accounts:changed': AccountsOverview
  /** Progress of a photos:replace job. */
  'photos:progress': PhotoProgress
}

export type EventChannel = keyof EventChannels

/** Listeners on window.app, `window.app[namespace][method](listener)`; they return the unsubscribe function. */
export const EVENT_TABLE = {
  'accounts:changed': { api: ['accounts', 'onChanged'] },
  'photos:progress': { api: ['photos', 'onProgress'] }
} as const satisfies { readonly [E in EventChannel]: ApiPlace }

export const REQUEST_CHANNELS = Object.freeze(Object.keys(REQUEST_TABLE)) as readonly RequestChannel[]
export const EVENT_CHANNELS = Object.freeze(Object.keys(EVENT_TABLE)) as readonly EventChannel[]

// ---------------------------------------------------------------------------------------------
// Transport and the API the renderer sees as window.app
// ---------------------------------------------------------------------------------------------

/**
 * The one thing a host must provide: Electron's ipcRenderer (via preload) or the web host's HTTP
 * transport. `createBridge` in preload/bridge.ts turns it into AppApi.
 */
export interface Transport {
  invoke(channel: RequestChannel, arg: unknown): Promise<unknown>
  /** Subscribes to an event channel; returns the unsubscribe function. */
  on(channel: EventChannel, listener: (payload: unknown) => void): () => void
}

type RequestTable = typeof REQUEST_TABLE
type EventTable = typeof EVENT_TABLE
type NamespaceOf<P extends ApiPlace> = P['api'][0]
type MethodOf<P extends ApiPlace> = P['api'][1]
type ApiNamespace = NamespaceOf<RequestTable[RequestChannel]> | NamespaceOf<EventTable[EventChannel]>
type RequestsIn<N extends string> = { [C in RequestChannel]: NamespaceOf<RequestTable[C]> extends N ? C : never }[RequestChannel]
type EventsIn<N extends string> = { [E in EventChannel]: NamespaceOf<EventTable[E]> extends N ? E : never }[EventChannel]
type RequestMethod<C extends RequestChannel> = RequestTable[C] extends { readonly noArg: true }
  ? () => Promise<Result<ValueOf<C>>>
  : (arg: ArgOf<C>) => Promise<Result<ValueOf<C>>>
type Listen<E extends EventChannel> = (listener: (payload: EventChannels[E]) => void) => () => void
/** Shows one object type in hovers and errors instead of an intersection of mapped types. */
type Flat<T> = { [K in keyof T]: T[K] } & {}

/** Named methods, one per request channel and per event channel, placed as the two tables say. */
export type AppApi = {
  readonly [N in ApiNamespace]: Flat<
    { readonly [C in RequestsIn<N> as MethodOf<RequestTable[C]>]: RequestMethod<C> } & {
      readonly [E in EventsIn<N> as MethodOf<EventTable[E]>]: Listen<E>
    }
  >
}

// ---------------------------------------------------------------------------------------------
// Bulk import: many files matched to people, reviewed as a plan, applied as a queue, undone whole
// ---------------------------------------------------------------------------------------------

/** What will happen to one file of a bulk job (decided before anything is sent). */
export type BulkRowState =
  | 'new' // the person has no photo: this becomes their first
  | 'replace' // the person's photo will be replaced
  | 'unchanged' // the picture is the one the person already has (perceptual hash): nothing to send
  | 'unmatched' // no person found for this file
  | 'ambiguous' // more than one person fits: see candidates
  | 'duplicate' // another file is matched to the same person: pick one
  | 'refused' // the portal's rules do not let this account change this person's photo
  | 'invalid' // not an image, or an image problem (same errors as a single replace)

/** Which rule matched a file to a person, so the plan can explain itself. */
export type MatchRule =
  | 'mapping' // a CSV dropped with the photos said so
  | 'email'
  | 'email-local' // the part before @
  | 'user-name'
  | 'user-id'
  | 'first-last' // "Anna Berg", "anna-berg"
  | 'first.last'
  | 'first_last'
  | 'last-first' // "Berg Anna"
  | 'last-comma-first' // "Berg, Anna"
  | 'manual' // the user assigned it in the plan

export interface BulkCandidate {
  readonly userId: string
  readonly displayName: string
  readonly email: string
  readonly department: string
}

/** The outcome of applying (or undoing) one row. */
export type BulkRowResult = 'pending' | 'running' | 'ok' | 'failed' | 'skipped'

export interface BulkRow {
  readonly rowId: string
  /** The file's name (path inside a dropped folder or ZIP, '/'-separated). */
  readonly file: string
  readonly byteLength: number
  readonly state: BulkRowState
  readonly userId?: string
  readonly personName?: string
  readonly rule?: MatchRule
  /** For 'ambiguous': everyone who fits. */
  readonly candidates?: readonly BulkCandidate[]
  /** For 'duplicate': the other rows matched to the same person. */
  readonly duplicateOf?: readonly string[]
  /** For 'invalid' (the image problem) and 'refused' (the portal rule). */
  readonly problem?: AppError
  /** The square crop that will be applied, as fractions of the prepared upright image. */
  readonly crop?: CropFraction
  /** The prepared image's size (what the portal will store as the original). */
  readonly width?: number
  readonly height?: number
  /** Rows in a sendable state start approved; the user can un-approve. */
  readonly approved: boolean
  readonly result: BulkRowResult
  readonly resultError?: AppError
  /** Set once the row's person has been undone back to the photo they had before the job. */
  readonly undone?: boolean
}

export type BulkJobPhase = 'adding' | 'planning' | 'ready' | 'applying' | 'paused' | 'finished' | 'cancelled' | 'undoing'

export interface BulkCounts {
  readonly total: number
  readonly byState: { readonly [S in BulkRowState]: number }
  readonly approved: number
  readonly ok: number
  readonly failed: number
  readonly skipped: number
}

export interface BulkJobSummary {
  readonly jobId: string
  readonly accountId: string
  readonly createdAt: string
  readonly phase: BulkJobPhase
  readonly counts: BulkCounts
  /** True when the app stopped in the middle of applying: the job can be resumed. */
  readonly interrupted: boolean
}

export interface BulkPlan {
  readonly job: BulkJobSummary
  readonly rows: readonly BulkRow[]
}

export interface BulkProgress {
  readonly jobId: string
  readonly phase: BulkJobPhase
  readonly done: number
  readonly total: number
  readonly failed: number
  /** Rows per minute over the last few results. */
  readonly perMinute?: number
  readonly secondsLeft?: number
  /** Rows whose state or result changed since the last event. */
  readonly rows: readonly BulkRow[]
}
