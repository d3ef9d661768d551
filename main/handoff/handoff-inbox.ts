/**
 * The person's side of a hand-over: photos shared with the signed-in person (`GET @share`,
 * CONTRACT-ROOMS.md §3.3) whose title names them (`avatar-for-<their id>.png|jpg`), applied with the
 * guarantees of a replace (the change frame: backup first, exact crop, every size read back), or
 * declined with `DELETE share` (their record then reads Restrict, which the sharer sees). A share is
 * untrusted input: other files are ignored, and a file that is not a PNG/JPEG photo under the
 * portal's limit is refused before anything changes. Photos put in a room (the room route) are found
 * in the rooms the person is in, named for them and uploaded by the room's creator; declining one
 * leaves that room (§8: the only signal a Read member can send).
 */
import type { AppError, PhotoChange, Result, WaitingImage, WaitingPhoto } from '../../preload/contract'
import type { Logger } from '../core/logger'
import { fail, ok } from '../core/result'
import { FilesClient } from '../docspace/files-client'
import { FILE_SHARE } from '../docspace/files-dto'
import { RoomsClient } from '../docspace/rooms-client'
import type { FileDto } from '../docspace/files-dto'
import { sha256Hex } from '../images/inert-image'
import { sharedPhoto, type SharedPhoto } from '../images/shared-photo'
import type { AccountsService, Session } from '../services/accounts-service'
import { cropToPixels } from '../services/photo-crop'
import type { ChangeFrame } from '../changes/change-frame'
import type { ReplaceProtocol } from '../changes/replace-protocol'
import { centredSquare, cropFromNote, isTitleFor } from './handoff-note'
import type { HandoffStore } from './handoff-store'
import { mapLimited } from './handoff-shared'

export interface HandoffInboxOptions {
  readonly accounts: AccountsService
  readonly frame: ChangeFrame
  readonly protocol: ReplaceProtocol
  readonly store: HandoffStore
  readonly log: Logger
  readonly now?: () => Date
}

/** Rooms looked into at sign-in, and at once: each is one listing of its images. */
const MAX_ROOMS = 50
const ROOM_CONCURRENCY = 4

/** A file waiting for the person, and the room it is in (room route). */
interface Named extends FileDto {
  readonly roomId?: number
}

interface Checked {
  readonly file: FileDto
  readonly photo: SharedPhoto
}

export class HandoffInbox {
  readonly #accounts: AccountsService
  readonly #frame: ChangeFrame
  readonly #protocol: ReplaceProtocol
  readonly #store: HandoffStore
  readonly #log: Logger
  readonly #now: () => Date

  constructor(options: HandoffInboxOptions) {
    this.#accounts = options.accounts
    this.#frame = options.frame
    this.#protocol = options.protocol
    this.#store = options.store
    this.#log = options.log
    this.#now = options.now ?? (() => new Date())
  }

  /** Photos shared with the signed-in person and named for them, minus those they already applied. */
  waiting(accountId: string): Promise<Result<readonly WaitingPhoto[]>> {
    return this.#accounts.call(accountId, async (session) => {
      const files = await this.#named(session)
      if (!files.ok) return files
      const { accepted } = await this.#store.read(accountId)
      const me = session.account.user.id
      const open = files.value.filter((f) => !accepted.some((a) => a.fileId === f.id && a.version === f.version))
      return ok(
        open.map((file) => {
          const crop = cropFromNote(file.comment, me)
          // v3.6+ names who shared it; before, the owner is the only one who can share a My-documents file.
          const sharer = file.sharedBy ?? file.createdBy
          return {
            fileId: file.id,
            title: file.title,
            from: { id: sharer?.id ?? '', displayName: sharer?.displayName ?? '' },
            byteLength: file.pureContentLength ?? 0,
            ...(file.updated ? { updatedAt: file.updated } : {}),
            ...(crop ? { crop } : {})
          }
        })
      )
    })
  }

  /** The waiting photo's bytes, checked, with the crop that accepting it would apply. */
  image(accountId: string, fileId: number): Promise<Result<WaitingImage>> {
    return this.#accounts.call(accountId, async (session) => {
      const checked = await this.#checked(session, fileId)
      if (!checked.ok) return checked
      const { photo, file } = checked.value
      return ok({ fileId, bytes: photo.bytes, mime: photo.mime, width: photo.width, height: photo.height, crop: cropOf(file, session, photo) })
    })
  }

  /** Applies the waiting photo to the signed-in person's own profile, as a replace does. */
  async accept(accountId: string, fileId: number): Promise<Result<PhotoChange>> {
    const session = await this.#accounts.session(accountId)
    if (!session.ok) return session
    const checked = await this.#accounts.call(accountId, (s) => this.#checked(s, fileId))
    if (!checked.ok) return checked
    const { photo, file } = checked.value
    const me = session.value.account.user.id
    const crop = cropToPixels(cropOf(file, session.value, photo), photo.width, photo.height)
    const change = await this.#protocol.replacePrepared(accountId, me, photo, crop)
    if (!change.ok) return change
    const at = this.#now().toISOString()
    await this.#store.update(accountId, (current) => ({
      next: { ...current, accepted: [...current.accepted.filter((a) => a.fileId !== fileId), { fileId, ...(file.version !== undefined ? { version: file.version } : {}), sha256: sha256Hex(photo.bytes), at }] },
      value: undefined
    }))
    this.#log.info('handed-over photo applied', { account: accountId, file: fileId, asShared: photo.asShared })
    return change
  }

  /** "No thanks": `DELETE share` for this file only (§3.3); the photo stays untouched. */
  decline(accountId: string, fileId: number): Promise<Result<{ readonly declined: true }>> {
    return this.#accounts.call(accountId, async (session) => {
      const file = await this.#waitingFile(session, fileId)
      if (!file.ok) return file
      const { roomId } = file.value
      const removed = roomId !== undefined ? await new RoomsClient(session.client).invite(roomId, session.account.user.id, FILE_SHARE.none, false) : await new FilesClient(session.client).removeShares([fileId])
      if (!removed.ok) return removed
      this.#log.info('handed-over photo declined', { account: accountId, file: fileId })
      return ok({ declined: true as const })
    })
  }

  /** The file from the person's own `@share` list, named for them, and its bytes as a portal-ready photo. */
  async #checked(session: Session, fileId: number): Promise<Result<Checked>> {
    const file = await this.#waitingFile(session, fileId)
    if (!file.ok) return file
    const limit = await this.#frame.uploadLimit(session)
    if (!limit.ok) return limit
    const tooLarge = (): { ok: false; error: AppError } =>
      fail('image/too-large', `the shared file is larger than the portal's photo limit of ${limit.value} bytes`, {
        facts: { imageProblem: 'over-byte-limit', maxUploadBytes: limit.value, handoffProblem: 'too-large' }
      })
    if ((file.value.pureContentLength ?? 0) > limit.value) return tooLarge()
    const bytes = await new FilesClient(session.client).download(file.value, limit.value)
    if (!bytes.ok) return bytes.error.facts?.answerProblem === 'too-large' ? tooLarge() : bytes
    const photo = await sharedPhoto(bytes.value, limit.value)
    if (!photo.ok) return photo
    return ok({ file: file.value, photo: photo.value })
  }

  async #waitingFile(session: Session, fileId: number): Promise<Result<Named>> {
    const files = await this.#named(session)
    if (!files.ok) return files
    const file = files.value.find((f) => f.id === fileId)
    if (file) return ok(file)
    return fail('handoff/not-waiting', 'no photo with that id is shared with you and named for you', { facts: { handoffProblem: 'not-shared' } })
  }

  /** `@share` entries named for the signed-in person and shared by someone else; everything else is ignored. */
  async #named(session: Session): Promise<Result<Named[]>> {
    const shared = await new FilesClient(session.client).sharedWithMe()
    if (!shared.ok) return shared
    const me = session.account.user.id.toLowerCase()
    const inRooms = await this.#inRooms(session, me)
    if (!inRooms.ok) return inRooms
    const mine = shared.value.filter((f) => isTitleFor(f.title, me) && f.createdBy?.id?.toLowerCase() !== me)
    return ok([...mine, ...inRooms.value.filter((f) => !mine.some((m) => m.id === f.id))])
  }

  /** Images named for the person in rooms they are in, uploaded by the room's creator (not by a fellow member). */
  async #inRooms(session: Session, me: string): Promise<Result<Named[]>> {
    const client = new RoomsClient(session.client)
    const rooms = await client.mine()
    // A portal without rooms (or refusing the listing) leaves the private route as it is.
    if (!rooms.ok) return rooms.error.code === 'auth/expired' ? rooms : ok([])
    const others = rooms.value.filter((r) => r.createdBy && r.createdBy.id.toLowerCase() !== me).slice(0, MAX_ROOMS)
    const listed = await mapLimited(others, ROOM_CONCURRENCY, async (room) => {
      const images = await client.images(room.id)
      const creator = room.createdBy?.id.toLowerCase()
      const named = images.ok ? images.value.filter((f) => isTitleFor(f.title, me) && f.createdBy?.id.toLowerCase() === creator) : []
      return named.map((f): Named => ({ ...f, roomId: room.id }))
    })
    return ok(listed.flat())
  }
}

/** The crop from the sharer's note when there is one for this person; otherwise the centred square. */
function cropOf(file: FileDto, session: Session, photo: SharedPhoto) {
  // The note's crop is in fractions of the shared image; an image that had to be prepared again keeps its proportions.
  return cropFromNote(file.comment, session.account.user.id) ?? centredSquare(photo.width, photo.height)
}
