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
  | 'portal/rejected' // upload answered 200 with success:false; detail is the portal's words
  | 'portal/unexpected' // the answer did not have the shape CONTRACT.md describes
  // the address typed by the user
  | 'url/invalid' // not a URL
  | 'url/insecure' // http:// to anything but loopback
  | 'url/download-failed' // the app could not download a photo address: facts.downloadProblem says why
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
  | 'photo/partly-applied' // the new photo is on the portal but a later step (crop, verify) failed: facts say which
  | 'photo/no-backup' // nothing to restore or undo
  // bulk import
  | 'bulk/too-many-files' // a job takes at most 5,000 photos
  | 'bulk/unknown-job' // no such job (discarded, or never made on this machine)
  | 'bulk/busy' // the job is applying or undoing: wait, pause or cancel first
  | 'bulk/file-missing' // the copy of a file the job kept is gone or damaged: add the file again
  // hand-over of prepared photos through the portal's own sharing (people apply their own photo)
  | 'handoff/not-allowed' // the signed-in role cannot share files with people (a Guest): facts.role
  | 'handoff/not-waiting' // no such photo is waiting for the signed-in person: facts.handoffProblem says why
  | 'handoff/unknown' // nothing was handed over to that person from this account
  // arguments and bugs
  | 'input/invalid' // an IPC argument failed schema validation
  | 'app/cancelled' // the user cancelled long work
  | 'app/internal' // a bug: an exception that should have been a Result

export interface AppError {
  readonly code: ErrorCode
  /** English text for logs and the activity list. Never shown to the user: the renderer words the failure from code + facts. */
  readonly message: string
  /** The portal's own words (upload's success:false message, an error body) or a technical code (ECONNRESET). Never secrets. */
  readonly detail?: string
  /** HTTP status when the portal answered. */
  readonly status?: number
  /** What main knows about the failure, as data: the renderer builds its sentences from these. */
  readonly facts?: ErrorFacts
}

/** The step of a photo change that failed. */
export type ChangeStep =
  | 'check' // the permission check, before anything is sent
  | 'read' // reading the person, the portal's settings or the current photo: nothing was changed
  | 'prepare' // checking and converting the new image: nothing was sent
  | 'backup' // saving the current photo in the app's data folder: nothing was changed
  | 'upload' // sending the new photo as a temp file: the portal still shows the old one
  | 'promote' // asking the portal to switch to the uploaded photo (the point of no return)
  | 'crop' // applying the exact crop after the switch
  | 'verify' // reading every size back after the change
  | 'write' // a one-step change (delete, set from an address): the portal either made it or not

/** The person's photo on the portal after the failure, as far as main could tell. */
export type PhotoNow =
  | 'old' // unchanged: the photo they had before
  | 'none' // unchanged: they still have no photo
  | 'new' // the new photo is there, but not every size could be checked
  | 'new-centred' // the new photo, with the portal's centred square instead of the chosen crop
  | 'removed' // the photo was removed, but that could not be checked
  | 'unknown' // the connection was lost while the portal switched, and the app could not look

/** Which of the portal's rules refuses the change (CONTRACT.md §2). */
export type RefusalRule =
  | 'self-only' // 3.6.0+: each person changes only their own photo, owner and admins included
  | 'owner' // up to 3.5: only the owner may change the owner's photo
  | 'other-admin' // up to 3.5: only the owner may change another admin's photo
  | 'terminated' // up to 3.5: disabled (terminated) people's photos are not changed
  | 'role' // up to 3.5: the signed-in role may change only its own photo

/** The portal's own message sorted into what it means; decided once, in main, from the portal's text. */
export type PortalReason =
  | 'too-large' // the file is over the portal's size limit
  | 'format' // the portal does not take this file type
  | 'security' // the portal says the signed-in user may not do this
  | 'not-found' // the person (or file) is not there
  | 'download-failed' // set from an address: the portal could not download it (see addressAnswer)
  | 'address-rule' // set from an address on 3.7.1+: only public https:// addresses are fetched
  | 'not-an-image' // set from an address: what the address served is not a usable image
  | 'bad-address' // set from an address: the portal says the address is empty or not valid
  | 'other'

/** What is wrong with an image, beyond its image/* code. */
export type ImageProblem =
  | 'empty'
  | 'not-an-image' // no image signature at all
  | 'refused-format' // a format the app recognises and refuses: see refusedFormat
  | 'heic-unavailable' // HEIC cannot be decoded on this computer
  | 'heif-compression' // a HEIF image whose codec is neither HEVC nor AV1
  | 'damaged' // the header does not decode
  | 'incomplete' // the pixels do not decode: cut off (a download that did not finish) or damaged
  | 'too-many-pixels' // over maxMegapixels (the decompression-bomb guard)
  | 'over-byte-limit' // cannot be encoded under maxUploadBytes
  | 'too-small' // a side shorter than minSide

export type RefusedImageFormat = 'bmp' | 'svg' | 'ico' | 'psd' | 'jxl' | 'jpeg2000' | 'pdf'

/** What the app found wrong with a portal's answer (portal/unexpected), or with a sign-in secret before it is sent. */
export type AnswerProblem =
  | 'too-large' // bigger than any real answer of its kind: the app stopped reading it
  | 'people-count' // the portal's numbers of people are impossible or contradict each other
  | 'token-characters' // the portal's sign-in token holds line breaks or other characters a request cannot carry
  | 'key-characters' // the API key holds line breaks or other characters a request cannot carry

/** What the app found wrong with a photo address before sending it. */
export type UrlProblem = 'not-a-url' | 'not-http' | 'credentials' | 'not-https' | 'private-address' | 'unresolved' | 'default-image'

/** Why a photo address could not be downloaded (url/download-failed). */
export type DownloadProblem = 'unreachable' | 'timeout' | 'tls' | 'redirect' | 'status' | 'too-large' | 'empty'

/** Plain facts about a failure; every field is optional and set only where main knows it. */
export interface ErrorFacts {
  /** The step of a photo change that failed. */
  readonly step?: ChangeStep
  /** Which photo the person has now. */
  readonly photoNow?: PhotoNow
  /** The person the change was about, as the portal names them. */
  readonly personName?: string
  /** The portal's version, e.g. "3.7.2", when a rule of that version decided the failure. */
  readonly portalVersion?: string
  /** The rule that refuses the change. */
  readonly refusal?: RefusalRule
  /** The signed-in user's role, with a refusal. */
  readonly role?: Role
  /** What the portal's own message (AppError.detail) means. */
  readonly portalReason?: PortalReason
  /** With download-failed: what the address answered, as the portal reports it (e.g. "NotFound"). */
  readonly addressAnswer?: string
  /** The portal's upload limit in bytes (maxImageUploadSize). */
  readonly maxUploadBytes?: number
  readonly imageProblem?: ImageProblem
  readonly refusedFormat?: RefusedImageFormat
  /** Upright pixel size of the image concerned. */
  readonly width?: number
  readonly height?: number
  /** The image's pixel count in millions, and the most the app accepts. */
  readonly megapixels?: number
  readonly maxMegapixels?: number
  /** The shortest side in pixels the app accepts. */
  readonly minSide?: number
  readonly urlProblem?: UrlProblem
  readonly downloadProblem?: DownloadProblem
  /** The host of a photo address the app refused, as typed. */
  readonly urlHost?: string
  /** Seconds the portal asked to wait before trying again (Retry-After), when it said. */
  readonly retryAfterSeconds?: number
  /** What was wrong with the portal's answer or the sign-in secret. */
  readonly answerProblem?: AnswerProblem
  /** The code of the failure underneath, e.g. what made a partly applied change stop. */
  readonly cause?: ErrorCode
  /** Why a shared file is not a photo waiting for the signed-in person (handoff/not-waiting). */
  readonly handoffProblem?: HandoffProblem
}

/** Why a shared file is refused as a hand-over: a share is untrusted input. */
export type HandoffProblem =
  | 'not-shared' // the file is not (or no longer) shared with the signed-in person
  | 'not-named-for-you' // the file is not named avatar-for-<your id>.<png|jpg>
  | 'from-yourself' // you shared it yourself
  | 'too-large' // bigger than the portal's photo upload limit (facts.maxUploadBytes)
  | 'dropped' // the portal did not share the file with that person (from 3.7 it drops people the sharer may not share with)

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

/** The app's own preferences, kept in main's data folder. "system" follows the OS. */
export interface AppSettings {
  /** A BCP 47 tag the renderer offers ("de", "pt-BR"), or "system" for the OS languages. */
  readonly language: string
  readonly theme: 'system' | 'light' | 'dark'
}

export type SettingsPatch = { readonly [K in keyof AppSettings]?: AppSettings[K] }

/** `attemptId` (chosen by the renderer) lets `accounts:cancel-sign-in` abort this sign-in while it runs. */
export type SignInRequest = (
  | { readonly method: 'password'; readonly portalUrl: string; readonly email: string; readonly password: string }
  | { readonly method: 'api-key'; readonly portalUrl: string; readonly apiKey: string }
) & { readonly attemptId?: string }

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
  /** When canEditPhoto is false: the one rule that refuses it, so the lock says the real reason. */
  readonly refusal?: RefusalRule
}

export interface PeoplePageRequest {
  readonly accountId: string
  readonly startIndex: number
  /** 1..500; main asks the portal in pages of 100 (its limit from 3.2.1 on). */
  readonly count: number
}

export interface PeoplePage {
  readonly people: readonly Person[]
  readonly startIndex: number
  /** Number of people the portal has in all. */
  readonly total: number
}

/** The list as the last full load left it (main's encrypted cache), shown before the portal answers. */
export interface CachedPeople {
  /** ISO time of that load. */
  readonly savedAt: string
  /**
   * The people as the JSON text of a CachedPeopleBody, in UTF-8 bytes that are all ASCII. One block
   * of bytes crosses IPC and is parsed natively in the renderer: for 50,000 people several times
   * faster than copying 50,000 objects, and bytes are copied as they are, where a string would be
   * decoded in main and encoded again for the web host. The renderer checks every value of it.
   */
  readonly body: Uint8Array
}

/**
 * The cached people, field by field (portal order), so a value many people share (a first name,
 * a department, a role, a group) is stored once: 50,000 people take about 6 MB instead of 22 as an
 * array of Person, which shortens the read, the decryption, the transfer and the parse alike. Non-
 * ASCII characters are \u escapes in the text, so the renderer decodes bytes that are all ASCII
 * (several times faster than UTF-8 text with accents) and JSON.parse makes them characters again.
 */
export interface CachedPeopleBody {
  readonly count: number
  /** One value per person: these are (nearly) everyone's own. */
  readonly id: readonly string[]
  readonly displayName: readonly string[]
  readonly email: readonly string[]
  readonly firstName: CachedTable<string>
  readonly lastName: CachedTable<string>
  readonly title: CachedTable<string>
  readonly department: CachedTable<string>
  readonly status: CachedTable<string>
  readonly role: CachedTable<string>
  /** '' where the person has no refusal (their photo may be changed). */
  readonly refusal: CachedTable<string>
  /**
   * smallPhoto up to its '?', with the person's own id cut out (a stored photo's file is named by
   * the person's id): each table entry is the pieces around the ids, joined with the id again.
   */
  readonly photoPath: CachedTable<readonly string[]>
  /** smallPhoto from its '?' on (the ?hash= key), '' when it has none. */
  readonly photoQuery: readonly string[]
  /** Per person: 1 = hasPhoto, 2 = canEditPhoto. */
  readonly flags: readonly number[]
  /** Every group once, as [id, name]. */
  readonly groupTable: readonly (readonly [string, string])[]
  /** Every combination of groups once, as positions in groupTable in the person's order. */
  readonly groups: CachedTable<readonly number[]>
}

/** The distinct values, and each person's position among them. */
export interface CachedTable<T> {
  readonly table: readonly T[]
  readonly of: readonly number[]
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

/**
 * A picked picture opened for a person's editor in one call (photos:open): main inspected it, and
 * prepared it for Save from the same transfer and decode. `preview` is that prepared upload (upright,
 * EXIF applied, sRGB, fitted within the 1280 px the portal stores), for the editor to show instead of
 * decoding a large source itself; absent when it could not be prepared (Save then says why).
 */
export interface OpenedPicture {
  /** Names this opening for photos:framing. */
  readonly openId: string
  readonly summary: ImageSummary
  readonly preview?: { readonly bytes: Uint8Array; readonly mime: 'image/jpeg' | 'image/png'; readonly width: number; readonly height: number }
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

/** The house style's framing presets: how much of the square the head fills (see main/images/face-framing.ts). */
export type FramingPreset = 'tight' | 'standard' | 'loose'

/**
 * People a bulk job changes at once: 4 unless the user picks more; at most 15, DocSpace's default
 * per-user limit of concurrent writes (CONTRACT.md §0.5), as each person has one write in flight.
 */
export const BULK_CONCURRENCY = { default: 4, max: 15 } as const

/** Why a photo may not be fit to be a profile picture. Never blocking: the user decides. */
export const FACE_WARNING_CODES = ['no-face', 'several-faces', 'face-too-small', 'blurry', 'too-dark', 'too-bright', 'upscaled', 'not-upright', 'tilted'] as const
export type FaceWarningCode = (typeof FACE_WARNING_CODES)[number]

export interface FaceWarning {
  readonly code: FaceWarningCode
  /** several-faces: how many faces were found (the largest is framed). */
  readonly faces?: number
  /** not-upright: the clockwise quarter turns after which the faces are upright. */
  readonly turns?: QuarterTurns
  /** tilted: the eye line's angle, degrees clockwise. */
  readonly rollDegrees?: number
  /** upscaled: the side of the proposed crop in the source's pixels (under the portal's 360 px size). */
  readonly cropSide?: number
}

/** The crop the house style proposes for a photo, with the quality check (photos:frame). */
export interface FaceFraming {
  /** Of the upright image after `turns`; null when no face was found (the editor keeps its default). */
  readonly crop: CropFraction | null
  /** 0 unless the faces were found only after turning the picture (then a not-upright warning says so). */
  readonly turns: QuarterTurns
  readonly faces: number
  /** The framed face's eye line, degrees clockwise; null without a face. */
  readonly rollDegrees: number | null
  readonly warnings: readonly FaceWarning[]
  /** Set when the face detector could not run on this computer: no crop, no warnings, nothing checked. */
  readonly detectorUnavailable?: true
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
  /** The portal served an SVG: the backup (and what restore puts back) is the PNG it was rendered to. */
  readonly convertedFrom?: 'svg'
}

/** A photo change of one person, or a bulk job (one entry for the whole job). */
export type ActivityAction = PhotoAction | 'bulk-import' | 'bulk-undo'

/** One person of a bulk job's activity entry. */
export interface ActivityPerson {
  readonly userId: string
  readonly personName: string
  readonly file: string
  readonly result: 'ok' | 'failed' | 'skipped'
  /** An error code (ErrorCode), kept as text in the log. */
  readonly error?: string
}

/** A failed change in the activity log, as data: the renderer words it as it worded the failure then. */
export interface ActivityError {
  readonly code: ErrorCode
  readonly detail?: string
  readonly status?: number
  readonly facts?: ErrorFacts
}

/** What a change that succeeded did, as data for the activity's details. */
export interface ActivityChange {
  /** The side in pixels of the square crop applied (of the stored original). */
  readonly cropSide?: number
  /** The square was the face-framed crop Auto-frame proposed. */
  readonly faceFramed?: boolean
  /** Restore and undo: when the photo that came back was saved (ISO). */
  readonly restoredFrom?: string
  /** Restore and undo: the photo that came back was "no photo". */
  readonly restoredNone?: boolean
  /** Set from an address: its host. */
  readonly urlHost?: string
  /** Every size was read back and decoded. */
  readonly verified?: boolean
}

export interface ActivityEntry {
  readonly at: string
  readonly portalUrl: string
  /** Email of the signed-in user who made the change. */
  readonly actor: string
  readonly userId: string
  readonly personName: string
  readonly action: ActivityAction
  readonly result: 'ok' | 'failed'
  /** English log text (kept for the CSV); the view words `error` and `change` instead. */
  readonly detail?: string
  readonly error?: ActivityError
  readonly change?: ActivityChange
  /** A bulk job's people, each with their own result. */
  readonly people?: readonly ActivityPerson[]
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
  'accounts:cancel-sign-in': [{ readonly attemptId: string }, void]
  'accounts:switch': [{ readonly accountId: string }, AccountsOverview]
  'accounts:sign-out': [{ readonly accountId: string }, AccountsOverview]
  'accounts:forget': [{ readonly accountId: string }, AccountsOverview]
  'people:page': [PeoplePageRequest, PeoplePage]
  'people:get': [{ readonly accountId: string; readonly userId: string }, Person]
  /** The account's people as cached by the last full load, or null when there is no usable cache. */
  'people:cached': [{ readonly accountId: string }, CachedPeople | null]
  'photos:get': [{ readonly accountId: string; readonly userId: string }, PersonPhotos]
  'photos:image': [{ readonly accountId: string; readonly ref: PhotoRef }, PhotoImage]
  'photos:inspect': [{ readonly bytes: Uint8Array }, ImageSummary]
  'photos:preview': [{ readonly bytes: Uint8Array }, ImagePreview]
  /** The house style's crop for a picked image, and its quality warnings. */
  /**
   * `withPreview`: also an upright JPEG of the picture fitted within 2048 px, from the same decode, for
   * the editor to show instead of decoding a large source itself.
   */
  'photos:frame': [{ readonly bytes: Uint8Array; readonly preset: FramingPreset; readonly withPreview?: boolean }, FaceFraming & { readonly preview?: ImagePreview }]
  /**
   * Starts preparing a picked picture for the account's portal while the editor is open, so Save finds
   * it ready (no turn; a turned save prepares again). Local work only: nothing is sent to the portal.
   */
  'photos:stage': [{ readonly accountId: string; readonly bytes: Uint8Array }, { readonly staged: true }]
  /**
   * The editor's opening for a person in one call: inspect (refused like photos:inspect), prepare for
   * Save (as photos:stage does) and start the face framing with `preset`, from one transfer of the bytes.
   */
  'photos:open': [{ readonly accountId: string; readonly bytes: Uint8Array; readonly preset: FramingPreset }, OpenedPicture]
  /** The face framing photos:open started, once it is done (it may come after the editor is shown). */
  'photos:framing': [{ readonly openId: string }, FaceFraming]
  'photos:replace': [
    {
      readonly accountId: string
      readonly userId: string
      /** Chosen by the renderer (e.g. crypto.randomUUID()) so it can cancel and match progress events. */
      readonly jobId: string
      readonly bytes: Uint8Array
      readonly rotate: QuarterTurns
      readonly crop: CropFraction
      /** The photo address the bytes were downloaded from (photos:fetch-url): logged as set from that address. */
      readonly sourceUrl?: string
      /** The crop is the face-framed one Auto-frame proposed, untouched: logged as cropped to the face. */
      readonly faceFramed?: boolean
      /**
       * Saved before the face framing photos:open started had answered (Auto-frame on, square
       * untouched): main crops to that framing when it finds an upright face (logged as face-framed),
       * else to `crop`. The crop only matters at the thumbnails step, so nothing waits for it before.
       */
      readonly faceFrameOf?: string
    },
    PhotoChange
  ]
  'photos:cancel': [{ readonly jobId: string }, { readonly cancelled: boolean }]
  'photos:delete': [{ readonly accountId: string; readonly userId: string }, PhotoChange]
  'photos:set-from-url': [{ readonly accountId: string; readonly userId: string; readonly url: string }, PhotoChange]
  /** Downloads a photo address in the app (the same address rules), to show and crop it before anything is set. */
  'photos:fetch-url': [{ readonly accountId: string; readonly userId: string; readonly url: string }, { readonly bytes: Uint8Array; readonly fileName: string }]
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
  'settings:get': [void, AppSettings]
  /** Changes only the given fields; answers the settings as saved. */
  'settings:update': [SettingsPatch, AppSettings]
  /** `framingPreset`: the editor's remembered preset, which frames every row of the job alike. */
  'bulk:create': [{ readonly accountId: string; readonly framingPreset?: FramingPreset }, BulkJobSummary]
  /** Files of a dropped folder or ZIP, a few at a time; a `.csv` is a mapping file (file name -> person). */
  'bulk:add-files': [{ readonly jobId: string; readonly files: readonly { readonly name: string; readonly bytes: Uint8Array }[] }, BulkAddResult]
  /** Matches, prepares and compares with the current photos: the whole plan. */
  'bulk:plan': [{ readonly jobId: string }, BulkPlan]
  /** The plan as last computed, without asking the portal (reopening a job). */
  'bulk:current': [{ readonly jobId: string }, BulkPlan]
  /** Assigns a file to a person, or to nobody (null); answers every row whose plan changed. */
  'bulk:assign': [{ readonly jobId: string; readonly rowId: string; readonly userId: string | null }, readonly BulkRow[]]
  /** Turns a row's picture by its `uprightTurns`, prepares and frames it again (its crop goes back to the proposed one). */
  'bulk:turn': [{ readonly jobId: string; readonly rowId: string }, BulkRow]
  /** null goes back to the proposed crop. */
  'bulk:set-crop': [{ readonly jobId: string; readonly rowId: string; readonly crop: CropFraction | null }, BulkRow]
  'bulk:approve': [{ readonly jobId: string; readonly rowIds: readonly string[]; readonly approved: boolean }, readonly BulkRow[]]
  /** The prepared upright image (what the portal will store), for the plan's circle and the crop editor. */
  'bulk:preview': [{ readonly jobId: string; readonly rowId: string }, PhotoImage]
  'bulk:apply': [{ readonly jobId: string; readonly concurrency?: number }, BulkJobSummary]
  'bulk:pause': [{ readonly jobId: string }, BulkJobSummary]
  'bulk:resume': [{ readonly jobId: string; readonly concurrency?: number }, BulkJobSummary]
  'bulk:cancel': [{ readonly jobId: string }, BulkJobSummary]
  /** Puts back the photos people had before the job: every applied row's, or only `rowIds`'. */
  'bulk:undo': [{ readonly jobId: string; readonly rowIds?: readonly string[] }, BulkJobSummary]
  'bulk:jobs': [{ readonly accountId: string }, readonly BulkJobSummary[]]
  /** Forgets the job and its spooled files; the changes it made stay (and their backups). */
  'bulk:discard': [{ readonly jobId: string }, { readonly discarded: true }]
  'bulk:export-csv': [{ readonly jobId: string; readonly kind: 'plan' | 'report' }, { readonly csv: string; readonly fileName: string }]
  /**
   * Prepares the photo exactly as the person's profile will keep it, puts it in the signed-in user's
   * "My documents" as avatar-for-<userId>.<ext> and shares it read-only with that one person, who is
   * notified. Preparing again for the same person replaces the waiting file.
   */
  'handoff:prepare': [
    {
      readonly accountId: string
      readonly userId: string
      readonly bytes: Uint8Array
      readonly rotate: QuarterTurns
      readonly crop: CropFraction
    },
    Handoff
  ]
  /** Hands over the prepared photos of a bulk job's rows (default: every 'refused' row with a person). */
  'handoff:from-bulk': [{ readonly jobId: string; readonly rowIds?: readonly string[] }, readonly HandoffOutcome[]]
  /** Removes the share and deletes the file; the record stays as 'withdrawn'. */
  'handoff:withdraw': [{ readonly accountId: string; readonly userId: string }, Handoff]
  /** Shares again with a notice, so the person is reminded. */
  'handoff:remind': [{ readonly accountId: string; readonly userId: string }, Handoff]
  /** The account's hand-overs as last checked, newest first (local only, no portal call). */
  'handoff:list': [{ readonly accountId: string }, readonly Handoff[]]
  /** Checks the hand-overs on the portal (all, or only userIds) and answers the whole list, newest first. */
  'handoff:status': [{ readonly accountId: string; readonly userIds?: readonly string[] }, readonly Handoff[]]
  'handoff:export-csv': [{ readonly accountId: string }, { readonly csv: string; readonly fileName: string }]
  /** Person side: photos shared with the signed-in person that are named for them. */
  'handoff:waiting': [{ readonly accountId: string }, readonly WaitingPhoto[]]
  /** Person side: the waiting photo's bytes (checked to be a PNG or JPEG under the portal's limit), to show it at every size. */
  'handoff:image': [{ readonly accountId: string; readonly fileId: number }, WaitingImage]
  /** Person side: applies the waiting photo as a replace does (backup first, exact crop, every size read back). */
  'handoff:accept': [{ readonly accountId: string; readonly fileId: number }, PhotoChange]
  /** Person side: "No thanks": removes the share from the person's view (the sharer sees it as declined). */
  'handoff:decline': [{ readonly accountId: string; readonly fileId: number }, { readonly declined: true }]
  /** Asks people without a photo to add their own: shares a short instruction file with each, with a notice. */
  'handoff:ask': [{ readonly accountId: string; readonly userIds: readonly string[] }, readonly AskOutcome[]]
  /** Everyone asked from this account, and whether they have a photo now. */
  'handoff:asked': [{ readonly accountId: string; readonly refresh?: boolean }, readonly PhotoRequest[]]
  /** How this account hands photos over from now on; answers it. Without `route`, only reads it. */
  'handoff:route': [{ readonly accountId: string; readonly route?: HandoffRoute }, HandoffRoute]
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
  'accounts:cancel-sign-in': { api: ['accounts', 'cancelSignIn'] },
  'accounts:switch': { api: ['accounts', 'switchTo'] },
  'accounts:sign-out': { api: ['accounts', 'signOut'] },
  'accounts:forget': { api: ['accounts', 'forget'] },
  'people:page': { api: ['people', 'page'] },
  'people:get': { api: ['people', 'get'] },
  'people:cached': { api: ['people', 'cached'] },
  'photos:get': { api: ['photos', 'get'] },
  'photos:image': { api: ['photos', 'image'] },
  'photos:inspect': { api: ['photos', 'inspect'] },
  'photos:preview': { api: ['photos', 'preview'] },
  'photos:frame': { api: ['photos', 'frame'] },
  'photos:stage': { api: ['photos', 'stage'] },
  'photos:open': { api: ['photos', 'open'] },
  'photos:framing': { api: ['photos', 'framing'] },
  'photos:replace': { api: ['photos', 'replace'] },
  'photos:cancel': { api: ['photos', 'cancel'] },
  'photos:delete': { api: ['photos', 'remove'] },
  'photos:set-from-url': { api: ['photos', 'setFromUrl'] },
  'photos:fetch-url': { api: ['photos', 'fetchUrl'] },
  'photos:original': { api: ['photos', 'original'] },
  'photos:history': { api: ['photos', 'history'] },
  'photos:restore': { api: ['photos', 'restore'] },
  'photos:undo': { api: ['photos', 'undo'] },
  'activity:list': { api: ['activity', 'list'] },
  'activity:export-csv': { api: ['activity', 'exportCsv'], noArg: true },
  'settings:get': { api: ['settings', 'get'], noArg: true },
  'settings:update': { api: ['settings', 'update'] },
  'bulk:create': { api: ['bulk', 'create'] },
  'bulk:add-files': { api: ['bulk', 'addFiles'] },
  'bulk:plan': { api: ['bulk', 'plan'] },
  'bulk:current': { api: ['bulk', 'current'] },
  'bulk:assign': { api: ['bulk', 'assign'] },
  'bulk:set-crop': { api: ['bulk', 'setCrop'] },
  'bulk:turn': { api: ['bulk', 'turn'] },
  'bulk:approve': { api: ['bulk', 'approve'] },
  'bulk:preview': { api: ['bulk', 'preview'] },
  'bulk:apply': { api: ['bulk', 'apply'] },
  'bulk:pause': { api: ['bulk', 'pause'] },
  'bulk:resume': { api: ['bulk', 'resume'] },
  'bulk:cancel': { api: ['bulk', 'cancel'] },
  'bulk:undo': { api: ['bulk', 'undo'] },
  'bulk:jobs': { api: ['bulk', 'jobs'] },
  'bulk:discard': { api: ['bulk', 'discard'] },
  'bulk:export-csv': { api: ['bulk', 'exportCsv'] },
  'handoff:prepare': { api: ['handoff', 'prepare'] },
  'handoff:from-bulk': { api: ['handoff', 'fromBulk'] },
  'handoff:withdraw': { api: ['handoff', 'withdraw'] },
  'handoff:remind': { api: ['handoff', 'remind'] },
  'handoff:list': { api: ['handoff', 'list'] },
  'handoff:status': { api: ['handoff', 'status'] },
  'handoff:export-csv': { api: ['handoff', 'exportCsv'] },
  'handoff:waiting': { api: ['handoff', 'waiting'] },
  'handoff:image': { api: ['handoff', 'image'] },
  'handoff:accept': { api: ['handoff', 'accept'] },
  'handoff:decline': { api: ['handoff', 'decline'] },
  'handoff:ask': { api: ['handoff', 'ask'] },
  'handoff:asked': { api: ['handoff', 'asked'] },
  'handoff:route': { api: ['handoff', 'route'] }
} as const satisfies { readonly [C in RequestChannel]: RequestEntry<C> }

/** Event channels (main -> renderer): name -> payload. */
export interface EventChannels {
  /** An account's state changed behind the renderer's back, e.g. its token expired. */
  'accounts:changed': AccountsOverview
  /** Progress of a photos:replace job. */
  'photos:progress': PhotoProgress
  /** Progress of a bulk job's apply or undo, with the rows that changed since the last event. */
  'bulk:progress': BulkProgress
}

export type EventChannel = keyof EventChannels

/** Listeners on window.app, `window.app[namespace][method](listener)`; they return the unsubscribe function. */
export const EVENT_TABLE = {
  'accounts:changed': { api: ['accounts', 'onChanged'] },
  'photos:progress': { api: ['photos', 'onProgress'] },
  'bulk:progress': { api: ['bulk', 'onProgress'] }
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
  /** The quality check of the prepared picture (face framing); absent when nothing was found wrong. */
  readonly faceWarnings?: readonly FaceWarningCode[]
  /** The picture is not upright: its face is after this many clockwise quarter turns (bulk:turn applies them). */
  readonly uprightTurns?: 1 | 2 | 3
  /** Rows in a sendable state start approved; the user can un-approve. */
  readonly approved: boolean
  readonly result: BulkRowResult
  readonly resultError?: AppError
  /** Set once the row's person has been undone back to the photo they had before the job. */
  readonly undone?: boolean
  /** The undo of this row, once one was asked for ('pending' while queued or interrupted). */
  readonly undoResult?: BulkRowResult
  readonly undoError?: AppError
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

/** The answer to adding files to a job. */
export interface BulkAddResult {
  /** The new image rows (not yet planned: state 'unmatched' until bulk:plan). */
  readonly added: readonly BulkRow[]
  /** CSV files kept as mapping files for the matcher. */
  readonly mappings: readonly string[]
  /** Names not added: system files (.DS_Store, Thumbs.db, __MACOSX/...) or a file already in the job. */
  readonly ignored: readonly string[]
}

// ---------------------------------------------------------------------------------------------
// Hand-over: HR prepares a photo, the person applies it (DocSpace 3.6+ lets only a person write
// their own photo). The file goes into HR's "My documents" and is shared read-only with that one
// person (CONTRACT-ROOMS.md §3.3, §10 "Privacy variant").
// ---------------------------------------------------------------------------------------------

/**
 * Where a hand-over stands, decided as CONTRACT-ROOMS.md §8 says (never from the `?hash=` alone):
 * applied = the person's photo changed and their stored original is byte for byte the prepared file.
 */
export type HandoffState =
  | 'waiting' // shared, the person has not acted yet
  | 'applied' // the person's stored original is the prepared file
  | 'declined' // the person chose "No thanks" (their share record reads Restrict)
  | 'superseded' // the person's photo changed, but to another picture
  | 'withdrawn' // the signed-in user withdrew it (share removed, file deleted)

/**
 * 'private': the sharer's "My documents", shared with that one person. 'room': a room ("Profile
 * photos") the person is invited to read; everyone in it sees every photo and every member.
 */
export type HandoffRoute = 'private' | 'room'

export interface Handoff {
  readonly userId: string
  /** As the portal named the person when the photo was prepared. */
  readonly personName: string
  readonly state: HandoffState
  /** The file in the signed-in user's "My documents", or in the room. */
  readonly fileId: number
  /** Absent: 'private' (records from before rooms were offered). */
  readonly route?: HandoffRoute
  /** The room it was put in (route 'room'). */
  readonly roomId?: number
  /** avatar-for-<userId>.jpg or .png */
  readonly title: string
  /** SHA-256 (hex) of the uploaded bytes: what the person's stored original must equal. */
  readonly sha256: string
  readonly width: number
  readonly height: number
  /** The square crop, as fractions of the prepared image; it travels in the share message too. */
  readonly crop: CropFraction
  /** ISO times. */
  readonly preparedAt: string
  readonly remindedAt?: string
  /** When the state last changed from waiting (applied, declined, superseded, withdrawn). */
  readonly decidedAt?: string
  /** The last status check on the portal. */
  readonly checkedAt?: string
}

/** One row of handoff:from-bulk: the hand-over, or why that row could not be handed over. */
export interface HandoffOutcome {
  readonly rowId: string
  readonly userId?: string
  readonly handoff?: Handoff
  readonly error?: AppError
}

/** A photo shared with the signed-in person and named for them. */
export interface WaitingPhoto {
  readonly fileId: number
  readonly title: string
  /** Who shared it (the file's owner), as the portal names them. */
  readonly from: { readonly id: string; readonly displayName: string }
  readonly byteLength: number
  /** ISO time the file was last updated, when the portal says. */
  readonly updatedAt?: string
  /** The crop the sharer chose (from the note they attached), when there is one. */
  readonly crop?: CropFraction
}

export interface WaitingImage extends PhotoImage {
  readonly fileId: number
  /** The recorded crop, or the centred square the portal would use. */
  readonly crop: CropFraction
}

export interface AskOutcome {
  readonly userId: string
  readonly ok: boolean
  readonly error?: AppError
}

/** A person asked to add their own photo, and what the portal said the last time it was checked. */
export interface PhotoRequest {
  readonly userId: string
  readonly personName: string
  /** ISO time of the (last) request. */
  readonly askedAt: string
  readonly hasPhoto: boolean
  /** ISO time the app first saw a photo after the request. */
  readonly photoSince?: string
  readonly checkedAt?: string
}
