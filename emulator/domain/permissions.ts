// Who may see and change whom (CONTRACT.md §1.2, §2): from 3.7.1 a user or guest sees only their own photo
// and a room admin sees non-guests; photo writes are self-only from 3.6.0, admin-wide with exceptions before.

import { parseGuid } from '../http/binding'
import { ServerException } from '../http/envelope'
import type { UserRecord } from './model'
import type { PortalStore } from './store'

export const USER_NOT_FOUND = 'The user could not be found'

/** CanUserViewAnotherUserAsync (v3.7.1+), checked in the server's order. */
export function canView(caller: UserRecord, target: UserRecord): boolean {
  if (caller.id === target.id) return true
  switch (caller.type) {
    case 'DocSpaceAdmin':
      return true
    case 'User':
    case 'Guest':
      return false
    case 'RoomAdmin':
      // "User relations": guests this room admin invited.
      return target.type !== 'Guest' || target.createdBy === caller.id
  }
}

/** Action_EditUser before v3.6.0: the Self role, or a DocSpaceAdmin (the owner counts as one). */
export function holdsEditUser(caller: UserRecord, target: UserRecord): boolean {
  return caller.id === target.id || caller.type === 'DocSpaceAdmin'
}

/** GetUserInfoAsync: a GUID, otherwise a username; unknown gives ItemNotFoundException (404). */
export function resolveUser(store: PortalStore, idOrName: string): UserRecord {
  const guid = parseGuid(idOrName)
  const user = guid ? store.userById(guid) : store.userByUserName(idOrName)
  if (!user) throw new ServerException('ItemNotFound', USER_NOT_FOUND)
  return user
}
