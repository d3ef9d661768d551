// Files, folders, rooms, shares, notifications and file operations (CONTRACT-ROOMS.md). In memory;
// files-persistence.ts mirrors the stored part to the dataDir. Ids are ints, separate for folders and files.

import type { UserRecord } from './model'

/** FolderType values the emulator uses. */
export const FOLDER_TYPE = { TRASH: 3, USER: 5, SHARE: 6, ROOMS: 14, ARCHIVE: 20 } as const

/** RoomType → FolderType (CRQ/CreateRoomRequestDto.cs; CONTRACT-ROOMS §2.1). */
export const ROOM_FOLDER_TYPE: Readonly<Record<number, number>> = { 1: 15, 2: 16, 5: 19, 6: 22, 8: 29, 9: 31 }

/** FileShare values: 0 None, 1 ReadWrite, 2 Read, 3 Restrict, ... 9 RoomManager, 10 Editing, 11 ContentCreator. */
export const FILE_SHARE_NAMES: Readonly<Record<string, number>> = {
  None: 0, ReadWrite: 1, Read: 2, Restrict: 3, Varies: 4, Review: 5, Comment: 6, FillForms: 7, CustomFilter: 8,
  RoomManager: 9, Editing: 10, ContentCreator: 11
}

/** FileShare input: a number or an exact member name; anything else is 0 = None (FileShare.cs:84-95). */
export function parseFileShare(raw: unknown): number {
  if (typeof raw === 'number' && Number.isInteger(raw) && Object.values(FILE_SHARE_NAMES).includes(raw)) return raw
  if (typeof raw === 'string') {
    if (/^\d+$/.test(raw.trim())) return parseFileShare(Number.parseInt(raw, 10))
    const hit = FILE_SHARE_NAMES[raw]
    if (hit !== undefined) return hit
  }
  return 0
}

export interface RoomLink {
  id: string
  title: string
  access: number
  primary: boolean
}

export interface RoomInfo {
  roomType: number
  private: boolean
  denyDownload: boolean
  indexing: boolean
  tags: string[]
  /** -1 unlimited, -2 portal default, >0 bytes. */
  quota: number
  /** userId → FileShare role; the creator has no record. */
  members: Map<string, number>
  archived: boolean
  /** Automatic external links (public and form-filling rooms). */
  links: RoomLink[]
}

export interface FolderRecord {
  id: number
  title: string
  folderType: number
  parentId: number
  ownerId: string
  createdMs: number
  updatedMs: number
  updatedBy: string
  room?: RoomInfo
}

export interface FileVersion {
  version: number
  bytes: Buffer
  createdMs: number
  createdBy: string
  comment: string
  width?: number
  height?: number
}

export interface ShareRecord {
  access: number
  sharedBy: string
  sharedMs: number
}

export interface FileRecord {
  id: number
  folderId: number
  title: string
  createdBy: string
  createdMs: number
  versions: FileVersion[]
  /** Per-user shares (My documents only). */
  shares: Map<string, ShareRecord>
  /** Users for whom the file carries the IsNew mark. */
  newFor: Set<string>
}

export interface PortalNotification {
  kind: 'file-share' | 'room-invite'
  recipientId: string
  sharerId: string
  fileId?: number
  roomId?: number
  access: number
  /** The sharing message; room invitations never carry one (the server ignores it). */
  message?: string
  atMs: number
}

export interface FileOperation {
  id: string
  userId: string
  operation: number
  error?: string
}

export class FileSpace {
  readonly folders = new Map<number, FolderRecord>()
  readonly files = new Map<number, FileRecord>()
  readonly notifications: PortalNotification[] = []
  readonly operations: FileOperation[] = []
  nextFolderId = 1
  nextFileId = 1
  readonly roomsRootId: number
  readonly archiveRootId: number
  readonly shareRootId: number
  private readonly myByUser = new Map<string, number>()
  private readonly trashByUser = new Map<string, number>()

  constructor(
    systemOwnerId: string,
    private readonly onChange: () => void
  ) {
    this.roomsRootId = this.addFolder('Rooms', FOLDER_TYPE.ROOMS, 0, systemOwnerId).id
    this.archiveRootId = this.addFolder('Archive', FOLDER_TYPE.ARCHIVE, 0, systemOwnerId).id
    this.shareRootId = this.addFolder('Shared with me', FOLDER_TYPE.SHARE, 0, systemOwnerId).id
  }

  changed(): void {
    this.onChange()
  }

  addFolder(title: string, folderType: number, parentId: number, ownerId: string, room?: RoomInfo): FolderRecord {
    const now = Date.now()
    const folder: FolderRecord = { id: this.nextFolderId++, title, folderType, parentId, ownerId, createdMs: now, updatedMs: now, updatedBy: ownerId, room }
    this.folders.set(folder.id, folder)
    return folder
  }

  /** Restores a folder with a known id (persistence). */
  putFolder(folder: FolderRecord): void {
    this.folders.set(folder.id, folder)
    this.nextFolderId = Math.max(this.nextFolderId, folder.id + 1)
    if (folder.folderType === FOLDER_TYPE.USER) this.myByUser.set(folder.ownerId, folder.id)
    if (folder.folderType === FOLDER_TYPE.TRASH) this.trashByUser.set(folder.ownerId, folder.id)
  }

  putFile(file: FileRecord): void {
    this.files.set(file.id, file)
    this.nextFileId = Math.max(this.nextFileId, file.id + 1)
  }

  /** The user's "My documents", created on first use (guests have none). */
  myDocuments(user: UserRecord): FolderRecord | undefined {
    if (user.type === 'Guest') return undefined
    const id = this.myByUser.get(user.id)
    if (id !== undefined) return this.folders.get(id)
    const folder = this.addFolder('My documents', FOLDER_TYPE.USER, 0, user.id)
    this.myByUser.set(user.id, folder.id)
    this.changed()
    return folder
  }

  trash(user: UserRecord): FolderRecord {
    const id = this.trashByUser.get(user.id)
    const existing = id === undefined ? undefined : this.folders.get(id)
    if (existing) return existing
    const folder = this.addFolder('Trash', FOLDER_TYPE.TRASH, 0, user.id)
    this.trashByUser.set(user.id, folder.id)
    this.changed()
    return folder
  }

  /** The top folder of a folder's tree (My documents, Rooms, Archive, Trash). */
  rootOf(folder: FolderRecord): FolderRecord {
    let current = folder
    for (let i = 0; i < 64 && current.parentId !== 0; i++) {
      const parent = this.folders.get(current.parentId)
      if (!parent) break
      current = parent
    }
    return current
  }

  /** The room a folder is, or lies in. */
  roomOf(folder: FolderRecord): FolderRecord | undefined {
    let current: FolderRecord | undefined = folder
    for (let i = 0; i < 64 && current; i++) {
      if (current.room) return current
      current = current.parentId === 0 ? undefined : this.folders.get(current.parentId)
    }
    return undefined
  }

  filesIn(folderId: number): FileRecord[] {
    return [...this.files.values()].filter((f) => f.folderId === folderId)
  }

  rooms(): FolderRecord[] {
    return [...this.folders.values()].filter((f) => f.room !== undefined)
  }

  addFile(folder: FolderRecord, title: string, version: Omit<FileVersion, 'version' | 'comment'>): FileRecord {
    const file: FileRecord = {
      id: this.nextFileId++,
      folderId: folder.id,
      title,
      createdBy: version.createdBy,
      createdMs: version.createdMs,
      versions: [{ ...version, version: 1, comment: '' }],
      shares: new Map(),
      newFor: new Set()
    }
    this.files.set(file.id, file)
    folder.updatedMs = version.createdMs
    this.changed()
    return file
  }

  addVersion(file: FileRecord, version: Omit<FileVersion, 'version' | 'comment'>): void {
    const last = file.versions[file.versions.length - 1]
    file.versions.push({ ...version, version: (last?.version ?? 0) + 1, comment: 'Uploaded' })
    this.changed()
  }

  notify(n: Omit<PortalNotification, 'atMs'>): void {
    this.notifications.push({ ...n, atMs: Date.now() })
  }
}

export function currentVersion(file: FileRecord): FileVersion {
  const v = file.versions[file.versions.length - 1]
  if (!v) throw new Error(`file ${file.id} has no versions`)
  return v
}

/** Global.ReplaceInvalidCharsAndTruncate: ``\t*+:"<>?|\/`` → `_`, at most 170 characters, extension kept. */
export function sanitizeTitle(title: string): string {
  const clean = title.replace(/[\t*+:"<>?|\\/]/g, '_').trim()
  const max = 170
  if (clean.length <= max) return clean
  const dot = clean.lastIndexOf('.')
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : ''
  return clean.slice(0, max - ext.length) + ext
}

/** The extension with its dot, lower-case (".png"), or "". */
export function extensionOf(title: string): string {
  const dot = title.lastIndexOf('.')
  return dot > 0 ? title.slice(dot).toLowerCase() : ''
}

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.bmp', '.webp', '.tif', '.tiff', '.svg', '.ico', '.heic'])

export function isImageTitle(title: string): boolean {
  return IMAGE_EXTENSIONS.has(extensionOf(title))
}

/** Global.GetAvailableTitle: "name (1).ext", "(2)", ... until free. */
export function availableTitle(title: string, taken: (t: string) => boolean): string {
  if (!taken(title)) return title
  const ext = extensionOf(title)
  const stem = ext ? title.slice(0, title.length - ext.length) : title
  const realExt = ext ? title.slice(title.length - ext.length) : ''
  for (let n = 1; ; n++) {
    const candidate = `${stem} (${n})${realExt}`
    if (!taken(candidate)) return candidate
  }
}
