// Shared plumbing for /api/2.0 routes: the portal context, caller checks (401, scopes, 402) and turning
// handler results and reproduced exceptions into the server's wire shapes.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasScope, requiredScopes, type AuthService, type AuthState, type Caller } from './auth'
import { CiQuery } from './binding'
import type { DtoContext } from './dto'
import {
  BodylessStatus,
  errorEnvelope,
  internalError,
  ServerException,
  successEnvelope,
  ValidationFailure,
  validationEnvelope,
  type Wire
} from './envelope'
import type { FaultController, RateLimiter, WriteStats } from './faults'
import type { PeopleIndex } from '../domain/people-index'
import type { PortalStore } from '../domain/store'
import type { VersionRules } from '../domain/version'

export interface ResolvedOptions {
  version: string
  people: number
  seed: number
  host: string
  port: number
  maxImageUploadSize: number
  maxFileSize: number
  maxRooms: number
  latencyMs: number
  dataDir?: string
  allowLoopbackPhotoUrls: boolean
  tokenTtlSeconds: number
  photoShare: number
  quiet: boolean
  utcOffsetMinutes: number
  controlEndpoint: boolean
  sdkApiKeyHeader: boolean
  documentServerVersion: string | null
}

export interface PortalContext {
  options: ResolvedOptions
  rules: VersionRules
  store: PortalStore
  people: PeopleIndex
  auth: AuthService
  faults: FaultController
  limiter: RateLimiter
  writeStats: WriteStats
  /** Default "no photo" images by pixel size. */
  defaultImages: ReadonlyMap<number, Buffer>
  passwordSalt: string
  log(message: string): void
}

declare module 'fastify' {
  interface FastifyRequest {
    portalAuth: AuthState
  }
}

export interface ApiCall {
  req: FastifyRequest
  reply: FastifyReply
  /** Undefined only on anonymous routes. */
  caller: Caller | undefined
  query: CiQuery
  params: Record<string, string>
  dto: DtoContext
  href: string
}

export interface ApiResult {
  payload: unknown
  count?: number
  total?: number
}

export function ok(payload: unknown, extra: { count?: number; total?: number } = {}): ApiResult {
  return { payload, ...extra }
}

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Path below /api/2.0, in fastify syntax. */
  url: string
  /** [AllowAnonymous] */
  anonymous?: boolean
  /** [AllowNotPayment]: exempt from the unpaid-tenant 402. */
  allowNotPayment?: boolean
  handler(call: ApiCall): Promise<ApiResult> | ApiResult
}

export function requestOrigin(req: FastifyRequest): string {
  return `${req.protocol}://${req.headers.host ?? `${req.hostname}`}`
}

export function sendWire(reply: FastifyReply, wire: Wire): FastifyReply {
  return reply.code(wire.status).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(wire.body))
}

function sendBodyless(reply: FastifyReply, failure: BodylessStatus): FastifyReply {
  for (const [k, v] of Object.entries(failure.headers)) reply.header(k, v)
  return reply.code(failure.status).send()
}

/** Maps anything a handler throws to the server's response for it. */
export function sendFailure(reply: FastifyReply, error: unknown, href: string, method: string, log: (m: string) => void): FastifyReply {
  if (error instanceof BodylessStatus) return sendBodyless(reply, error)
  if (error instanceof ValidationFailure) return sendWire(reply, validationEnvelope(error, href, method))
  if (error instanceof ServerException) return sendWire(reply, errorEnvelope(error))
  log(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  return sendWire(reply, internalError(error instanceof Error ? error.message : String(error)))
}

export function callerOf(call: ApiCall): Caller {
  if (!call.caller) throw new BodylessStatus(401)
  return call.caller
}

export function registerApi(app: FastifyInstance, ctx: PortalContext, route: ApiRoute): void {
  app.route({
    method: route.method,
    url: `/api/2.0${route.url}`,
    handler: async (req, reply) => {
      const href = `${requestOrigin(req)}${req.url}`
      try {
        const auth = req.portalAuth
        const caller = auth.kind === 'caller' ? auth.caller : undefined
        if (!route.anonymous && !caller) throw new BodylessStatus(401)
        if (caller?.apiKey) {
          const needed = requiredScopes(req.method, req.url.split('?')[0] ?? '')
          if (needed && !hasScope(caller.apiKey.permissions, needed)) throw new BodylessStatus(403)
        }
        if (!route.allowNotPayment && ctx.faults.paymentRequired) throw new BodylessStatus(402)
        const call: ApiCall = {
          req,
          reply,
          caller,
          query: new CiQuery(req.url),
          params: (req.params ?? {}) as Record<string, string>,
          dto: { rules: ctx.rules, store: ctx.store, utcOffsetMinutes: ctx.options.utcOffsetMinutes, origin: requestOrigin(req) },
          href
        }
        const result = await route.handler(call)
        if (reply.sent) return reply
        return sendWire(reply, successEnvelope(result.payload, href, req.method, { count: result.count, total: result.total }))
      } catch (error) {
        return sendFailure(reply, error, href, req.method, (m) => ctx.log(m))
      }
    }
  })
}
