// Hostile answers against the HTTP layer, on real loopback servers: bodies past their cap are cut off,
// and a portal that never answers holds only its own slots, never another portal's.
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal } from '../../emulator/index'
import type { RunningPortal } from '../../emulator/types'
import { HttpClient } from './http'

type Handler = (path: string, res: ServerResponse) => void

async function listen(handler: Handler): Promise<{ server: Server; base: string; open: Set<ServerResponse> }> {
  const open = new Set<ServerResponse>()
  const server = createServer((req, res) => {
    open.add(res)
    res.on('close', () => open.delete(res))
    req.resume()
    handler(req.url ?? '/', res)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, open }
}

function close(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((r) => server.close(() => r()))
}

const MiB = 1024 * 1024

describe('bounded answers', () => {
  let server: Server
  let base: string
  /** Bytes the endless answer managed to write before the client hung up. */
  let streamed = 0
  let streamClosed: Promise<void> = Promise.resolve()

  beforeAll(async () => {
    ;({ server, base } = await listen((path, res) => {
      if (path === '/endless') {
        // A "portal" that streams JSON-looking bytes for ever, without a length.
        res.writeHead(200, { 'content-type': 'application/json' })
        const chunk = Buffer.alloc(64 * 1024, 0x20)
        streamed = 0
        streamClosed = new Promise((done) => res.on('close', done))
        const pump = (): void => {
          while (!res.destroyed && res.write(chunk)) streamed += chunk.length
          if (!res.destroyed) res.once('drain', pump)
        }
        pump()
      } else if (path === '/announced') {
        // Claims a gigabyte up front, then trickles.
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(1024 * MiB) })
        res.write('{"response":')
      } else if (path === '/bomb') {
        // 64 MiB of zeros in about 64 KB of gzip.
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
        res.end(gzipSync(Buffer.alloc(64 * MiB)))
      } else if (path === '/image') {
        res.writeHead(200, { 'content-type': 'image/jpeg' })
        res.end(Buffer.alloc(6 * MiB, 1))
      }
    }))
  })
  afterAll(() => close(server))

  it('cuts off an endless answer at the cap with a portal/unexpected "too large" failure', async () => {
    const http = new HttpClient({ maxBodyBytes: 2 * MiB, retries: 0 })
    const started = Date.now()
    const res = await http.request({ method: 'GET', url: `${base}/endless` })
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.code).toBe('portal/unexpected')
    expect(res.error.facts?.answerProblem).toBe('too-large')
    await streamClosed
    // The client hung up soon after the cap: socket buffers hold a few MB at most, never the whole stream.
    expect(streamed).toBeLessThan(2 * MiB + 16 * MiB)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('refuses an answer whose announced length is over the cap without waiting for it', async () => {
    const http = new HttpClient({ retries: 0, timeoutMs: 20_000 })
    const started = Date.now()
    const res = await http.request({ method: 'GET', url: `${base}/announced` })
    expect(!res.ok && res.error.facts?.answerProblem).toBe('too-large')
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it('counts bytes after decompression, so a gzip bomb is cut off too', async () => {
    const http = new HttpClient({ retries: 0 })
    const res = await http.request({ method: 'GET', url: `${base}/bomb` })
    expect(!res.ok && res.error.facts?.answerProblem).toBe('too-large')
  })

  it('takes a larger body when the request names a larger cap (an image), and only then', async () => {
    const http = new HttpClient({ retries: 0 })
    const small = await http.request({ method: 'GET', url: `${base}/image` })
    expect(!small.ok && small.error.code).toBe('portal/unexpected')
    const large = await http.request({ method: 'GET', url: `${base}/image`, maxBodyBytes: 8 * MiB })
    expect(large.ok && large.value.body.byteLength).toBe(6 * MiB)
  })
})

describe('slots per portal', () => {
  let hanging: { server: Server; base: string; open: Set<ServerResponse> }
  let portal: RunningPortal

  beforeAll(async () => {
    // Portal A: takes every request and never answers.
    hanging = await listen(() => undefined)
    portal = await startPortal({ people: 5, quiet: true })
  })
  afterAll(async () => {
    await close(hanging.server)
    await portal.close()
  })

  it('six hanging requests to portal A do not delay a request to portal B', async () => {
    const http = new HttpClient({ concurrency: 6, timeoutMs: 30_000, retries: 0 })
    const stop = new AbortController()
    const stuck = Array.from({ length: 7 }, () => http.request({ method: 'GET', url: `${hanging.base}/api/2.0/people/filter`, signal: stop.signal }))
    await expect.poll(() => hanging.open.size).toBe(6)

    const started = Date.now()
    const b = await http.request({ method: 'GET', url: `${portal.url}/api/2.0/settings/version/build` })
    expect(b.ok && b.value.status).toBe(200)
    expect(Date.now() - started).toBeLessThan(2_000)
    // Portal A is still held to its own six: the seventh waits for a slot instead of being sent.
    expect(hanging.open.size).toBe(6)

    stop.abort()
    const ended = await Promise.all(stuck)
    expect(ended.every((r) => !r.ok && r.error.code === 'app/cancelled')).toBe(true)
    expect(http.pending).toBe(0)
  })
})
