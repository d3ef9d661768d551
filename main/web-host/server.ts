/**
 * The web host: where no Electron binary can run (the demo, the e2e tests), it serves the built
 * renderer to a local browser and carries the bridge's calls to the same main handlers. A host,
 * not a second app: transport only. Wire format: preload/http-transport.ts.
 *
 * Protections, because any web page in the user's browser can reach 127.0.0.1:
 * - bound to 127.0.0.1 only, on a random port by default;
 * - the Host header must be 127.0.0.1:PORT or localhost:PORT (DNS rebinding gets 421);
 * - every /__ipc and /__events request needs the per-run secret, compared in constant time. It
 *   never appears in a URL: the page is opened with a one-time code (GET /__open?c=CODE), which the
 *   host exchanges for the secret in an HttpOnly, SameSite=Strict cookie and then forgets, so the
 *   code that stays in a browser's command line or History is worth nothing;
 * - a request with a foreign Origin is refused, and no CORS headers are ever sent;
 * - renderer files get the same CSP and headers as the app protocol.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { fastify, type FastifyReply, type FastifyRequest } from 'fastify'
import { fastifyStatic } from '@fastify/static'
import { REQUEST_CHANNELS, type RequestChannel } from '../../preload/contract'
import { WEB_HOST_WIRE, decodeWire, encodeAnswer, encodeEventData } from '../../preload/http-transport'
import type { EventSink } from '../core/events'
import { callHandler } from '../ipc/call-handler'
import type { Handlers } from '../ipc/types'
import { RENDERER_RESPONSE_HEADERS } from '../window-options'

export interface WebHostOptions {
  readonly handlers: Handlers
  /** The built renderer, normally out/renderer. */
  readonly rendererDir: string
  /** 0 (the default) picks a random free port. */
  readonly port?: number
  /** Base64url, at least 22 characters; a random 256-bit one by default. */
  readonly secret?: string
  /** Logs channel names and error kinds only. */
  readonly log?: (message: string) => void
}

export interface WebHost {
  /**
   * A fresh address to open the app with, good for one page load: http://127.0.0.1:PORT/__open?c=CODE#host=web.
   * Callers may append fragment parameters (`&portal=...`); the redirect after the exchange keeps them.
   */
  openUrl(): string
  /** http://127.0.0.1:PORT */
  readonly origin: string
  /** Main -> renderer events, delivered to every connected page as server-sent events. */
  readonly events: EventSink
  close(): Promise<void>
}

/** Photos travel in request bodies; a generous cap still stops a runaway upload. */
const BODY_LIMIT = 64 * 1024 * 1024
const HEARTBEAT_MS = 15_000

/** The secret (and each one-time code) is base64url, at least 128 bits. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{22,}$/

/** Cookies are not separated by port, so the name carries it: two hosts side by side keep their own. */
export function sessionCookieName(port: number): string {
  return `${WEB_HOST_WIRE.cookiePrefix}${port}`
}

/** The cookie that carries the per-run secret: not readable by scripts, never sent cross-site, gone with the browser. */
export function sessionCookie(port: number, secret: string): string {
  return `${sessionCookieName(port)}=${secret}; Path=/; HttpOnly; SameSite=Strict`
}

/** The value of one cookie from a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const secret = options.secret ?? randomBytes(32).toString('base64url')
  if (!SECRET_PATTERN.test(secret)) throw new Error('The web host secret must be base64url, at least 22 characters.')
  const log = options.log ?? ((message: string) => console.error(message))
  const secretDigest = digest(secret)
  const hasSecret = (candidate: unknown) => typeof candidate === 'string' && timingSafeEqual(digest(candidate), secretDigest)
  // Only digests are kept; a code is deleted on its first use, right or wrong page load alike.
  const openCodes = new Set<string>()
  let port = 0

  let allowedHosts = new Set<string>()
  let allowedOrigins = new Set<string>()
  const sseClients = new Set<ServerResponse>()

  const app = fastify({ logger: false, bodyLimit: BODY_LIMIT, forceCloseConnections: true })

  // DNS rebinding: a page of evil.example that resolves to 127.0.0.1 still sends Host: evil.example.
  app.addHook('onRequest', async (request, reply) => {
    const host = (request.headers.host ?? '').toLowerCase()
    if (!allowedHosts.has(host)) return reply.code(421).type('text/plain').send('Misdirected request')
    const origin = request.headers.origin
    if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) return reply.code(403).type('text/plain').send('Forbidden')
  })
  app.addHook('onSend', async (_request, reply) => {
    reply.headers({ ...RENDERER_RESPONSE_HEADERS, 'Cross-Origin-Resource-Policy': 'same-origin' })
  })

  app.addContentTypeParser(WEB_HOST_WIRE.contentType, { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => {
    try {
      const bytes = body as Buffer
      // A plain Uint8Array view, so decoded binary fields are Uint8Array, not Buffer slices.
      done(null, decodeWire(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)))
    } catch {
      done(Object.assign(new Error('Body is not msgpack'), { statusCode: 400 }), undefined)
    }
  })

  const requireSecret = async (request: FastifyRequest, reply: FastifyReply) => {
    // Fetch metadata, where the browser sends it: a same-site page on another port carries the
    // SameSite cookie too, but is never same-origin.
    const site = request.headers['sec-fetch-site']
    if (site !== undefined && site !== 'same-origin') return reply.code(403).type('text/plain').send('Forbidden')
    if (!hasSecret(readCookie(request.headers.cookie, sessionCookieName(port)))) return reply.code(403).type('text/plain').send('Forbidden')
  }

  app.get(WEB_HOST_WIRE.openPath, async (request, reply) => {
    const code = (request.query as Record<string, unknown>)[WEB_HOST_WIRE.codeParam]
    const key = typeof code === 'string' && SECRET_PATTERN.test(code) ? digest(code).toString('hex') : undefined
    if (key === undefined || !openCodes.delete(key)) {
      return reply
        .code(403)
        .type('text/plain; charset=utf-8')
        .send('This link has already been used or is not valid. Ask the program that started the app for a new one.')
    }
    // No Location fragment: the browser keeps the one it opened (#host=web&portal=...).
    return reply.code(303).header('Set-Cookie', sessionCookie(port, secret)).header('Location', '/').send()
  })

  app.post<{ Params: { channel: string } }>(
    `${WEB_HOST_WIRE.ipcPath}:channel`,
    {
      // Checked before the body is read: nobody without the secret gets 64 MB parsed.
      onRequest: [
        requireSecret,
        async (request, reply) => {
          if (!isRequestChannel((request.params as { channel: string }).channel)) return reply.code(404).type('text/plain').send('Unknown channel')
        }
      ]
    },
    async (request, reply) => {
      const channel = request.params.channel as RequestChannel
      const envelope = request.body as { arg?: unknown } | undefined
      if (request.headers['content-type'] !== WEB_HOST_WIRE.contentType || typeof envelope !== 'object' || envelope === null) {
        return reply.code(415).type('text/plain').send('Expected a msgpack body')
      }
      const result = await callHandler(options.handlers, channel, envelope.arg, (message) => log(`web-host: ${message}`))
      const answer = encodeAnswer(result)
      return reply.type(answer.contentType).send(Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength))
    }
  )

  app.get(
    WEB_HOST_WIRE.eventsPath,
    { onRequest: requireSecret },
    async (_request, reply) => {
      reply.hijack()
      const res = reply.raw
      res.writeHead(200, {
        ...RENDERER_RESPONSE_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cross-Origin-Resource-Policy': 'same-origin',
        Connection: 'keep-alive'
      })
      res.write('retry: 1000\n: connected\n\n')
      sseClients.add(res)
      res.on('close', () => sseClients.delete(res))
    }
  )

  // Browsers ask for it on their own; a 404 would be a console error in every page.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send())

  await app.register(fastifyStatic, {
    root: options.rendererDir,
    prefix: '/',
    index: ['index.html'],
    dotfiles: 'deny',
    cacheControl: false, // headers come from the onSend hook (no-store)
    etag: false,
    lastModified: false
  })

  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 })
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('The web host has no TCP address.')
  port = address.port
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`))
  const origin = `http://127.0.0.1:${port}`

  // Comments keep idle connections open through proxies and let a closed tab be noticed.
  const heartbeat = setInterval(() => {
    for (const res of sseClients) res.write(': ping\n\n')
  }, HEARTBEAT_MS)
  heartbeat.unref()

  const events: EventSink = {
    emit(channel, payload) {
      const frame = `data: ${encodeEventData({ channel, payload })}\n\n`
      for (const res of sseClients) res.write(frame)
    }
  }

  return {
    openUrl() {
      const code = randomBytes(32).toString('base64url')
      openCodes.add(digest(code).toString('hex'))
      return `${origin}${WEB_HOST_WIRE.openPath}?${WEB_HOST_WIRE.codeParam}=${code}#${WEB_HOST_WIRE.markerParam}=${WEB_HOST_WIRE.markerValue}`
    },
    origin,
    events,
    async close() {
      clearInterval(heartbeat)
      for (const res of sseClients) res.end()
      sseClients.clear()
      openCodes.clear()
      await app.close()
    }
  }
}

/** Lets main be created (it needs an EventSink) before the host that delivers its events exists. */
export interface EventRelay extends EventSink {
  connect(target: EventSink): void
}

/** Events emitted before connect() are dropped: the renderer reads current state when it starts. */
export function createEventRelay(): EventRelay {
  let target: EventSink | undefined
  return {
    emit: (channel, payload) => target?.emit(channel, payload),
    connect: (sink) => {
      target = sink
    }
  }
}

function isRequestChannel(value: string): value is RequestChannel {
  return (REQUEST_CHANNELS as readonly string[]).includes(value)
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}
