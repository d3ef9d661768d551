// My documents, folder listings, uploads and file info (CONTRACT-ROOMS.md §4.1, §4.4, §4.5):
// POST @my/upload and {folderId}/upload, GET file/{id}, GET @my, GET @share, GET {folderId}, GET folder/{id}.

import type { FastifyInstance } from 'fastify'
import { callerOf, ok, registerApi, type ApiCall, type ApiResult, type PortalContext } from '../http/api'
import { dotnetBoolParse, queryInt } from '../http/binding'
import { ServerException, ValidationFailure } from '../http/envelope'
import { fileDto, folderContentDto, folderDto } from '../http/file-dto'
import { fileRights, fileRole, folderRights } from '../domain/file-rights'
import { availableTitle, currentVersion, extensionOf, FOLDER_TYPE, isImageTitle, sanitizeTitle, type FileRecord, type FolderRecord } from '../domain/files'
import type { UserRecord } from '../domain/model'
import { probe } from '../images/images'
import { formValue, humanFileSize, readForm } from './photos'

export const FOLDER_NOT_FOUND = 'The required folder was not found'
export const FILE_NOT_FOUND = 'The required file was not found'
export const READ_FOLDER_DENIED = "You don't have enough permission to view the folder content"
export const READ_FILE_DENIED = "You don't have enough permission to view the file"

/** An int route id; anything else names no stored entry. */
export function intId(raw: string | undefined): number | undefined {
  return raw !== undefined && /^\d{1,9}$/.test(raw) ? Number.parseInt(raw, 10) : undefined
}

export function findFolder(ctx: PortalContext, raw: string | undefined): FolderRecord {
  const id = intId(raw)
  const folder = id === undefined ? undefined : ctx.store.space.folders.get(id)
  if (!folder) throw new ServerException('ItemNotFound', FOLDER_NOT_FOUND)
  return folder
}

export function findFile(ctx: PortalContext, raw: string | undefined): FileRecord {
  const id = intId(raw)
  const file = id === undefined ? undefined : ctx.store.space.files.get(id)
  if (!file) throw new ServerException('ItemNotFound', FILE_NOT_FOUND)
  return file
}

/** count is [Range(1,100)], default 100. */
export function pageOf(call: ApiCall): { startIndex: number; count: number } {
  const count = queryInt(call.query, 'count', 'Count') ?? 100
  if (count < 1 || count > 100) throw new ValidationFailure({ Count: ['The field Count must be between 1 and 100.'] })
  const startIndex = Math.max(0, queryInt(call.query, 'startIndex', 'StartIndex') ?? 0)
  return { startIndex, count }
}

const newestFirst = (a: { updatedMs?: number; createdMs: number; id: number }, b: { updatedMs?: number; createdMs: number; id: number }): number =>
  (b.updatedMs ?? b.createdMs) - (a.updatedMs ?? a.createdMs) || b.id - a.id

function fileUpdated(f: FileRecord): { updatedMs: number; createdMs: number; id: number } {
  return { updatedMs: currentVersion(f).createdMs, createdMs: f.createdMs, id: f.id }
}

/** filterType 1 files, 2 folders, 7 images, 11 by extension; filterValue is a case-insensitive substring. */
export function filterEntries(call: ApiCall, files: FileRecord[], folders: FolderRecord[]): { files: FileRecord[]; folders: FolderRecord[] } {
  const filterType = queryInt(call.query, 'filterType', 'FilterType') ?? 0
  const value = (call.query.get('filterValue') ?? '').trim().toLowerCase()
  const extensions = (call.query.get('extension') ?? '').split(',').map((e) => e.trim().toLowerCase()).filter((e) => e !== '')
  let fs = files.filter((f) => value === '' || f.title.toLowerCase().includes(value))
  let ds = folders.filter((f) => value === '' || f.title.toLowerCase().includes(value))
  if (filterType === 1) ds = []
  if (filterType === 2) fs = []
  if (filterType === 7) {
    ds = []
    fs = fs.filter((f) => isImageTitle(f.title))
  }
  if (filterType === 11) {
    ds = []
    fs = fs.filter((f) => extensions.includes(extensionOf(f.title)))
  }
  fs.sort((a, b) => newestFirst(fileUpdated(a), fileUpdated(b)))
  ds.sort(newestFirst)
  return { files: fs, folders: ds }
}

export function contentResult(call: ApiCall, ctx: PortalContext, current: FolderRecord, files: FileRecord[], folders: FolderRecord[], caller: UserRecord | undefined): ApiResult {
  const { startIndex, count } = pageOf(call)
  const filtered = filterEntries(call, files, folders)
  const entries = [...filtered.folders.map((f) => ({ folder: f })), ...filtered.files.map((f) => ({ file: f }))]
  const page = entries.slice(startIndex, startIndex + count)
  const content = folderContentDto(
    current,
    {
      folders: page.flatMap((e) => ('folder' in e ? [e.folder] : [])),
      files: page.flatMap((e) => ('file' in e ? [e.file] : [])),
      startIndex,
      total: entries.length
    },
    caller,
    call.dto
  )
  // FolderContentDto is one object: the envelope's count is 1, page with `total` inside.
  return ok(content)
}

export function registerFileRoutes(app: FastifyInstance, ctx: PortalContext): void {
  const { store, rules } = ctx
  const space = store.space

  /** Stores an upload: a new version of an editable same-titled file, otherwise a new file ("name (1).ext"). */
  const saveFile = async (caller: UserRecord, folder: FolderRecord, rawTitle: string, bytes: Buffer, createNew: boolean): Promise<FileRecord> => {
    if (!folderRights(space, caller, folder).create) throw new ServerException('Security', 'Access denied')
    const max = ctx.options.maxFileSize
    if (bytes.length > max) throw new ServerException('TenantQuota', `The maximum file size is exceeded (${humanFileSize(max)}).`)
    const room = space.roomOf(folder)
    const quota = room?.room?.quota ?? -1
    if (room && quota > 0) {
      // The room quota is soft: refused only beyond twice the quota, or when already over (FileDao.cs:451-466).
      const used = [...space.files.values()].filter((f) => space.folders.get(f.folderId) && space.roomOf(space.folders.get(f.folderId) as FolderRecord) === room)
        .reduce((sum, f) => sum + currentVersion(f).bytes.length, 0)
      if (used > quota || used + bytes.length > 2 * quota) throw new ServerException('TenantQuota', `Room space quota exceeded (${humanFileSize(quota)}).`)
    }
    const title = sanitizeTitle(rawTitle)
    if (title === '') throw new ServerException('ArgumentNull', "Value cannot be null. (Parameter 'title')")
    let width: number | undefined
    let height: number | undefined
    if (isImageTitle(title)) {
      try {
        ;({ width, height } = await probe(bytes))
      } catch {
        // Not decodable: stored all the same, without dimensions.
      }
    }
    const version = { bytes, createdMs: Date.now(), createdBy: caller.id, width, height }
    const siblings = space.filesIn(folder.id)
    const same = siblings.find((f) => f.title.toLowerCase() === title.toLowerCase())
    let file: FileRecord
    if (same && !createNew && fileRights(space, caller, same).edit) {
      space.addVersion(same, version)
      file = same
    } else {
      const free = availableTitle(title, (t) => siblings.some((f) => f.title.toLowerCase() === t.toLowerCase()))
      file = space.addFile(folder, free, version)
    }
    markNew(file, caller)
    return file
  }

  const upload = async (call: ApiCall, target: (caller: UserRecord) => FolderRecord): Promise<ApiResult> => {
    const caller = callerOf(call).user
    const form = await readForm(call.req, ctx.faults.uploadBytesPerSecond)
    let part: (typeof form.files)[number] | undefined
    let createNew: boolean
    if (rules.modernUploadBinding) {
      // v3.7.1+: IFormFile File, flags from the query only.
      part = form.files.find((f) => f.field.toLowerCase() === 'file')
      if (!part) throw new ServerException('ArgumentNull', "Value cannot be null. (Parameter 'uploadModel.File')")
      createNew = dotnetBoolParse(call.query.get('createNewIfExist') ?? '') ?? false
    } else {
      // v3.6.1 and earlier: the first file part of any name; flags from the query or the form.
      if (!call.req.isMultipart() || form.files.length === 0) throw new ServerException('Security', 'Access denied')
      if (form.files.length > 1) throw new ServerException('Exception', 'Only one file can be uploaded at a time')
      part = form.files[0]
      const raw = call.query.get('createNewIfExist') ?? formValue(form, 'CreateNewIfExist') ?? ''
      createNew = dotnetBoolParse(raw) ?? false
    }
    if (!part) throw new ServerException('ArgumentNull', "Value cannot be null. (Parameter 'uploadModel.File')")
    const file = await saveFile(caller, target(caller), part.filename, part.bytes, createNew)
    const dto = fileDto(file, caller, call.dto)
    return ok(rules.modernUploadBinding ? [dto] : dto)
  }

  /** Everyone else who can see the file gets the IsNew mark. */
  const markNew = (file: FileRecord, uploader: UserRecord): void => {
    const folder = space.folders.get(file.folderId)
    const room = folder ? space.roomOf(folder) : undefined
    const ids = new Set<string>()
    if (room?.room) {
      ids.add(room.ownerId)
      for (const [id, access] of room.room.members) if (access !== 0) ids.add(id)
    }
    for (const [id, share] of file.shares) if (share.access === 1 || share.access === 2) ids.add(id)
    ids.delete(uploader.id)
    for (const id of ids) file.newFor.add(id)
  }

  const myFolder = (caller: UserRecord): FolderRecord => {
    const my = space.myDocuments(caller)
    if (!my) throw new ServerException('Security', 'Access denied')
    return my
  }

  registerApi(app, ctx, { method: 'POST', url: '/files/@my/upload', handler: (call) => upload(call, myFolder) })
  registerApi(app, ctx, { method: 'POST', url: '/files/:folderId/upload', handler: (call) => upload(call, () => findFolder(ctx, call.params.folderId)) })

  /** insert: the first form file or, without multipart, the raw body; the title only from `title` (UPC:440-444). */
  const insert = async (call: ApiCall, target: (caller: UserRecord) => FolderRecord): Promise<ApiResult> => {
    const caller = callerOf(call).user
    let bytes: Buffer | undefined
    let formTitle: string | undefined
    let formCreate: string | undefined
    if (call.req.isMultipart()) {
      const form = await readForm(call.req, ctx.faults.uploadBytesPerSecond)
      bytes = form.files[0]?.bytes
      formTitle = formValue(form, 'title')
      formCreate = formValue(form, 'createNewIfExist')
    } else {
      bytes = Buffer.isBuffer(call.req.body) ? call.req.body : Buffer.alloc(0)
    }
    const title = call.query.get('title') ?? formTitle
    if (!title) throw new ServerException('ArgumentNull', "Value cannot be null. (Parameter 'title')")
    if (!bytes) throw new ServerException('ArgumentNull', "Value cannot be null. (Parameter 'file')")
    const createNew = dotnetBoolParse(call.query.get('createNewIfExist') ?? formCreate ?? '') ?? false
    const file = await saveFile(caller, target(caller), title, bytes, createNew)
    // A single FileDto in every version.
    return ok(fileDto(file, caller, call.dto))
  }
  registerApi(app, ctx, { method: 'POST', url: '/files/@my/insert', handler: (call) => insert(call, myFolder) })
  registerApi(app, ctx, { method: 'POST', url: '/files/:folderId/insert', handler: (call) => insert(call, () => findFolder(ctx, call.params.folderId)) })

  registerApi(app, ctx, {
    method: 'GET',
    url: '/files/file/:fileId',
    anonymous: true,
    handler: (call) => {
      const file = findFile(ctx, call.params.fileId)
      const caller = call.caller?.user
      if (!caller || fileRole(space, caller, file) === undefined) throw new ServerException('InvalidOperation', READ_FILE_DENIED)
      const version = queryInt(call.query, 'version', 'Version')
      if (version !== undefined && version > 0 && !file.versions.some((v) => v.version === version)) throw new ServerException('ItemNotFound', FILE_NOT_FOUND)
      return ok(fileDto(file, caller, call.dto, version !== undefined && version > 0 ? version : undefined))
    }
  })

  registerApi(app, ctx, {
    method: 'GET',
    url: '/files/@my',
    handler: (call) => {
      const caller = callerOf(call).user
      const my = space.myDocuments(caller)
      if (!my) throw new ServerException('InvalidOperation', READ_FOLDER_DENIED)
      return contentResult(call, ctx, my, space.filesIn(my.id), [], caller)
    }
  })

  registerApi(app, ctx, {
    method: 'GET',
    url: '/files/@share',
    handler: (call) => {
      const caller = callerOf(call).user
      const shared = [...space.files.values()].filter((f) => {
        const share = f.shares.get(caller.id)
        if (!share || (share.access !== 1 && share.access !== 2)) return false
        const folder = space.folders.get(f.folderId)
        return folder !== undefined && space.rootOf(folder).folderType === FOLDER_TYPE.USER
      })
      const root = space.folders.get(space.shareRootId) as FolderRecord
      return contentResult(call, ctx, root, shared, [], caller)
    }
  })

  /** GET {folderId}: the rooms root lists the caller's rooms; a room or folder lists its entries. */
  const listFolder = (call: ApiCall, anonymousStatus: 'forbidden' | 'unauthorized'): ApiResult => {
    const folder = findFolder(ctx, call.params.folderId)
    const caller = call.caller?.user
    if (!caller) {
      if (anonymousStatus === 'unauthorized') throw new ServerException('Authentication', READ_FOLDER_DENIED)
      throw new ServerException('InvalidOperation', READ_FOLDER_DENIED)
    }
    if (!folderRights(space, caller, folder).read) throw new ServerException('InvalidOperation', READ_FOLDER_DENIED)
    const subfolders = [...space.folders.values()].filter((f) => f.parentId === folder.id && folderRights(space, caller, f).read)
    const files = space.filesIn(folder.id).filter((f) => fileRole(space, caller, f) !== undefined)
    return contentResult(call, ctx, folder, files, subfolders, caller)
  }

  registerApi(app, ctx, { method: 'GET', url: '/files/:folderId', anonymous: true, handler: (call) => listFolder(call, 'forbidden') })

  registerApi(app, ctx, {
    method: 'GET',
    url: '/files/folder/:folderId',
    anonymous: true,
    handler: (call) => {
      const folder = findFolder(ctx, call.params.folderId)
      const caller = call.caller?.user
      if (!caller) throw new ServerException('Authentication', READ_FOLDER_DENIED)
      if (!folderRights(space, caller, folder).read) throw new ServerException('InvalidOperation', READ_FOLDER_DENIED)
      return ok(folderDto(folder, caller, call.dto))
    }
  })
}
