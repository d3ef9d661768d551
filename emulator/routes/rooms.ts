// Rooms (CONTRACT-ROOMS.md §2, §3.1, §3.2): POST/GET rooms, GET rooms/{id}, PUT/GET rooms/{id}/share,
// archive, unarchive and delete. Every room is invite-only; the creator holds no share record.

import type { FastifyInstance } from 'fastify'
import { callerOf, ok, registerApi, type ApiCall, type PortalContext } from '../http/api'
import { bindJsonBody, parseGuid, queryInt } from '../http/binding'
import { ServerException, ValidationFailure } from '../http/envelope'
import { fileOperationDto, fileShareDto, folderContentDto, folderDto } from '../http/file-dto'
import { folderRights, folderRole, ROOM_ROLES, roleAllowedForType } from '../domain/file-rights'
import { parseFileShare, ROOM_FOLDER_TYPE, type FolderRecord, type RoomInfo } from '../domain/files'
import { fold } from '../domain/fold'
import type { UserRecord } from '../domain/model'
import { canView } from '../domain/permissions'
import type { PortalStore } from '../domain/store'
import { recordOperation } from './file-ops'
import { findFolder, FOLDER_NOT_FOUND, READ_FOLDER_DENIED } from './files'
import { ROLE_NOT_AVAILABLE } from './sharing'

const ROOM_TYPE_NAMES: Readonly<Record<string, number>> = { FillingFormsRoom: 1, EditingRoom: 2, CustomRoom: 5, PublicRoom: 6, VirtualDataRoom: 8, AiRoom: 9 }
/** The portal's total storage in the emulator: a room quota above it is refused. */
const PORTAL_STORAGE = 1024 ** 4
const MAX_TITLE = 170

function roomTypeValue(raw: unknown, aiRooms: boolean): number | undefined {
  let value: number | undefined
  if (typeof raw === 'number') value = raw
  else if (typeof raw === 'string') value = /^\d+$/.test(raw.trim()) ? Number.parseInt(raw, 10) : ROOM_TYPE_NAMES[Object.keys(ROOM_TYPE_NAMES).find((k) => k.toLowerCase() === raw.trim().toLowerCase()) ?? '']
  if (value === undefined || ROOM_FOLDER_TYPE[value] === undefined || (value === 9 && !aiRooms)) return undefined
  return value
}

/** Case-insensitive view of one invitation or share entry. */
class CiBodyLike {
  private readonly map: Map<string, unknown>
  constructor(entry: unknown, private readonly store?: PortalStore) {
    this.map = new Map(entry && typeof entry === 'object' ? Object.entries(entry as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), v]) : [])
  }
  value(name: string): string | number | undefined {
    const v = this.map.get(name)
    return typeof v === 'string' || typeof v === 'number' ? v : undefined
  }
  idString(): string | undefined {
    const v = this.map.get('id') ?? this.map.get('shareto')
    return typeof v === 'string' ? parseGuid(v) : undefined
  }
  id(): UserRecord | undefined {
    const id = this.idString()
    return id ? this.store?.userById(id) : undefined
  }
}

export function registerRoomRoutes(app: FastifyInstance, ctx: PortalContext): void {
  const { store, rules } = ctx
  const space = store.space

  const findRoom = (raw: string | undefined): FolderRecord & { room: RoomInfo } => {
    const folder = findFolder(ctx, raw)
    if (!folder.room) throw new ServerException('ItemNotFound', FOLDER_NOT_FOUND)
    return folder as FolderRecord & { room: RoomInfo }
  }

  registerApi(app, ctx, {
    method: 'POST',
    url: '/files/rooms',
    handler: (call) => {
      const caller = callerOf(call).user
      const body = bindJsonBody(call.req.headers['content-type'], call.req.body)
      const rawTitle = body.string('title')
      if (rawTitle !== undefined && rawTitle.length > MAX_TITLE) {
        throw new ValidationFailure({ Title: [`The field Title must be a string with a maximum length of ${MAX_TITLE}.`] })
      }
      const tags = Array.isArray(body.get('tags')) ? (body.get('tags') as unknown[]).filter((t): t is string => typeof t === 'string' && t.trim() !== '') : []
      if (caller.type === 'User' || caller.type === 'Guest') throw new ServerException('InvalidOperation', "You don't have enough permission to create")
      const roomType = roomTypeValue(body.get('roomType') ?? 0, rules.filesV36)
      if (roomType === undefined) throw new ServerException('ArgumentOutOfRange', "Specified argument was out of the range of valid values. (Parameter 'roomType')")
      const title = (rawTitle ?? '').trim()
      if (rawTitle === undefined) throw new ServerException('ArgumentNull', "Value cannot be null. (Parameter 'title')")
      if (title === '') throw new ServerException('Argument', "The value cannot be an empty string. (Parameter 'title')")
      const isPrivate = body.bool('private') ?? false
      if (isPrivate) {
        const shares = body.get('share')
        if (!Array.isArray(shares) || shares.length === 0) throw new ServerException('ArgumentNull', "Value cannot be null. (Parameter 'shares')")
        // End-to-end encrypted rooms need desktop-editor keys, which nobody on the emulator has.
        const first = shares.map((s) => (s && typeof s === 'object' ? new CiBodyLike(s, store).id() : undefined)).find((u) => u !== undefined) ?? caller
        throw new ServerException('InvalidOperation', `The user ${first.firstName} ${first.lastName} does not have an encryption key`)
      }
      // CountRoomFeature: the tariff's room limit (archived rooms count too).
      if (space.rooms().length >= ctx.options.maxRooms) throw new ServerException('TenantQuota', `The number of rooms should not exceed ${ctx.options.maxRooms}`)
      const rawQuota = body.int('quota') ?? 0
      const quota = rawQuota === 0 ? -2 : rawQuota
      if (quota > PORTAL_STORAGE) throw new ServerException('InvalidOperation', 'Failed to set quota per room. The entered value is greater than the total DocSpace storage.')
      const info: RoomInfo = {
        roomType,
        private: false,
        denyDownload: body.bool('denyDownload') ?? false,
        indexing: body.bool('indexing') ?? false,
        tags: [...new Set(tags.map((t) => t.trim()))],
        quota,
        members: new Map(),
        archived: false,
        links: []
      }
      // Public and form-filling rooms get their primary external link at once (FSS:845-851).
      if (roomType === 6) info.links.push({ id: crypto.randomUUID(), title: 'Shared link', access: 2, primary: true })
      if (roomType === 1) info.links.push({ id: crypto.randomUUID(), title: 'Shared link', access: 7, primary: true })
      const room = space.addFolder(title, ROOM_FOLDER_TYPE[roomType] as number, space.roomsRootId, caller.id, info)
      space.changed()
      return ok(folderDto(room, caller, call.dto))
    }
  })

  /** Every user reads the rooms root; the rooms in it are the ones they see. */
  const visibleRooms = (caller: UserRecord): FolderRecord[] =>
    space.rooms().filter((r) => caller.type === 'DocSpaceAdmin' || r.ownerId === caller.id || (r.room?.members.get(caller.id) ?? 0) !== 0)

  registerApi(app, ctx, {
    method: 'GET',
    url: '/files/rooms',
    handler: (call) => {
      const caller = callerOf(call).user
      const count = queryInt(call.query, 'count', 'Count') ?? 100
      if (count < 1 || count > 100) throw new ValidationFailure({ Count: ['The field Count must be between 1 and 100.'] })
      const startIndex = Math.max(0, queryInt(call.query, 'startIndex', 'StartIndex') ?? 0)
      const types = call.query.all('type').map((t) => {
        const v = roomTypeValue(t, true)
        if (v === undefined) throw new ValidationFailure({ type: [`The value '${t}' is not valid for Type.`] })
        return v
      })
      const area = queryInt(call.query, 'searchArea', 'SearchArea') ?? 0
      const rawTags = call.query.get('tags')
      // A JSON array string; malformed JSON is an unhandled JsonException (500).
      const tags = rawTags === undefined || rawTags === '' ? [] : (JSON.parse(rawTags) as unknown[]).map(String)
      const value = (call.query.get('filterValue') ?? '').trim().toLowerCase()
      const subject = parseGuid(call.query.get('subjectId') ?? '')
      const exclude = call.query.get('excludeSubject')?.toLowerCase() === 'true'
      let rooms = visibleRooms(caller).filter((r) => {
        const info = r.room as RoomInfo
        if (area === 0 && info.archived) return false
        if (area === 1 && !info.archived) return false
        if (area === 4) return false
        if (types.length > 0 && !types.includes(info.roomType)) return false
        if (tags.length > 0 && !tags.some((t) => info.tags.includes(t))) return false
        if (value !== '' && !r.title.toLowerCase().includes(value)) return false
        if (subject && (r.ownerId === subject) === exclude) return false
        return true
      })
      rooms = sortRooms(call, rooms)
      const root = space.folders.get(area === 1 ? space.archiveRootId : space.roomsRootId) as FolderRecord
      const page = rooms.slice(startIndex, startIndex + count)
      return ok(folderContentDto(root, { files: [], folders: page, startIndex, total: rooms.length }, caller, call.dto))
    }
  })

  registerApi(app, ctx, {
    method: 'GET',
    url: '/files/rooms/:roomId',
    anonymous: true,
    handler: (call) => {
      const folder = findFolder(ctx, call.params.roomId)
      const caller = call.caller?.user
      if (!caller) throw new ServerException('Authentication', READ_FOLDER_DENIED)
      if (!folderRights(space, caller, folder).read) throw new ServerException('InvalidOperation', READ_FOLDER_DENIED)
      return ok(folderDto(folder, caller, call.dto))
    }
  })

  registerApi(app, ctx, {
    method: 'PUT',
    url: '/files/rooms/:roomId/share',
    handler: (call) => {
      const caller = callerOf(call).user
      const body = bindJsonBody(call.req.headers['content-type'], call.req.body)
      const room = findRoom(call.params.roomId)
      const raw = body.get('invitations')
      if (!Array.isArray(raw) || raw.length === 0) return ok({ error: 0 })
      const notify = body.bool('notify') ?? false
      const rights = folderRights(space, caller, room)
      const wanted: Array<{ id: string | undefined; email: string | undefined; access: number }> = raw.map((entry: unknown) => {
        const e = new CiBodyLike(entry)
        return { id: e.idString(), email: String(e.value('email') ?? '') || undefined, access: parseFileShare(e.value('access') ?? 0) }
      })
      for (const w of wanted) {
        const selfLeave = w.id === caller.id && w.access === 0
        if (!selfLeave && !rights.editAccess) throw new ServerException('Security', 'Access denied')
        // Inviting by e-mail creates guests, which needs AllowInvitingGuests; the emulator has it off.
        if (w.id === undefined && w.email) throw new ServerException('Security', 'Access denied')
      }
      const allowed = ROOM_ROLES[room.room.roomType] ?? []
      const apply: Array<{ user: UserRecord; access: number }> = []
      for (const w of wanted) {
        const user = w.id ? store.userById(w.id) : undefined
        if (!user || user.status !== 1 || user.id === room.ownerId) continue
        if (rules.inviteDropsInvisible && !canView(caller, user)) continue
        if (w.access !== 0 && (!allowed.includes(w.access) || !roleAllowedForType(w.access, user.type))) {
          throw new ServerException('InvalidOperation', ROLE_NOT_AVAILABLE)
        }
        apply.push({ user, access: w.access })
      }
      for (const { user, access } of apply) {
        const current = room.room.members.get(user.id)
        if (access === 0) {
          room.room.members.delete(user.id)
          continue
        }
        if (current === access) continue
        room.room.members.set(user.id, access)
        // The server ignores `message` in room e-mails; only My-documents share notices carry one.
        if (notify) space.notify({ kind: 'room-invite', recipientId: user.id, sharerId: caller.id, roomId: room.id, access })
      }
      space.changed()
      const members = apply.flatMap(({ user }) => {
        const access = room.room.members.get(user.id)
        return access === undefined ? [] : [fileShareDto(access, user, caller, call.dto, { canEditAccess: rights.editAccess && user.id !== caller.id })]
      })
      return ok({ members, error: 0 })
    }
  })

  registerApi(app, ctx, {
    method: 'GET',
    url: '/files/rooms/:roomId/share',
    handler: (call) => {
      const caller = callerOf(call).user
      const room = findRoom(call.params.roomId)
      if (folderRole(space, caller, room) === undefined) throw new ServerException('Security', 'Access denied')
      const count = queryInt(call.query, 'count', 'Count') ?? 100
      if (count < 1 || count > 100) throw new ValidationFailure({ Count: ['The field Count must be between 1 and 100.'] })
      const startIndex = Math.max(0, queryInt(call.query, 'startIndex', 'StartIndex') ?? 0)
      const filterType = queryInt(call.query, 'filterType', 'FilterType') ?? 0
      const terms = fold(call.query.get('filterValue') ?? '').trim()
      const matches = (u: UserRecord): boolean => terms === '' || [u.firstName, u.lastName, u.email].some((s) => fold(s).includes(terms))
      const editAccess = folderRights(space, caller, room).editAccess
      let list: Array<Record<string, unknown>> = []
      if (filterType === 0 || filterType === 16) {
        const owner = store.userById(room.ownerId)
        if (owner && matches(owner)) list.push(fileShareDto(1, owner, caller, call.dto, { isOwner: true, canEditAccess: false }))
        for (const [id, access] of room.room.members) {
          const user = store.userById(id)
          if (user && matches(user)) list.push(fileShareDto(access, user, caller, call.dto, { canEditAccess: editAccess && id !== caller.id }))
        }
      } else if (filterType === 1 || filterType === 2 || filterType === 8) {
        list = room.room.links.map((l) => ({
          access: l.access,
          sharedTo: { id: l.id, title: l.title, shareLink: `${call.dto.origin}/s/${l.id}`, linkType: 1, denyDownload: room.room.denyDownload, isExpired: false, primary: l.primary, internal: false },
          isLocked: false, isOwner: false, canEditAccess: editAccess, canEditInternal: editAccess, canEditDenyDownload: editAccess,
          canEditExpirationDate: editAccess, canRevoke: editAccess && !l.primary, subjectType: l.primary ? 4 : 1
        }))
      }
      const total = list.length
      // count = min(total - startIndex, count), negative past the end (VRC:582).
      return ok(list.slice(startIndex, startIndex + count), { count: Math.min(total - startIndex, count), total })
    }
  })

  const archive = (call: ApiCall, archived: boolean) => {
    const caller = callerOf(call).user
    const room = findRoom(call.params.roomId)
    const role = folderRole(space, caller, room)
    if (role !== 'owner' && role !== 9) throw new ServerException('Security', 'Access denied')
    room.room.archived = archived
    room.parentId = archived ? space.archiveRootId : space.roomsRootId
    room.updatedMs = Date.now()
    space.changed()
    return ok(fileOperationDto(recordOperation(ctx, caller.id, 0), true, rules))
  }
  registerApi(app, ctx, { method: 'PUT', url: '/files/rooms/:roomId/archive', handler: (call) => archive(call, true) })
  registerApi(app, ctx, { method: 'PUT', url: '/files/rooms/:roomId/unarchive', handler: (call) => archive(call, false) })

  registerApi(app, ctx, {
    method: 'DELETE',
    url: '/files/rooms/:roomId',
    handler: (call) => {
      const caller = callerOf(call).user
      const folder = space.folders.get(Number(call.params.roomId))
      const room = folder?.room ? folder : undefined
      const allowed = room !== undefined && folderRights(space, caller, room).delete
      if (rules.syncDeleteChecks) {
        if (!room) throw new ServerException('ItemNotFound', FOLDER_NOT_FOUND)
        if (!allowed) throw new ServerException('Security', 'Access denied')
      }
      let error: string | undefined
      if (!room) error = FOLDER_NOT_FOUND
      else if (!allowed) error = "You don't have enough permission to delete the folder"
      else {
        // Always permanent: the room and its files are gone.
        for (const f of [...space.files.values()]) if (space.roomOf(space.folders.get(f.folderId) ?? room) === room) space.files.delete(f.id)
        space.folders.delete(room.id)
        space.changed()
      }
      recordOperation(ctx, caller.id, 2, error)
      // The answer is the first of the caller's delete operations, which may not be this one (VRC:425).
      const first = space.operations.find((o) => o.userId === caller.id && o.operation === 2)
      return ok(first ? fileOperationDto(first, true, rules) : undefined)
    }
  })

  const sortRooms = (call: ApiCall, rooms: FolderRecord[]): FolderRecord[] => {
    const by = (call.query.get('sortBy') ?? 'DateAndTime').toLowerCase()
    const order = (call.query.get('sortOrder') ?? 'descending').toLowerCase()
    const ascending = order === 'ascending' || order === '0'
    const key = (r: FolderRecord): string | number => (by === 'az' ? r.title.toLowerCase() : by === 'dateandtimecreation' ? r.createdMs : r.updatedMs)
    const sorted = [...rooms].sort((a, b) => {
      const x = key(a)
      const y = key(b)
      return (x < y ? -1 : x > y ? 1 : 0) || a.id - b.id
    })
    return ascending ? sorted : sorted.reverse()
  }

}
