// The HTTP layer against a real loopback server whose answers each test scripts exactly, so retry
// timing and counts can be measured (the emulator's fault injection is covered in client.test.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { LogFields, Logger } from '../core/logger'
import { HttpClient, ownBytes, parseRetryAfter } from './http'

type Step = (req: IncomingMessage, res: ServerResponse) => void
let server: Server
let base: string
let script: Step[] = []
let hits: { method: string; url: string; at: number; authorization: string | undefined }[] = []
let active = 0
let maxActive = 0

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Step => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}
const reset: Step = (req) => req.socket.destroy()

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push({ method: req.method ?? '', url: req.url ?? '', at: Date.now(), authorization: req.headers.authorization })
    active++
    maxActive = Math.max(maxActive, active)
    res.on('close', () => active--)
    req.resume()
    req.on('end', () => {
      const step = script.shift() ?? json(200, { response: 'default' })
      step(req, res)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))
beforeEach(() => {
  script = []
  hits = []
  active = 0
  maxActive = 0
})

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  const rec = (m: string, f?: LogFields): void => {
    lines.push(`${m} ${JSON.stringify(f ?? {})}`)
  }
  return { lines, info: rec, warn: rec, error: rec }
}

describe('HttpClient retries', () => {
  it('retries a GET after 503 and returns the later success', async () => {
    script = [json(503, {}), json(503, {}), json(200, { response: 'ok' })]
    const http = new HttpClient({ retries: 3, baseDelayMs: 10 })
    const res = await http.request({ method: 'GET', url: `${base}/api/2.0/people/filter` })
    expect(res.ok && res.value.status).toBe(200)
    expect(hits.map((h) => h.method)).toEqual(['GET', 'GET', 'GET'])
  })

  it('gives up after the retry budget and returns the last 503', async () => {
    script = [json(503, {}), json(503, {}), json(503, {})]
    const http = new HttpClient({ retries: 2, baseDelayMs: 5 })
    const res = await http.request({ method: 'GET', url: `${base}/x` })
    expect(res.ok && res.value.status).toBe(503)
    expect(hits).toHaveLength(3)
  })

  it('honours Retry-After on 429 for a GET (waits at least that long)', async () => {
    script = [json(429, {}, { 'retry-after': '1' }), json(200, { response: 'ok' })]
    const http = new HttpClient({ retries: 3, baseDelayMs: 5 })
    const res = await http.request({ method: 'GET', url: `${base}/x` })
    expect(res.ok && res.value.status).toBe(200)
    expect(hits).toHaveLength(2)
    const waited = hits[1]!.at - hits[0]!.at
    expect(waited).toBeGreaterThanOrEqual(950)
    expect(waited).toBeLessThan(2500)
  })

  it('never repeats a POST, not on 503, 429 or a reset', async () => {
    const http = new HttpClient({ retries: 3, baseDelayMs: 5 })
    script = [json(503, {}), json(200, {})]
    const a = await http.request({ method: 'POST', url: `${base}/api/2.0/authentication`, body: '{}' })
    expect(a.ok && a.value.status).toBe(503)
    script = [json(429, {}, { 'retry-after': '0' }), json(200, {})]
    const b = await http.request({ method: 'POST', url: `${base}/api/2.0/authentication`, body: '{}' })
    expect(b.ok && b.value.status).toBe(429)
    script = [reset, json(200, {})]
    const c = await http.request({ method: 'POST', url: `${base}/api/2.0/people/x/photo`, body: 'bytes' })
    expect(c.ok).toBe(false)
    expect(!c.ok && c.error.code).toBe('net/connection-lost')
    expect(hits.filter((h) => h.method === 'POST')).toHaveLength(3)
  })

  it('retries PUT and DELETE (idempotent) on 503', async () => {
    const http = new HttpClient({ retries: 1, baseDelayMs: 5 })
    script = [json(503, {}), json(200, {}), json(503, {}), json(200, {})]
    const put = await http.request({ method: 'PUT', url: `${base}/p`, body: '{}' })
    const del = await http.request({ method: 'DELETE', url: `${base}/p` })
    expect(put.ok && put.value.status).toBe(200)
    expect(del.ok && del.value.status).toBe(200)
    expect(hits).toHaveLength(4)
  })

  it('does not retry a plain 500 (DocSpace uses it for deterministic errors)', async () => {
    script = [json(500, { error: { message: 'No permissions to perform this action' } }), json(200, {})]
    const res = await new HttpClient({ retries: 3, baseDelayMs: 5 }).request({ method: 'DELETE', url: `${base}/p` })
    expect(res.ok && res.value.status).toBe(500)
    expect(hits).toHaveLength(1)
  })

  it('retries a GET whose connection was reset, then reports net/connection-lost when resets persist', async () => {
    const http = new HttpClient({ retries: 1, baseDelayMs: 5 })
    script = [reset, json(200, { response: 1 })]
    const healed = await http.request({ method: 'GET', url: `${base}/x` })
    expect(healed.ok && healed.value.status).toBe(200)
    script = [reset, reset]
    const lost = await http.request({ method: 'GET', url: `${base}/x` })
    expect(!lost.ok && lost.error.code).toBe('net/connection-lost')
  })

  it('returns the 429 without waiting when Retry-After is longer than the cap', async () => {
    script = [json(429, {}, { 'retry-after': '3600' })]
    const started = Date.now()
    const res = await new HttpClient({ retries: 3, maxRetryAfterMs: 5_000 }).request({ method: 'GET', url: `${base}/x` })
    expect(res.ok && res.value.status).toBe(429)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(hits).toHaveLength(1)
  })
})

describe('HttpClient transport failures', () => {
  it('maps a refused connection to net/unreachable, fast and without retries', async () => {
    const probe = createServer()
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r))
    const port = (probe.address() as AddressInfo).port
    await new Promise<void>((r) => probe.close(() => r()))
    const started = Date.now()
    const res = await new HttpClient({ retries: 3 }).request({ method: 'GET', url: `http://127.0.0.1:${port}/x` })
    expect(!res.ok && res.error.code).toBe('net/unreachable')
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('maps an unknown host name to net/unreachable', async () => {
    const res = await new HttpClient({ retries: 0 }).request({ method: 'GET', url: 'https://no-such-host.invalid/x' })
    expect(!res.ok && res.error.code).toBe('net/unreachable')
  })

  it('times out a silent server with net/timeout', async () => {
    script = [() => undefined] // never answers
    const res = await new HttpClient({ timeoutMs: 300, retries: 0 }).request({ method: 'GET', url: `${base}/slow` })
    expect(!res.ok && res.error.code).toBe('net/timeout')
  })

  it('cancels through the signal, also while waiting between retries', async () => {
    script = [json(503, {}, { 'retry-after': '10' })]
    const controller = new AbortController()
    const started = Date.now()
    setTimeout(() => controller.abort(), 200)
    const res = await new HttpClient({ retries: 3 }).request({ method: 'GET', url: `${base}/x`, signal: controller.signal })
    expect(!res.ok && res.error.code).toBe('app/cancelled')
    // Well short of the 10 s the portal asked to wait: the wait itself was cancelled.
    expect(Date.now() - started).toBeLessThan(8000)
  })

  it('does not follow redirects (the token must not travel to another host)', async () => {
    script = [(_req, res) => {
      res.writeHead(302, { location: 'http://127.0.0.2:1/steal' })
      res.end()
    }]
    const res = await new HttpClient().request({ method: 'GET', url: `${base}/x`, headers: { authorization: 'secret-token' } })
    expect(res.ok && res.value.status).toBe(302)
    expect(hits).toHaveLength(1)
  })
})

describe('HttpClient concurrency and logs', () => {
  it('keeps at most `concurrency` requests in flight', async () => {
    script = Array.from({ length: 12 }, () => (_req: IncomingMessage, res: ServerResponse) => {
      setTimeout(() => json(200, {})(_req, res), 40)
    })
    const http = new HttpClient({ concurrency: 3 })
    const all = await Promise.all(Array.from({ length: 12 }, () => http.request({ method: 'GET', url: `${base}/x` })))
    expect(all.every((r) => r.ok)).toBe(true)
    expect(maxActive).toBe(3)
  })

  it('logs method, path and status, never the token, the query or the body', async () => {
    const log = recordingLogger()
    script = [json(503, {}), json(200, {}), reset]
    const http = new HttpClient({ retries: 1, baseDelayMs: 5, log })
    await http.request({ method: 'GET', url: `${base}/api/2.0/people/filter?filterValue=anna%40example.com`, headers: { authorization: 'tok-SECRET-123' } })
    await http.request({ method: 'POST', url: `${base}/api/2.0/authentication`, body: '{"password":"hunter2-SECRET"}', headers: { authorization: 'Bearer sk-SECRET' } })
    const text = log.lines.join('\n')
    expect(text).toContain('/api/2.0/people/filter')
    expect(text).toContain('503')
    expect(text).not.toMatch(/SECRET|hunter2|anna/)
    expect(hits[0]!.authorization).toBe('tok-SECRET-123')
  })
})

describe('HttpClient bodies', () => {
  it('returns bytes that own their ArrayBuffer (an IPC clone must not carry other pooled data)', async () => {
    script = [json(200, { response: 'small' })]
    const res = await new HttpClient().request({ method: 'GET', url: `${base}/x` })
    if (!res.ok) throw new Error(res.error.code)
    expect(res.value.body.byteOffset).toBe(0)
    expect(res.value.body.buffer.byteLength).toBe(res.value.body.byteLength)
    expect(JSON.parse(Buffer.from(res.value.body).toString('utf8'))).toEqual({ response: 'small' })
  })

  it('copies a body only when it is a view into a larger buffer', () => {
    const whole = new Uint8Array([1, 2, 3])
    expect(ownBytes(whole)).toBe(whole)
    const pooled = Buffer.from('abc')
    const copied = ownBytes(pooled)
    expect(Buffer.isBuffer(copied)).toBe(false)
    expect(copied.buffer.byteLength).toBe(3)
    expect([...copied]).toEqual([97, 98, 99])
    const view = new Uint8Array(new ArrayBuffer(10), 2, 3)
    expect(ownBytes(view).buffer.byteLength).toBe(3)
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000)
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(10_000)
    expect(parseRetryAfter('soon')).toBeUndefined()
    expect(parseRetryAfter(undefined)).toBeUndefined()
  })
})
