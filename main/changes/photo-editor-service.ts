/**
 * Photo changes as the IPC handlers ask for them: replace (prepare, then the replace protocol),
 * cancel, delete, set from a URL, download the original, per-person history with restore, and undo
 * of the last change. Every change runs in the change frame (change-frame.ts): refused up front when
 * the portal's rules do not allow it, backed up first, read back before it reports success, logged.
 */
import { randomUUID } from 'node:crypto'
import type { ArgOf, FaceFraming, FramingPreset, HistoryEntry, PhotoChange, PhotoProgress, Result, ValueOf } from '../../preload/contract'
import { fail, ok } from '../core/result'
import type { EventSink } from '../core/events'
import { createInProcessImageWork, type ImageWork } from '../images/image-work'
import { preparePhoto } from '../images/prepare-photo'
import type { BackupStore } from '../services/backup-store'
import type { AccountsService } from '../services/accounts-service'
import type { Logger } from '../core/logger'
import { cropToPixels, scaleCrop } from '../services/photo-crop'
import { beforeChange, cancelledChange, refusedUpFront, urlRefused } from './change-failures'
import { withChange, type Backup, type ChangeContext, type ChangeFrame, type ChangeOutcome, type RunOptions } from './change-frame'
import { downloadPhoto } from './photo-download'
import { checkPhotoUrl, type PhotoUrlPolicy } from './photo-url'
import { sha256Hex } from '../images/inert-image'
import { changedSince, type ReadBack } from './read-back'
import type { ReplaceHooks, ReplaceProtocol } from './replace-protocol'
import { isTransient } from './retry'
import { StagedPreparations } from './staged-preparations'

export interface PhotoEditorServiceOptions {
  readonly accounts: AccountsService
  readonly backups: BackupStore
  readonly frame: ChangeFrame
  readonly protocol: ReplaceProtocol
  readonly readBack: ReadBack
  readonly events: EventSink
  readonly log: Logger
  /** Which photo addresses may be sent to the portal (photo-url.ts); loopback only in tests. */
  readonly urlPolicy?: PhotoUrlPolicy
  /** Preparation, opening and framing off main's thread (the worker pool); on the calling thread when absent. */
  readonly images?: Pick<ImageWork, 'prepare' | 'open' | 'inspect' | 'frame'>
}

/** Framings kept for photos:framing: the open editor's, and the one before it while a new drop replaces it. */
const MAX_FRAMINGS = 4

interface Job {
  readonly controller: AbortController
  /** False from the moment the promotion is sent. */
  cancellable: boolean
}

export class PhotoEditorService {
  readonly #accounts: AccountsService
  readonly #backups: BackupStore
  readonly #frame: ChangeFrame
  readonly #protocol: ReplaceProtocol
  readonly #readBack: ReadBack
  readonly #events: EventSink
  readonly #log: Logger
  readonly #jobs = new Map<string, Job>()
  readonly #urlPolicy: PhotoUrlPolicy
  readonly #prepare: ImageWork['prepare']
  readonly #staged: StagedPreparations
  readonly #images: () => Pick<ImageWork, 'open' | 'inspect' | 'frame'>
  /** The framing each photos:open started, by openId, oldest first. */
  readonly #framings = new Map<string, Promise<Result<FaceFraming>>>()

  constructor(options: PhotoEditorServiceOptions) {
    this.#accounts = options.accounts
    this.#backups = options.backups
    this.#frame = options.frame
    this.#protocol = options.protocol
    this.#readBack = options.readBack
    this.#events = options.events
    this.#log = options.log
    this.#urlPolicy = options.urlPolicy ?? {}
    this.#prepare = options.images ? (bytes, o) => options.images!.prepare(bytes, o) : preparePhoto
    this.#staged = new StagedPreparations({ prepare: this.#prepare })
    let inProcess: ImageWork | undefined
    this.#images = () => options.images ?? (inProcess ??= createInProcessImageWork())
  }

  /**
   * The editor's opening for a person (photos:open): one transfer of the bytes and one decode give the
   * summary, Save's staged preparation and the picture the editor shows; the face framing then runs on
   * that prepared picture (the very pixels uploaded and cropped) while the editor is already open.
   * When the upload limit cannot be read, it only inspects and frames: Save prepares as usual.
   */
  async open(arg: ArgOf<'photos:open'>): Promise<Result<ValueOf<'photos:open'>>> {
    const images = this.#images()
    const session = await this.#accounts.session(arg.accountId)
    const limit = session.ok ? await this.#frame.uploadLimit(session.value) : undefined
    const openId = randomUUID()
    if (!limit?.ok) {
      const summary = await images.inspect(arg.bytes)
      if (!summary.ok) return summary
      this.#keepFraming(openId, this.#frameBytes(arg.bytes, arg.preset))
      return ok({ openId, summary: summary.value })
    }
    const options = { maxUploadBytes: limit.value, rotate: 0 as const }
    const opened = await images.open(arg.bytes, options)
    if (!opened.ok) return opened
    const { summary, prepared } = opened.value
    this.#staged.adopt(arg.accountId, arg.bytes, options, Promise.resolve(prepared))
    // A picture that cannot be prepared (say, over the byte limit) is still framed, from the source.
    this.#keepFraming(openId, this.#frameBytes(prepared.ok ? prepared.value.bytes : arg.bytes, arg.preset))
    if (!prepared.ok) return ok({ openId, summary })
    const { bytes, mime, width, height } = prepared.value
    return ok({ openId, summary, preview: { bytes, mime, width, height } })
  }

  /**
   * The framing photos:open started; input/invalid for an unknown or forgotten openId. It stays kept
   * (the last few openings'), for a Save that asks for it (photos:replace faceFrameOf).
   */
  async framing(arg: ArgOf<'photos:framing'>): Promise<Result<FaceFraming>> {
    const framing = this.#framings.get(arg.openId)
    if (!framing) return fail('input/invalid', `no framing is kept for ${arg.openId}`)
    return framing
  }

  #frameBytes(bytes: Uint8Array, preset: FramingPreset): Promise<Result<FaceFraming>> {
    return this.#images()
      .frame(bytes, preset)
      .then(
        (analysed): Result<FaceFraming> => (analysed.ok ? ok(analysed.value.framing) : analysed),
        (e: unknown): Result<FaceFraming> => fail('app/internal', `face framing failed: ${e instanceof Error ? e.message : String(e)}`)
      )
  }

  #keepFraming(openId: string, framing: Promise<Result<FaceFraming>>): void {
    this.#framings.set(openId, framing)
    while (this.#framings.size > MAX_FRAMINGS) this.#framings.delete(this.#framings.keys().next().value as string)
  }

  /** Prepares a picked picture while the user crops (staged-preparations.ts); replace takes it if it matches. */
  async stage(arg: ArgOf<'photos:stage'>): Promise<Result<ValueOf<'photos:stage'>>> {
    const session = await this.#accounts.session(arg.accountId)
    if (!session.ok) return session
    const limit = await this.#frame.uploadLimit(session.value)
    if (!limit.ok) return limit
    this.#staged.stage(arg.accountId, arg.bytes, { maxUploadBytes: limit.value, rotate: 0 })
    return ok({ staged: true })
  }

  /** Prepare, back up, upload (temp), promote, crop, verify. Progress goes out as `photos:progress`. */
  async replace(req: ArgOf<'photos:replace'>): Promise<Result<PhotoChange>> {
    if (this.#jobs.has(req.jobId)) return fail('input/invalid', `photo job ${req.jobId} is already running`)
    const job: Job = { controller: new AbortController(), cancellable: true }
    this.#jobs.set(req.jobId, job)
    const emit = (phase: PhotoProgress['phase'], percent?: number): void =>
      this.#emit({ jobId: req.jobId, userId: req.userId, phase, cancellable: job.cancellable, ...(percent !== undefined ? { percent } : {}) })
    const hooks: ReplaceHooks = { signal: job.controller.signal, onProgress: emit, onPointOfNoReturn: () => (job.cancellable = false) }
    try {
      emit('preparing')
      // Bytes downloaded from an address (fetchUrl) are logged as set from it.
      const action = req.sourceUrl ? 'set-from-url' : 'replace'
      const from = { ...(req.sourceUrl ? { urlHost: hostOf(req.sourceUrl) } : {}), ...(req.faceFramed ? { faceFramed: true } : {}) }
      // Saved before its face framing answered: it is awaited at the crop step only (see photos:replace).
      let faceFramed = false
      const framing = req.faceFrameOf !== undefined && req.rotate === 0 ? this.#framings.get(req.faceFrameOf) : undefined
      return await this.#frame.run(action, req.accountId, req.userId, async (ctx) => {
        const limit = await this.#frame.uploadLimit(ctx.session)
        if (!limit.ok) return { ok: false, error: beforeChange(limit.error, { session: ctx.session, person: ctx.person, step: 'read' }) }
        // The current photo (for the backup) was read with the person, and is read while the new one is
        // prepared: both only read, and the backup is still saved only once preparation has succeeded.
        const current = ctx.current ?? this.#frame.readCurrent(ctx.session.client, ctx.person.id)
        current.catch(() => undefined) // awaited below; only an early return leaves it unobserved
        const options = { maxUploadBytes: limit.value, rotate: req.rotate }
        const prepared = (await this.#staged.take(req.accountId, req.bytes, options)) ?? (await this.#prepare(req.bytes, options))
        if (!prepared.ok) return { ok: false, error: beforeChange(prepared.error, { session: ctx.session, person: ctx.person, step: 'prepare' }) }
        if (job.controller.signal.aborted) return cancelledChange(ctx.person, 'prepare')
        emit('backing-up')
        // The temp upload changes nothing the portal shows, so it goes up while the backup is saved;
        // the promotion (the change itself) waits for the backup (ReplaceProtocol.apply).
        const backup = this.#frame.backup(ctx, current)
        const { width, height } = prepared.value
        const crop = framing
          ? framing.then((framed) => {
              // Only an upright face: a turn the user has not taken is not made for them (the editor does the same).
              const face = framed.ok && framed.value.turns === 0 ? framed.value.crop : null
              faceFramed = face !== null
              return cropToPixels(face ?? req.crop, width, height)
            })
          : cropToPixels(req.crop, width, height)
        const outcome = await this.#protocol.apply(ctx, prepared.value, crop, backup, hooks)
        return withChange(outcome, faceFramed ? { ...from, faceFramed: true } : from)
      }, { readCurrent: true })
    } finally {
      this.#jobs.delete(req.jobId)
    }
  }

  /** Aborts a replace job before its point of no return; afterwards it answers cancelled: false. */
  cancel(arg: ArgOf<'photos:cancel'>): Result<ValueOf<'photos:cancel'>> {
    const job = this.#jobs.get(arg.jobId)
    if (!job || !job.cancellable) return ok({ cancelled: false })
    job.controller.abort()
    this.#log.info('photo job cancelled', { job: arg.jobId })
    return ok({ cancelled: true })
  }

  /** DELETE, after a backup. */
  remove(arg: ArgOf<'photos:delete'>): Promise<Result<PhotoChange>> {
    return this.#frame.run('delete', arg.accountId, arg.userId, async (ctx) => {
      const backup = await this.#frame.backup(ctx)
      if (!backup.ok) return backup
      return this.#applyDeletion(ctx, backup.value)
    })
  }

  /** PUT with the URL (CONTRACT.md §1.6), after a backup: the portal downloads the image itself. */
  setFromUrl(arg: ArgOf<'photos:set-from-url'>): Promise<Result<PhotoChange>> {
    return this.#frame.run('set-from-url', arg.accountId, arg.userId, async (ctx) => {
      const url = await checkPhotoUrl(arg.url, this.#urlPolicy)
      if (!url.ok) return url
      const backup = await this.#frame.backup(ctx)
      if (!backup.ok) return backup
      const { client } = ctx.session
      const put = await client.setPhotoFromUrl(arg.userId, url.value)
      if (!put.ok) {
        // PUT is retried by the HTTP client on a lost connection; if it still failed, look before reporting.
        const changed = isTransient(put.error) ? await changedSince(client, arg.userId, backup.value.current) : false
        if (!changed) return { ok: false, error: urlRefused(put.error, ctx.session, ctx.person) }
      }
      await this.#frame.rememberLastChange(ctx, backup.value)
      return withChange(await this.#readBack.finish(ctx, backup.value, { hasPhoto: true }, undefined), { urlHost: new URL(url.value).hostname })
    })
  }

  /**
   * Downloads a photo address in the app (the address rules of photo-url.ts), for the editor to show
   * and crop before anything is set. The portal's own "no photo" image is not a new photo.
   */
  fetchUrl(arg: ArgOf<'photos:fetch-url'>): Promise<Result<ValueOf<'photos:fetch-url'>>> {
    return this.#accounts.call(arg.accountId, async (session) => {
      const person = await this.#frame.person(session, arg.userId)
      if (!person.ok) return person
      if (!person.value.canEditPhoto) return refusedUpFront(session, person.value)
      const got = await downloadPhoto(arg.url, { policy: this.#urlPolicy, maxBytes: MAX_DOWNLOAD_BYTES })
      if (!got.ok) return { ok: false, error: { ...got.error, facts: { ...got.error.facts, personName: person.value.displayName } } }
      if (await this.#isDefaultImage(session.client, got.value.bytes)) {
        return fail('url/invalid', 'the address serves the portal’s default "no photo" image', {
          facts: { urlProblem: 'default-image', urlHost: got.value.url.hostname, personName: person.value.displayName }
        })
      }
      this.#log.info('photo address downloaded', { user: arg.userId, host: got.value.url.hostname, bytes: got.value.bytes.byteLength })
      return ok({ bytes: got.value.bytes, fileName: got.value.fileName })
    })
  }

  /** The bytes are one of the portal's default images (copied elsewhere, or behind another name). */
  async #isDefaultImage(client: { fetchFile(path: string): Promise<Result<{ readonly bytes: Uint8Array }>> }, bytes: Uint8Array): Promise<boolean> {
    if (bytes.byteLength > 256 * 1024) return false
    const hash = sha256Hex(bytes)
    for (const side of [200, 360]) {
      const file = await client.fetchFile(`/static/images/default_user_photo_size_${side}-${side}.png`)
      if (file.ok && sha256Hex(file.value.bytes) === hash) return true
    }
    return false
  }

  /** The stored original, as a download. */
  original(arg: ArgOf<'photos:original'>): Promise<Result<ValueOf<'photos:original'>>> {
    return this.#accounts.call(arg.accountId, async (session) => {
      const person = await this.#frame.person(session, arg.userId)
      if (!person.ok) return person
      const current = await this.#frame.readCurrent(session.client, arg.userId)
      if (!current.ok) return { ok: false, error: beforeChange(current.error, { session, person: person.value, step: 'read' }) }
      const stored = current.value.original
      if (!stored) return fail('portal/not-found', 'the person has no stored photo', { facts: { step: 'read', photoNow: 'none', personName: person.value.displayName } })
      // An SVG from the portal arrives here already rendered to PNG (change-frame.ts): no scripts in a download.
      return ok({ bytes: stored.bytes, mime: stored.mime, fileName: `${fileNameBase(person.value.displayName, arg.userId)}-original.${extensionOf(stored.mime)}` })
    })
  }

  /** Saved photos of one person, newest first. Local only: works signed out too. */
  async history(arg: ArgOf<'photos:history'>): Promise<Result<readonly HistoryEntry[]>> {
    return ok(await this.#backups.list(arg.accountId, arg.userId))
  }

  /** Puts a saved photo back (re-upload + saved crop), backing up the current one first. */
  /** `record: false` leaves the activity entry to the caller (a bulk undo writes one for the job). */
  restore(arg: ArgOf<'photos:restore'>, options: RunOptions = {}): Promise<Result<PhotoChange>> {
    return this.#restore('restore', arg.accountId, arg.userId, arg.entryId, options)
  }

  /** Restores the backup taken before the last change this app made on the account. Undo twice = redo. */
  async undo(arg: ArgOf<'photos:undo'>): Promise<Result<PhotoChange>> {
    const session = await this.#accounts.session(arg.accountId)
    if (!session.ok) return session
    const last = await this.#backups.lastChange(arg.accountId)
    if (!last) return fail('photo/no-backup', 'no last change recorded for this account: nothing to undo')
    return this.#restore('undo', arg.accountId, last.userId, last.backupId)
  }

  /** Forgets what was cached for an account (sign-out, forget). */
  dropAccount(accountId: string): void {
    this.#frame.dropAccount(accountId)
    this.#staged.clear()
    this.#framings.clear()
  }

  #restore(action: 'restore' | 'undo', accountId: string, userId: string, entryId: string, options: RunOptions = {}): Promise<Result<PhotoChange>> {
    return this.#frame.run(action, accountId, userId, async (ctx) => {
      const saved = await this.#backups.get(accountId, userId, entryId)
      if (!saved) return fail('photo/no-backup', `backup ${entryId} is not in the data folder (any more)`)
      const from = { restoredFrom: saved.entry.savedAt }
      const backup = await this.#frame.backup(ctx)
      if (!backup.ok) return backup
      if (!saved.entry.hadPhoto || !saved.original) return withChange(await this.#applyDeletion(ctx, backup.value), { ...from, restoredNone: true })

      const limit = await this.#frame.uploadLimit(ctx.session)
      if (!limit.ok) return { ok: false, error: beforeChange(limit.error, { session: ctx.session, person: ctx.person, step: 'read' }) }
      const { bytes, mime } = saved.original
      const { width, height, crop } = saved.entry
      // The saved original goes back byte for byte when the portal will take it as is (PNG/JPEG under the limit).
      if ((mime === 'image/jpeg' || mime === 'image/png') && bytes.byteLength <= limit.value && width !== undefined && height !== undefined) {
        return withChange(await this.#protocol.apply(ctx, { bytes, mime, width, height }, crop, backup.value), from)
      }
      // Otherwise (e.g. a WebP set from a URL, or a big PNG on a 1 MB portal) it has to be prepared again.
      const prepared = await this.#prepare(bytes, { maxUploadBytes: limit.value })
      if (!prepared.ok) return { ok: false, error: beforeChange(prepared.error, { session: ctx.session, person: ctx.person, step: 'prepare' }) }
      const scaled = crop && width && height ? scaleCrop(crop, { width, height }, prepared.value) : undefined
      return withChange(await this.#protocol.apply(ctx, prepared.value, scaled, backup.value), from)
    }, options)
  }

  async #applyDeletion(ctx: ChangeContext, backup: Backup): Promise<ChangeOutcome> {
    const { client } = ctx.session
    const userId = ctx.person.id
    const res = await client.deletePhoto(userId)
    if (!res.ok) {
      const changed = isTransient(res.error) ? await changedSince(client, userId, backup.current) : false
      if (!changed) return { ok: false, error: beforeChange(res.error, { session: ctx.session, person: ctx.person, step: 'write' }) }
    }
    await this.#frame.rememberLastChange(ctx, backup)
    return this.#readBack.finish(ctx, backup, { hasPhoto: false }, undefined)
  }

  #emit(progress: PhotoProgress): void {
    try {
      this.#events.emit('photos:progress', progress)
    } catch (e) {
      // A window that went away must not break the upload.
      this.#log.warn('progress event not delivered', { reason: e instanceof Error ? e.message : String(e) })
    }
  }
}

/** As large as a file the editor takes (main/ipc/schemas.ts MAX_IMAGE_BYTES is 60 MB); photos are far smaller. */
const MAX_DOWNLOAD_BYTES = 40 * 1024 * 1024

function hostOf(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return ''
  }
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
