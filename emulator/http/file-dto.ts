// Wire shapes of the files area (CONTRACT-ROOMS.md §5): FileDto, FolderDto (rooms too), FolderContentDto,
// FileShareDto and FileOperationDto. Enums are numbers; `security` and `availableShareRights` use PascalCase keys.

import { formatApiDateTime, ticksFromUnixMs } from '../domain/dotnet-hash'
import { fileRights, fileRole, folderRights, folderRole } from '../domain/file-rights'
import { currentVersion, extensionOf, FOLDER_TYPE, isImageTitle, type FileOperation, type FileRecord, type FolderRecord } from '../domain/files'
import type { UserRecord } from '../domain/model'
import type { VersionRules } from '../domain/version'
import { employeeDto, employeeFullDto, type DtoContext } from './dto'
import { humanFileSize } from '../routes/photos'

const date = (ms: number, ctx: DtoContext): string => formatApiDateTime(ticksFromUnixMs(ms), ctx.utcOffsetMinutes)

const person = (id: string, ctx: DtoContext): Record<string, unknown> | undefined => {
  const user = ctx.store.userById(id)
  return user ? employeeDto(user, ctx) : undefined
}

/** The caller's FileShare as `access`: owners read 0 (None = unrestricted). */
function accessValue(role: ReturnType<typeof fileRole>): number {
  return typeof role === 'number' ? role : 0
}

function rootInfo(folder: FolderRecord, ctx: DtoContext): { rootFolderId: number; rootFolderType: number } {
  const space = ctx.store.space
  const room = space.roomOf(folder)
  if (room?.room?.archived) return { rootFolderId: space.archiveRootId, rootFolderType: FOLDER_TYPE.ARCHIVE }
  const root = space.rootOf(folder)
  return { rootFolderId: root.id, rootFolderType: root.folderType }
}

/** `versionNumber` picks an older version (GET file/{id}?version=n); the default is the current one. */
export function fileDto(file: FileRecord, caller: UserRecord | undefined, ctx: DtoContext, versionNumber?: number): Record<string, unknown> {
  const space = ctx.store.space
  const folder = space.folders.get(file.folderId)
  const v = file.versions.find((x) => x.version === versionNumber) ?? currentVersion(file)
  const role = caller ? fileRole(space, caller, file) : undefined
  const rights = caller ? fileRights(space, caller, file, role) : undefined
  const room = folder ? space.roomOf(folder) : undefined
  const share = caller ? file.shares.get(caller.id) : undefined
  const isImage = isImageTitle(file.title)
  const activeShares = [...file.shares.values()].some((s) => s.access !== 0)
  const r = ctx.rules
  return {
    folderId: file.folderId,
    version: v.version,
    versionGroup: v.version,
    contentLength: humanFileSize(v.bytes.length),
    pureContentLength: v.bytes.length,
    fileStatus: caller && file.newFor.has(caller.id) ? 2 : 0,
    mute: false,
    viewUrl: `${ctx.origin}/filehandler.ashx?action=download&fileid=${file.id}${versionNumber === undefined ? '' : `&version=${v.version}`}`,
    webUrl: `${ctx.origin}/doceditor?fileid=${file.id}&version=${v.version}`,
    fileType: isImage ? 4 : 0,
    fileExst: extensionOf(file.title),
    comment: v.comment === '' ? undefined : v.comment,
    thumbnailStatus: 0,
    viewAccessibility: { ImageView: isImage, MediaView: false, WebView: false, WebEdit: false, WebReview: false, WebCustomFilterEditing: false, WebRestrictedEditing: false, WebComment: false, CoAuhtoring: false, CanConvert: false, MustConvert: false },
    dimensions: r.filesV36 && isImage && v.width !== undefined ? { height: v.height, width: v.width } : undefined,
    id: file.id,
    rootFolderId: folder ? rootInfo(folder, ctx).rootFolderId : undefined,
    canShare: rights?.share ?? false,
    security: rights ? fileSecurity(rights) : undefined,
    availableShareRights: rights?.share || (room && rights?.edit) ? shareRights(room !== undefined) : undefined,
    title: file.title,
    access: accessValue(role),
    shared: room ? false : activeShares,
    sharedForUser: share !== undefined && share.access !== 0 && share.access !== 3,
    parentShared: false,
    created: date(file.createdMs, ctx),
    createdBy: caller ? person(file.createdBy, ctx) : undefined,
    updated: date(Math.max(v.createdMs, file.createdMs), ctx),
    updatedBy: caller ? person(v.createdBy, ctx) : undefined,
    rootFolderType: folder ? rootInfo(folder, ctx).rootFolderType : undefined,
    parentRoomType: room ? room.folderType : undefined,
    fileEntryType: 2,
    sharedBy: r.filesV36 && caller && share ? person(share.sharedBy, ctx) : undefined,
    ownedBy: r.filesV36 && caller ? person(file.createdBy, ctx) : undefined
  }
}

function fileSecurity(r: ReturnType<typeof fileRights>): Record<string, boolean> {
  return {
    Read: r.read, Comment: r.comment, FillForms: false, Review: false, Edit: r.edit, Delete: r.delete, CustomFilter: false,
    Rename: r.rename, ReadHistory: r.read, Lock: r.edit, EditHistory: r.edit, Copy: r.download, Move: r.delete,
    Duplicate: r.edit, Download: r.download, Convert: false
  }
}

/** Room files take links only (SEC:84-108); My-documents images take ReadWrite, Read, Restrict, None. */
function shareRights(inRoom: boolean): Record<string, string[]> {
  if (inRoom) return { ExternalLink: ['Read', 'None'], PrimaryExternalLink: ['Read', 'None'] }
  return { User: ['ReadWrite', 'Read', 'Restrict', 'None'], ExternalLink: ['Read', 'None'], PrimaryExternalLink: ['Read', 'None'] }
}

export function folderDto(folder: FolderRecord, caller: UserRecord | undefined, ctx: DtoContext): Record<string, unknown> {
  const space = ctx.store.space
  const role = caller ? folderRole(space, caller, folder) : undefined
  const rights = caller ? folderRights(space, caller, folder, role) : undefined
  const room = folder.room
  const parentRoom = folder.parentId !== 0 ? space.roomOf(space.folders.get(folder.parentId) ?? folder) : undefined
  const children = space.filesIn(folder.id)
  const { rootFolderId, rootFolderType } = rootInfo(folder, ctx)
  const inRoom = room !== undefined && caller !== undefined && (folder.ownerId === caller.id || (room.members.get(caller.id) ?? 0) !== 0)
  return {
    parentId: folder.parentId,
    filesCount: children.length,
    foldersCount: [...space.folders.values()].filter((f) => f.parentId === folder.id && f.id !== folder.id).length,
    new: caller ? children.filter((f) => f.newFor.has(caller.id)).length : 0,
    mute: false,
    pinned: room ? false : undefined,
    tags: room ? [...room.tags] : undefined,
    logo: room ? { original: '', large: '', medium: '', small: '', color: '8A8A8A', cover: undefined } : undefined,
    roomType: room?.roomType,
    private: room ? room.private : undefined,
    indexing: room ? room.indexing : undefined,
    denyDownload: room ? room.denyDownload : undefined,
    inRoom: room ? inRoom : undefined,
    id: folder.id,
    rootFolderId,
    canShare: rights?.editAccess ?? false,
    security: rights ? folderSecurity(rights) : undefined,
    title: folder.title,
    access: typeof role === 'number' ? role : 0,
    shared: room ? room.members.size > 0 : false,
    parentShared: false,
    created: date(folder.createdMs, ctx),
    createdBy: caller ? person(folder.ownerId, ctx) : undefined,
    updated: date(Math.max(folder.updatedMs, folder.createdMs), ctx),
    updatedBy: caller ? person(folder.updatedBy, ctx) : undefined,
    rootFolderType,
    parentRoomType: parentRoom ? parentRoom.folderType : undefined,
    fileEntryType: 1,
    folderType: folder.folderType,
    ownedBy: ctx.rules.filesV36 && caller && room ? person(folder.ownerId, ctx) : undefined
  }
}

function folderSecurity(r: ReturnType<typeof folderRights>): Record<string, boolean> {
  return {
    Read: r.read, Create: r.create, Delete: r.delete, EditRoom: r.editRoom, Rename: r.editRoom, CopyTo: r.create,
    Copy: r.read, MoveTo: r.create, Move: r.delete, Pin: r.read, Mute: r.read, EditAccess: r.editAccess,
    Duplicate: r.editRoom, Download: r.read, CopySharedLink: r.editAccess, Reconnect: false, CreateRoomFrom: false,
    CopyLink: r.read, Embed: false, ChangeOwner: r.editRoom, IndexExport: false
  }
}

/** pathParts entries: v3.5.0 has no `folderType` (FSS:484-507). */
export function pathParts(folder: FolderRecord, ctx: DtoContext): Array<Record<string, unknown>> {
  const chain: FolderRecord[] = []
  let current: FolderRecord | undefined = folder
  for (let i = 0; i < 64 && current; i++) {
    chain.unshift(current)
    current = current.parentId === 0 ? undefined : ctx.store.space.folders.get(current.parentId)
  }
  const top = chain[0]
  if (folder.room?.archived && top) chain[0] = ctx.store.space.folders.get(ctx.store.space.archiveRootId) ?? top
  return chain.map((f) => ({ id: f.id, title: f.title, roomType: f.room?.roomType, folderType: ctx.rules.filesV36 ? f.folderType : undefined }))
}

export interface ContentPage {
  files: FileRecord[]
  folders: FolderRecord[]
  startIndex: number
  total: number
}

export function folderContentDto(current: FolderRecord, page: ContentPage, caller: UserRecord | undefined, ctx: DtoContext): Record<string, unknown> {
  return {
    files: page.files.map((f) => fileDto(f, caller, ctx)),
    folders: page.folders.map((f) => folderDto(f, caller, ctx)),
    current: folderDto(current, caller, ctx),
    pathParts: pathParts(current, ctx),
    startIndex: page.startIndex,
    count: page.files.length + page.folders.length,
    total: page.total,
    new: caller ? page.files.filter((f) => f.newFor.has(caller.id)).length : 0
  }
}

export interface ShareDtoOptions {
  isOwner?: boolean
  canEditAccess?: boolean
}

export function fileShareDto(access: number, user: UserRecord, caller: UserRecord, ctx: DtoContext, options: ShareDtoOptions = {}): Record<string, unknown> {
  const full = employeeFullDto(user, caller, ctx)
  return {
    access,
    sharedTo: full,
    sharedToUser: full,
    isLocked: false,
    isOwner: options.isOwner ?? false,
    canEditAccess: options.canEditAccess ?? false,
    canEditInternal: false,
    canEditDenyDownload: false,
    canEditExpirationDate: false,
    canRevoke: false,
    subjectType: 0
  }
}

/** FileOperationDto with the capital `Operation` (RS/FileOperationDto.cs:51); `status` from v3.7.1. */
export function fileOperationDto(op: FileOperation, finished: boolean, rules: VersionRules): Record<string, unknown> {
  return {
    id: op.id,
    Operation: op.operation,
    progress: finished ? 100 : 0,
    error: finished ? op.error : undefined,
    processed: finished ? '1' : '0',
    finished,
    status: rules.syncDeleteChecks ? (finished ? (op.error ? 4 : 2) : 0) : undefined
  }
}
