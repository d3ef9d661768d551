/**
 * Photo changes (issue 4): replace with an exact crop, delete, set from a URL, download the original,
 * per-person history with restore, and undo of the last change. Every change:
 * - is refused up front when the portal's rules do not allow it (photo-policy.ts, CONTRACT.md §2), so
 *   nothing is sent;
 * - backs up the person's current photo first (backup-store.ts), and does nothing if that fails;
 * - reads the result back and decodes every size before it reports success;
 * - goes to the activity log, whatever its outcome.
 *
 * Replace follows CONTRACT.md §1.4/§1.5: upload as a temp file (`Autosave=false`), promote it with a
 * thumbnails call carrying `tmpFile` (the point of no return: the portal switches to the new photo and
 * resets the crop to a centred square), then apply the exact crop with a second thumbnails call
 * without `tmpFile`, in pixels of the stored original (= our prepared upload, which fits 1280).
 */
import type {
  Account,
  AppError,
  CropPixels,
  HistoryEntry,
  ImagePreview,
  ImageSummary,
  Person,
  PersonPhotos,
  PhotoAction,
  PhotoChange,
  PhotoPhase,
  PhotoProgress,
  PhotoSize,
  QuarterTurns,
  CropFraction,
  Result
} from '../../preload/contract'
import type { DocSpaceClient } from '../docspace/client'
import type { ThumbnailsDataDto } from '../docspace/dto'
import { fail, ok } from '../core/result'
import type { EventSink } from '../core/events'
import { previewPhoto } from '../images/editor-preview'
import { imageInfo } from '../images/image-info'
import { photoPreview, type EncodedPhoto } from '../images/photo-ops'
import { inspectImage, PHOTO_DEFAULTS, preparePhoto } from '../images/prepare-photo'
import type { AccountsService, Session } from './accounts-service'
import type { ActivityLog } from './activity-log'
import type { BackupStore } from './backup-store'
import type { Logger } from '../core/logger'
import { cropToPixels, scaleCrop } from './photo-crop'
import { beforeChangeFailure, forbiddenExplanation, personGone, urlRefusedMessage, type ChangeStage } from './photo-messages'
import { toPerson } from './people-service'

const SIZES: readonly PhotoSize[] = ['original', 'retina', 'max', 'big', 'medium', 'small']
const SQUARE_PIXELS: { readonly [S in Exclude<PhotoSize, 'original'>]: number } = { retina: 360, max: 200, big: 82, medium: 48, small: 32 }
/** CONTRACT.md §3.3: the code default, used when /settings does not say (0 for anonymous callers). */
const FALLBACK_MAX_UPLOAD = 1024 * 1024
/** A 5 MB upload on a slow office link can take longer than the client's usual 30 s. */
const UPLOAD_TIMEOUT_MS = 120_000

export interface PhotoEditorServiceOptions {
  readonly accounts: AccountsService
  readonly backups: BackupStore
  readonly activity: ActivityLog
  readonly events: EventSink
  readonly log: Logger
  /** Attempts for each idempotent step after the point of no return (crop, verify). Default 3. */
  readonly stepAttempts?: number
  /** Pause before such a retry, times the attempt number. Default 300 ms. */
  readonly retryDelayMs?: number
}

export interface ReplaceRequest {
  readonly accountId: string
  readonly userId: string
  readonly jobId: string
  readonly bytes: Uint8Array
  readonly rotate: QuarterTurns
  readonly crop: CropFraction
}

interface Job {
  readonly userId: string
  readonly controller: AbortController
  /** False from the moment the promotion is sent. */
  cancellable: boolean
}

/** What one change works with: the session and the person as the portal describes them now. */
interface ChangeContext {
  readonly action: PhotoAction
  readonly session: Session
  readonly person: Person
}

interface CurrentPhoto {
  readonly dto: ThumbnailsDataDto
  readonly original?: { readonly bytes: Uint8Array; readonly mime: string; readonly width: number; readonly height: number }
}

interface Backup {
  readonly entry: HistoryEntry
  readonly current: CurrentPhoto
}

/** Progress reporting for a replace job; restore and undo run without one. */
interface JobHooks {
  readonly job: Job
  readonly signal: AbortSignal
  progress(phase: PhotoPhase, percent?: number): void
}

/** The result of a change plus a short note for the activity log. */
type Outcome = Result<PhotoChange> & { readonly note?: string }

export class PhotoEditorService {
  readonly #accounts: AccountsService
  readonly #backups: BackupStore
  readonly #activity: ActivityLog
  readonly #events: EventSink
  readonly #log: Logger
  readonly #stepAttempts: number
  readonly #retryDelayMs: number
  readonly #jobs = new Map<string, Job>()
  /** One change at a time per person, so backups and changes never interleave. */
  readonly #locks = new Map<string, Promise<unknown>>()
  /** maxImageUploadSize per account (CONTRACT.md §3.3). */
  readonly #uploadLimits = new Map<string, number>()

  constructor(options: PhotoEditorServiceOptions) {
    this.#accounts = options.accounts
    this.#backups = options.backups
    this.#activity = options.activity
    this.#events = options.events
    this.#log = options.log
    this.#stepAttempts = Math.max(1, options.stepAttempts ?? 3)
    this.#retryDelayMs = Math.max(0, options.retryDelayMs ?? 300)
  }

  /** The header of a picked image, for the editor; refuses what preparation would refuse from it. */
  async inspect(arg: { readonly bytes: Uint8Array }): Promise<Result<ImageSummary>> {
    const header = await inspectImage(arg.bytes)
    if (!header.ok) return { ok: false, error: header.error }
    const { format, width, height, byteLength, frames, hasAlpha, pixelCount } = header.value
    if (pixelCount > PHOTO_DEFAULTS.maxInputPixels) {
      const mp = (n: number): string => `${Number((n / 1_000_000).toFixed(1))}`
      return fail(
        'image/too-large',
        `The image is ${width} × ${height} pixels (${mp(pixelCount)} megapixels); photos up to ${mp(PHOTO_DEFAULTS.maxInputPixels)} megapixels can be used. Scale it down in an image editor and try again.`,
        { detail: `${width}x${height}` }
      )
    }
    if (Math.min(width, height) < PHOTO_DEFAULTS.minSide) {
      return fail('image/too-small', `The image is only ${width} × ${height} pixels; a photo needs at least ${PHOTO_DEFAULTS.minSide} pixels on each side.`, {
        detail: `${width}x${height}`
      })
    }
    return ok({ format, width, height, byteLength, frames, hasAlpha })
  }

  /**
   * An upright JPEG of a picked image for the editor, when the browser cannot show the source (HEIC,
   * TIFF). Decoded the way replace prepares it, so the crop drawn on it means the same pixels.
   */
  async preview(arg: { readonly bytes: Uint8Array }): Promise<Result<ImagePreview>> {
    const preview = await previewPhoto(arg.bytes)
    if (!preview.ok) return { ok: false, error: preview.error }
    return ok(preview.value)
  }

  /** Prepare, back up, upload (temp), promote, crop, verify. Progress goes out as `photos:progress`. */
  async replace(req: ReplaceRequest): Promise<Result<PhotoChange>> {
    if (this.#jobs.has(req.jobId)) return fail('input/invalid', 'A photo change with this job id is already running.')
    const job: Job = { userId: req.userId, controller: new AbortController(), cancellable: true }
    this.#jobs.set(req.jobId, job)
    const hooks: JobHooks = {
      job,
      signal: job.controller.signal,
      progress: (phase, percent) =>
        this.#emit({ jobId: req.jobId, userId: req.userId, phase, cancellable: job.cancellable, ...(percent !== undefined ? { percent } : {}) })
    }
    try {
      hooks.progress('preparing')
      return await this.#change('replace', req.accountId, req.userId, async (ctx) => {
        const limit = await this.#uploadLimit(ctx.session)
        if (!limit.ok) return this.#before(ctx, limit.error, 'read')
        // Read the current photo (for the backup) while the new one is prepared: both only read, and
        // the backup is still saved only once preparation has succeeded.
        const current = this.#readCurrent(ctx.session.client, ctx.person.id)
        current.catch(() => undefined) // awaited below; only an early return leaves it unobserved
        const prepared = await preparePhoto(req.bytes, { maxUploadBytes: limit.value, rotate: req.rotate })
        if (!prepared.ok) return { ok: false, error: prepared.error }
        if (hooks.signal.aborted) return this.#cancelled(ctx)
        hooks.progress('backing-up')
        const backup = await this.#backup(ctx, current)
        if (!backup.ok) return backup
        if (hooks.signal.aborted) return this.#cancelled(ctx)
        const crop = cropToPixels(req.crop, prepared.value.width, prepared.value.height)
        return this.#applyOriginal(ctx, prepared.value, crop, backup.value, limit.value, hooks)
      })
    } finally {
      this.#jobs.delete(req.jobId)
    }
  }

  /** Aborts a replace job before its point of no return; afterwards it answers cancelled: false. */
  cancel(arg: { readonly jobId: string }): Result<{ readonly cancelled: boolean }> {
    const job = this.#jobs.get(arg.jobId)
    if (!job || !job.cancellable) return ok({ cancelled: false })
    job.controller.abort()
    this.#log.info('photo job cancelled', { job: arg.jobId })
    return ok({ cancelled: true })
  }

  /** DELETE, after a backup. */
  remove(arg: { readonly accountId: string; readonly userId: string }): Promise<Result<PhotoChange>> {
    return this.#change('delete', arg.accountId, arg.userId, async (ctx) => {
      const backup = await this.#backup(ctx)
      if (!backup.ok) return backup
      return this.#applyDeletion(ctx, backup.value)
    })
  }

  /** PUT with the URL (CONTRACT.md §1.6), after a backup: the portal downloads the image itself. */
  setFromUrl(arg: { readonly accountId: string; readonly userId: string; readonly url: string }): Promise<Result<PhotoChange>> {
    return this.#change('set-from-url', arg.accountId, arg.userId, async (ctx) => {
      const url = checkPhotoUrl(arg.url)
      if (!url.ok) return url
      const backup = await this.#backup(ctx)
      if (!backup.ok) return backup
      const { client } = ctx.session
      const put = await client.setPhotoFromUrl(arg.userId, url.value)
      if (!put.ok) {
        // PUT is retried by the HTTP client on a lost connection; if it still failed, look before reporting.
        const changed = isTransient(put.error) ? await this.#changedSince(client, arg.userId, backup.value.current.dto) : false
        if (!changed) return { ok: false, error: urlRefusedMessage(put.error, ctx.session.account, ctx.person) }
      }
      await this.#rememberLastChange(ctx, backup.value)
      return this.#finish(ctx, backup.value, { hasPhoto: true }, undefined)
    })
  }

  /** The stored original, as a download. */
  original(arg: { readonly accountId: string; readonly userId: string }): Promise<Result<{ readonly bytes: Uint8Array; readonly mime: string; readonly fileName: string }>> {
    return this.#accounts.call(arg.accountId, async (session) => {
      const person = await this.#person(session, arg.userId)
      if (!person.ok) return person
      const current = await this.#readCurrent(session.client, arg.userId)
      if (!current.ok) return { ok: false, error: readFailure(current.error, session.account, person.value) }
      const stored = current.value.original
      if (!stored) return fail('portal/not-found', `${person.value.displayName} has no photo on the portal.`)
      return ok({ bytes: stored.bytes, mime: stored.mime, fileName: `${fileNameBase(person.value.displayName, arg.userId)}-original.${extensionOf(stored.mime)}` })
    })
  }

  /** Saved photos of one person, newest first. Local only: works signed out too. */
  async history(arg: { readonly accountId: string; readonly userId: string }): Promise<Result<readonly HistoryEntry[]>> {
    return ok(await this.#backups.list(arg.accountId, arg.userId))
  }

  /** Puts a saved photo back (re-upload + saved crop), backing up the current one first. */
  restore(arg: { readonly accountId: string; readonly userId: string; readonly entryId: string }): Promise<Result<PhotoChange>> {
    return this.#restore('restore', arg.accountId, arg.userId, arg.entryId)
  }

  /** Restores the backup taken before the last change this app made on the account. Undo twice = redo. */
  async undo(arg: { readonly accountId: string }): Promise<Result<PhotoChange>> {
    const session = await this.#accounts.session(arg.accountId)
    if (!session.ok) return session
    const last = await this.#backups.lastChange(arg.accountId)
    if (!last) return fail('photo/no-backup', 'There is nothing to undo on this portal yet.')
    return this.#restore('undo', arg.accountId, last.userId, last.backupId)
  }

  /** Forgets what was cached for an account (sign-out, forget). */
  dropAccount(accountId: string): void {
    this.#uploadLimits.delete(accountId)
  }

  // ---------------------------------------------------------------------------------------------
  // The steps
  // ---------------------------------------------------------------------------------------------

  #restore(action: 'restore' | 'undo', accountId: string, userId: string, entryId: string): Promise<Result<PhotoChange>> {
    return this.#change(action, accountId, userId, async (ctx) => {
      const saved = await this.#backups.get(accountId, userId, entryId)
      if (!saved) return fail('photo/no-backup', 'This saved photo is no longer available in the app’s data folder, so it cannot be restored.')
      const backup = await this.#backup(ctx)
      if (!backup.ok) return backup
      if (!saved.entry.hadPhoto || !saved.original) return this.#applyDeletion(ctx, backup.value)

      const limit = await this.#uploadLimit(ctx.session)
      if (!limit.ok) return this.#before(ctx, limit.error, 'read')
      const { bytes, mime } = saved.original
      const width = saved.entry.width
      const height = saved.entry.height
      const crop = saved.entry.crop
      // The saved original goes back byte for byte when the portal will take it as is (PNG/JPEG under the limit).
      if ((mime === 'image/jpeg' || mime === 'image/png') && bytes.byteLength <= limit.value && width !== undefined && height !== undefined) {
        return this.#applyOriginal(ctx, { bytes, mime, width, height }, crop, backup.value, limit.value, undefined)
      }
      // Otherwise (e.g. a WebP set from a URL, or a big PNG on a 1 MB portal) it has to be prepared again.
      const prepared = await preparePhoto(bytes, { maxUploadBytes: limit.value })
      if (!prepared.ok) return { ok: false, error: prepared.error }
      const scaled = crop && width && height ? scaleCrop(crop, { width, height }, prepared.value) : undefined
      return this.#applyOriginal(ctx, prepared.value, scaled, backup.value, limit.value, undefined)
    })
  }

  /**
   * Upload as temp, promote (point of no return), apply the crop, verify. Before the promotion every
   * failure leaves the old photo; after it, crop and verify are retried, then reported as partly applied.
   */
  async #applyOriginal(ctx: ChangeContext, photo: EncodedPhoto, crop: CropPixels | undefined, backup: Backup, maxUploadBytes: number, hooks: JobHooks | undefined): Promise<Outcome> {
    const { client } = ctx.session
    const userId = ctx.person.id
    hooks?.progress('uploading', 0)
    let reported = 0
    const upload = await client.uploadPhoto(userId, photo.bytes, {
      autosave: false,
      filename: photo.mime === 'image/png' ? 'photo.png' : 'photo.jpg',
      mime: photo.mime,
      timeoutMs: UPLOAD_TIMEOUT_MS,
      ...(hooks
        ? {
            signal: hooks.signal,
            onProgress: (sent: number, total: number | undefined) => {
              const share = total ? Math.min(1, sent / total) : undefined
              // A few dozen events per upload are plenty for a progress bar.
              if (share !== undefined && (share - reported >= 0.04 || (share === 1 && reported < 1))) {
                reported = share
                hooks.progress('uploading', share)
              }
            }
          }
        : {})
    })
    if (!upload.ok) return this.#before(ctx, upload.error, 'upload', maxUploadBytes)
    if (hooks?.signal.aborted) return this.#cancelled(ctx)

    // The point of no return: from here the portal may switch to the new photo, so cancel says no.
    if (hooks) hooks.job.cancellable = false
    hooks?.progress('applying')
    if (upload.value.kind === 'temp') {
      const promoted = await this.#promote(ctx, upload.value.tmpFile, crop, backup.current.dto)
      if (!promoted.ok) return promoted
    }
    // A portal that stored the upload at once (kind 'stored') has switched too.
    await this.#rememberLastChange(ctx, backup)

    if (crop) {
      hooks?.progress('cropping')
      const cropped = await this.#retrying(() => client.createThumbnails(userId, crop))
      if (!cropped.ok) return this.#partly(ctx, 'crop', cropped.error)
      await this.#saveAppliedCrop(ctx, photo.bytes, crop)
    }
    hooks?.progress('verifying')
    const finished = await this.#finish(ctx, backup, { hasPhoto: true, width: photo.width, height: photo.height }, crop)
    if (finished.ok) hooks?.progress('done')
    return finished
  }

  /**
   * The thumbnails call with `tmpFile`. When it fails in a way that leaves the outcome unknown (lost
   * connection, 5xx), the photo is read back: a new hash means the portal did switch. A retry is only
   * sent while the old photo is provably still there.
   */
  async #promote(ctx: ChangeContext, tmpFile: string, crop: CropPixels | undefined, before: ThumbnailsDataDto): Promise<Result<true>> {
    const { client } = ctx.session
    const userId = ctx.person.id
    let lastError: AppError | undefined
    let stillOld = false
    for (let attempt = 1; attempt <= 2; attempt++) {
      if (attempt > 1) await delay(this.#retryDelayMs)
      // The crop sent here is ignored by the portal (§1.5 Branch A), but costs nothing and says what we meant.
      const res = await client.createThumbnails(userId, { tmpFile, ...(crop ?? { x: 0, y: 0, width: 0, height: 0 }) })
      if (res.ok) return ok(true)
      lastError = res.error
      if (res.error.code === 'auth/expired') break
      const now = await client.photo(userId)
      if (now.ok && now.value.original !== before.original) return ok(true)
      stillOld = now.ok
      if (!isTransient(res.error) || !now.ok) break
    }
    const error = lastError ?? { code: 'portal/unexpected' as const, message: 'The portal did not switch to the new photo.' }
    if (stillOld || !isTransient(error)) return { ok: false, error: beforeChangeFailure(error, { account: ctx.session.account, person: ctx.person, stage: 'promote' }) }
    return {
      ok: false,
      error: {
        ...error,
        message: `The connection was lost while the portal was switching to the new photo, and the app could not check whether ${ctx.person.displayName} has the old or the new photo. Refresh to see which; the old photo is saved in the history.`
      }
    }
  }

  async #applyDeletion(ctx: ChangeContext, backup: Backup): Promise<Outcome> {
    const { client } = ctx.session
    const userId = ctx.person.id
    const res = await client.deletePhoto(userId)
    if (!res.ok) {
      const changed = isTransient(res.error) ? await this.#changedSince(client, userId, backup.current.dto) : false
      if (!changed) return this.#before(ctx, res.error, 'write')
    }
    await this.#rememberLastChange(ctx, backup)
    return this.#finish(ctx, backup, { hasPhoto: false }, undefined)
  }

  /** Reads the photo back, decodes every size, and builds the PhotoChange. Retried; then "partly applied". */
  async #finish(ctx: ChangeContext, backup: Backup, expected: { readonly hasPhoto: boolean; readonly width?: number; readonly height?: number }, crop: CropPixels | undefined): Promise<Outcome> {
    const verified = await this.#retrying(() => this.#verify(ctx.session.client, ctx.person.id, expected))
    if (!verified.ok) {
      if (verified.error.code === 'portal/not-found') return { ok: false, error: { ...verified.error, message: personGone() } }
      return this.#partly(ctx, expected.hasPhoto ? 'verify' : 'verify-removal', verified.error)
    }
    const dto = verified.value
    const hasPhoto = isStoredPhoto(dto.original)
    const photos: PersonPhotos = { userId: ctx.person.id, hasPhoto, sizes: SIZES.map((size) => ({ size, ref: dto[size] })) }
    const change: PhotoChange = {
      action: ctx.action,
      userId: ctx.person.id,
      person: { ...ctx.person, hasPhoto, smallPhoto: dto.small },
      photos,
      verified: true,
      backupId: backup.entry.id
    }
    const note = [crop ? `crop ${crop.width}×${crop.height} at ${crop.x},${crop.y}` : undefined, `backup ${backup.entry.id}`].filter(Boolean).join('; ')
    return { ok: true, value: change, note }
  }

  async #verify(client: DocSpaceClient, userId: string, expected: { readonly hasPhoto: boolean; readonly width?: number; readonly height?: number }): Promise<Result<ThumbnailsDataDto>> {
    const photo = await client.photo(userId)
    if (!photo.ok) return photo
    const dto = photo.value
    if (isStoredPhoto(dto.original) !== expected.hasPhoto) {
      return fail('portal/unexpected', expected.hasPhoto ? 'The portal still shows no photo.' : 'The portal still shows a photo.')
    }
    const checks = await Promise.all(
      SIZES.map(async (size): Promise<Result<true>> => {
        const file = await client.fetchFile(dto[size])
        if (!file.ok) return file
        const info = await imageInfo(file.value.bytes)
        if (!info.ok) return fail('portal/unexpected', `The ${size} photo does not load: ${info.error.message}`)
        const want =
          size === 'original'
            ? expected.hasPhoto && expected.width !== undefined && expected.height !== undefined
              ? { width: expected.width, height: expected.height }
              : undefined
            : { width: SQUARE_PIXELS[size], height: SQUARE_PIXELS[size] }
        if (want && (info.value.width !== want.width || info.value.height !== want.height)) {
          return fail('portal/unexpected', `The ${size} photo is ${info.value.width}×${info.value.height}, expected ${want.width}×${want.height}.`)
        }
        return ok(true)
      })
    )
    const failed = checks.find((c) => !c.ok)
    return failed && !failed.ok ? failed : ok(dto)
  }

  /** Saves the person's current photo (exact original bytes, known crop, preview) before a change. */
  async #backup(ctx: ChangeContext, read?: Promise<Result<CurrentPhoto>>): Promise<Result<Backup>> {
    const { session, person, action } = ctx
    const current = await (read ?? this.#readCurrent(session.client, person.id))
    if (!current.ok) return this.#before(ctx, current.error, 'backup')
    const original = current.value.original
    try {
      const crop = original ? await this.#backups.appliedCrop(session.account.id, person.id, original.bytes) : undefined
      const preview = original ? await photoPreview(original.bytes, crop) : undefined
      const entry = await this.#backups.save({
        accountId: session.account.id,
        userId: person.id,
        before: action,
        ...(original ? { original } : {}),
        ...(crop ? { crop } : {}),
        ...(preview ? { preview } : {})
      })
      return ok({ entry, current: current.value })
    } catch (e) {
      this.#log.error('backup failed; the change was not made', { user: person.id, code: (e as NodeJS.ErrnoException).code })
      return fail(
        'app/internal',
        `The current photo of ${person.displayName} could not be saved in the app’s data folder (is the disk full?), so nothing was changed.`,
        { detail: String((e as NodeJS.ErrnoException).code ?? '') }
      )
    }
  }

  async #readCurrent(client: DocSpaceClient, userId: string): Promise<Result<CurrentPhoto>> {
    const photo = await client.photo(userId)
    if (!photo.ok) return photo
    const dto = photo.value
    if (!isStoredPhoto(dto.original)) return ok({ dto })
    const file = await client.fetchFile(dto.original)
    if (!file.ok) return file
    const info = await imageInfo(file.value.bytes)
    if (!info.ok) {
      return fail('portal/unexpected', 'The current photo on the portal cannot be read, so it cannot be backed up; nothing was changed.', {
        ...(info.error.detail ? { detail: info.error.detail } : {})
      })
    }
    return ok({ dto, original: { bytes: file.value.bytes, mime: info.value.mime, width: info.value.width, height: info.value.height } })
  }

  /** After a lost connection: did the portal make the change anyway? (Every write issues a new ?hash=.) */
  async #changedSince(client: DocSpaceClient, userId: string, before: ThumbnailsDataDto): Promise<boolean> {
    const now = await client.photo(userId)
    return now.ok && now.value.original !== before.original
  }

  async #rememberLastChange(ctx: ChangeContext, backup: Backup): Promise<void> {
    try {
      await this.#backups.setLastChange(ctx.session.account.id, { userId: ctx.person.id, backupId: backup.entry.id, action: ctx.action, at: new Date().toISOString() })
    } catch (e) {
      this.#log.error('cannot record the last change (undo)', { code: (e as NodeJS.ErrnoException).code })
    }
  }

  async #saveAppliedCrop(ctx: ChangeContext, original: Uint8Array, crop: CropPixels): Promise<void> {
    try {
      await this.#backups.setAppliedCrop(ctx.session.account.id, ctx.person.id, original, crop)
    } catch (e) {
      this.#log.error('cannot record the applied crop', { code: (e as NodeJS.ErrnoException).code })
    }
  }

  async #uploadLimit(session: Session): Promise<Result<number>> {
    const cached = this.#uploadLimits.get(session.account.id)
    if (cached !== undefined) return ok(cached)
    const settings = await session.client.settings()
    if (!settings.ok) return settings
    const limit = settings.value.maxImageUploadSize > 0 ? settings.value.maxImageUploadSize : FALLBACK_MAX_UPLOAD
    this.#uploadLimits.set(session.account.id, limit)
    return ok(limit)
  }

  /** Retries an idempotent step (crop, verify) that failed for a reason that may pass. */
  async #retrying<T>(step: () => Promise<Result<T>>): Promise<Result<T>> {
    let result = await step()
    for (let attempt = 2; attempt <= this.#stepAttempts && !result.ok && isWorthRetrying(result.error); attempt++) {
      await delay(this.#retryDelayMs * (attempt - 1))
      result = await step()
    }
    return result
  }

  // ---------------------------------------------------------------------------------------------
  // The frame every change runs in
  // ---------------------------------------------------------------------------------------------

  /**
   * Session (a 401 expires the account through AccountsService.call), one change per person at a time,
   * the person as the portal has them now, the permission check, and the activity log entry.
   */
  async #change(action: PhotoAction, accountId: string, userId: string, work: (ctx: ChangeContext) => Promise<Outcome>): Promise<Result<PhotoChange>> {
    let account: Account | undefined
    let personName = ''
    const result: Outcome = await this.#accounts.call(accountId, (session) =>
      this.#locked(`${accountId}\n${userId}`, async (): Promise<Outcome> => {
        account = session.account
        const person = await this.#person(session, userId)
        if (!person.ok) return person
        personName = person.value.displayName
        if (!person.value.canEditPhoto) {
          // Refused before anything is sent: the portal would answer 403 or "Security error." (CONTRACT.md §2).
          return fail('portal/forbidden', `${forbiddenExplanation(session.account, person.value)} Nothing was changed.`)
        }
        return work({ action, session, person: person.value })
      })
    )
    if (account) {
      await this.#activity.append({
        at: new Date().toISOString(),
        accountId,
        portalUrl: account.portalUrl,
        actor: account.user.email,
        userId,
        personName,
        action,
        result: result.ok ? 'ok' : 'failed',
        ...(result.ok ? (result.note ? { detail: result.note } : {}) : { detail: `${result.error.code}: ${result.error.message}` })
      })
      this.#log.info('photo change', { action, account: accountId, user: userId, result: result.ok ? 'ok' : result.error.code })
    }
    if (!result.ok) return { ok: false, error: result.error }
    return { ok: true, value: result.value }
  }

  async #person(session: Session, userId: string): Promise<Result<Person>> {
    const dto = await session.client.person(userId)
    if (!dto.ok) return { ok: false, error: readFailure(dto.error, session.account, undefined) }
    return ok(toPerson(dto.value, { id: session.account.user.id, role: session.account.user.role }, session.version))
  }

  #before(ctx: ChangeContext, error: AppError, stage: ChangeStage, maxUploadBytes?: number): { ok: false; error: AppError } {
    return { ok: false, error: beforeChangeFailure(error, { account: ctx.session.account, person: ctx.person, stage, ...(maxUploadBytes ? { maxUploadBytes } : {}) }) }
  }

  #cancelled(ctx: ChangeContext): { ok: false; error: AppError } {
    return fail('app/cancelled', `Cancelled. ${ctx.person.hasPhoto ? `${ctx.person.displayName} keeps the old photo.` : `${ctx.person.displayName} still has no photo.`}`)
  }

  /**
   * After the point of no return: the change is on the portal, a later step failed. Say exactly what
   * the person has now. A 401 keeps its code, so the account still goes back to sign-in.
   */
  #partly(ctx: ChangeContext, step: 'crop' | 'verify' | 'verify-removal', error: AppError): { ok: false; error: AppError } {
    const name = ctx.person.displayName
    const now = step === 'verify-removal' ? `${name}'s photo was removed` : `${name} now has the new photo`
    if (error.code === 'auth/expired') {
      const next = step === 'crop' ? ' Sign in again and repeat the change to apply the crop.' : ' Sign in again to see it.'
      return { ok: false, error: { ...error, message: `${now}, but the session expired before the app could finish.${next}` } }
    }
    const message =
      step === 'crop'
        ? `${now}, but with the portal's centred square crop: applying your crop failed (${error.message}). Try again to re-apply the crop; the old photo is saved in the history.`
        : `${now}, but reading it back failed (${error.message}), so not every size could be checked. Refresh to see it, and try again if something looks wrong.`
    return fail('photo/partly-applied', message, { detail: error.detail ?? error.code, ...(error.status ? { status: error.status } : {}) })
  }

  #emit(progress: PhotoProgress): void {
    try {
      this.#events.emit('photos:progress', progress)
    } catch (e) {
      // A window that went away must not break the upload.
      this.#log.warn('progress event not delivered', { reason: e instanceof Error ? e.message : String(e) })
    }
  }

  async #locked<T>(key: string, run: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(key) ?? Promise.resolve()
    const current = previous.then(run, run)
    const tail = current.catch(() => undefined)
    this.#locks.set(key, tail)
    try {
      return await current
    } finally {
      if (this.#locks.get(key) === tail) this.#locks.delete(key)
    }
  }
}

// -----------------------------------------------------------------------------------------------
// Helpers
// -----------------------------------------------------------------------------------------------

/** §1.1: without a photo every size points at a default image under /static/images/. */
function isStoredPhoto(ref: string): boolean {
  return ref.includes('/storage/userPhotos/')
}

/** Failures whose outcome on the portal is unknown, or that may pass on another try. */
function isTransient(error: AppError): boolean {
  return error.code.startsWith('net/') || error.code === 'portal/server-error' || error.code === 'portal/rate-limited' || error.code === 'portal/unexpected'
}

function isWorthRetrying(error: AppError): boolean {
  return isTransient(error)
}

/** A failure while reading (person, photo) before any change. */
function readFailure(error: AppError, account: Account, person: Person | undefined): AppError {
  return beforeChangeFailure(error, { account, ...(person ? { person } : {}), stage: 'read' })
}

/** The address for PUT: absolute http(s) only; the portal checks the rest (CONTRACT.md §1.6). */
function checkPhotoUrl(raw: string): Result<string> {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return fail('url/invalid', 'This is not a web address. Paste the full address of the image, starting with https://.')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('url/invalid', 'Only web addresses (https://…) can be used for a photo.')
  if (url.username !== '' || url.password !== '') return fail('url/invalid', 'The address must not contain a user name or password.')
  return ok(url.toString())
}

function fileNameBase(displayName: string, fallback: string): string {
  const cleaned = displayName
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 100)
  return cleaned || fallback
}

/** image/jpeg -> jpg, image/png -> png, image/webp -> webp … */
function extensionOf(mime: string): string {
  const subtype = mime.slice(mime.indexOf('/') + 1)
  return subtype === 'jpeg' ? 'jpg' : subtype.replace(/\+.*$/, '')
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()
}
