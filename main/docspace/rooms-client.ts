/**
 * The room calls of CONTRACT-ROOMS.md the hand-over's room route needs, over one DocSpaceClient:
 * find a room by exact title and creator, create one, invite (or remove) a member, list members,
 * list a room's image files, and leave a room. Every answer is checked; a room's content is untrusted.
 */
import type { Result } from '../../preload/contract'
import { fail, ok } from '../core/result'
import type { DocSpaceClient } from './client'
import { unexpected } from './failures'
import { CUSTOM_ROOM, fileDto, fileShareDto, folderContentDto, roomDto, roomListDto, roomSecurityDto, type FileDto, type FileShareDto, type RoomDto } from './files-dto'

const PAGE = 100
/** Rooms and members read at most: 2,000 of each is far beyond a hand-over's room. */
const MAX_PAGES = 20

function checkedId(id: number): string | undefined {
  return Number.isSafeInteger(id) && id > 0 ? String(id) : undefined
}

export class RoomsClient {
  readonly #client: DocSpaceClient

  constructor(client: DocSpaceClient) {
    this.#client = client
  }

  /**
   * `GET rooms?filterValue=` (§2.4) page by page. The title search may tokenise (full-text), so the
   * exact title is compared here; `createdBy` narrows to rooms the given user created.
   */
  async find(title: string, createdBy?: string): Promise<Result<readonly RoomDto[]>> {
    const rooms: RoomDto[] = []
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await this.#client.request('GET', '/files/rooms', { query: { filterValue: title, searchArea: 0, startIndex: page * PAGE, count: PAGE } })
      if (!res.ok) return res
      const content = roomListDto.safeParse(res.value.response)
      if (!content.success) return unexpected('rooms')
      for (const raw of content.data.folders) {
        const room = roomDto.safeParse(raw)
        if (room.success && room.data.title === title && (!createdBy || room.data.createdBy?.id.toLowerCase() === createdBy.toLowerCase())) rooms.push(room.data)
      }
      // §2.4: the envelope count is 1, so the DTO's own total says when to stop.
      if (content.data.folders.length < PAGE || (page + 1) * PAGE >= (content.data.total ?? 0)) break
    }
    return ok(rooms)
  }

  /** Every room the signed-in user is in (§2.4: everyone but admins sees the rooms they created or joined). */
  async mine(): Promise<Result<readonly RoomDto[]>> {
    const rooms: RoomDto[] = []
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await this.#client.request('GET', '/files/rooms', { query: { searchArea: 0, startIndex: page * PAGE, count: PAGE } })
      if (!res.ok) return res
      const content = roomListDto.safeParse(res.value.response)
      if (!content.success) return unexpected('rooms')
      for (const raw of content.data.folders) {
        const room = roomDto.safeParse(raw)
        if (room.success) rooms.push(room.data)
      }
      if (content.data.folders.length < PAGE || (page + 1) * PAGE >= (content.data.total ?? 0)) break
    }
    return ok(rooms)
  }

  /** `POST rooms` (§2.2): a custom room, never `private` (that means end-to-end encrypted). */
  async create(title: string): Promise<Result<RoomDto>> {
    const res = await this.#client.request('POST', '/files/rooms', { json: { title, roomType: CUSTOM_ROOM, private: false } })
    if (!res.ok) return res
    const room = roomDto.safeParse(res.value.response)
    return room.success ? ok(room.data) : unexpected('room')
  }

  /**
   * `PUT rooms/{id}/share` (§3.1) for one user; access 0 removes them (or, for oneself, leaves).
   * Answers the user's record as the portal now has it, or undefined when it dropped them (3.7.1+).
   */
  async invite(roomId: number, userId: string, access: number, notify: boolean): Promise<Result<FileShareDto | undefined>> {
    const id = checkedId(roomId)
    if (!id) return fail('input/invalid', 'not a room id')
    const res = await this.#client.request('PUT', `/files/rooms/${id}/share`, { json: { invitations: [{ id: userId, access }], notify } })
    if (!res.ok) return res
    const answer = roomSecurityDto.safeParse(res.value.response)
    if (!answer.success) return unexpected('room members')
    for (const raw of answer.data.members) {
      const record = fileShareDto.safeParse(raw)
      const who = record.success ? (record.data.sharedToUser?.id ?? record.data.sharedTo?.id) : undefined
      if (record.success && who?.toLowerCase() === userId.toLowerCase()) return ok(record.data)
    }
    return ok(undefined)
  }

  /** `GET rooms/{id}/share?filterType=16` (§3.2): the ids of the room's users, the synthesised owner left out. */
  async members(roomId: number): Promise<Result<ReadonlySet<string>>> {
    const id = checkedId(roomId)
    if (!id) return fail('input/invalid', 'not a room id')
    const ids = new Set<string>()
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await this.#client.request('GET', `/files/rooms/${id}/share`, { query: { filterType: 16, startIndex: page * PAGE, count: PAGE } })
      if (!res.ok) return res
      if (!Array.isArray(res.value.response)) return unexpected('room members')
      for (const raw of res.value.response) {
        const record = fileShareDto.safeParse(raw)
        const who = record.success ? (record.data.sharedToUser?.id ?? record.data.sharedTo?.id) : undefined
        if (record.success && who && !record.data.isOwner && record.data.access !== 0) ids.add(who.toLowerCase())
      }
      if (res.value.response.length < PAGE || (page + 1) * PAGE >= (res.value.total ?? 0)) break
    }
    return ok(ids)
  }

  /** `GET {roomId}?filterType=7` (§4.4): the room's images; an entry that is not a file as §5.4 says is left out. */
  async images(roomId: number): Promise<Result<readonly FileDto[]>> {
    const id = checkedId(roomId)
    if (!id) return fail('input/invalid', 'not a room id')
    const files: FileDto[] = []
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await this.#client.request('GET', `/files/${id}`, { query: { filterType: 7, startIndex: page * PAGE, count: PAGE } })
      if (!res.ok) return res
      const content = folderContentDto.safeParse(res.value.response)
      if (!content.success) return unexpected('room files')
      for (const raw of content.data.files) {
        const file = fileDto.safeParse(raw)
        if (file.success) files.push(file.data)
      }
      if (content.data.files.length < PAGE || (page + 1) * PAGE >= (content.data.total ?? 0)) break
    }
    return ok(files)
  }
}
