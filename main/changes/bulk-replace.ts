/**
 * One person's replace inside a bulk job: the guarantees of a single replace (the person's lock,
 * backup first, exact crop, every size read back) with the portal's own rate limits in mind. A job
 * of 500 people at DocSpace's 1,500 requests a minute cannot spend six API calls per person, so:
 * - the person and their current original come from the plan's people list (read moments ago):
 *   the original is fetched from storage (not an API call) and backed up; only when the plan knew no
 *   photo, or that file is gone, is the photo asked for again;
 * - the upload is stored at once (`Autosave=true`, CONTRACT.md §1.4: the portal keeps the upload as the
 *   original and makes centred squares); the upload is the point of no return;
 * - one thumbnails call applies the exact crop to the stored original (§1.5 Branch B, pixels of the
 *   original, which is the prepared upload because it fits 1280), and its answer names the new
 *   files, which are fetched from storage and checked size by size; when the crop is the portal's
 *   own centred square, which storing the upload rendered already, the files the upload's answer
 *   names are checked while the photo's refs are read, as a single replace reads back (one round
 *   trip, not two).
 * So two API calls per person (one or two of them writes), and nothing else.
 */
import type { CropPixels, Person, Result } from '../../preload/contract'
import { fail, ok } from '../core/result'
import type { Logger } from '../core/logger'
import type { ThumbnailsDataDto } from '../docspace/dto'
import { isStoredPhoto } from '../docspace/photo-sizes'
import type { EncodedPhoto } from '../images/photo-ops'
import { sha256Hex } from '../images/inert-image'
import type { Session } from '../services/accounts-service'
import type { BackupStore } from '../services/backup-store'
import { beforeChange, cancelledChange, partlyApplied, refusedUpFront } from './change-failures'
import { currentFromFile, type ChangeFrame, type CurrentPhoto } from './change-frame'
import type { ReadBack } from './read-back'
import { retrying, type RetryPolicy } from './retry'
import { isPortalDefaultCrop } from '../services/photo-crop'

/** What the plan knew of the person: the list row and the stored original's ref (list DTO's avatarOriginal). */
export interface KnownPerson {
  readonly person: Person
  readonly originalRef?: string
}

export interface BulkReplaceRequest {
  readonly accountId: string
  readonly known: KnownPerson
  readonly photo: EncodedPhoto
  /** The photo's SHA-256 (hex), known from the plan and checked against the bytes when they were read. */
  readonly sha256: string
  readonly crop: CropPixels
  readonly signal: AbortSignal
  /** Runs before the person's lock is released (the job journals the outcome there). */
  readonly commit?: (outcome: Result<{ readonly backupId: string }>) => Promise<void>
}

export class BulkReplace {
  readonly #frame: ChangeFrame
  readonly #backups: BackupStore
  readonly #readBack: ReadBack
  readonly #retry: RetryPolicy
  readonly #log: Logger

  constructor(options: { readonly frame: ChangeFrame; readonly backups: BackupStore; readonly readBack: ReadBack; readonly retry: RetryPolicy; readonly log: Logger }) {
    this.#frame = options.frame
    this.#backups = options.backups
    this.#readBack = options.readBack
    this.#retry = options.retry
    this.#log = options.log
  }

  replace(req: BulkReplaceRequest): Promise<Result<{ readonly backupId: string }>> {
    const { person } = req.known
    return this.#frame.locked(req.accountId, person.id, async (session) => {
      const outcome = await this.#replace(session, req)
      await req.commit?.(outcome)
      return outcome
    })
  }

  /** Did the person's stored original become exactly these bytes? And the backup taken before it. */
  verifyApplied(accountId: string, userId: string, sha256: string): Promise<Result<{ readonly applied: boolean; readonly backupId?: string }>> {
    return this.#frame.locked(accountId, userId, async (session): Promise<Result<{ readonly applied: boolean; readonly backupId?: string }>> => {
      const photo = await session.client.photo(userId)
      if (!photo.ok) return photo
      if (!isStoredPhoto(photo.value.original)) return ok({ applied: false })
      const file = await session.client.fetchFile(photo.value.original)
      if (!file.ok) return file
      const applied = sha256Hex(file.value.bytes) === sha256
      const [newest] = applied ? await this.#backups.list(accountId, userId) : []
      return ok({ applied, ...(newest ? { backupId: newest.id } : {}) })
    })
  }

  async #replace(session: Session, req: BulkReplaceRequest): Promise<Result<{ readonly backupId: string }>> {
    const { person } = req.known
    const ctx = { action: 'replace' as const, session, person }
    if (!person.canEditPhoto) return refusedUpFront(session, person)
    if (req.signal.aborted) return cancelledChange(person, 'backup')
    const backup = await this.#frame.backup(ctx, this.#current(session, req.known))
    if (!backup.ok) return backup
    if (req.signal.aborted) return cancelledChange(person, 'upload')

    const { client } = session
    const upload = await client.uploadPhoto(person.id, req.photo.bytes, {
      autosave: true,
      filename: req.photo.mime === 'image/png' ? 'photo.png' : 'photo.jpg',
      mime: req.photo.mime,
      signal: req.signal
    })
    if (!upload.ok) return { ok: false, error: beforeChange(upload.error, { session, person, step: 'upload' }) }
    // Storing the upload rendered every size from the portal's own centred square (§3.4): when that
    // is the crop, it is not rendered again, and the upload's answer names the new files.
    const stored = upload.value.kind === 'stored' ? upload.value.photo : undefined
    let answer: ThumbnailsDataDto | undefined
    if (!isPortalDefaultCrop(req.crop, req.photo.width, req.photo.height)) {
      const cropped = await retrying(this.#retry, () => client.createThumbnails(person.id, req.crop))
      if (!cropped.ok) return partlyApplied(person, 'crop', 'new-centred', cropped.error)
      answer = cropped.value
    }
    // A hint for a later backup (it only logs its own failure): written while the sizes are read
    // back, and on disk before the outcome is reported.
    const cropSaved = this.#frame.saveAppliedCrop(ctx, req.sha256, req.crop)
    const expected = { hasPhoto: true, width: req.photo.width, height: req.photo.height, sha256: req.sha256 }
    // The thumbnails answer names the new files; without one the photo is read while the files the
    // upload's answer names are checked; if they do not check out, the photo is read afresh.
    const fromAnswer = answer ? await this.#readBack.verifyFiles(client, answer, expected) : undefined
    const verified = fromAnswer?.ok ? fromAnswer : await retrying(this.#retry, () => this.#readBack.verify(client, person.id, expected, answer ? undefined : stored))
    await cropSaved
    if (!verified.ok) return partlyApplied(person, 'verify', 'new', verified.error)
    this.#log.info('bulk row replaced', { user: person.id, backup: backup.value.entry.id })
    return ok({ backupId: backup.value.entry.id })
  }

  /** The current photo for the backup: from storage by the plan's ref, else asked for. */
  async #current(session: Session, known: KnownPerson): Promise<Result<CurrentPhoto>> {
    const ref = known.originalRef
    if (known.person.hasPhoto && ref && isStoredPhoto(ref)) {
      const file = await session.client.fetchFile(ref)
      if (file.ok) {
        // Only `original` is read from this dto by the backup; the sizes are not known from the list.
        const current = await currentFromFile(knownDto(ref), file.value.bytes)
        if (current.ok) return current
      }
    }
    const current = await this.#frame.readCurrent(session.client, known.person.id)
    if (!current.ok && current.error.code === 'portal/not-found') return fail('portal/not-found', 'the person is gone', { facts: { step: 'read', personName: known.person.displayName } })
    return current
  }
}

function knownDto(original: string): ThumbnailsDataDto {
  return { original, retina: original, max: original, big: original, medium: original, small: original }
}
