/**
 * Replacing a photo on the portal with bytes that are already prepared (CONTRACT.md §1.4/§1.5):
 * upload as a temp file (`Autosave=false`), promote it with a thumbnails call carrying `tmpFile` (the
 * point of no return: the portal switches to the new photo and resets the crop to a centred square),
 * then apply the exact crop with a second thumbnails call without `tmpFile`, in pixels of the stored
 * original (= the prepared upload, which fits 1280), and read every size back.
 *
 * Before the promotion every failure leaves the old photo and the signal cancels; after it, the crop
 * and the read-back are retried, then reported as partly applied.
 */
import type { AppError, CropPixels, PhotoChange, PhotoPhase, Result } from '../../preload/contract'
import { fail, ok } from '../core/result'
import { formatBytes } from '../core/bytes'
import type { EncodedPhoto } from '../images/photo-ops'
import { beforeChange, cancelledChange, partlyApplied, promotionUnknown, unchanged } from './change-failures'
import type { Backup, ChangeContext, ChangeFrame, ChangeOutcome, CurrentPhoto } from './change-frame'
import { photoNow, type ReadBack } from './read-back'
import type { DocSpaceClient } from '../docspace/client'
import type { ThumbnailsDataDto } from '../docspace/dto'
import { sha256Hex } from '../images/inert-image'
import { delay, isTransient, retrying, type RetryPolicy } from './retry'
import { isPortalDefaultCrop } from '../services/photo-crop'

type Uploading = ReturnType<DocSpaceClient['uploadPhoto']>

/** A 5 MB upload on a slow office link can take longer than the client's usual 30 s. */
const UPLOAD_TIMEOUT_MS = 120_000

/** How the caller follows and steers one replace. Every hook is optional. */
export interface ReplaceHooks {
  /** Aborts the replace while it can still be cancelled (before the promotion); the answer is then app/cancelled. */
  readonly signal?: AbortSignal
  /** Each phase as it starts; `percent` (0..1) only within 'uploading', a few dozen times per upload. */
  readonly onProgress?: (phase: PhotoPhase, percent?: number) => void
  /** Called just before the promotion is sent: from here on the change cannot be cancelled. */
  readonly onPointOfNoReturn?: () => void
}

export interface ReplaceProtocolOptions {
  readonly frame: ChangeFrame
  readonly readBack: ReadBack
  readonly retry: RetryPolicy
}

export class ReplaceProtocol {
  readonly #frame: ChangeFrame
  readonly #readBack: ReadBack
  readonly #retry: RetryPolicy

  constructor(options: ReplaceProtocolOptions) {
    this.#frame = options.frame
    this.#readBack = options.readBack
    this.#retry = options.retry
  }

  /**
   * A whole replace of one person's photo, inside the change frame (lock, permission check, backup,
   * activity entry), with bytes that are already prepared: upright, fitted within 1280 px, metadata
   * stripped, at most the portal's upload limit (preparePhoto). `crop` is in pixels of those bytes;
   * without it the portal's centred square stays. Nothing is prepared again.
   */
  replacePrepared(accountId: string, userId: string, photo: EncodedPhoto, crop: CropPixels | undefined, hooks: ReplaceHooks = {}): Promise<Result<PhotoChange>> {
    return this.#frame.run('replace', accountId, userId, async (ctx) => {
      if (hooks.signal?.aborted) return cancelledChange(ctx.person, 'prepare')
      const limit = await this.#frame.uploadLimit(ctx.session)
      if (!limit.ok) return { ok: false, error: beforeChange(limit.error, { session: ctx.session, person: ctx.person, step: 'read' }) }
      if (photo.bytes.byteLength > limit.value) {
        return fail('image/too-large', `prepared photo of ${photo.bytes.byteLength} bytes is over the upload limit of ${formatBytes(limit.value)}`, {
          facts: { step: 'prepare', photoNow: unchanged(ctx.person), personName: ctx.person.displayName, imageProblem: 'over-byte-limit', maxUploadBytes: limit.value }
        })
      }
      hooks.onProgress?.('backing-up')
      const backup = await this.#frame.backup(ctx)
      if (!backup.ok) return backup
      if (hooks.signal?.aborted) return cancelledChange(ctx.person, 'backup')
      return this.apply(ctx, photo, crop, backup.value, hooks)
    })
  }

  /**
   * The protocol itself, inside a frame: upload as temp, promote, crop, verify. Also used by restore
   * and undo (with the saved original). `backup` may still be being saved: the temp upload (which
   * the portal shows nowhere) goes up meanwhile, and nothing is promoted before the backup is there.
   */
  /** `crop` may still be being decided (a face framing on its way): it is awaited only at the crop step. */
  async apply(
    ctx: ChangeContext,
    photo: EncodedPhoto,
    crop: CropPixels | undefined | Promise<CropPixels | undefined>,
    backupOrSaving: Backup | Promise<Result<Backup>>,
    hooks: ReplaceHooks = {}
  ): Promise<ChangeOutcome> {
    if (!(backupOrSaving instanceof Promise)) return this.#apply(ctx, photo, crop, backupOrSaving, this.#upload(ctx, photo, hooks), hooks)
    backupOrSaving.catch(() => undefined) // awaited below, after the upload
    const upload = this.#upload(ctx, photo, hooks)
    const backup = await backupOrSaving
    if (!backup.ok) {
      await upload // never promoted: the temp file stays unused on the portal
      return backup
    }
    // A cancel from here on meets the upload (aborted by the signal) in #apply.
    return this.#apply(ctx, photo, crop, backup.value, upload, hooks)
  }

  #upload(ctx: ChangeContext, photo: EncodedPhoto, hooks: ReplaceHooks): Uploading {
    hooks.onProgress?.('uploading', 0)
    let reported = 0
    const onProgress = hooks.onProgress
    return ctx.session.client.uploadPhoto(ctx.person.id, photo.bytes, {
      autosave: false,
      filename: photo.mime === 'image/png' ? 'photo.png' : 'photo.jpg',
      mime: photo.mime,
      timeoutMs: UPLOAD_TIMEOUT_MS,
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      ...(onProgress
        ? {
            onProgress: (sent: number, total: number | undefined) => {
              const share = total ? Math.min(1, sent / total) : undefined
              // A few dozen events per upload are plenty for a progress bar.
              if (share !== undefined && (share - reported >= 0.04 || (share === 1 && reported < 1))) {
                reported = share
                onProgress('uploading', share)
              }
            }
          }
        : {})
    })
  }

  async #apply(
    ctx: ChangeContext,
    photo: EncodedPhoto,
    deciding: CropPixels | undefined | Promise<CropPixels | undefined>,
    backup: Backup,
    uploading: Uploading,
    hooks: ReplaceHooks
  ): Promise<ChangeOutcome> {
    const { session, person } = ctx
    const { client } = session
    const upload = await uploading
    if (!upload.ok) return { ok: false, error: await this.#uploadFailure(ctx, upload.error) }
    if (hooks.signal?.aborted) return cancelledChange(person, 'upload')

    // The point of no return: from here the portal may switch to the new photo, so cancel says no.
    hooks.onPointOfNoReturn?.()
    hooks.onProgress?.('applying')
    // The refs of the last write the portal answered (none when it stored the upload at once).
    let answer: ThumbnailsDataDto | undefined
    if (upload.value.kind === 'temp') {
      // The portal ignores the promotion's crop (§1.5 Branch A): one still being decided is not waited for.
      const promoted = await this.#promote(ctx, upload.value.tmpFile, deciding instanceof Promise ? undefined : deciding, backup.current)
      if (!promoted.ok) return promoted
      answer = promoted.value
    }
    // A portal that stored the upload at once (kind 'stored') has switched too. The local records
    // (the undo record, the applied crop) are written while the portal is asked for the next step, and
    // are on disk before any outcome is reported; both only log their own failures.
    const remembered = this.#frame.rememberLastChange(ctx, backup)
    let cropSaved: Promise<void> = Promise.resolve()

    const crop = await deciding
    const sha256 = sha256Hex(photo.bytes)
    // A promotion the portal answered rendered every size from its own centred square (§3.4, every
    // version since 2.0.2): when that is the chosen crop, a second render would change nothing.
    const alreadyRendered = crop !== undefined && upload.value.kind === 'temp' && answer !== undefined && isPortalDefaultCrop(crop, photo.width, photo.height)
    if (crop && !alreadyRendered) {
      hooks.onProgress?.('cropping')
      const cropped = await retrying(this.#retry, () => client.createThumbnails(person.id, crop))
      if (!cropped.ok) {
        await remembered
        return partlyApplied(person, 'crop', 'new-centred', cropped.error)
      }
      answer = cropped.value
    }
    if (crop) cropSaved = this.#frame.saveAppliedCrop(ctx, sha256, crop)
    hooks.onProgress?.('verifying')
    const expected = { hasPhoto: true, width: photo.width, height: photo.height, sha256 }
    const finished = await this.#readBack.finish(ctx, backup, expected, crop, answer)
    await Promise.all([remembered, cropSaved])
    if (finished.ok) hooks.onProgress?.('done')
    return finished
  }

  /** A refused upload says the portal's limit, when the portal's words are about size. */
  async #uploadFailure(ctx: ChangeContext, error: AppError): Promise<AppError> {
    const limit = error.code === 'portal/rejected' ? await this.#frame.uploadLimit(ctx.session) : undefined
    return beforeChange(error, { session: ctx.session, person: ctx.person, step: 'upload', ...(limit?.ok ? { maxUploadBytes: limit.value } : {}) })
  }

  /**
   * The thumbnails call with `tmpFile`. When it fails in a way that leaves the outcome unknown (lost
   * connection, 5xx), the photo is read back: another original (by its bytes: the `?hash=` may repeat
   * the old one, read-back.ts) means the portal did switch. A retry is only sent while the old photo
   * is provably still there.
   */
  /** The portal's answer when it gave one; undefined when the switch was only seen by reading back. */
  async #promote(ctx: ChangeContext, tmpFile: string, crop: CropPixels | undefined, before: CurrentPhoto): Promise<Result<ThumbnailsDataDto | undefined>> {
    const { client } = ctx.session
    const userId = ctx.person.id
    let lastError: AppError | undefined
    let stillOld = false
    for (let attempt = 1; attempt <= 2; attempt++) {
      if (attempt > 1) await delay(this.#retry.delayMs)
      // The crop sent here is ignored by the portal (§1.5 Branch A), but costs nothing and says what we meant.
      const res = await client.createThumbnails(userId, { tmpFile, ...(crop ?? { x: 0, y: 0, width: 0, height: 0 }) })
      if (res.ok) return ok(res.value)
      lastError = res.error
      if (res.error.code === 'auth/expired') break
      const now = await photoNow(client, userId, before)
      if (now === 'new') return ok(undefined)
      stillOld = now === 'old'
      if (!isTransient(res.error) || !stillOld) break
    }
    const error: AppError = lastError ?? { code: 'portal/unexpected', message: 'the portal did not switch to the new photo' }
    if (stillOld || !isTransient(error)) return { ok: false, error: beforeChange(error, { session: ctx.session, person: ctx.person, step: 'promote' }) }
    return { ok: false, error: promotionUnknown(error, ctx.person) }
  }
}
