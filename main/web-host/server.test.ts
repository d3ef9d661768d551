import { request as httpRequest } from 'node:http'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { REQUEST_CHANNELS, type AccountsOverview, type Result } from '../../preload/contract'
import { WEB_HOST_WIRE, decodeEventData, decodeWire, encodeWire } from '../../preload/http-transport'
import type { Handlers } from '../ipc/types'
import { CONTENT_SECURITY_POLICY_HEADER } from '../window-options'
import { NodeEventSource } from './node-event-source'
import { browserLaunch } from './browser-launch'
import { createEventRelay, sessionCookieName, startWebHost, type WebHost } from './server'

const SECRET = 'test-secret-0123456789abcdefghijkl'

/** Raw HTTP, so the test controls the Host header and the exact path (fetch normalizes both). */
function raw(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: Uint8Array; setHost?: boolean }) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const { method = 'GET', path, headers, setHost = true } = opts
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, setHost }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end(opts.body ? Buffer.from(opts.body) : undefined)
  })
}

function fakeHandlers(overrides: Partial<Record<string, (arg: unknown) => Promise<unknown>>> = {}) {
  const calls: { channel: string; arg: unknown }[] = []
  const entries = REQUEST_CHANNELS.map((channel) => [
    channel,
    async (arg: unknown) => {
      calls.push({ channel, arg })
      const override = overrides[channel]
      return override ? override(arg) : { ok: true, value: { echoed: arg } }
    }
  ])
  return { handlers: Object.fromEntries(entries) as unknown as Handlers, calls }
}

describe('web host', () => {
  let dir: string
  let host: WebHost
  let port: number
  let calls: { channel: string; arg: unknown }[]

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'web-host-'))
    await mkdir(join(dir, 'renderer/assets'), { recursive: true })
    await writeFile(join(dir, 'renderer/index.html'), '<!doctype html><title>renderer</title>')
    await writeFile(join(dir, 'renderer/assets/app.js'), 'export {}')
    await writeFile(join(dir, 'outside.txt'), 'TOP SECRET outside the renderer')
    const fake = fakeHandlers({
      'photos:image': async () => ({ ok: true, value: { bytes: new Uint8Array([0, 255, 1, 254]), mime: 'image/jpeg', width: 2, height: 2 } }),
      'people:get': async () => {
        throw new Error('token abc123 leaked')
      }
    })
    calls = fake.calls
    host = await startWebHost({ handlers: fake.handlers, rendererDir: join(dir, 'renderer'), secret: SECRET, log: () => {} })
    port = Number(new URL(host.origin).port)
  })
  afterAll(async () => {
    await host.close()
    await rm(dir, { recursive: true, force: true })
  })
  afterEach(() => {
    calls.length = 0
  })

  const cookie = () => `${sessionCookieName(port)}=${SECRET}`
  const ipc = (channel: string, arg: unknown, headers: Record<string, string> = {}) =>
    raw(port, {
      method: 'POST',
      path: `${WEB_HOST_WIRE.ipcPath}${channel}`,
      headers: { host: `127.0.0.1:${port}`, 'content-type': WEB_HOST_WIRE.contentType, cookie: cookie(), ...headers },
      body: encodeWire({ arg })
    })
  /** What the browser does with an open link: GET the path and query (the fragment stays in the browser). */
  const open = (url: string) => {
    const u = new URL(url)
    return raw(port, { path: `${u.pathname}${u.search}`, headers: { host: `127.0.0.1:${port}` } })
  }

  it('listens on loopback, on a random port; the open link carries a one-time code, never the secret', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(port).toBeGreaterThan(1024)
    const url = host.openUrl()
    expect(url).toMatch(new RegExp(`^${host.origin}/__open\\?c=[A-Za-z0-9_-]{43}#host=web$`))
    expect(url).not.toContain(SECRET)
    expect(host.openUrl()).not.toBe(url) // a fresh code per link
  })

  it('trades a one-time code for the secret in an HttpOnly, SameSite=Strict cookie, once', async () => {
    const url = host.openUrl()
    const first = await open(url)
    expect(first.status).toBe(303)
    expect(first.headers.location).toBe('/') // no fragment: the browser keeps #host=web&portal=...
    const setCookie = String(first.headers['set-cookie'])
    expect(setCookie).toBe(`${sessionCookieName(port)}=${SECRET}; Path=/; HttpOnly; SameSite=Strict`)
    expect(setCookie).not.toMatch(/Expires|Max-Age/i) // a session cookie: gone with the browser

    // The same link again (read from a command line or History): refused, no cookie.
    const second = await open(url)
    expect(second.status).toBe(403)
    expect(second.headers['set-cookie']).toBeUndefined()
    expect(second.body.toString()).toMatch(/already been used/)
  })

  it('refuses made-up, malformed and missing codes', async () => {
    for (const path of ['/__open', '/__open?c=', `/__open?c=${SECRET}`, '/__open?c=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/__open?c=short', '/__open?c[]=x']) {
      const res = await raw(port, { path, headers: { host: `127.0.0.1:${port}` } })
      expect(res.status, path).toBe(403)
      expect(res.headers['set-cookie'], path).toBeUndefined()
    }
  })

  it('a code is refused through a foreign Host header and stays unused', async () => {
    const url = new URL(host.openUrl())
    const rebound = await raw(port, { path: `${url.pathname}${url.search}`, headers: { host: 'evil.example' } })
    expect(rebound.status).toBe(421)
    expect((await open(url.href)).status).toBe(303)
  })

  it('the demo’s Chromium command line holds no usable secret; only its private launcher page does, once', async () => {
    const launch = browserLaunch({ openUrl: `${host.openUrl()}&portal=${encodeURIComponent('http://127.0.0.1:9/')}`, profileDir: join(dir, 'profile'), runAsRoot: true })
    const cmdline = launch.args.join(' ')
    expect(cmdline).not.toContain(SECRET)
    expect(cmdline).not.toMatch(/__open|[?&#]c=|#s=/)
    // Every token of the command line, tried as a code and as the cookie, opens nothing.
    for (const token of cmdline.split(/[\s=/?&#]+/).filter((t) => t.length > 0)) {
      expect((await raw(port, { path: `/__open?c=${encodeURIComponent(token)}`, headers: { host: `127.0.0.1:${port}` } })).status, token).toBe(403)
      expect((await ipc('accounts:overview', undefined, { cookie: `${sessionCookieName(port)}=${token}` })).status, token).toBe(403)
    }
    expect(launch.args).toContain(`--app=file://${join(dir, 'profile', 'open.html')}`)
    expect(launch.launcherFile).toBe(join(dir, 'profile', 'open.html'))

    // The launcher page forwards to the open link (HTML-escaped), which works once.
    const target = /content="0;url=([^"]+)"/.exec(launch.launcherHtml)?.[1]?.replace(/&amp;/g, '&')
    expect(target).toMatch(/\/__open\?c=.+#host=web&portal=/)
    expect((await open(target!)).status).toBe(303)
    expect((await open(target!)).status).toBe(403)
  })

  it('the cookie from the exchange is what opens /__ipc', async () => {
    const setCookie = String((await open(host.openUrl())).headers['set-cookie'])
    const res = await ipc('accounts:overview', undefined, { cookie: setCookie.split(';')[0]! })
    expect(res.status).toBe(200)
  })

  it('serves the renderer with the app’s CSP', async () => {
    const res = await fetch(`${host.origin}/`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<title>renderer</title>')
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect((await fetch(`${host.origin}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/)
    expect((await fetch(`${host.origin}/favicon.ico`)).status).toBe(204) // no 404 in the browser console
  })

  it('serves the real built renderer', async () => {
    const built = await startWebHost({ handlers: fakeHandlers().handlers, rendererDir: join(import.meta.dirname, '../../out/renderer') })
    try {
      const html = await (await fetch(`${built.origin}/`)).text()
      expect(html).toContain('<div id="app">')
      const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1]
      expect((await fetch(`${built.origin}/${script}`)).status).toBe(200)
      const first = await fetch(built.openUrl(), { redirect: 'manual' })
      expect(first.headers.get('set-cookie')).toMatch(/^dspm-host-\d+=[A-Za-z0-9_-]{43};/) // a fresh 256-bit secret per run
    } finally {
      await built.close()
    }
  })

  // Labels only: the port is known once the host runs.
  const foreignHosts: [string, (port: number) => string | undefined][] = [
    ['another name, same port', (p) => `evil.example:${p}`],
    ['another name, no port', () => 'evil.example'],
    ['another port', (p) => `127.0.0.1:${p + 1}`],
    ['0.0.0.0', (p) => `0.0.0.0:${p}`],
    ['IPv6 loopback', (p) => `[::1]:${p}`],
    ['no Host header at all', () => undefined]
  ]
  it.each(foreignHosts)('refuses a foreign Host header (DNS rebinding): %s', async (_label, hostOf) => {
    const hostHeader = hostOf(port)
    const headers: Record<string, string> = hostHeader === undefined ? {} : { host: hostHeader }
    // Node's HTTP server itself answers 400 to an HTTP/1.1 request without Host.
    const refused = hostHeader === undefined ? 400 : 421
    const page = await raw(port, { path: '/', headers, setHost: hostHeader !== undefined })
    expect(page.status).toBe(refused)
    const call = await raw(port, {
      method: 'POST',
      path: `${WEB_HOST_WIRE.ipcPath}accounts:overview`,
      headers: { ...headers, 'content-type': WEB_HOST_WIRE.contentType, cookie: cookie() },
      body: encodeWire({}),
      setHost: hostHeader !== undefined
    })
    expect(call.status).toBe(refused)
    expect(calls).toEqual([])
  })

  it('accepts localhost:PORT as well as 127.0.0.1:PORT', async () => {
    expect((await raw(port, { path: '/', headers: { host: `localhost:${port}` } })).status).toBe(200)
    expect((await ipc('accounts:overview', undefined, { host: `LOCALHOST:${port}` })).status).toBe(200)
  })

  it('refuses IPC without the cookie or with a wrong one, before calling any handler', async () => {
    const name = sessionCookieName(port)
    const wrong = ['', `${name}=`, `${name}=wrong-secret-0123456789abcdefghijk`, `${name}=${SECRET.slice(0, -1)}`, `${name}=${SECRET}x`]
    // the secret under another port's cookie name, or in the old header and query places
    wrong.push(`${sessionCookieName(port + 1)}=${SECRET}`)
    for (const value of wrong) {
      const res = await ipc('accounts:sign-out', { accountId: 'a' }, { cookie: value })
      expect(res.status, value).toBe(403)
    }
    const noCookie = await raw(port, {
      method: 'POST',
      path: `${WEB_HOST_WIRE.ipcPath}accounts:overview?s=${SECRET}`,
      headers: { host: `127.0.0.1:${port}`, 'content-type': WEB_HOST_WIRE.contentType, 'x-app-secret': SECRET },
      body: encodeWire({})
    })
    expect(noCookie.status).toBe(403)
    expect(calls).toEqual([])
  })

  it('refuses a call the browser marks as not same-origin, even with the cookie', async () => {
    // A page on another 127.0.0.1 port is same-site, so the browser sends it the SameSite cookie.
    for (const site of ['same-site', 'cross-site', 'none']) {
      expect((await ipc('accounts:overview', undefined, { 'sec-fetch-site': site })).status, site).toBe(403)
    }
    expect(calls).toEqual([])
    expect((await ipc('accounts:overview', undefined, { 'sec-fetch-site': 'same-origin' })).status).toBe(200)
  })

  it('refuses a foreign Origin even with the secret (no cross-site calls)', async () => {
    const res = await ipc('accounts:overview', undefined, { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect(calls).toEqual([])
    expect((await ipc('accounts:overview', undefined, { origin: `http://127.0.0.1:${port}` })).status).toBe(200)
  })

  it('refuses unknown channels', async () => {
    for (const channel of ['shell:exec', 'constructor', '__proto__', 'accounts%3Aoverview%00']) {
      expect((await ipc(channel, {})).status, channel).toBe(404)
    }
    expect(calls).toEqual([])
  })

  it('refuses bodies that are not msgpack', async () => {
    const res = await raw(port, {
      method: 'POST',
      path: `${WEB_HOST_WIRE.ipcPath}accounts:overview`,
      headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', cookie: cookie() },
      body: new TextEncoder().encode('{}')
    })
    expect(res.status).toBe(415)
    expect(calls).toEqual([])
  })

  it('carries the argument to the handler and the Result back; Uint8Array survives both ways', async () => {
    const bytes = new Uint8Array([9, 8, 7, 0, 255])
    const res = await ipc('people:page', { accountId: 'a', startIndex: 0, count: 100, bytes })
    expect(res.status).toBe(200)
    const arg = calls[0]?.arg as { bytes: Uint8Array }
    expect(calls[0]?.channel).toBe('people:page')
    expect(arg.bytes).toBeInstanceOf(Uint8Array)
    expect(Buffer.isBuffer(arg.bytes)).toBe(false)
    expect([...arg.bytes]).toEqual([9, 8, 7, 0, 255])
    const result = decodeWire(res.body) as Result<{ echoed: { bytes: Uint8Array } }>
    expect(result.ok && [...result.value.echoed.bytes]).toEqual([9, 8, 7, 0, 255])

    const image = decodeWire((await ipc('photos:image', { accountId: 'a', ref: 'r' })).body) as Result<{ bytes: Uint8Array }>
    expect(image.ok && image.value.bytes).toBeInstanceOf(Uint8Array)
    expect(image.ok && [...image.value.bytes]).toEqual([0, 255, 1, 254])
  })

  it('passes an absent argument as undefined', async () => {
    await ipc('accounts:overview', undefined)
    expect(calls).toEqual([{ channel: 'accounts:overview', arg: undefined }])
  })

  it('turns a throwing handler into an app/internal Result without its message', async () => {
    const res = await ipc('people:get', { accountId: 'a', userId: 'u' })
    expect(res.status).toBe(200)
    const result = decodeWire(res.body) as Result<unknown>
    expect(result).toMatchObject({ ok: false, error: { code: 'app/internal' } })
    expect(res.body.toString('latin1')).not.toContain('abc123')
  })

  it.each(['/../outside.txt', '/..%2foutside.txt', '/%2e%2e/outside.txt', '/%2e%2e%2foutside.txt', '/assets/..%2f..%2foutside.txt', '/..%5coutside.txt', '/.%2e/outside.txt'])(
    'refuses path traversal: %s',
    async (path) => {
      const res = await raw(port, { path, headers: { host: `127.0.0.1:${port}` } })
      expect([400, 403, 404]).toContain(res.status)
      expect(res.body.toString()).not.toContain('TOP SECRET')
    }
  )

  it('refuses the event stream without the cookie', async () => {
    const noSecret = new NodeEventSource(`${host.origin}${WEB_HOST_WIRE.eventsPath}`)
    const inQuery = new NodeEventSource(`${host.origin}${WEB_HOST_WIRE.eventsPath}?s=${SECRET}`)
    const wrong = new NodeEventSource(`${host.origin}${WEB_HOST_WIRE.eventsPath}`, { cookie: `${sessionCookieName(port)}=wrong-secret-0123456789abcdefghijk` })
    expect(await noSecret.opened).toBe(403)
    expect(await inQuery.opened).toBe(403)
    expect(await wrong.opened).toBe(403)
  })

  it('delivers events to a connected EventSource client, binary intact', async () => {
    const source = new NodeEventSource(`${host.origin}${WEB_HOST_WIRE.eventsPath}`, { cookie: cookie() })
    try {
      expect(await source.opened).toBe(200)
      const received = new Promise<string>((resolve) => (source.onmessage = (e) => resolve(e.data)))
      const overview = { accounts: [], activeAccountId: null, keychainAvailable: false, blob: new Uint8Array([1, 2]) } as unknown as AccountsOverview
      host.events.emit('accounts:changed', overview)
      const event = decodeEventData(await received)
      expect(event?.channel).toBe('accounts:changed')
      expect(event?.payload).toEqual({ accounts: [], activeAccountId: null, keychainAvailable: false, blob: new Uint8Array([1, 2]) })
    } finally {
      source.close()
    }
  })

  it('close() ends open event streams and frees the port', async () => {
    const other = await startWebHost({ handlers: fakeHandlers().handlers, rendererDir: join(dir, 'renderer'), secret: SECRET })
    const source = new NodeEventSource(`${other.origin}${WEB_HOST_WIRE.eventsPath}`, { cookie: `${sessionCookieName(Number(new URL(other.origin).port))}=${SECRET}` })
    expect(await source.opened).toBe(200)
    await other.close()
    await expect(fetch(`${other.origin}/`)).rejects.toThrow()
    source.close()
  })

  it('rejects a weak secret', async () => {
    await expect(startWebHost({ handlers: fakeHandlers().handlers, rendererDir: dir, secret: 'short' })).rejects.toThrow(/secret/)
  })
})

describe('createEventRelay', () => {
  it('forwards events once connected and drops earlier ones', () => {
    const relay = createEventRelay()
    const seen: unknown[] = []
    const overview = { accounts: [], activeAccountId: null, keychainAvailable: true }
    relay.emit('accounts:changed', overview)
    relay.connect({ emit: (channel, payload) => seen.push([channel, payload]) })
    relay.emit('accounts:changed', overview)
    expect(seen).toEqual([['accounts:changed', overview]])
  })
})
