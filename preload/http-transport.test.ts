import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NodeEventSource } from '../main/web-host/node-event-source'
import { startWebHost, type WebHost } from '../main/web-host/server'
import type { Handlers } from '../main/ipc/types'
import { createBridge } from './bridge'
import { REQUEST_CHANNELS, type AccountsOverview } from './contract'
import { connectWebHost, decodeEventData, decodeWire, encodeAnswer, encodeEventData, type EventSourceLike } from './http-transport'

const SECRET = 'transport-secret-0123456789abcdefgh'

describe('connectWebHost', () => {
  let dir: string
  let host: WebHost
  const calls: { channel: string; arg: unknown }[] = []

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'http-transport-'))
    await writeFile(join(dir, 'index.html'), '<!doctype html>')
    const handlers = Object.fromEntries(
      REQUEST_CHANNELS.map((channel) => [
        channel,
        async (arg: unknown) => {
          calls.push({ channel, arg })
          if (channel === 'photos:image') return { ok: true, value: { bytes: new Uint8Array([255, 216, 255, 0, 1]), mime: 'image/jpeg', width: 1, height: 1 } }
          if (channel === 'accounts:sign-in') return { ok: false, error: { code: 'auth/invalid-credentials', message: 'Wrong email or password.', status: 401 } }
          return { ok: true, value: { echoed: arg } }
        }
      ])
    ) as unknown as Handlers
    host = await startWebHost({ handlers, rendererDir: dir, secret: SECRET, log: () => {} })
  })
  afterAll(async () => {
    await host.close()
    await rm(dir, { recursive: true, force: true })
  })

  /** What the page's `location` looks like after opening host.openUrl() (the redirect keeps the fragment). */
  const pageLocation = () => ({ origin: host.origin, hash: new URL(host.openUrl()).hash })

  /**
   * What a browser does with an open link: follows it, keeps the cookie, and sends it with every
   * same-origin request of the page (Node's fetch keeps no cookies, so this stands in for the jar).
   */
  async function browserSession(): Promise<{ fetch: typeof fetch; EventSource: new (url: string) => NodeEventSource; requests: { url: string; init?: RequestInit }[] }> {
    const opened = await fetch(host.openUrl(), { redirect: 'manual' })
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!
    const requests: { url: string; init?: RequestInit }[] = []
    const withCookie = ((url: string, init?: RequestInit) => {
      requests.push({ url, ...(init ? { init } : {}) })
      const headers = new Headers(init?.headers)
      if (init?.credentials !== 'omit') headers.set('cookie', cookie)
      return fetch(url, { ...init, headers })
    }) as typeof fetch
    class CookieEventSource extends NodeEventSource {
      constructor(url: string) {
        super(url, { cookie })
      }
    }
    return { fetch: withCookie, EventSource: CookieEventSource, requests }
  }

  it('needs #host=web in the URL fragment; without it the page is not under the web host', () => {
    expect(new URL(host.openUrl()).hash).toBe('#host=web')
    expect(connectWebHost({ origin: host.origin, hash: '' })).toBeUndefined()
    expect(connectWebHost({ origin: host.origin, hash: '#host=' })).toBeUndefined()
    expect(connectWebHost({ origin: host.origin, hash: `#s=${SECRET}` })).toBeUndefined()
    expect(connectWebHost(pageLocation())).toBeDefined()
    // other fragment parameters (e.g. a prefilled portal URL) do not get in the way
    expect(connectWebHost({ origin: host.origin, hash: '#portal=https%3A%2F%2Fhr.example.com&host=web' })).toBeDefined()
  })

  it('sends no secret of its own: the browser’s cookie carries it (same-origin credentials)', async () => {
    const session = await browserSession()
    const result = await createBridge(connectWebHost(pageLocation(), session)!).accounts.overview()
    expect(result.ok).toBe(true)
    const [call] = session.requests
    expect(call?.url).toBe(`${host.origin}/__ipc/accounts%3Aoverview`)
    expect(call?.init?.credentials).toBe('same-origin')
    expect(JSON.stringify(call?.init?.headers)).not.toContain(SECRET)
  })

  it('a bridge over it reaches the main handlers; bytes come back as a Uint8Array', async () => {
    const app = createBridge(connectWebHost(pageLocation(), await browserSession())!)
    const image = await app.photos.image({ accountId: 'acc', ref: 'ref-1' })
    expect(image.ok).toBe(true)
    if (!image.ok) return
    expect(image.value.bytes).toBeInstanceOf(Uint8Array)
    expect([...image.value.bytes]).toEqual([255, 216, 255, 0, 1])
    expect(calls.at(-1)).toEqual({ channel: 'photos:image', arg: { accountId: 'acc', ref: 'ref-1' } })
  })

  it('sends Uint8Array arguments intact and passes a no-argument call as undefined', async () => {
    const transport = connectWebHost(pageLocation(), await browserSession())!
    await transport.invoke('people:get', { accountId: 'a', userId: 'u', bytes: new Uint8Array([0, 1, 2, 253]) })
    const arg = calls.at(-1)?.arg as { bytes: Uint8Array }
    expect(arg.bytes).toBeInstanceOf(Uint8Array)
    expect([...arg.bytes]).toEqual([0, 1, 2, 253])
    await createBridge(transport).accounts.overview()
    expect(calls.at(-1)).toEqual({ channel: 'accounts:overview', arg: undefined })
  })

  it('sends a photo-sized Uint8Array intact (the body goes as a Blob)', async () => {
    const transport = connectWebHost(pageLocation(), await browserSession())!
    const bytes = new Uint8Array(5 * 1024 * 1024).map((_, i) => (i * 7919) % 251)
    await transport.invoke('people:get', { accountId: 'a', userId: 'u', bytes })
    const arg = calls.at(-1)?.arg as { bytes: Uint8Array }
    expect(arg.bytes.byteLength).toBe(bytes.byteLength)
    expect(Buffer.from(arg.bytes).equals(Buffer.from(bytes))).toBe(true)
  })

  it('passes failure Results through unchanged', async () => {
    const app = createBridge(connectWebHost(pageLocation(), await browserSession())!)
    const result = await app.accounts.signIn({ method: 'password', portalUrl: 'https://hr.example.com', email: 'a@b.c', password: 'pw' })
    expect(result).toEqual({ ok: false, error: { code: 'auth/invalid-credentials', message: 'Wrong email or password.', status: 401 } })
  })

  it('a page without the cookie (opened without the one-time link) gets an app/internal Result, not a throw', async () => {
    const before = calls.length
    const app = createBridge(connectWebHost(pageLocation())!)
    const result = await app.people.page({ accountId: 'a', startIndex: 0, count: 100 })
    expect(result).toMatchObject({ ok: false, error: { code: 'app/internal' } })
    expect(calls.length).toBe(before)
  })

  it('a host that is gone reaches the UI as an app/internal Result', async () => {
    const app = createBridge(connectWebHost({ origin: 'http://127.0.0.1:9', hash: '#host=web' })!)
    expect(await app.accounts.overview()).toMatchObject({ ok: false, error: { code: 'app/internal' } })
  })

  it('delivers main’s events to onChanged listeners over one event stream, closed when the last one leaves', async () => {
    const sources: { url: string; source: NodeEventSource }[] = []
    const session = await browserSession()
    class RecordingEventSource extends session.EventSource {
      constructor(url: string) {
        super(url)
        sources.push({ url, source: this })
      }
    }
    const app = createBridge(connectWebHost(pageLocation(), { EventSource: RecordingEventSource })!)
    const first: AccountsOverview[] = []
    const second: AccountsOverview[] = []
    const stopFirst = app.accounts.onChanged((o) => first.push(o))
    const stopSecond = app.accounts.onChanged((o) => second.push(o))
    expect(sources).toHaveLength(1)
    expect(sources[0]?.url).toBe(`${host.origin}/__events`) // no secret in the URL
    expect(await sources[0]?.source.opened).toBe(200)

    const overview: AccountsOverview = { accounts: [], activeAccountId: null, keychainAvailable: false }
    host.events.emit('accounts:changed', overview)
    await expect.poll(() => second.length).toBe(1)
    expect(first).toEqual([overview])

    stopFirst()
    host.events.emit('accounts:changed', { ...overview, keychainAvailable: true })
    await expect.poll(() => second.length).toBe(2)
    expect(first).toHaveLength(1)

    let closed = false
    const source = sources[0]!.source
    const close = source.close.bind(source)
    source.close = () => {
      closed = true
      close()
    }
    stopSecond()
    expect(closed).toBe(true)
  })

  it('ignores malformed or unknown events', () => {
    const listeners: unknown[] = []
    const created: EventSourceLike[] = []
    class FakeEventSource implements EventSourceLike {
      onmessage: ((event: { readonly data: string }) => void) | null = null
      constructor() {
        created.push(this)
      }
      close() {}
    }
    const transport = connectWebHost(pageLocation(), { EventSource: FakeEventSource })!
    transport.on('accounts:changed', (p) => listeners.push(p))
    const source = created[0]
    source?.onmessage?.({ data: 'not base64 msgpack' })
    source?.onmessage?.({ data: encodeEventData({ channel: 'shell:exec' as never, payload: 1 }) })
    source?.onmessage?.({ data: encodeEventData({ channel: 'accounts:changed', payload: 2 }) })
    expect(listeners).toEqual([2])
    expect(decodeEventData('')).toBeUndefined()
  })
})

describe('encodeAnswer', () => {
  const page = {
    ok: true,
    value: { people: [{ id: 'u1', displayName: 'José Ñúñez 李', groups: [{ id: 'g', name: 'R&D' }], hasPhoto: false, refusal: undefined }], startIndex: 0, total: 1 }
  }

  it('sends plain data as JSON and gets the same value back', () => {
    const answer = encodeAnswer(page)
    expect(answer.contentType).toBe('application/json')
    expect(decodeWire(answer.bytes)).toEqual(page)
  })

  it('keeps msgpack for what JSON would change: bytes, dates, non-finite numbers', () => {
    for (const value of [
      { ok: true, value: { bytes: new Uint8Array([123, 0, 255]) } },
      { ok: true, value: { at: new Date(0) } },
      { ok: true, value: { ratio: Number.NaN } }
    ]) {
      const answer = encodeAnswer(value)
      expect(answer.contentType).toBe('application/msgpack')
      expect(decodeWire(answer.bytes)).toEqual(value)
    }
  })

  it('sends a very long string (a cached people list) as msgpack, unchanged, and short ones as JSON', () => {
    const peopleJson = JSON.stringify(Array.from({ length: 6000 }, (_, i) => ({ id: `u${i}`, displayName: `Zoë "Nr. ${i}" 李\\`, groups: [] })))
    expect(peopleJson.length).toBeGreaterThan(256 * 1024)
    const cached = { ok: true, value: { savedAt: '2026-12-01T10:00:00.000Z', peopleJson } }
    const answer = encodeAnswer(cached)
    expect(answer.contentType).toBe('application/msgpack')
    expect(decodeWire(answer.bytes)).toEqual(cached)
    const short = { ok: true, value: { savedAt: '2026-12-01T10:00:00.000Z', peopleJson: peopleJson.slice(0, 1000) } }
    expect(encodeAnswer(short).contentType).toBe('application/json')
  })
})
