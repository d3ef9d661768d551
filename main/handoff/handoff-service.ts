/**
 * The sharer's side of a hand-over (CONTRACT-ROOMS.md §3.3, §8, §10 "Privacy variant"): DocSpace 3.6+
 * lets only a person write their own photo, so the signed-in user prepares it exactly as the profile
 * will keep it, puts it into their own "My documents" and shares it read-only with that one person,
 * with a notice. Files in rooms cannot be shared with one user (§3.3); the account may instead choose
 * the room route (handoff-room.ts), where everyone invited sees every photo. Withdraw, remind, and
 * the status of each hand-over decided as §8 says.
 */
import type { BulkRow, CropFraction, Handoff, HandoffOutcome, HandoffRoute, QuarterTurns, Result } from '../../preload/contract'
import { toSafeCsv } from '../core/csv'
import type { Logger } from '../core/logger'
import { fail, ok } from '../core/result'
import { FILE_SHARE } from '../docspace/files-dto'
import { FilesClient, recordUserId } from '../docspace/files-client'
import { RoomsClient } from '../docspace/rooms-client'
import { preparePhoto } from '../images/prepare-photo'
import { croppedPhoto } from '../images/shared-photo'
import { cropToPixels } from '../services/photo-crop'
import type { FileDto } from '../docspace/files-dto'
import { sha256Hex } from '../images/inert-image'
import type { EncodedPhoto } from '../images/photo-ops'
import type { AccountsService, Session } from '../services/accounts-service'
import { beforeChange } from '../changes/change-failures'
import type { ChangeFrame } from '../changes/change-frame'
import { centredSquare, handoffNote, handoffTitle } from './handoff-note'
import { decideState, type Observed } from './handoff-status'
import { publicHandoff, type HandoffRecord, type HandoffStore } from './handoff-store'
import { mapLimited, notAllowed, shareMessage } from './handoff-shared'
import { canUseRooms, handoffRoom, inviteReader } from './handoff-room'

/** What a bulk job offers a hand-over; compose.ts wires it to the bulk service (a layer beside this one). */
export interface BulkRowsPort {
  /** The job's account and its rows as last planned. */
  rows(jobId: string): Promise<Result<{ readonly accountId: string; readonly rows: readonly BulkRow[] }>>
  /** A row's prepared bytes: what the portal would store. */
  photo(jobId: string, rowId: string): Promise<Result<EncodedPhoto>>
}

export interface HandoffServiceOptions {
  readonly accounts: AccountsService
  readonly bulk?: BulkRowsPort
  readonly frame: ChangeFrame
  readonly store: HandoffStore
  readonly log: Logger
  readonly now?: () => Date
}

/** Status checks at once per account: each reads a person and downloads their original. */
const STATUS_CONCURRENCY = 4

export class HandoffService {
  readonly #accounts: AccountsService
  readonly #frame: ChangeFrame
  readonly #store: HandoffStore
  readonly #log: Logger
  readonly #now: () => Date
  readonly #bulk: BulkRowsPort | undefined

  constructor(options: HandoffServiceOptions) {
    this.#accounts = options.accounts
    this.#bulk = options.bulk
    this.#frame = options.frame
    this.#store = options.store
    this.#log = options.log
    this.#now = options.now ?? (() => new Date())
  }

  /** Prepares the source (as a replace would: upright, fitted to 1280, stripped, under the limit) and hands it over. */
  prepare(arg: { readonly accountId: string; readonly userId: string; readonly bytes: Uint8Array; readonly rotate: QuarterTurns; readonly crop: CropFraction }): Promise<Result<Handoff>> {
    return this.#accounts.call(arg.accountId, async (session) => {
      const limit = await this.#frame.uploadLimit(session)
      if (!limit.ok) return { ok: false, error: beforeChange(limit.error, { session, step: 'read' }) }
      const prepared = await preparePhoto(arg.bytes, { maxUploadBytes: limit.value, rotate: arg.rotate })
      if (!prepared.ok) return { ok: false, error: beforeChange(prepared.error, { session, step: 'prepare' }) }
      return this.#handOver(session, arg.userId, prepared.value, arg.crop)
    })
  }

  /** Hands over bytes that are already prepared (a bulk plan's row): they are uploaded as they are. */
  prepared(accountId: string, userId: string, photo: EncodedPhoto, crop: CropFraction): Promise<Result<Handoff>> {
    return this.#accounts.call(accountId, (session) => this.#handOver(session, userId, photo, crop))
  }

  /**
   * Hands over a bulk plan's rows: by default every 'refused' row with a person (the portal does not
   * let this account change them), with the row's prepared bytes and crop. One outcome per row.
   */
  async fromBulk(jobId: string, rowIds?: readonly string[]): Promise<Result<readonly HandoffOutcome[]>> {
    if (!this.#bulk) return fail('bulk/unknown-job', 'no bulk jobs in this host')
    const bulk = this.#bulk
    const plan = await bulk.rows(jobId)
    if (!plan.ok) return plan
    const { accountId } = plan.value
    const chosen = rowIds ? plan.value.rows.filter((r) => rowIds.includes(r.rowId)) : plan.value.rows.filter((r) => r.state === 'refused')
    const outcomes: HandoffOutcome[] = []
    for (const row of chosen) {
      if (!row.userId) {
        outcomes.push({ rowId: row.rowId, error: { code: 'input/invalid', message: 'the row is matched to nobody' } })
        continue
      }
      const photo = await bulk.photo(jobId, row.rowId)
      const handed = photo.ok ? await this.prepared(accountId, row.userId, photo.value, row.crop ?? centredSquare(photo.value.width, photo.value.height)) : photo
      outcomes.push(handed.ok ? { rowId: row.rowId, userId: row.userId, handoff: handed.value } : { rowId: row.rowId, userId: row.userId, error: handed.error })
      if (!handed.ok && (handed.error.code === 'auth/expired' || handed.error.code === 'handoff/not-allowed')) break
    }
    return ok(outcomes)
  }

  /** Removes the person's share, then deletes the file (§4.8); the record stays as withdrawn. */
  withdraw(arg: { readonly accountId: string; readonly userId: string }): Promise<Result<Handoff>> {
    return this.#accounts.call(arg.accountId, async (session) => {
      const record = await this.#record(arg.accountId, arg.userId)
      if (!record.ok) return record
      if (record.value.state === 'withdrawn') return ok(publicHandoff(record.value))
      const files = new FilesClient(session.client)
      const { roomId } = record.value
      const unshared =
        roomId === undefined
          ? await files.share(record.value.fileId, { userId: arg.userId, access: FILE_SHARE.none, notify: false })
          : await new RoomsClient(session.client).invite(roomId, arg.userId, FILE_SHARE.none, false)
      if (!unshared.ok && unshared.error.code !== 'portal/not-found') return unshared
      const deleted = await files.deleteFile(record.value.fileId)
      if (!deleted.ok && deleted.error.code !== 'portal/not-found') return deleted
      const at = this.#now().toISOString()
      this.#log.info('hand-over withdrawn', { account: arg.accountId, user: arg.userId, file: record.value.fileId })
      return ok(publicHandoff(await this.#store.put(arg.accountId, { ...record.value, state: 'withdrawn', decidedAt: at, checkedAt: at })))
    })
  }

  /** Shares again with a notice (§3.3 `notify`), so the person hears about it once more; a decline is undone by it. */
  remind(arg: { readonly accountId: string; readonly userId: string }): Promise<Result<Handoff>> {
    return this.#accounts.call(arg.accountId, async (session) => {
      const record = await this.#record(arg.accountId, arg.userId)
      if (!record.ok) return record
      if (record.value.state !== 'waiting' && record.value.state !== 'declined') return fail('handoff/unknown', `the hand-over is ${record.value.state}; nothing to remind of`)
      const files = new FilesClient(session.client)
      const { roomId } = record.value
      if (roomId !== undefined) {
        const invited = await inviteReader(new RoomsClient(session.client), roomId, arg.userId)
        if (!invited.ok) return invited
        return ok(publicHandoff(await this.#store.put(arg.accountId, { ...record.value, state: 'waiting', remindedAt: this.#now().toISOString() })))
      }
      // An unchanged record is skipped without a notice (§3.1, and so the file share): clear it, then share anew.
      const cleared = await files.share(record.value.fileId, { userId: arg.userId, access: FILE_SHARE.none, notify: false })
      if (!cleared.ok) return cleared
      const shared = await files.share(record.value.fileId, { userId: arg.userId, access: FILE_SHARE.read, notify: true, message: shareMessage(session.account.user.displayName) })
      if (!shared.ok) return shared
      const at = this.#now().toISOString()
      return ok(publicHandoff(await this.#store.put(arg.accountId, { ...record.value, state: 'waiting', remindedAt: at })))
    })
  }

  /** As last checked, newest first. Local only. */
  async list(accountId: string): Promise<Result<readonly Handoff[]>> {
    const { handoffs } = await this.#store.read(accountId)
    return ok(newestFirst(handoffs).map(publicHandoff))
  }

  /** The account's route for new hand-overs; `route` changes it. Local only. */
  async route(accountId: string, route?: HandoffRoute): Promise<Result<HandoffRoute>> {
    if (route === undefined) return ok((await this.#store.read(accountId)).route ?? 'private')
    return ok(await this.#store.update(accountId, (current) => ({ next: { ...current, route }, value: route })))
  }

  /** Checks every open hand-over (or only `userIds`) on the portal, then answers the whole list. */
  status(accountId: string, userIds?: readonly string[]): Promise<Result<readonly Handoff[]>> {
    return this.#accounts.call(accountId, async (session) => {
      const { handoffs } = await this.#store.read(accountId)
      const wanted = userIds ? new Set(userIds.map((id) => id.toLowerCase())) : undefined
      const open = handoffs.filter((h) => (h.state === 'waiting' || h.state === 'declined') && (!wanted || wanted.has(h.userId.toLowerCase())))
      const files = new FilesClient(session.client)
      const checked = await mapLimited(open, STATUS_CONCURRENCY, (record) => this.#check(session, files, record))
      const failed = checked.find((c) => !c.ok && c.error.code === 'auth/expired')
      if (failed && !failed.ok) return failed
      for (const c of checked) if (c.ok) await this.#store.put(accountId, c.value)
      return this.list(accountId)
    })
  }

  /** The list as CSV for the user's records; cells are neutralised against spreadsheet formulas (core/csv.ts). */
  async exportCsv(accountId: string): Promise<Result<{ readonly csv: string; readonly fileName: string }>> {
    const { handoffs } = await this.#store.read(accountId)
    const rows = newestFirst(handoffs).map((h) => [h.userId, h.personName, h.state, String(h.fileId), h.title, h.preparedAt, h.remindedAt ?? '', h.decidedAt ?? '', h.checkedAt ?? '', h.sha256])
    const csv = toSafeCsv([['userId', 'personName', 'state', 'fileId', 'title', 'preparedAt', 'remindedAt', 'decidedAt', 'checkedAt', 'sha256'], ...rows])
    return ok({ csv, fileName: `photo-handovers-${this.#now().toISOString().slice(0, 10)}.csv` })
  }

  async #handOver(session: Session, userId: string, photo: EncodedPhoto, crop: CropFraction): Promise<Result<Handoff>> {
    const me = session.account.user
    if (me.role === 'guest') return notAllowed(me.role)
    if ((await this.#store.read(session.account.id)).route === 'room' && !canUseRooms(me.role)) return notAllowed(me.role)
    if (userId.toLowerCase() === me.id.toLowerCase()) return fail('input/invalid', 'a hand-over is for someone else: change your own photo directly')
    const person = await this.#frame.person(session, userId)
    if (!person.ok) return person
    // The photo they have now: what "changed" is measured against (§8).
    const baseline = await this.#frame.readCurrent(session.client, userId)
    if (!baseline.ok) return { ok: false, error: beforeChange(baseline.error, { session, person: person.value, step: 'read' }) }
    const files = new FilesClient(session.client)
    const accountId = session.account.id
    const stored = await this.#store.read(accountId)
    const route = stored.route ?? 'private'
    const previous = stored.handoffs.find((h) => h.userId.toLowerCase() === userId.toLowerCase())
    const title = handoffTitle(userId, photo.mime)
    // A waiting file under another title (.png then .jpg) or in the other place would show the person two photos: it goes first.
    if (previous && previous.state !== 'withdrawn' && (previous.title !== title || (previous.route ?? 'private') !== route)) {
      const gone = await files.deleteFile(previous.fileId)
      if (!gone.ok && gone.error.code !== 'portal/not-found') return gone
    }
    const rooms = new RoomsClient(session.client)
    const room = route === 'room' ? await handoffRoom(rooms, me.id) : undefined
    if (room && !room.ok) return room
    const roomId = room?.value.id
    const upload = await this.#upload(session, files, roomId ?? '@my', userId, title, photo, crop)
    if (!upload.ok) return { ok: false, error: beforeChange(upload.error, { session, person: person.value, step: 'upload' }) }
    const { file, sent, sentCrop } = upload.value
    const sha256 = sha256Hex(sent.bytes)
    const delivered = roomId === undefined ? await this.#shareWith(files, file.id, userId, me.displayName) : await inviteReader(rooms, roomId, userId)
    if (!delivered.ok) {
      if (delivered.error.facts?.handoffProblem === 'dropped') await files.deleteFile(file.id)
      return { ok: false, error: { ...delivered.error, facts: { ...delivered.error.facts, personName: person.value.displayName } } }
    }
    const at = this.#now().toISOString()
    const saved = await this.#store.put(accountId, {
      userId,
      personName: person.value.displayName,
      state: 'waiting',
      fileId: file.id,
      ...(roomId !== undefined ? { route: 'room' as const, roomId } : {}),
      title: file.title,
      sha256,
      width: sent.width,
      height: sent.height,
      crop: sentCrop,
      preparedAt: at,
      checkedAt: at,
      baselineRef: baseline.value.dto.original,
      ...(baseline.value.original ? { baselineSha256: baseline.value.original.servedSha256 } : {})
    })
    this.#log.info('photo handed over', { account: accountId, user: userId, file: file.id })
    return ok(publicHandoff(saved))
  }

  /** The private route: a Read share with a notice; from 3.7 one with someone the sharer may not share with is dropped silently (§1). */
  async #shareWith(files: FilesClient, fileId: number, userId: string, sharer: string): Promise<Result<void>> {
    const shared = await files.share(fileId, { userId, access: FILE_SHARE.read, notify: true, message: shareMessage(sharer) })
    if (!shared.ok) return shared
    const records = await files.shares(fileId)
    if (!records.ok) return records
    const record = records.value.find((r) => recordUserId(r)?.toLowerCase() === userId.toLowerCase() && !r.isOwner)
    if (record?.access !== FILE_SHARE.read) return fail('portal/forbidden', 'the portal did not share the file with that person', { facts: { handoffProblem: 'dropped' } })
    return ok(undefined)
  }

  /**
   * Uploads the photo and writes the note with its crop (the version comment, CONTRACT-ROOMS.md §4.9).
   * Where the note cannot be written, the chosen square itself becomes a new version of the file:
   * the portal's centred square of a square is then exactly the chosen crop.
   */
  async #upload(
    session: Session,
    files: FilesClient,
    folder: '@my' | number,
    userId: string,
    title: string,
    photo: EncodedPhoto,
    crop: CropFraction
  ): Promise<Result<{ readonly file: FileDto; readonly sent: EncodedPhoto; readonly sentCrop: CropFraction }>> {
    const uploaded = await files.uploadTo(folder, title, photo.bytes, photo.mime)
    if (!uploaded.ok) return uploaded
    const file = uploaded.value
    const noted = await files.setComment(file.id, file.version ?? 1, handoffNote(userId, crop, sha256Hex(photo.bytes)))
    if (noted.ok) return ok({ file, sent: photo, sentCrop: crop })
    this.#log.warn('hand-over note not written; sending the chosen square instead', { file: file.id, code: noted.error.code })
    const limit = await this.#frame.uploadLimit(session)
    const square = limit.ok ? await croppedPhoto(photo, cropToPixels(crop, photo.width, photo.height), limit.value) : undefined
    if (!square) return ok({ file, sent: photo, sentCrop: centredSquare(photo.width, photo.height) })
    const again = await files.uploadTo(folder, title, square.bytes, square.mime)
    if (!again.ok) return again
    return ok({ file: again.value, sent: square, sentCrop: { x: 0, y: 0, width: 1, height: 1 } })
  }

  async #check(session: Session, files: FilesClient, record: HandoffRecord): Promise<Result<HandoffRecord>> {
    const current = await this.#frame.readCurrent(session.client, record.userId)
    if (!current.ok) return current
    const delivery = record.roomId === undefined ? await this.#shareAccess(files, record) : await this.#membership(session, files, record, record.roomId)
    if (!delivery.ok) return delivery
    const observed: Observed = {
      originalRef: current.value.dto.original,
      originalSha256: current.value.original?.servedSha256,
      ...delivery.value
    }
    const state = decideState(record, observed)
    const at = this.#now().toISOString()
    return ok({ ...record, state, checkedAt: at, ...(state !== record.state ? { decidedAt: at } : {}) })
  }

  async #shareAccess(files: FilesClient, record: HandoffRecord): Promise<Result<Pick<Observed, 'shareAccess' | 'fileExists'>>> {
    const records = await files.shares(record.fileId)
    if (!records.ok && records.error.code !== 'portal/not-found') return records
    const mine = records.ok ? records.value.find((r) => recordUserId(r)?.toLowerCase() === record.userId.toLowerCase() && !r.isOwner) : undefined
    return ok({ shareAccess: mine?.access, fileExists: records.ok })
  }

  /** In a room the person's only signal is leaving it (§8): no longer a member reads as declined. */
  async #membership(session: Session, files: FilesClient, record: HandoffRecord, roomId: number): Promise<Result<Pick<Observed, 'shareAccess' | 'fileExists'>>> {
    const file = await files.file(record.fileId)
    if (!file.ok && file.error.code !== 'portal/not-found') return file
    const members = await new RoomsClient(session.client).members(roomId)
    if (!members.ok && members.error.code !== 'portal/not-found') return members
    const member = members.ok && members.value.has(record.userId.toLowerCase())
    return ok({ shareAccess: member ? FILE_SHARE.read : FILE_SHARE.restrict, fileExists: file.ok && members.ok })
  }

  async #record(accountId: string, userId: string): Promise<Result<HandoffRecord>> {
    const { handoffs } = await this.#store.read(accountId)
    const record = handoffs.find((h) => h.userId.toLowerCase() === userId.toLowerCase())
    return record ? ok(record) : fail('handoff/unknown', 'nothing was handed over to that person from this account')
  }
}

function newestFirst(records: readonly HandoffRecord[]): HandoffRecord[] {
  return [...records].sort((a, b) => b.preparedAt.localeCompare(a.preparedAt))
}
