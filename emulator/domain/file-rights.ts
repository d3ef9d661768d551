// Who may do what with folders, rooms and files (CONTRACT-ROOMS.md §1, §2.1, §3, §4; SEC in the server):
// the owner of My documents has full rights there and a share record gives the rest; in rooms the creator
// and RoomManagers have full rights, ContentCreators add and manage their own files, every other role reads.

import { FOLDER_TYPE, isImageTitle, type FileRecord, type FileSpace, type FolderRecord } from './files'
import type { EmployeeType, UserRecord } from './model'

/** 'owner': full rights; 'admin': a DocSpaceAdmin reading a room they are not in; a number: the FileShare held. */
export type Role = 'owner' | 'admin' | 'root' | number

export const ROOM_MANAGER = 9
export const CONTENT_CREATOR = 11
export const EDITING = 10

/** User roles allowed per RoomType (SEC:157-234). */
export const ROOM_ROLES: Readonly<Record<number, readonly number[]>> = {
  5: [9, 11, 10, 5, 6, 2],
  2: [9, 11, 10, 2],
  8: [9, 11, 10, 2, 7],
  6: [9, 11],
  1: [9, 11, 7],
  // AiRoom: the contract lists no roles; the emulator allows the editing-room set.
  9: [9, 11, 10, 2]
}

/** RoomManager needs a RoomAdmin or an admin (SEC:236-264). */
export function roleAllowedForType(access: number, type: EmployeeType): boolean {
  if (access === ROOM_MANAGER) return type === 'DocSpaceAdmin' || type === 'RoomAdmin'
  return true
}

/** HasFullAccessAsync: the room creator counts as owner unless they are a User or a Guest. */
function roomRole(room: FolderRecord, user: UserRecord): Role | undefined {
  if (room.ownerId === user.id && (user.type === 'DocSpaceAdmin' || user.type === 'RoomAdmin')) return 'owner'
  const member = room.room?.members.get(user.id)
  if (member !== undefined && member !== 0) return member
  if (user.type === 'DocSpaceAdmin') return 'admin'
  return undefined
}

export function folderRole(space: FileSpace, user: UserRecord, folder: FolderRecord): Role | undefined {
  if (folder.id === space.roomsRootId || folder.id === space.shareRootId) return 'root'
  if (folder.id === space.archiveRootId) return 'root'
  const room = space.roomOf(folder)
  if (room) return roomRole(room, user)
  const root = space.rootOf(folder)
  if ((root.folderType === FOLDER_TYPE.USER || root.folderType === FOLDER_TYPE.TRASH) && root.ownerId === user.id) return 'owner'
  return undefined
}

export function fileRole(space: FileSpace, user: UserRecord, file: FileRecord): Role | undefined {
  const folder = space.folders.get(file.folderId)
  if (!folder) return undefined
  const role = folderRole(space, user, folder)
  if (role !== undefined && role !== 'root') return role
  if (space.roomOf(folder)) return undefined
  const root = space.rootOf(folder)
  if (root.folderType !== FOLDER_TYPE.USER) return undefined
  const share = file.shares.get(user.id)
  // Restrict (3) and None hide the file.
  return share && (share.access === 1 || share.access === 2) ? share.access : undefined
}

export interface FileRights {
  read: boolean
  download: boolean
  edit: boolean
  delete: boolean
  rename: boolean
  comment: boolean
  share: boolean
}

export function fileRights(space: FileSpace, user: UserRecord, file: FileRecord, role = fileRole(space, user, file)): FileRights {
  const none: FileRights = { read: false, download: false, edit: false, delete: false, rename: false, comment: false, share: false }
  if (role === undefined || role === 'root') return none
  const folder = space.folders.get(file.folderId)
  const room = folder ? space.roomOf(folder) : undefined
  const archived = room?.room?.archived ?? false
  const full = role === 'owner' || role === ROOM_MANAGER
  const ownCreator = role === CONTENT_CREATOR && file.createdBy === user.id
  const manage = !archived && (full || ownCreator)
  // denyDownload does not stop images (FH:483-494).
  const download = !(room?.room?.denyDownload ?? false) || full || isImageTitle(file.title)
  return {
    read: true,
    download,
    edit: !archived && (manage || role === EDITING || role === 1),
    delete: manage,
    rename: manage,
    comment: manage,
    share: role === 'owner' && !room && user.type !== 'Guest'
  }
}

export interface FolderRights {
  read: boolean
  create: boolean
  editAccess: boolean
  editRoom: boolean
  delete: boolean
}

export function folderRights(space: FileSpace, user: UserRecord, folder: FolderRecord, role = folderRole(space, user, folder)): FolderRights {
  if (role === undefined) return { read: false, create: false, editAccess: false, editRoom: false, delete: false }
  if (role === 'root') return { read: true, create: false, editAccess: false, editRoom: false, delete: false }
  const room = space.roomOf(folder)
  const archived = room?.room?.archived ?? false
  const full = role === 'owner' || role === ROOM_MANAGER
  // AiRoom blocks uploads (SEC:1131-1141).
  const aiRoom = room?.room?.roomType === 9
  return {
    read: true,
    create: !archived && !aiRoom && (full || role === CONTENT_CREATOR),
    editAccess: !archived && full && room !== undefined,
    editRoom: full,
    delete: role === 'owner' || (role === 'admin' && archived)
  }
}

/** CanUserShareAnotherUserAsync (v3.7+): an unrelated guest cannot be shared with. */
export function canShareWith(sharer: UserRecord, target: UserRecord): boolean {
  if (target.type !== 'Guest' || sharer.type === 'DocSpaceAdmin' || sharer.id === target.id) return true
  return target.createdBy === sharer.id
}
