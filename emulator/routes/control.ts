// Test-only control endpoint under /__emulator/, so a separate process (the demo, Playwright) can inject
// faults, expire tokens, mint API keys and read stored photo bytes. Never part of a real portal.

import type { FastifyInstance, FastifyReply } from 'fastify'
import type { PortalContext } from '../http/api'
import type { FailNextRule, Faults, FaultKind, PhotoSize } from '../types'
import type { DemoAccounts, PortalNotice } from '../types'
import type { PortalNotification } from '../domain/files'
import type { PortalStore } from '../domain/store'
import { mimeForExtension } from './storage'

const KINDS: readonly FaultKind[] = ['500', '503', 'reset', '429']
const SIZES: readonly PhotoSize[] = ['original', 'retina', 'max', 'big', 'medium', 'small']

export interface ControlDeps {
  accounts: DemoAccounts
  url(): string
}

function parseJson(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {}
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : String(body)
  if (text.trim() === '') return {}
  const parsed: unknown = JSON.parse(text)
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
}

/** JSON form of Faults: failNext rules carry `path` (substring) or `pathRegex` (a RegExp source). */
function faultsFromJson(input: Record<string, unknown>): Partial<Faults> {
  const out: Partial<Faults> = {}
  const num = (key: keyof Faults) => {
    const v = input[key]
    if (typeof v === 'number' && Number.isFinite(v)) (out as Record<string, unknown>)[key] = v
  }
  num('latencyMs')
  num('jitterMs')
  num('errorRate')
  num('resetRate')
  num('uploadBytesPerSecond')
  if (typeof input.rateLimits === 'boolean') out.rateLimits = input.rateLimits
  if (typeof input.paymentRequired === 'boolean') out.paymentRequired = input.paymentRequired
  if (Array.isArray(input.failNext)) {
    out.failNext = input.failNext.flatMap((raw): FailNextRule[] => {
      if (raw === null || typeof raw !== 'object') return []
      const r = raw as Record<string, unknown>
      const kind = String(r.kind) as FaultKind
      if (!KINDS.includes(kind)) return []
      const path = typeof r.pathRegex === 'string' ? new RegExp(r.pathRegex) : typeof r.path === 'string' ? r.path : undefined
      if (path === undefined) return []
      return [{ path, kind, method: typeof r.method === 'string' ? r.method : undefined }]
    })
  }
  return out
}

function faultsToJson(f: Faults): Record<string, unknown> {
  return {
    ...f,
    failNext: f.failNext.map((r) => (typeof r.path === 'string' ? { path: r.path, method: r.method, kind: r.kind } : { pathRegex: r.path.source, method: r.method, kind: r.kind }))
  }
}

/** A recorded notice as tests read it. */
export function notificationJson(n: PortalNotification, store?: PortalStore): PortalNotice {
  return {
    kind: n.kind,
    recipientId: n.recipientId,
    recipientEmail: store?.userById(n.recipientId)?.email,
    sharerId: n.sharerId,
    fileId: n.fileId,
    fileTitle: n.fileId === undefined ? undefined : store?.space.files.get(n.fileId)?.title,
    roomId: n.roomId,
    access: n.access,
    message: n.message,
    at: new Date(n.atMs).toISOString()
  }
}

export function registerControlRoutes(app: FastifyInstance, ctx: PortalContext, deps: ControlDeps): void {
  const json = (reply: FastifyReply, status: number, body: unknown) => reply.code(status).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body))
  const bad = (reply: FastifyReply, message: string) => json(reply, 400, { error: message })

  app.get('/__emulator', (_req, reply) =>
    json(reply, 200, { url: deps.url(), version: ctx.options.version, people: ctx.store.users.length, accounts: deps.accounts })
  )
  app.get('/__emulator/faults', (_req, reply) => json(reply, 200, faultsToJson(ctx.faults.current())))
  app.post('/__emulator/faults', (req, reply) => {
    try {
      ctx.faults.set(faultsFromJson(parseJson(req.body)))
    } catch (e) {
      return bad(reply, e instanceof Error ? e.message : String(e))
    }
    return json(reply, 200, faultsToJson(ctx.faults.current()))
  })
  // The process's CPU (all threads, libvips' included) lets a benchmark tell the portal's work from the app's.
  const stats = () => {
    const cpu = process.cpuUsage()
    return { ...ctx.writeStats.snapshot(), cpuSeconds: (cpu.user + cpu.system) / 1e6 }
  }
  app.get('/__emulator/stats', (_req, reply) => json(reply, 200, stats()))
  app.post('/__emulator/stats/reset', (_req, reply) => {
    ctx.writeStats.reset()
    return json(reply, 200, stats())
  })
  app.post('/__emulator/rate-limits/reset', (_req, reply) => {
    ctx.limiter.clearWindows()
    return json(reply, 200, {})
  })
  app.post('/__emulator/faults/reset', (_req, reply) => {
    ctx.faults.reset()
    return json(reply, 200, faultsToJson(ctx.faults.current()))
  })
  app.post('/__emulator/expire-tokens', (req, reply) => {
    const body = parseJson(req.body)
    const userId = typeof body.userId === 'string' ? body.userId : undefined
    ctx.auth.expireTokens(userId)
    return json(reply, 200, { expired: true, userId: userId ?? null })
  })
  app.post('/__emulator/api-keys', (req, reply) => {
    const body = parseJson(req.body)
    const byEmail = typeof body.email === 'string' ? ctx.store.userByEmail(body.email) : undefined
    const userId = typeof body.userId === 'string' ? body.userId : byEmail?.id
    if (!userId || !ctx.store.userById(userId)) return bad(reply, 'unknown user')
    const permissions = Array.isArray(body.permissions) ? body.permissions.filter((p): p is string => typeof p === 'string') : []
    return json(reply, 200, { key: ctx.auth.createApiKey(userId, permissions).key })
  })
  app.get('/__emulator/user-id', (req, reply) => {
    const email = (req.query as Record<string, string | undefined>).email ?? ''
    const user = ctx.store.userByEmail(email)
    return user ? json(reply, 200, { id: user.id }) : json(reply, 404, { error: 'unknown email' })
  })
  app.get('/__emulator/notifications', (req, reply) => {
    const recipient = (req.query as Record<string, string | undefined>).recipientId?.toLowerCase()
    const list = ctx.store.space.notifications.filter((n) => recipient === undefined || n.recipientId === recipient)
    return json(reply, 200, list.map((n) => notificationJson(n, ctx.store)))
  })
  app.post('/__emulator/notifications/reset', (_req, reply) => {
    ctx.store.space.notifications.length = 0
    return json(reply, 200, [])
  })
  app.get('/__emulator/stored-photo/:userId/:size', async (req, reply) => {
    const { userId, size } = req.params as { userId: string; size: string }
    const user = ctx.store.userById(userId)
    if (!user || !SIZES.includes(size as PhotoSize)) return reply.code(404).send()
    const bytes = await ctx.store.photoFile(user, size as PhotoSize)
    if (!bytes || !user.photo) return reply.code(404).send()
    return reply.code(200).header('content-type', mimeForExtension(user.photo.ext)).send(bytes)
  })
}
