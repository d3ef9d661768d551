/**
 * The frame every photo change runs in, for one person at a time and many people at once:
 * - the session (a 401 expires the account through AccountsService.call);
 * - one change per person at a time, so backups and changes never interleave;
 * - the person as the portal has them now, and the permission check (photo-policy.ts, CONTRACT.md
 *   §2): a change the portal's rules do not allow is refused before anything is sent;
 * - the backup of the current photo before anything changes (backup-store.ts), and nothing is
 *   changed when it fails;
 * - the last-change record (for undo) and one activity entry, whatever the outcome.
 */
import type { Account, ActivityChange, ActivityError, AppError, CropPixels, HistoryEntry, Person, PhotoAction, PhotoChange, Result } from '../../preload/contract'
import type { DocSpaceClient } from '../docspace/client'
import type { ThumbnailsDataDto } from '../docspace/dto'
import { fail, ok } from '../core/result'
import { isStoredPhoto } from '../docspace/photo-sizes'
import { inertImage, type InertImage } from '../images/inert-image'
import { photoPreview } from '../images/photo-ops'
import type { AccountsService, Session } from '../services/accounts-service'
import type { ActivityLog } from '../services/activity-log'
import type { BackupStore } from '../services/backup-store'
import type { Logger } from '../core/logger'
import { toPerson } from '../services/people-service'
import { beforeChange, refusedUpFront, unchanged } from './change-failures'

/** CONTRACT.md §3.3: the code default, used when /settings does not say (0 for anonymous callers). */
const FALLBACK_MAX_UPLOAD = 1024 * 1024

/** What one change works with: the session and the person as the portal describes them now. */
export interface ChangeContext {
  readonly action: PhotoAction
  readonly session: Session
  readonly person: Person
  /** The current photo, read under the lock while the person was read (RunOptions.readCurrent). */
  readonly current?: Promise<Result<CurrentPhoto>>
}

/**
 * The person's photo as read before a change: the six refs, and the original when there is one,
 * made inert (an SVG is kept as the PNG it renders to, so it can be downloaded and restored safely).
 */
export interface CurrentPhoto {
  readonly dto: ThumbnailsDataDto
  readonly original?: InertImage
}

/** The saved backup of a change, and what it was taken of. */
export interface Backup {
  readonly entry: HistoryEntry
  readonly current: CurrentPhoto
}

/** A stored file of the new photo as read back and checked (read-back.ts), under the ref the portal names it by. */
export interface VerifiedFile {
  readonly ref: string
  readonly bytes: Uint8Array
}

/**
 * The result of a change plus a short note (English, for the CSV) and what it did, for the activity
 * log; `verifiedFiles`: the new photo's files as the read-back checked them.
 */
export type ChangeOutcome = Result<PhotoChange> & { readonly note?: string; readonly change?: ActivityChange; readonly verifiedFiles?: readonly VerifiedFile[] }

/** The work of one change inside the frame. */
export interface RunOptions {
  /** False when the caller writes one activity entry of its own for many changes (a bulk undo). */
  readonly record?: boolean
  /**
   * Also read the current photo (for the backup) at the same time as the person, inside the lock: a
   * read only, so a change that is then refused has sent nothing, and one round trip is saved.
   */
  readonly readCurrent?: boolean
}

export type ChangeWork = (ctx: ChangeContext) => Promise<ChangeOutcome>

export interface ChangeFrameOptions {
  readonly accounts: AccountsService
  readonly backups: BackupStore
  readonly activity: ActivityLog
  readonly log: Logger
  /**
   * Told after every change of a person's photo has run, whatever its outcome, so caches drop the
   * person's files: a ref alone does not tell the new picture (read-back.ts ExpectedPhoto).
   */
  readonly onPhotoTouched?: (accountId: string, userId: string) => void
  /** Told after that, of the new photo's files the read-back checked, so they can be shown without a second download. */
  readonly onPhotoVerified?: (accountId: string, files: readonly VerifiedFile[]) => void
}

export class ChangeFrame {
  readonly #accounts: AccountsService
  readonly #backups: BackupStore
  readonly #activity: ActivityLog
  readonly #log: Logger
  readonly #onPhotoTouched: (accountId: string, userId: string) => void
  readonly #onPhotoVerified: (accountId: string, files: readonly VerifiedFile[]) => void
  readonly #locks = new Map<string, Promise<unknown>>()
  /** maxImageUploadSize per account (CONTRACT.md §3.3). */
  readonly #uploadLimits = new Map<string, number>()

  constructor(options: ChangeFrameOptions) {
    this.#accounts = options.accounts
    this.#backups = options.backups
    this.#activity = options.activity
    this.#log = options.log
    this.#onPhotoTouched = options.onPhotoTouched ?? (() => undefined)
    this.#onPhotoVerified = options.onPhotoVerified ?? (() => undefined)
  }

  /**
   * Runs `work` for one person inside the frame. Calls for different people run at the same time;
   * calls for the same person wait for each other. `work` is called only when the signed-in user may
   * change this person's photo, and should take the backup (backup()) before it changes anything.
   */
  async run(action: PhotoAction, accountId: string, userId: string, work: ChangeWork, options: RunOptions = {}): Promise<Result<PhotoChange>> {
    let account: Account | undefined
    let personName = ''
    const result: ChangeOutcome = await this.#accounts.call(accountId, (session) =>
      this.#locked(`${accountId}\n${userId}`, async (): Promise<ChangeOutcome> => {
        account = session.account
        const current = options.readCurrent ? this.readCurrent(session.client, userId) : undefined
        current?.catch(() => undefined) // handed to work, which awaits it; unobserved only when refused
        const person = await this.person(session, userId)
        if (!person.ok) return person
        personName = person.value.displayName
        if (!person.value.canEditPhoto) return refusedUpFront(session, person.value)
        let outcome: ChangeOutcome | undefined
        try {
          outcome = await work({ action, session, person: person.value, ...(current ? { current } : {}) })
          return outcome
        } finally {
          this.#onPhotoTouched(accountId, userId)
          // Still under the lock, after the old files were forgotten: these are the photo the portal has now.
          if (outcome?.ok && outcome.verifiedFiles?.length) this.#onPhotoVerified(accountId, outcome.verifiedFiles)
        }
      })
    )
    if (account && options.record !== false) {
      await this.#activity.append({
        at: new Date().toISOString(),
        accountId,
        portalUrl: account.portalUrl,
        actor: account.user.email,
        userId,
        personName,
        action,
        result: result.ok ? 'ok' : 'failed',
        ...(result.ok
          ? { ...(result.note ? { detail: result.note } : {}), ...(result.change ? { change: result.change } : {}) }
          : { detail: `${result.error.code}: ${result.error.message}`, error: activityError(result.error) })
      })
      this.#log.info('photo change', { action, account: accountId, user: userId, result: result.ok ? 'ok' : result.error.code })
    }
    if (!result.ok) return { ok: false, error: result.error }
    return { ok: true, value: result.value }
  }

  /**
   * The session and the per-person lock alone, for a caller that already knows the person and
   * records its own activity (a bulk job, whose plan read everyone moments ago). The portal still
   * enforces its rules on every write.
   */
  locked<T>(accountId: string, userId: string, work: (session: Session) => Promise<Result<T>>): Promise<Result<T>> {
    return this.#accounts.call(accountId, (session) =>
      this.#locked(`${accountId}\n${userId}`, async () => {
        try {
          return await work(session)
        } finally {
          this.#onPhotoTouched(accountId, userId)
        }
      })
    )
  }

  /** The person as the portal has them now, with whether the signed-in user may change their photo. */
  async person(session: Session, userId: string): Promise<Result<Person>> {
    const dto = await session.client.person(userId)
    if (!dto.ok) return { ok: false, error: beforeChange(dto.error, { session, step: 'read' }) }
    return ok(toPerson(dto.value, { id: session.account.user.id, role: session.account.user.role }, session.version))
  }

  /** Reads the person's current photo: the six refs, and the original's bytes and size when there is one. */
  async readCurrent(client: DocSpaceClient, userId: string): Promise<Result<CurrentPhoto>> {
    const photo = await client.photo(userId)
    if (!photo.ok) return photo
    const dto = photo.value
    if (!isStoredPhoto(dto.original)) return ok({ dto })
    const file = await client.fetchFile(dto.original)
    if (!file.ok) return file
    return currentFromFile(dto, file.value.bytes)
  }

  /**
   * Saves the person's current photo (exact original bytes, known crop, preview) before a change.
   * `read` is a readCurrent() already under way (e.g. started while the new photo was prepared).
   */
  async backup(ctx: ChangeContext, read?: Promise<Result<CurrentPhoto>>): Promise<Result<Backup>> {
    const { session, person, action } = ctx
    const current = await (read ?? this.readCurrent(session.client, person.id))
    if (!current.ok) return { ok: false, error: beforeChange(current.error, { session, person, step: 'backup' }) }
    const original = current.value.original
    try {
      const crop = original ? await this.#backups.appliedCrop(session.account.id, person.id, original.bytes) : undefined
      const preview = original ? await photoPreview(original, crop) : undefined
      const entry = await this.#backups.save({
        accountId: session.account.id,
        userId: person.id,
        before: action,
        ...(original ? { original } : {}),
        ...(original?.convertedFrom ? { convertedFrom: original.convertedFrom } : {}),
        ...(crop ? { crop } : {}),
        ...(preview ? { preview } : {})
      })
      return ok({ entry, current: current.value })
    } catch (e) {
      const code = String((e as NodeJS.ErrnoException).code ?? '')
      this.#log.error('backup failed; the change was not made', { user: person.id, code })
      return fail('app/internal', `the current photo could not be saved in the data folder (${code || 'write failed'}); nothing was changed`, {
        detail: code,
        facts: { step: 'backup', photoNow: unchanged(person), personName: person.displayName }
      })
    }
  }

  /** Records the change for undo (restoring its backup). A failure is logged: the change itself stands. */
  async rememberLastChange(ctx: ChangeContext, backup: Backup): Promise<void> {
    try {
      await this.#backups.setLastChange(ctx.session.account.id, { userId: ctx.person.id, backupId: backup.entry.id, action: ctx.action, at: new Date().toISOString() })
    } catch (e) {
      this.#log.error('cannot record the last change (undo)', { code: (e as NodeJS.ErrnoException).code })
    }
  }

  /** Remembers the crop applied to the original with this SHA-256, so a later backup of it keeps it. */
  async saveAppliedCrop(ctx: ChangeContext, originalSha256: string, crop: CropPixels): Promise<void> {
    try {
      await this.#backups.setAppliedCrop(ctx.session.account.id, ctx.person.id, originalSha256, crop)
    } catch (e) {
      this.#log.error('cannot record the applied crop', { code: (e as NodeJS.ErrnoException).code })
    }
  }

  /** The portal's maxImageUploadSize (CONTRACT.md §3.3), read once per account. */
  async uploadLimit(session: Session): Promise<Result<number>> {
    const cached = this.#uploadLimits.get(session.account.id)
    if (cached !== undefined) return ok(cached)
    const settings = await session.client.settings()
    if (!settings.ok) return settings
    const limit = settings.value.maxImageUploadSize > 0 ? settings.value.maxImageUploadSize : FALLBACK_MAX_UPLOAD
    this.#uploadLimits.set(session.account.id, limit)
    return ok(limit)
  }

  /** Forgets what was cached for an account (sign-out, forget). */
  dropAccount(accountId: string): void {
    this.#uploadLimits.delete(accountId)
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

/** A failure as the activity log keeps it: everything the renderer words it from, not the English message. */
export function activityError(error: AppError): ActivityError {
  return {
    code: error.code,
    ...(error.detail !== undefined ? { detail: error.detail } : {}),
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.facts ? { facts: error.facts } : {})
  }
}

/** Adds what a change did to its outcome (e.g. which saved photo a restore brought back). */
export function withChange(outcome: ChangeOutcome, change: ActivityChange): ChangeOutcome {
  return outcome.ok ? { ...outcome, change: { ...outcome.change, ...change } } : outcome
}

/** The current photo from the original's bytes as served: inert, or a failure that stops the change. */
export async function currentFromFile(dto: ThumbnailsDataDto, bytes: Uint8Array): Promise<Result<CurrentPhoto>> {
  const original = await inertImage(bytes)
  if (!original.ok) {
    return fail('portal/unexpected', `the current original does not decode (${original.error.message}), so it cannot be backed up`, {
      ...(original.error.detail ? { detail: original.error.detail } : {})
    })
  }
  return ok({ dto, original: original.value })
}
