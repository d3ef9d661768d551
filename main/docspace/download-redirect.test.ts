// A download handler's redirect (a shared file's viewUrl) is followed on the portal's own origin only:
// a redirect to another host is refused before anything is sent there, so the credential stays home.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DocSpaceClient } from './client'
import { HttpClient } from './http'

interface Seen {
  readonly path: string
  readonly headers: IncomingHttpHeaders
}

function listen(handler: (path: string, reply: (status: number, headers: Record<string, string>, body?: string) => void) => void, seen: Seen[]): Promise<Server> {
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers })
    handler(req.url ?? '', (status, headers, body) => {
      res.writeHead(status, headers)
      res.end(body ?? '')
    })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

const origin = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`

describe('DocSpaceClient.download and redirects', () => {
  const portalSeen: Seen[] = []
  const otherSeen: Seen[] = []
  let portal: Server
  let other: Server

  beforeAll(async () => {
    other = await listen((_path, reply) => reply(200, { 'content-type': 'image/png' }, 'stolen'), otherSeen)
    portal = await listen((path, reply) => {
      if (path.startsWith('/filehandler.ashx?action=download&fileid=1')) return reply(302, { location: '/storage/file-1.png' })
      if (path === '/storage/file-1.png') return reply(200, { 'content-type': 'image/png' }, 'the photo')
      if (path.startsWith('/filehandler.ashx?action=download&fileid=2')) return reply(302, { location: `${origin(other)}/file-2.png` })
      if (path.startsWith('/loop')) return reply(307, { location: '/loop' })
      if (path.startsWith('/nowhere')) return reply(302, {})
      return reply(404, {})
    }, portalSeen)
  })
  afterAll(async () => {
    await new Promise((resolve) => portal.close(resolve))
    await new Promise((resolve) => other.close(resolve))
  })

  const client = () => new DocSpaceClient({ origin: origin(portal), http: new HttpClient({ retries: 0, timeoutMs: 5_000 }), credential: { kind: 'token', token: 'secret-token' } })

  it('follows a redirect on the same origin, with the credential, and answers the bytes', async () => {
    const res = await client().download(`${origin(portal)}/filehandler.ashx?action=download&fileid=1`, 1024)
    expect(res.ok && Buffer.from(res.value.bytes).toString()).toBe('the photo')
    expect(portalSeen.find((s) => s.path === '/storage/file-1.png')?.headers['authorization']).toBe('secret-token')
  })

  it('refuses a redirect to another host without sending it anything', async () => {
    const res = await client().download(`${origin(portal)}/filehandler.ashx?action=download&fileid=2`, 1024)
    expect(res.ok ? 'downloaded' : res.error.code).toBe('input/invalid')
    expect(otherSeen).toEqual([])
  })

  it('gives up on a redirect loop and on a redirect without a Location', async () => {
    const before = portalSeen.length
    const loop = await client().download(`${origin(portal)}/loop`, 1024)
    expect(loop.ok ? 'downloaded' : loop.error.code).toBe('portal/unexpected')
    expect(portalSeen.length - before, 'the first request and three redirects').toBe(4)
    const nowhere = await client().download(`${origin(portal)}/nowhere`, 1024)
    expect(nowhere.ok ? 'downloaded' : nowhere.error.code).toBe('input/invalid')
  })
})
