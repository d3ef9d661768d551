// Per-user file sharing in My documents (CONTRACT-ROOMS.md §3.3): PUT/GET file/{id}/share and the
// recipient's DELETE share, which sets their record to Restrict (3) or, for a room id, leaves the room.

import type { FastifyInstance } from 'fastify'
import { callerOf, ok, registerApi, type PortalContext } from '../http/api'
import { bindJsonBody, parseGuid } from '../http/binding'
import { ServerException, ValidationFailure } from '../http/envelope'
import { fileShareDto } from '../http/file-dto'
import { canShareWith, fileRights, fileRole, folderRights } from '../domain/file-rights'
import { isImageTitle, parseFileShare, type FileRecord } from '../domain/files'
import type { UserRecord } from '../domain/model'
import { findFile, intId } from './files'

export const ROLE_NOT_AVAILABLE = 'The role is not available for this user type'

/** PNG/JPEG and other images: only ReadWrite, Read, Restrict and None apply (SHR:156-158). */
const IMAGE_ACCESSES = new Set([0, 1, 2, 3])
const DOCUMENT_ACCESSES = new Set([0, 1, 2, 3, 5, 6])

function numberList(value: unknown): number[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((v) => {
    const id = typeof v === 'number' ? v : intId(typeof v === 'string' ? v : undefined)
    return typeof id === 'number' && Number.isInteger(id) ? [id] : []
  })
}

export function registerSharingRoutes(app: FastifyInstance, ctx: PortalContext): void {
  const { store, rules } = ctx
  const space = store.space

  /** Only the owner of a My-documents file shares it; in rooms a user share is not a role at all. */
  const demandShare = (caller: UserRecord, file: FileRecord): void => {
    if (caller.type === 'Guest') throw new ServerException('Security', 'Access denied')
    const folder = space.folders.get(file.folderId)
    const room = folder ? space.roomOf(folder) : undefined
    if (room) {
      if (folderRights(space, caller, room).editAccess) throw new ServerException('InvalidOperation', ROLE_NOT_AVAILABLE)
      throw new ServerException('Security', 'Access denied')
    }
    if (!fileRights(space, caller, file).share) throw new ServerException('Security', 'Access denied')
  }

  registerApi(app, ctx, {
    method: 'PUT',
    url: '/files/file/:fileId/share',
    handler: (call) => {
      const caller = callerOf(call).user
      const body = bindJsonBody(call.req.headers['content-type'], call.req.body)
      const message = body.string('sharingMessage')
      if (message !== undefined && message.length > 255) {
        throw new ValidationFailure({ SharingMessage: ['The field SharingMessage must be a string with a maximum length of 255.'] })
      }
      const notify = body.bool('notify') ?? false
      const file = findFile(ctx, call.params.fileId)
      demandShare(caller, file)
      const requested = Array.isArray(body.get('share')) ? (body.get('share') as unknown[]) : []
      const allowed = isImageTitle(file.title) ? IMAGE_ACCESSES : DOCUMENT_ACCESSES
      const changed: Array<{ user: UserRecord; access: number }> = []
      for (const raw of requested) {
        if (raw === null || typeof raw !== 'object') continue
        const entry = Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), v]))
        const id = typeof entry.shareto === 'string' ? parseGuid(entry.shareto) : undefined
        const target = id ? store.userById(id) : undefined
        if (!target || target.status !== 1 || target.id === file.createdBy) continue
        if (rules.shareDropsUnrelatedGuests && !canShareWith(caller, target)) continue
        const access = parseFileShare(entry.access)
        if (!allowed.has(access)) continue
        const current = file.shares.get(target.id)
        if (access === 0) {
          if (!current) continue
          file.shares.delete(target.id)
          file.newFor.delete(target.id)
        } else {
          if (current?.access === access) continue
          file.shares.set(target.id, { access, sharedBy: caller.id, sharedMs: Date.now() })
          if (access === 1 || access === 2) file.newFor.add(target.id)
          else file.newFor.delete(target.id)
          if (notify && (access === 1 || access === 2)) {
            space.notify({ kind: 'file-share', recipientId: target.id, sharerId: caller.id, fileId: file.id, access, message: message ?? undefined })
          }
        }
        changed.push({ user: target, access })
      }
      if (changed.length > 0) space.changed()
      // SecurityControllerHelper lists every changed record once per changed subject (N changes → N² entries).
      const records = changed.map((c) => fileShareDto(c.access, c.user, caller, call.dto, { canEditAccess: true }))
      return ok(changed.flatMap(() => records))
    }
  })

  registerApi(app, ctx, {
    method: 'GET',
    url: '/files/file/:fileId/share',
    handler: (call) => {
      const caller = callerOf(call).user
      const file = findFile(ctx, call.params.fileId)
      if (caller.type === 'Guest') throw new ServerException('Security', 'Access denied')
      if (fileRole(space, caller, file) === undefined) throw new ServerException('Security', 'Access denied')
      const owner = store.userById(file.createdBy)
      const isOwner = caller.id === file.createdBy
      const list = [
        ...(owner ? [fileShareDto(1, owner, caller, call.dto, { isOwner: true, canEditAccess: false })] : []),
        ...[...file.shares.entries()].flatMap(([id, share]) => {
          const user = store.userById(id)
          return user ? [fileShareDto(share.access, user, caller, call.dto, { canEditAccess: isOwner })] : []
        })
      ]
      return ok(list, { total: list.length })
    }
  })

  registerApi(app, ctx, {
    method: 'DELETE',
    url: '/files/share',
    handler: (call) => {
      const caller = callerOf(call).user
      const body = bindJsonBody(call.req.headers['content-type'], call.req.body)
      for (const id of numberList(body.get('fileIds'))) {
        const file = space.files.get(id)
        const share = file?.shares.get(caller.id)
        if (!file || !share || share.access === 0) continue
        // The recipient's own record becomes Restrict; the sharer then reads access 3.
        share.access = 3
        file.newFor.delete(caller.id)
      }
      for (const id of numberList(body.get('folderIds'))) {
        const room = space.folders.get(id)?.room
        if (room) room.members.delete(caller.id)
      }
      space.changed()
      return ok(true)
    }
  })
}
