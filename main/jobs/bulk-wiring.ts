/**
 * The bulk job's ports, wired to the rest of main: the people list (with each person's user name and
 * stored original, which the list already carries), the matcher, preparation, perceptual hashes, and
 * the change frame's bulk replace and the single restore. Composition only: each decision lives in
 * the module it calls.
 */
import type { AppError, FramingPreset, Person, Result } from '../../preload/contract'
import { ok } from '../core/result'
import type { Logger } from '../core/logger'
import type { BulkReplace, KnownPerson } from '../changes/bulk-replace'
import { refusedUpFront } from '../changes/change-failures'
import type { ChangeFrame } from '../changes/change-frame'
import type { PhotoEditorService } from '../changes/photo-editor-service'
import { readAllPeople } from '../docspace/people-paging'
import { isStoredPhoto } from '../docspace/photo-sizes'
import { createInProcessImageWork, type ImageWork } from '../images/image-work'
import { isSamePicture } from '../images/perceptual-hash'
import type { AccountsService, Session } from '../services/accounts-service'
import { toPerson } from '../services/people-service'
import type { BulkPorts, MatchOutcome, PortResult } from './bulk-ports'
import { parseMappingCsv } from './mapping-csv'
import { matchFiles, type MatchPerson } from './matcher'
import type { QueueFailure } from './queue'

/** Pages of the people list in flight at once (the portal allows 50 concurrent GETs per user). */
const PAGE_CONCURRENCY = 4
const PAGE_SIZE = 100

export interface BulkWiringOptions {
  readonly accounts: AccountsService
  readonly frame: ChangeFrame
  readonly bulkReplace: BulkReplace
  readonly editor: PhotoEditorService
  readonly log: Logger
  /** Preparation, hashes and face framing (the worker pool in the app); on the calling thread when absent. */
  readonly images?: ImageWork
  /** The framing preset every row is framed with (the house style's default when absent). */
  readonly framingPreset?: () => FramingPreset
}

interface Directory {
  readonly session: Session
  readonly people: ReadonlyMap<string, KnownPerson & { readonly userName?: string }>
}

export function createBulkPorts(options: BulkWiringOptions): BulkPorts {
  const { accounts, frame, bulkReplace, editor, log } = options
  const images = options.images ?? createInProcessImageWork()
  const preset = options.framingPreset ?? (() => 'standard' as const)
  /** The last people list read per account: the plan and the apply that follows use the same reading. */
  const directories = new Map<string, Directory>()

  async function readDirectory(accountId: string): Promise<Result<Directory>> {
    return accounts.call(accountId, async (session) => {
      const me = { id: session.account.user.id, role: session.account.user.role }
      const read = await readAllPeople(session.client, { pageSize: PAGE_SIZE, concurrency: PAGE_CONCURRENCY })
      if (!read.ok) return read
      const people = new Map<string, KnownPerson & { readonly userName?: string }>()
      for (const dto of read.value) {
        if (people.has(dto.id)) continue
        people.set(dto.id, {
          person: toPerson(dto, me, session.version),
          ...(dto.avatarOriginal && isStoredPhoto(dto.avatarOriginal) ? { originalRef: dto.avatarOriginal } : {}),
          ...(dto.userName ? { userName: dto.userName } : {})
        })
      }
      const directory = { session, people }
      directories.set(accountId, directory)
      return ok(directory)
    })
  }

  async function known(accountId: string, userId: string): Promise<Result<KnownPerson>> {
    const cached = directories.get(accountId)?.people.get(userId)
    if (cached) return ok(cached)
    return accounts.call(accountId, async (session) => {
      const person = await frame.person(session, userId)
      return person.ok ? ok({ person: person.value }) : person
    })
  }

  return {
    async account(accountId) {
      const session = await accounts.session(accountId)
      if (!session.ok) return session
      return ok({ portalUrl: session.value.account.portalUrl, actor: session.value.account.user.email })
    },

    async listPeople({ accountId }) {
      const directory = await readDirectory(accountId)
      if (!directory.ok) return directory
      return ok([...directory.value.people.values()].map((k) => k.person))
    },

    match({ accountId, files, people, mappings }): readonly MatchOutcome[] {
      const directory = directories.get(accountId)
      const matchPeople: MatchPerson[] = people.map((p) => {
        const userName = directory?.people.get(p.id)?.userName
        return userName ? { ...p, userName } : p
      })
      // Several CSVs in one drop: the first that has rows is the mapping (the others are logged).
      const parsed = mappings.map((m) => ({ name: m.name, ...parseMappingCsv(m.text) })).filter((m) => m.mapping.entries.length > 0)
      if (parsed.length > 1) log.warn('several mapping files; using the first', { used: parsed[0]?.name, files: parsed.length })
      const mapping = parsed[0]?.mapping
      return matchFiles(files.map((f) => ({ rowId: f.rowId, file: f.name })), matchPeople, mapping).map((m): MatchOutcome => {
        if (m.state === 'matched' && m.userId && m.rule) return { rowId: m.rowId, kind: 'matched', userId: m.userId, rule: m.rule }
        if (m.state === 'ambiguous') return { rowId: m.rowId, kind: 'ambiguous', userIds: (m.candidates ?? []).map((c) => c.userId), ...(m.rule ? { rule: m.rule } : {}) }
        return { rowId: m.rowId, kind: 'unmatched' }
      })
    },

    async prepare(source, { accountId, preset: jobPreset, rotate }) {
      const session = await accounts.session(accountId)
      if (!session.ok) return session
      const limit = await frame.uploadLimit(session.value)
      if (!limit.ok) return limit
      const planned = await images.plan(source, { maxUploadBytes: limit.value, ...(rotate ? { rotate } : {}) }, jobPreset ?? preset())
      if (!planned.ok) return planned
      const { bytes, mime, width, height } = planned.value.prepared
      const framing = planned.value.faces?.framing
      // A crop for a turned picture would land wrongly on the unturned upload: warn, keep the centred
      // square, and offer the turn (the row is then prepared turned and framed again).
      const proposedCrop = framing?.crop && framing.turns === 0 ? framing.crop : undefined
      const uprightTurns = framing && framing.turns !== 0 ? framing.turns : undefined
      const faceWarnings = framing?.warnings.map((w) => w.code) ?? []
      // No SHA-256 here: the job hashes the prepared bytes as it spools them.
      return ok({
        bytes,
        mime,
        width,
        height,
        ...(planned.value.pictureHash !== undefined ? { pictureHash: planned.value.pictureHash } : {}),
        ...(proposedCrop ? { proposedCrop } : {}),
        ...(faceWarnings.length > 0 ? { faceWarnings } : {}),
        ...(uprightTurns ? { uprightTurns } : {})
      })
    },

    async currentPictureHash({ accountId, userId }) {
      const person = await known(accountId, userId)
      if (!person.ok) return person
      if (!person.value.person.hasPhoto) return ok(null)
      return accounts.call(accountId, async (session) => {
        let ref = person.value.originalRef
        if (!ref) {
          const photo = await session.client.photo(userId)
          if (!photo.ok) return photo
          if (!isStoredPhoto(photo.value.original)) return ok(null)
          ref = photo.value.original
        }
        const file = await session.client.fetchFile(ref)
        if (!file.ok) return file
        const hash = await images.hash(file.value.bytes)
        // A stored photo that does not decode is not "the same picture" as anything.
        return ok(hash.ok ? hash.value : null)
      })
    },

    isSamePicture,

    refusal(accountId, person: Person): AppError {
      const session = directories.get(accountId)?.session
      if (!session) return { code: 'portal/forbidden', message: 'the portal does not let this account change this photo', facts: { step: 'check', personName: person.displayName } }
      return refusedUpFront(session, person).error
    },

    async replaceOne(req) {
      const person = await known(req.accountId, req.userId)
      if (!person.ok) return withRetryAfter(person)
      const { bytes, mime, width, height } = req.prepared
      const outcome = await bulkReplace.replace({
        accountId: req.accountId,
        known: person.value,
        photo: { bytes, mime: mime === 'image/png' ? 'image/png' : 'image/jpeg', width, height },
        sha256: req.prepared.sha256,
        crop: req.cropPixels,
        signal: req.signal,
        commit: (result) => req.commit(withRetryAfter(result))
      })
      return withRetryAfter(outcome)
    },

    async restoreOne(req) {
      const restored = await editor.restore({ accountId: req.accountId, userId: req.userId, entryId: req.backupId }, { record: false })
      return restored.ok ? ok(undefined) : withRetryAfter(restored)
    },

    verifyApplied({ accountId, userId, sha256 }) {
      return bulkReplace.verifyApplied(accountId, userId, sha256)
    }
  }
}

/** The queue waits out a 429's Retry-After; the portal's header reached the failure's facts. */
function withRetryAfter<T>(result: Result<T>): PortResult<T> {
  if (result.ok) return result
  const seconds = result.error.facts?.retryAfterSeconds
  const error: QueueFailure = seconds !== undefined ? { ...result.error, retryAfterMs: seconds * 1000 } : result.error
  return { ok: false, error }
}
