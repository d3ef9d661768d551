// Download handler, file delete and operation polling (CONTRACT-ROOMS.md §4.6, §4.8): filehandler.ashx
// answers bare statuses; DELETE file/{id} queues a Delete operation, refused synchronously only from v3.7.1.

import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { callerOf, ok, registerApi, type PortalContext } from '../http/api'
import { bindJsonBody, dotnetBoolParse, type CiBody } from '../http/binding'
import { ServerException } from '../http/envelope'
import { fileOperationDto } from '../http/file-dto'
import { fileRights, fileRole } from '../domain/file-rights'
import { extensionOf, type FileOperation, type FileRecord } from '../domain/files'
import type { UserRecord } from '../domain/model'
import { mimeForExtension } from './storage'
import { FILE_NOT_FOUND, intId } from './files'

const DELETE_DENIED = "You don't have enough permission to delete the file"
const KEEP_OPERATIONS = 50

function contentDisposition(title: string): string {
  const ascii = title.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(title)}`
}

export function registerFileOpRoutes(app: FastifyInstance, ctx: PortalContext): void {
  const { store, rules } = ctx
  const space = store.space

  /** FileHandler.ashx: same credentials as the API, no scope check, bare answers. */
  const download = (req: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const query = new URL(req.url, 'http://x').searchParams
    const get = (name: string): string | undefined => [...query.entries()].find(([k]) => k.toLowerCase() === name)?.[1]
    if ((get('action') ?? '').toLowerCase() !== 'download') return reply.code(400).header('content-type', 'text/plain').send('Invalid request')
    const id = intId(get('fileid'))
    const file = id === undefined ? undefined : space.files.get(id)
    if (!file) return reply.code(404).send()
    const caller = req.portalAuth.kind === 'caller' ? req.portalAuth.caller.user : undefined
    if (!caller || !fileRights(space, caller, file).download) return reply.code(403).send()
    const wanted = intId(get('version'))
    const version = wanted === undefined ? file.versions[file.versions.length - 1] : file.versions.find((v) => v.version === wanted)
    if (!version) return reply.code(404).send()
    if (file.newFor.delete(caller.id)) store.changed()
    const etag = `"${file.id}-${version.version}"`
    reply.header('etag', etag).header('accept-ranges', 'bytes')
    if (req.headers['if-none-match'] === etag) return reply.code(304).send()
    reply.header('content-type', mimeForExtension(extensionOf(file.title).slice(1))).header('content-disposition', contentDisposition(file.title))
    const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''))
    const size = version.bytes.length
    if (range && (range[1] !== '' || range[2] !== '')) {
      const start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1])
      const end = range[1] === '' || range[2] === '' ? size - 1 : Math.min(size - 1, Number(range[2]))
      if (start > end || start >= size) return reply.code(416).header('content-range', `bytes */${size}`).send()
      return reply.code(206).header('content-range', `bytes ${start}-${end}/${size}`).send(version.bytes.subarray(start, end + 1))
    }
    return reply.code(200).send(version.bytes)
  }
  // The server handles any path ending in filehandler.ashx; these are the two clients use.
  app.get('/filehandler.ashx', download)
  app.get('/products/files/httphandlers/filehandler.ashx', download)

  const remember = (op: FileOperation): void => {
    space.operations.push(op)
    const mine = space.operations.filter((o) => o.userId === op.userId)
    if (mine.length > KEEP_OPERATIONS) space.operations.splice(space.operations.indexOf(mine[0] as FileOperation), 1)
  }

  /** Runs a delete at once; the answer still shows it queued, the next poll finished. */
  const runDelete = (caller: UserRecord, file: FileRecord | undefined, immediately: boolean): string | undefined => {
    if (!file) return FILE_NOT_FOUND
    if (!fileRights(space, caller, file).delete) return DELETE_DENIED
    if (immediately) space.files.delete(file.id)
    else file.folderId = space.trash(caller).id
    space.changed()
    return undefined
  }

  /** `immediately`/`deleteAfter` from a JSON body; an empty body keeps the defaults. */
  const deleteFlags = (req: FastifyRequest): { immediately: boolean } => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
    if (raw.length === 0) return { immediately: false }
    const body: CiBody = bindJsonBody(req.headers['content-type'], req.body)
    return { immediately: body.bool('immediately') ?? false }
  }

  registerApi(app, ctx, {
    method: 'DELETE',
    url: '/files/file/:fileId',
    handler: (call) => {
      const caller = callerOf(call).user
      const { immediately } = deleteFlags(call.req)
      const id = intId(call.params.fileId)
      const file = id === undefined ? undefined : space.files.get(id)
      if (rules.syncDeleteChecks) {
        // DeletePermissionsCheck (v3.7.1+): refused before anything is queued.
        if (!file) throw new ServerException('ItemNotFound', FILE_NOT_FOUND)
        if (fileRole(space, caller, file) === undefined || !fileRights(space, caller, file).delete) throw new ServerException('Security', 'Access denied')
      }
      const op: FileOperation = { id: randomUUID(), userId: caller.id, operation: 2 }
      op.error = runDelete(caller, file, immediately)
      remember(op)
      const single = rules.syncDeleteChecks && dotnetBoolParse(call.query.get('returnSingleOperation') ?? '') === true
      const listed = single ? [op] : space.operations.filter((o) => o.userId === caller.id && o.operation === 2)
      // The new operation is still queued in the answer; every poll sees it finished.
      return ok(listed.map((o) => fileOperationDto(o, o !== op, rules)))
    }
  })

  registerApi(app, ctx, {
    method: 'GET',
    url: '/files/fileops',
    handler: (call) => {
      const caller = callerOf(call).user
      const id = call.query.get('id')
      const mine = space.operations.filter((o) => o.userId === caller.id && (id === undefined || o.id === id))
      return ok(mine.map((o) => fileOperationDto(o, true, rules)))
    }
  })
}

/** Queues an already finished operation for room archive/delete (rooms.ts). */
export function recordOperation(ctx: PortalContext, userId: string, operation: number, error?: string): FileOperation {
  const op: FileOperation = { id: randomUUID(), userId, operation, error }
  ctx.store.space.operations.push(op)
  return op
}
