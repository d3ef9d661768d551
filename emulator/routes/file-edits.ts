// Rename and version comment (CONTRACT-ROOMS.md §4.7, §4.9): PUT file/{id} keeps the old extension when the
// new title lacks it; PUT file/{id}/comment stores at most 255 characters, written only by managers.

import type { FastifyInstance } from 'fastify'
import { callerOf, ok, registerApi, type PortalContext } from '../http/api'
import { bindJsonBody } from '../http/binding'
import { ServerException, ValidationFailure } from '../http/envelope'
import { fileDto } from '../http/file-dto'
import { CONTENT_CREATOR, fileRights, fileRole, ROOM_MANAGER } from '../domain/file-rights'
import { availableTitle, extensionOf, sanitizeTitle } from '../domain/files'
import { findFile, READ_FILE_DENIED } from './files'

const MAX_RENAME = 165
const MAX_COMMENT = 255

export function registerFileEditRoutes(app: FastifyInstance, ctx: PortalContext): void {
  const space = ctx.store.space

  registerApi(app, ctx, {
    method: 'PUT',
    url: '/files/file/:fileId',
    handler: (call) => {
      const caller = callerOf(call).user
      const body = bindJsonBody(call.req.headers['content-type'], call.req.body)
      const raw = body.string('title')
      if (raw !== undefined && raw.length > MAX_RENAME) throw new ValidationFailure({ Title: [`The field Title must be a string with a maximum length of ${MAX_RENAME}.`] })
      const file = findFile(ctx, call.params.fileId)
      if (fileRole(space, caller, file) === undefined) throw new ServerException('InvalidOperation', READ_FILE_DENIED)
      if (!fileRights(space, caller, file).rename) throw new ServerException('Security', 'Access denied')
      let title = sanitizeTitle(raw ?? '')
      if (title === '') throw new ServerException('ArgumentNull', "Value cannot be null. (Parameter 'title')")
      // EntryManager.cs:1922-1926: a title without the old extension gets it back.
      const oldExt = extensionOf(file.title)
      if (oldExt !== '' && extensionOf(title) !== oldExt) title += file.title.slice(file.title.length - oldExt.length)
      if (title !== file.title) {
        const siblings = space.filesIn(file.folderId).filter((f) => f.id !== file.id)
        file.title = availableTitle(title, (t) => siblings.some((f) => f.title.toLowerCase() === t.toLowerCase()))
        space.changed()
      }
      return ok(fileDto(file, caller, call.dto))
    }
  })

  registerApi(app, ctx, {
    method: 'PUT',
    url: '/files/file/:fileId/comment',
    handler: (call) => {
      const caller = callerOf(call).user
      const body = bindJsonBody(call.req.headers['content-type'], call.req.body)
      const versionNumber = body.int('version') ?? 0
      const comment = (body.string('comment') ?? '').slice(0, MAX_COMMENT)
      const file = findFile(ctx, call.params.fileId)
      const role = fileRole(space, caller, file)
      const folder = space.folders.get(file.folderId)
      const room = folder ? space.roomOf(folder) : undefined
      // Rooms: RoomManager, ContentCreator or the creator; My documents: the owner or an editing share (SEC:2176-2197).
      const writer = room
        ? !room.room?.archived && (role === 'owner' || role === ROOM_MANAGER || role === CONTENT_CREATOR)
        : role === 'owner' || role === 1
      if (!writer) throw new ServerException('Security', 'Access denied')
      const version = file.versions.find((v) => v.version === versionNumber)
      if (!version) throw new ServerException('InvalidOperation', 'The required file was not found')
      version.comment = comment
      space.changed()
      return ok(comment)
    }
  })
}
