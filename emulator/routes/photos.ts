// The five photo endpoints with their quirks (CONTRACT.md §1, §2, §3):
// GET/DELETE/PUT /people/{userid}/photo, POST /people/{userid}/photo (upload), POST .../photo/thumbnails.

import { randomUUID } from 'node:crypto'
import type { Readable } from 'node:stream'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { callerOf, ok, registerApi, requestOrigin, type ApiCall, type ApiResult, type PortalContext } from '../http/api'
import { bindJsonBody, dotnetBoolParse, parseGuid } from '../http/binding'
import { originalUrlWithoutHash, photoUrls, TEMP_PREFIX, uploadData } from '../http/dto'
import { htmlEncode, ServerException, ValidationFailure } from '../http/envelope'
import { Throttle } from '../http/faults'
import { centredSquare, checkDecodes, clampCrop, fitWithin, ImageError, renderRealSizeThumbnails, renderThumbnails, sniffUploadFormat, THUMB_SIZES, type Crop } from '../images/images'
import type { PhotoRecord, UserRecord } from '../domain/model'
import { canView, holdsEditUser, resolveUser } from '../domain/permissions'
import { checkedDownload, uncheckedDownload } from '../images/photo-url-fetch'

const FILE_NOT_FOUND = 'The uploaded file could not be found'
const NO_PERMISSIONS = 'No permissions to perform this action'

/** FileSizeComment: "5 MB", "1.5 MB", "800 KB". */
export function humanFileSize(bytes: number): string {
  const units: Array<[number, string]> = [[1024 ** 3, 'GB'], [1024 ** 2, 'MB'], [1024, 'KB']]
  for (const [factor, unit] of units) {
    if (bytes >= factor) return `${Number((bytes / factor).toFixed(2))} ${unit}`
  }
  return `${bytes} bytes`
}

/** Are the photo's square sizes those of `crop` on `original`: all rendered with it, or waiting to be? */
function sameSizes(photo: PhotoRecord, original: Buffer, crop: Crop): boolean {
  const made = photo.unrendered ?? { original, crop: photo.crop }
  if (made.original !== original) return false
  if (made.crop.x !== crop.x || made.crop.y !== crop.y || made.crop.w !== crop.w || made.crop.h !== crop.h) return false
  return photo.unrendered !== undefined || THUMB_SIZES.every((size) => photo.sizes[size] !== undefined)
}

export interface UploadForm {
  files: Array<{ field: string; filename: string; bytes: Buffer }>
  fields: Array<{ name: string; value: string }>
}

async function readStream(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array))
  return Buffer.concat(chunks)
}

/** Reads every multipart part; a non-multipart body has no parts (the form binders then find nothing). */
export async function readForm(req: FastifyRequest, bytesPerSecond: number): Promise<UploadForm> {
  const form: UploadForm = { files: [], fields: [] }
  if (!req.isMultipart()) return form
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        // Slow-upload fault: consuming the part slowly back-pressures the socket.
        const source = bytesPerSecond > 0 ? part.file.pipe(new Throttle(bytesPerSecond)) : part.file
        form.files.push({ field: part.fieldname, filename: part.filename, bytes: await readStream(source) })
      } else {
        form.fields.push({ name: part.fieldname, value: String(part.value) })
      }
    }
  } catch (e) {
    throw new ValidationFailure({ '': [`Failed to read the request form. ${e instanceof Error ? e.message : ''}`.trim()] })
  }
  return form
}

export function formValue(form: UploadForm, name: string): string | undefined {
  return form.fields.find((f) => f.name.toLowerCase() === name.toLowerCase())?.value
}

function uploadFailure(message: string): ApiResult {
  return ok({ success: false, message })
}

/** The message a caught exception leaves in `success:false` (HTML-encoded, §1.4). */
function failureMessage(error: unknown): string {
  if (error instanceof ServerException) return htmlEncode(error.message)
  if (error instanceof ImageError) return error.tooLarge ? 'Image size is too large' : htmlEncode(error.message)
  return htmlEncode(error instanceof Error ? error.message : String(error))
}

export function registerPhotoRoutes(app: FastifyInstance, ctx: PortalContext): void {
  const { store, rules } = ctx

  /** A write's answer: the URLs with the hash of the record just saved (quirks a and b, store.hashTicks). */
  const written = (user: UserRecord) => photoUrls(user, store.hashTicks(user, 'write'))

  /** Photo routes before v3.6.0 treat `@self` as the caller; later it is a username (404). */
  const target = (call: ApiCall, caller: UserRecord): UserRecord => {
    const raw = call.params.userid ?? ''
    if (rules.nonGuidIsCaller && raw.toLowerCase() === '@self') return caller
    return resolveUser(store, raw)
  }

  /**
   * SaveOrUpdatePhoto: fit 1280², reset the crop to a centred square, render every size, bump
   * LastModified. The sizes are rendered when first read (store.photoFile): an upload is mostly
   * re-cropped at once, and the same bytes come out whenever they are made. What would fail to
   * render fails here, as on the server: the crop is decoded now unless fitWithin just encoded it.
   */
  const saveOrUpdatePhoto = async (user: UserRecord, bytes: Buffer): Promise<void> => {
    const fitted = await fitWithin(bytes)
    const crop = centredSquare(fitted.width, fitted.height)
    if (fitted.bytes === bytes) await checkDecodes(fitted.bytes, crop)
    store.setPhoto(user, {
      ext: fitted.format,
      width: fitted.width,
      height: fitted.height,
      crop,
      source: { kind: 'bytes', original: fitted.bytes },
      sizes: {},
      unrendered: { original: fitted.bytes, crop }
    })
  }

  /** Thumbnails, DELETE and PUT: self-only from v3.6.0; before that Action_EditUser and the owner exception. */
  const demandWrite = (caller: UserRecord, user: UserRecord, operation: 'thumbnails' | 'delete' | 'put'): void => {
    if (!rules.legacyAdminWrites) {
      if (user.id !== caller.id) throw new ServerException('Security', 'Access denied')
      return
    }
    switch (operation) {
      case 'thumbnails':
        if (!holdsEditUser(caller, user)) throw new ServerException('Authorizing', 'Access denied')
        return
      case 'delete':
        if (rules.deleteRejectsTerminated && user.status === 2) throw new ServerException('Security', 'Access denied')
        if (!holdsEditUser(caller, user)) throw new ServerException('Authorizing', 'Access denied')
        if (user.isOwner && caller.id !== user.id) throw new ServerException('Exception', NO_PERMISSIONS)
        return
      case 'put':
        // EditUser is demanded later, only when something is downloaded.
        if (user.isOwner && caller.id !== user.id) throw new ServerException('Exception', NO_PERMISSIONS)
        return
    }
  }

  registerApi(app, ctx, {
    method: 'GET',
    url: '/people/:userid/photo',
    handler: (call) => {
      const caller = callerOf(call).user
      const user = target(call, caller)
      if (rules.visibilityRule && !canView(caller, user)) throw new ServerException('Security', 'Access denied')
      return ok(photoUrls(user, store.hashTicks(user, 'read')))
    }
  })

  registerApi(app, ctx, {
    method: 'DELETE',
    url: '/people/:userid/photo',
    handler: (call) => {
      const caller = callerOf(call).user
      const user = target(call, caller)
      demandWrite(caller, user, 'delete')
      store.deletePhoto(user)
      return ok(written(user))
    }
  })

  const storeUpload = async (user: UserRecord, bytes: Buffer, autosave: boolean): Promise<ApiResult> => {
    const max = ctx.options.maxImageUploadSize
    if (bytes.length > max) return uploadFailure(`The maximum file size is exceeded (${humanFileSize(max)}).`)
    const format = sniffUploadFormat(bytes)
    if (!format) return uploadFailure('Unknown image file type')
    if (autosave) {
      await saveOrUpdatePhoto(user, bytes)
      return ok({ success: true, data: uploadData(user, store.hashTicks(user, 'write')) })
    }
    const fitted = await fitWithin(bytes)
    const name = `${randomUUID()}.${format}`
    store.tempFiles.set(name, { bytes: fitted.bytes, ext: format, createdMs: Date.now() })
    store.changed()
    return ok({ success: true, data: TEMP_PREFIX + name })
  }

  registerApi(app, ctx, {
    method: 'POST',
    url: '/people/:userid/photo',
    handler: async (call) => {
      const caller = callerOf(call).user
      const form = await readForm(call.req, ctx.faults.uploadBytesPerSecond)
      const rawAutosave = formValue(form, 'Autosave')
      const userid = call.params.userid ?? ''
      if (rules.modernUploadBinding) {
        // v3.7.1+: [FromForm] bool Autosave (missing = false), IFormFile File (name matched case-insensitively).
        let autosave = false
        if (rawAutosave !== undefined) {
          const parsed = dotnetBoolParse(rawAutosave)
          if (parsed === undefined) throw new ValidationFailure({ Autosave: [`The value '${rawAutosave}' is not valid for Autosave.`] })
          autosave = parsed
        }
        const file = form.files.find((f) => f.field.toLowerCase() === 'file' && !(f.bytes.length === 0 && f.filename === ''))
        if (!file) return uploadFailure(FILE_NOT_FOUND)
        try {
          const user = resolveUser(store, userid)
          if (user.id !== caller.id) throw new ServerException('Security', 'Security error.')
          return await storeUpload(user, file.bytes, autosave)
        } catch (e) {
          return uploadFailure(failureMessage(e))
        }
      }
      // v3.6.1 and earlier: IFormCollection; bool.Parse(form["Autosave"]) runs outside the try block.
      if (rawAutosave === undefined) throw new ServerException('ArgumentNull', "Value cannot be null. (Parameter 'value')")
      const autosave = dotnetBoolParse(rawAutosave)
      if (autosave === undefined) throw new ServerException('Format', `String '${rawAutosave}' was not recognized as a valid Boolean.`)
      const file = form.files[0]
      try {
        if (!file) throw new ServerException('Exception', FILE_NOT_FOUND)
        let user: UserRecord
        if (rules.legacyAdminWrites) {
          user = parseGuid(userid) ? resolveUser(store, userid) : caller
          if (!holdsEditUser(caller, user)) {
            throw new ServerException('Authorizing', `"${caller.id}" access denied "Edit user"`)
          }
          if (!caller.isOwner && user.type === 'DocSpaceAdmin' && user.id !== caller.id) throw new ServerException('Exception', NO_PERMISSIONS)
        } else {
          user = resolveUser(store, userid)
          if (user.id !== caller.id) throw new ServerException('Security', 'Security error.')
        }
        return await storeUpload(user, file.bytes, autosave)
      } catch (e) {
        return uploadFailure(failureMessage(e))
      }
    }
  })

  registerApi(app, ctx, {
    method: 'POST',
    url: '/people/:userid/photo/thumbnails',
    handler: async (call) => {
      const caller = callerOf(call).user
      // [FromBody] binding happens before the action: 415 / 400 come first.
      const body = bindJsonBody(call.req.headers['content-type'], call.req.body)
      const tmpFile = body.string('tmpFile')
      const x = body.int('x') ?? 0
      const y = body.int('y') ?? 0
      const width = body.int('width', { unsigned: true }) ?? 0
      const height = body.int('height', { unsigned: true }) ?? 0
      const user = target(call, caller)
      demandWrite(caller, user, 'thumbnails')
      try {
        if (tmpFile) {
          // Branch A: only the file name counts; the crop sent is overwritten by the centred square.
          const name = tmpFile.split(/[\\/]/).pop() ?? ''
          const temp = store.tempFiles.get(name)
          if (!temp) throw new ServerException('FileNotFound', `Could not find file '${name}'.`)
          await saveOrUpdatePhoto(user, temp.bytes)
          const stem = name.replace(/\.[^.]*$/, '')
          for (const key of [...store.tempFiles.keys()]) if (key.startsWith(stem)) store.tempFiles.delete(key)
          store.changed()
        } else if (user.photo) {
          // Branch B: re-crop the stored original (pixels of the stored, <=1280 px image).
          const original = store.photoBytes(user, 'original')
          if (original) {
            const crop = clampCrop({ x, y, w: width, h: height }, user.photo.width, user.photo.height)
            // Square sizes made (or still to be made) from these very bytes with this very crop are what a render would make again.
            const same = user.photo.source.kind === 'bytes' && !user.photo.realSizeFiles && sameSizes(user.photo, original, crop)
            user.photo.source = { kind: 'bytes', original }
            if (store.quirks.realSizeCropFiles && crop.w !== crop.h) {
              store.realSizeThumbnails(user, crop, await renderRealSizeThumbnails(original, crop, user.photo.ext, user.id))
            } else if (same) {
              store.touch(user)
            } else {
              store.updateThumbnails(user, crop, await renderThumbnails(original, crop))
            }
          }
        }
      } catch (e) {
        if (e instanceof ImageError) throw new ServerException(e.tooLarge ? 'ImageSizeLimit' : 'ImageDecode', e.message)
        throw e
      }
      return ok(written(user))
    }
  })

  registerApi(app, ctx, {
    method: 'PUT',
    url: '/people/:userid/photo',
    handler: async (call) => {
      const caller = callerOf(call).user
      const body = bindJsonBody(call.req.headers['content-type'], call.req.body)
      const files = body.string('files') ?? ''
      const user = target(call, caller)
      demandWrite(caller, user, 'put')
      if (files.trim() === '') {
        if (rules.putUrlChecks) throw new ServerException('Argument', FILE_NOT_FOUND)
        return ok(written(user)) // silent no-op before v3.7.1
      }
      if (files === originalUrlWithoutHash(user)) {
        // The current photo: nothing is downloaded, the user is re-saved (new hash).
        store.touch(user)
        return ok(written(user))
      }
      if (rules.legacyAdminWrites && !holdsEditUser(caller, user)) throw new ServerException('Authorizing', 'Access denied')
      const origin = requestOrigin(call.req)
      const url = /^https?:\/\//i.test(files) ? files : `${origin}${files.startsWith('/') ? '' : '/'}${files}`
      const bytes = rules.putUrlChecks
        ? await checkedDownload(url, {
            requestIsHttp: call.req.protocol === 'http',
            allowLoopback: ctx.options.allowLoopbackPhotoUrls,
            maxBytes: ctx.options.maxImageUploadSize
          })
        : await uncheckedDownload(url)
      try {
        // No PNG/JPEG check here: anything the decoder reads is accepted.
        await saveOrUpdatePhoto(user, bytes)
      } catch (e) {
        if (e instanceof ImageError) throw new ServerException(e.tooLarge ? 'ImageSizeLimit' : 'ImageDecode', e.message)
        throw e
      }
      return ok(written(user))
    }
  })
}

