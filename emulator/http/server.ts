// The HTTP server: fastify with the server's own body binding, authentication on every request, faults and
// rate limits on /api/, and the route modules.

import cookie from '@fastify/cookie'
import multipart from '@fastify/multipart'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { setTimeout as sleep } from 'node:timers/promises'
import { requestOrigin, sendFailure, sendWire, type PortalContext } from './api'
import { AUTH_COOKIE } from './auth'
import { internalError, ValidationFailure } from './envelope'
import { Throttle } from './faults'
import { registerAuthRoutes } from '../routes/auth'
import { registerControlRoutes, type ControlDeps } from '../routes/control'
import { registerFileEditRoutes } from '../routes/file-edits'
import { registerFileOpRoutes } from '../routes/file-ops'
import { registerFileRoutes } from '../routes/files'
import { registerPeopleRoutes } from '../routes/people'
import { registerPhotoRoutes } from '../routes/photos'
import { registerRoomRoutes } from '../routes/rooms'
import { registerSharingRoutes } from '../routes/sharing'
import { registerSettingsRoutes } from '../routes/settings'
import { registerStorageRoutes } from '../routes/storage'
import type { FaultKind } from '../types'

/** nginx's client_max_body_size in front of the API. */
const BODY_LIMIT = 100 * 1024 * 1024

function nginxPage(status: 502 | 503): string {
  const title = status === 502 ? '502 Bad Gateway' : '503 Service Temporarily Unavailable'
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
}

function destroy(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.hijack()
  req.raw.socket.destroy()
  return reply
}

function answerFault(req: FastifyRequest, reply: FastifyReply, kind: FaultKind | 500 | 502 | 503, retryAfterSeconds = 1): FastifyReply {
  switch (kind) {
    case 'reset':
      return destroy(req, reply)
    case '429':
      return reply.code(429).header('retry-after', String(retryAfterSeconds)).send()
    case '500':
    case 500:
      return sendWire(reply, internalError('Emulated server error'))
    case '503':
    case 503:
      return reply.code(503).header('content-type', 'text/html').send(nginxPage(503))
    case 502:
      return reply.code(502).header('content-type', 'text/html').send(nginxPage(502))
  }
}

export async function buildServer(ctx: PortalContext, control: ControlDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT, routerOptions: { caseSensitive: false } })

  // Bodies stay raw buffers: binding.ts reproduces ASP.NET's JSON binding (415, 400 envelopes, case-insensitivity).
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body))
  await app.register(cookie)
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: BODY_LIMIT, files: 20, fields: 100 },
    // ASP.NET treats a part as a file only when it has a non-empty filename.
    isPartAFile: (_field, _contentType, fileName) => typeof fileName === 'string' && fileName !== ''
  })

  // Set by the onRequest hook before any handler runs.
  app.decorateRequest('portalAuth', null as never)

  app.addHook('onRequest', async (req, reply) => {
    const keyHeader = req.headers.apikeybearer
    req.portalAuth = ctx.auth.authenticate({
      authorization: req.headers.authorization,
      cookieToken: req.cookies[AUTH_COOKIE],
      apiKeyBearerHeader: typeof keyHeader === 'string' ? keyHeader : undefined
    })
    const path = req.url.toLowerCase()
    if (path.startsWith('/__emulator')) return
    // The network's round trip: a photo file comes over the same network as an API answer.
    const delay = ctx.faults.delayMs(ctx.options.latencyMs)
    if (!path.startsWith('/api/')) {
      if (delay > 0) await sleep(delay)
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') reply.raw.once('close', ctx.writeStats.begin())
    const oneShot = ctx.faults.takeFailNext(req.method, req.url)
    if (delay > 0) await sleep(delay)
    if (oneShot) return answerFault(req, reply, oneShot)
    if (ctx.faults.shouldReset()) return destroy(req, reply)
    const status = ctx.faults.randomError()
    if (status) return answerFault(req, reply, status)
    if (ctx.faults.rateLimits) {
      const key = req.portalAuth.kind === 'caller' ? req.portalAuth.caller.user.id : `ip:${req.ip}`
      const admission = ctx.limiter.admit(key, req.method !== 'GET' && req.method !== 'HEAD')
      if (!admission.ok) return answerFault(req, reply, '429', admission.retryAfterSeconds)
      reply.raw.once('close', admission.release)
    }
  })

  // Slow-upload fault for plain bodies. Multipart bodies are read by busboy straight from the socket, so
  // they are throttled where the file parts are consumed (routes/photos.ts) instead.
  app.addHook('preParsing', async (req, _reply, payload) => {
    const bytesPerSecond = ctx.faults.uploadBytesPerSecond
    const multipartBody = (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/')
    if (bytesPerSecond <= 0 || multipartBody) return payload
    return payload.pipe(new Throttle(bytesPerSecond))
  })

  // ASP.NET answers unknown routes with an empty 404.
  app.setNotFoundHandler((_req, reply) => reply.code(404).send())

  app.setErrorHandler((error, req, reply) => {
    const code = (error as { code?: string }).code
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send()
    const href = `${requestOrigin(req)}${req.url}`
    if (code?.startsWith('FST_')) {
      return sendFailure(reply, new ValidationFailure({ '': [error instanceof Error ? error.message : String(error)] }), href, req.method, ctx.log)
    }
    return sendFailure(reply, error, href, req.method, ctx.log)
  })

  registerSettingsRoutes(app, ctx)
  registerAuthRoutes(app, ctx)
  registerPeopleRoutes(app, ctx)
  registerPhotoRoutes(app, ctx)
  registerStorageRoutes(app, ctx)
  registerFileRoutes(app, ctx)
  registerFileOpRoutes(app, ctx)
  registerFileEditRoutes(app, ctx)
  registerSharingRoutes(app, ctx)
  registerRoomRoutes(app, ctx)
  if (ctx.options.controlEndpoint) registerControlRoutes(app, ctx, control)
  return app
}
