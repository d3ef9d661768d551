// Sign-in (CONTRACT.md §4.1): POST /authentication, the two-factor step, GET /authentication, logout,
// and the API key routes of §4.3.

import type { FastifyInstance } from 'fastify'
import { AUTH_COOKIE } from '../http/auth'
import { callerOf, ok, registerApi, requestOrigin, type ApiCall, type PortalContext } from '../http/api'
import { bindJsonBody, type CiBody } from '../http/binding'
import { formatApiDateTime, formatUtcDateTime, ticksFromUnixMs } from '../domain/dotnet-hash'
import { BodylessStatus, ServerException } from '../http/envelope'
import type { ApiKeyRecord, UserRecord } from '../domain/model'

const AUTH_FAILED = 'User authentication failed'

/** Resolves the credentials of an AuthRequestsDto, with brute-force protection; throws the server's failures. */
function verifyCredentials(ctx: PortalContext, body: CiBody): UserRecord {
  const login = body.string('userName') ?? ''
  const password = body.string('password')
  const passwordHash = body.string('passwordHash')
  if (login !== '' && ctx.auth.isBlocked(login)) {
    throw new ServerException('BruteForce', 'Too many login attempts. Please try again later')
  }
  const user = login === '' ? undefined : ctx.store.userByEmail(login) ?? ctx.store.userByUserName(login)
  if (!user || !ctx.auth.checkPassword(user, password, passwordHash)) {
    if (login !== '') ctx.auth.recordFailure(login)
    throw new ServerException('Authentication', AUTH_FAILED)
  }
  ctx.auth.clearFailures(login)
  if (user.status !== 1) throw new ServerException('InvalidOperation', 'User disabled')
  return user
}

function tokenResponse(ctx: PortalContext, call: ApiCall, user: UserRecord, session: boolean, tfa: boolean): Record<string, unknown> {
  const { token, expiresMs } = ctx.auth.issueToken(user.id)
  call.reply.setCookie(AUTH_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    ...(session ? {} : { expires: new Date(expiresMs) })
  })
  return {
    token,
    // `session:true` gives default(DateTime), written without a zone.
    expires: session ? '0001-01-01T00:00:00' : formatUtcDateTime(ticksFromUnixMs(expiresMs)),
    sms: false,
    tfa
  }
}

export function registerAuthRoutes(app: FastifyInstance, ctx: PortalContext): void {
  registerApi(app, ctx, {
    method: 'POST',
    url: '/authentication',
    anonymous: true,
    allowNotPayment: true,
    handler: (call) => {
      const body = bindJsonBody(call.req.headers['content-type'], call.req.body)
      const user = verifyCredentials(ctx, body)
      if (user.tfaCode) {
        const confirmUrl = `${requestOrigin(call.req)}/confirm/TfaAuth?type=TfaAuth&email=${encodeURIComponent(user.email)}`
        return ok({ sms: false, tfa: true, confirmUrl })
      }
      return ok(tokenResponse(ctx, call, user, body.bool('session') === true, false))
    }
  })

  registerApi(app, ctx, {
    method: 'POST',
    url: '/authentication/:code',
    anonymous: true,
    allowNotPayment: true,
    handler: (call) => {
      const code = call.params.code ?? ''
      const body = bindJsonBody(call.req.headers['content-type'], call.req.body)
      const user = verifyCredentials(ctx, body)
      if (user.tfaCode && user.tfaCode !== code.trim()) {
        ctx.auth.recordFailure(body.string('userName') ?? '')
        throw new ServerException('Authentication', AUTH_FAILED)
      }
      return ok(tokenResponse(ctx, call, user, body.bool('session') === true, user.tfaCode !== undefined))
    }
  })

  registerApi(app, ctx, {
    method: 'GET',
    url: '/authentication',
    anonymous: true,
    allowNotPayment: true,
    handler: (call) => ok(call.caller !== undefined)
  })

  registerApi(app, ctx, {
    method: 'POST',
    url: '/authentication/logout',
    anonymous: true,
    allowNotPayment: true,
    handler: (call) => logout(ctx, call)
  })

  if (ctx.rules.apiKeys) registerKeyRoutes(app, ctx)
}

function logout(ctx: PortalContext, call: ApiCall) {
  const token = call.caller?.token
  if (token) ctx.auth.revokeToken(token)
  call.reply.clearCookie(AUTH_COOKIE, { path: '/' })
  return ok(null)
}

const KEY_PERMISSIONS = ['*', '*:read', '*:write', 'accounts:read', 'accounts:write', 'accounts.self:read', 'accounts.self:write', 'files:read', 'files:write', 'rooms:read', 'rooms:write']

function keyDto(ctx: PortalContext, call: ApiCall, key: ApiKeyRecord, reveal: boolean): Record<string, unknown> {
  const date = (ms: number | undefined) => (ms === undefined ? undefined : formatApiDateTime(ticksFromUnixMs(ms), ctx.options.utcOffsetMinutes))
  return {
    id: key.id,
    name: key.name,
    key: reveal ? key.key : `sk-***${key.key.slice(-4)}`,
    keyPostfix: key.key.slice(-4),
    permissions: key.permissions,
    lastUsed: date(key.lastUsedMs),
    createOn: date(key.createdMs),
    createBy: call.dto.store.userById(key.userId) ? { id: key.userId } : undefined,
    expiresAt: date(key.expiresMs),
    isActive: key.isActive
  }
}

function registerKeyRoutes(app: FastifyInstance, ctx: PortalContext): void {
  registerApi(app, ctx, {
    method: 'POST',
    url: '/keys',
    handler: (call) => {
      const caller = callerOf(call)
      if (caller.user.type === 'Guest') throw new ServerException('Security', 'Access denied')
      const body = bindJsonBody(call.req.headers['content-type'], call.req.body)
      const name = body.string('name') ?? ''
      if (name.trim() === '' || name.length > 30) throw new ServerException('Argument', 'name')
      const rawPermissions = body.get('permissions')
      const permissions = Array.isArray(rawPermissions) ? rawPermissions.filter((p): p is string => typeof p === 'string') : []
      const days = body.int('expiresInDays')
      if (days !== undefined && (days < 1 || days > 365)) throw new ServerException('Argument', 'expiresInDays')
      const record = ctx.auth.createApiKey(caller.user.id, permissions, name, days)
      return ok(keyDto(ctx, call, record, true))
    }
  })

  const ownKeys = (call: ApiCall) => {
    const caller = callerOf(call)
    return ok([...ctx.store.apiKeys.values()].filter((k) => k.userId === caller.user.id).map((k) => keyDto(ctx, call, k, false)))
  }
  registerApi(app, ctx, { method: 'GET', url: '/keys', handler: ownKeys })
  registerApi(app, ctx, { method: 'GET', url: '/keys/@self', handler: ownKeys })
  registerApi(app, ctx, { method: 'GET', url: '/keys/permissions', handler: () => ok(KEY_PERMISSIONS) })

  registerApi(app, ctx, {
    method: 'DELETE',
    url: '/keys/:keyId',
    handler: (call) => {
      const caller = callerOf(call)
      const record = [...ctx.store.apiKeys.values()].find((k) => k.id === (call.params.keyId ?? '').toLowerCase())
      if (!record) throw new ServerException('ItemNotFound', 'The API key could not be found')
      if (record.userId !== caller.user.id && caller.user.type !== 'DocSpaceAdmin') throw new BodylessStatus(403)
      ctx.store.apiKeys.delete(record.key)
      ctx.store.changed()
      return ok(true)
    }
  })
}
