// Serving stored photo files and the default images (CONTRACT.md §3.5, §3.6): /storage/userPhotos/... needs
// an authenticated caller (403 otherwise) and carries nginx's immutable cache header when ?hash= is present.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { PortalContext } from '../http/api'
import { DEFAULT_IMAGE_SIZES, photoFileName, storedOriginalName } from '../http/dto'
import { THUMB_SIZES, THUMB_PIXELS } from '../images/images'
import type { PhotoSize } from '../types'

const IMMUTABLE = 'must-revalidate, no-transform, immutable, max-age=31536000, private'

/** MimeMapping by extension: a .jpeg file is served as image/jpeg even when it holds PNG bytes. */
export function mimeForExtension(ext: string): string {
  switch (ext.toLowerCase()) {
    case 'jpeg':
    case 'jpg':
      return 'image/jpeg'
    case 'png':
      return 'image/png'
    case 'gif':
      return 'image/gif'
    case 'webp':
      return 'image/webp'
    case 'svg':
      return 'image/svg+xml'
    case 'tiff':
      return 'image/tiff'
    default:
      return 'application/octet-stream'
  }
}

function sendImage(req: FastifyRequest, reply: FastifyReply, bytes: Buffer, ext: string): FastifyReply {
  reply.header('content-type', mimeForExtension(ext))
  if (/[?&]hash=/i.test(req.url)) reply.header('cache-control', IMMUTABLE)
  return reply.code(200).send(bytes)
}

export function registerStorageRoutes(app: FastifyInstance, ctx: PortalContext): void {
  app.get('/storage/userPhotos/root/:file', async (req, reply) => {
    if (req.portalAuth.kind !== 'caller') return reply.code(403).send()
    const file = (req.params as { file: string }).file
    const m = /^([0-9a-f-]{36})_(orig|size)_(\d+)-(\d+)\.([a-z0-9]+)$/i.exec(file)
    const user = m?.[1] ? ctx.store.userById(m[1]) : undefined
    if (!m || !user?.photo) return reply.code(404).send()
    const realSize = user.photo.realSizeFiles?.get(file.toLowerCase())
    if (realSize) return sendImage(req, reply, realSize, user.photo.ext)
    let size: PhotoSize | undefined
    if (m[2]?.toLowerCase() === 'orig') size = 'original'
    else size = THUMB_SIZES.find((s) => String(THUMB_PIXELS[s]) === m[3] && m[3] === m[4])
    const expected = size === 'original' ? storedOriginalName(user) : size ? photoFileName(user, size) : undefined
    if (!size || !expected || expected.toLowerCase() !== file.toLowerCase()) return reply.code(404).send()
    const ext = user.photo.ext
    const bytes = await ctx.store.photoFile(user, size)
    if (!bytes) return reply.code(404).send()
    return sendImage(req, reply, bytes, ext)
  })

  app.get('/storage/userPhotos/temp/:file', (req, reply) => {
    if (req.portalAuth.kind !== 'caller') return reply.code(403).send()
    const file = (req.params as { file: string }).file
    const temp = ctx.store.tempFiles.get(file)
    if (!temp) return reply.code(404).send()
    return sendImage(req, reply, temp.bytes, temp.ext)
  })

  app.get('/static/images/:file', (req, reply) => {
    const file = (req.params as { file: string }).file
    const m = /^default_user_photo_size_(\d+)-(\d+)\.png$/i.exec(file)
    const px = m && m[1] === m[2] ? Number(m[1]) : 0
    const bytes = (DEFAULT_IMAGE_SIZES as readonly number[]).includes(px) ? ctx.defaultImages.get(px) : undefined
    if (!bytes) return reply.code(404).send()
    reply.header('content-type', 'image/png').header('cache-control', 'public, max-age=31536000')
    return reply.code(200).send(bytes)
  })
}
