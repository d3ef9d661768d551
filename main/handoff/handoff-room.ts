/**
 * The room route of a hand-over (CONTRACT-ROOMS.md §2, §3.1, §8, §10): where HR prefers one place to
 * look, the prepared photos go into one custom room the sharer created, "Profile photos", and each
 * person is invited with Read access and a notice. Everyone in the room then sees every photo and
 * every member (§3.2), which the UI says when offering it. A person "declines" by leaving the room.
 */
import type { Result, Role } from '../../preload/contract'
import { fail, ok } from '../core/result'
import { FILE_SHARE, type RoomDto } from '../docspace/files-dto'
import type { RoomsClient } from '../docspace/rooms-client'

/** The room's title: portal content, found again by exact title and creator (§2.4). */
export const HANDOFF_ROOM_TITLE = 'Profile photos'

/** §1: owners, DocSpace admins and room admins may create rooms; users and guests get 403. */
export function canUseRooms(role: Role): boolean {
  return role === 'owner' || role === 'admin' || role === 'room-admin'
}

/** The sharer's own "Profile photos" room, created when there is none (§10 steps 2-3). */
export async function handoffRoom(rooms: RoomsClient, sharerId: string): Promise<Result<RoomDto>> {
  const found = await rooms.find(HANDOFF_ROOM_TITLE, sharerId)
  if (!found.ok) return found
  const first = found.value[0]
  return first ? ok(first) : rooms.create(HANDOFF_ROOM_TITLE)
}

/**
 * Invites the person with Read and a notice. An unchanged membership is skipped without one (§3.1),
 * so it is cleared first: a re-prepared photo or a reminder is heard about again. 3.7.1+ drop an
 * invitee the sharer may not view, silently: that answers a failure here.
 */
export async function inviteReader(rooms: RoomsClient, roomId: number, userId: string): Promise<Result<void>> {
  const cleared = await rooms.invite(roomId, userId, FILE_SHARE.none, false)
  if (!cleared.ok) return cleared
  const invited = await rooms.invite(roomId, userId, FILE_SHARE.read, true)
  if (!invited.ok) return invited
  if (invited.value?.access !== FILE_SHARE.read) return fail('portal/forbidden', 'the portal did not invite that person to the room', { facts: { handoffProblem: 'dropped' } })
  return ok(undefined)
}
