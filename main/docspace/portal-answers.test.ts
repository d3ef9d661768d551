// A hostile "portal" on 127.0.0.1 whose answers each test sets: oversized pages, impossible totals,
// odd upload limits, photo files past the cap and sign-in tokens with CR/LF.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { MemorySecretStore } from '../secrets/memory-store'
import { AccountsService } from '../services/accounts-service'
import { recordingLogger, removeDir, tempDir } from '../testing/harness'
import { DocSpaceClient } from './client'
import { HttpClient } from './http'
import { DEFAULT_UPLOAD_BYTES, MAX_UPLOAD_BYTES, MIN_UPLOAD_BYTES } from './limits'
import { readAllPeople } from './people-paging'

type Route = (url: URL, req: IncomingMessage, res: ServerResponse) => void
let server: Server
let base: string
let route: Route
let hits: string[] = []

const send = (res: ServerResponse, body: unknown): void => {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}
const person = (i: number): Record<string, unknown> => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, displayName: `Person ${i}`, email: `p${i}@example.com` })
/** A people list of `real` people that claims `total` in every answer. */
const people = (real: number, total: number, override?: (start: number, count: number) => unknown): Route => (url, _req, res) => {
  const start = Number(url.searchParams.get('startIndex'))
  const count = Number(url.searchParams.get('count'))
  const list = Array.from({ length: Math.max(0, Math.min(count, real - start)) }, (_, i) => person(start + i))
  send(res, override?.(start, count) ?? { response: list, count: list.length, total })
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    hits.push(url.pathname)
    req.resume()
    req.on('end', () => route(url, req, res))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))
beforeEach(() => {
  hits = []
})

const http = new HttpClient({ retries: 2, baseDelayMs: 5 })
const client = (): DocSpaceClient => new DocSpaceClient({ origin: base, http, credential: { kind: 'token', token: 'T' } })

describe('people pages', () => {
  it('cuts a page to the count asked for: 1,840 people answered for count=100 reach nobody', async () => {
    route = people(1840, 1840, () => ({ response: Array.from({ length: 1840 }, (_, i) => person(i)), total: 1840 }))
    const page = await client().peoplePage({ startIndex: 0, count: 100 })
    expect(page.ok && page.value.people.length).toBe(100)
  })

  it('refuses a total of 1e12 as people-count, before anyone pages to it', async () => {
    route = people(100, 1e12)
    const page = await client().peoplePage({ startIndex: 0, count: 100 })
    expect(page).toMatchObject({ ok: false, error: { code: 'portal/unexpected', facts: { answerProblem: 'people-count' } } })
  })

  it('reads a list that claims 150,000 but ends after 250 with a handful of requests', async () => {
    route = people(250, 150_000)
    const all = await readAllPeople(client(), { pageSize: 100, concurrency: 4 })
    expect(all.ok && all.value.length).toBe(250)
    expect(hits.length).toBeLessThanOrEqual(1 + 2 * 4)
  })

  it('fails as people-count when a page after a short one still has people', async () => {
    route = people(1000, 1000, (start) => (start === 200 ? { response: [person(200)], total: 1000 } : undefined))
    const all = await readAllPeople(client(), { pageSize: 100, concurrency: 4 })
    expect(all).toMatchObject({ ok: false, error: { facts: { answerProblem: 'people-count' } } })
  })
})

describe('the upload limit', () => {
  it.each([
    [1.5, MIN_UPLOAD_BYTES],
    [1e300, MAX_UPLOAD_BYTES],
    [-1, DEFAULT_UPLOAD_BYTES],
    [0, DEFAULT_UPLOAD_BYTES],
    ['NaN', DEFAULT_UPLOAD_BYTES],
    [2_500_000.7, 2_500_000]
  ])('maxImageUploadSize %s reads as %s bytes', async (raw, expected) => {
    route = (_url, _req, res) => send(res, { response: { version: '3.7.2', maxImageUploadSize: raw } })
    const settings = await client().settings()
    expect(settings.ok && settings.value.maxImageUploadSize).toBe(expected)
  })

  it('caps photo downloads from the limit: 2.5 MB passes a 1 MiB portal, 4 MB does not', async () => {
    const c = client()
    route = (_url, _req, res) => send(res, { response: { maxImageUploadSize: 1024 * 1024 } })
    expect((await c.settings()).ok).toBe(true)
    let size = 0
    route = (_url, _req, res) => {
      res.writeHead(200, { 'content-type': 'image/jpeg' })
      res.end(Buffer.alloc(size, 7))
    }
    size = 2_500_000
    const fits = await c.fetchFile('/storage/userPhotos/root/a.jpg')
    expect(fits.ok && fits.value.bytes.byteLength).toBe(size)
    size = 4_000_000
    const over = await c.fetchFile('/storage/userPhotos/root/a.jpg')
    expect(over).toMatchObject({ ok: false, error: { code: 'portal/unexpected', facts: { answerProblem: 'too-large' } } })
  })
})

describe('secrets with CR/LF', () => {
  const accounts = async (): Promise<{ service: AccountsService; done: () => Promise<void> }> => {
    const dataDir = await tempDir()
    const service = new AccountsService({ dataDir, secrets: new MemorySecretStore({ available: true }), events: { emit: () => {} }, http, log: recordingLogger([]) })
    return { service, done: async () => (await service.dispose(), await removeDir(dataDir)) }
  }

  it('refuses a sign-in token with CR/LF as token-characters, once, without "connection failed" retries', async () => {
    route = (url, _req, res) =>
      url.pathname.endsWith('/version/build') ? send(res, { response: { docSpace: '3.7.2' } }) : send(res, { response: { token: 'abc\r\nX-Injected: 1', expires: '2099-01-01' } })
    const { service, done } = await accounts()
    const result = await service.signIn({ method: 'password', portalUrl: base, email: 'a@example.com', password: 'pw' })
    await done()
    expect(result).toMatchObject({ ok: false, error: { code: 'portal/unexpected', facts: { answerProblem: 'token-characters' } } })
    // Version, then the one sign-in: no call was attempted with the broken token.
    expect(hits).toEqual(['/api/2.0/settings/version/build', '/api/2.0/authentication'])
  })

  it('refuses a pasted API key with a line break as key-characters before anything is sent', async () => {
    route = (_url, _req, res) => send(res, { response: { docSpace: '3.7.2' } })
    const { service, done } = await accounts()
    const result = await service.signIn({ method: 'api-key', portalUrl: base, apiKey: 'sk-0123\nX-Injected: 1' })
    await done()
    expect(result).toMatchObject({ ok: false, error: { code: 'auth/invalid-credentials', facts: { answerProblem: 'key-characters' } } })
    expect(hits).toEqual([])
  })
})
