import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  APP_START_URL,
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_HEADER,
  RENDERER_RESPONSE_HEADERS,
  HELP_ORIGINS,
  createExternalOpener,
  hardenSession,
  hardenWebContents,
  isAllowedExternalUrl,
  isAppUrl,
  isTrustedAppFrame,
  mainWindowOptions,
  readTestSwitches,
  resolveRendererPath,
  secureWebPreferences,
  serveAppRequest,
  startUrl,
  type HardenableWebContents
} from './window-options'

const ROOT = resolve(import.meta.dirname, '..')

function metaCsp(html: string): string | undefined {
  return /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1]
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values])
  )
}

describe('webPreferences', () => {
  const prefs = secureWebPreferences({ preloadPath: '/app/out/preload/index.cjs', devTools: false })

  it('sandboxes the renderer, isolates the context and gives it no Node', () => {
    expect(prefs.sandbox).toBe(true)
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps web security on, mixed content off and <webview> off', () => {
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
  })

  it('loads the CommonJS preload (a sandboxed preload cannot be an ES module)', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
    expect(existsSync(join(ROOT, 'out/preload/index.cjs'))).toBe(true)
  })

  it('the window uses exactly those preferences and opens hidden until ready', () => {
    const win = mainWindowOptions({ preloadPath: '/p.cjs', devTools: true })
    expect(win.webPreferences).toEqual(secureWebPreferences({ preloadPath: '/p.cjs', devTools: true }))
    expect(win.show).toBe(false)
  })

  it('cannot be weakened after the fact', () => {
    expect(Object.isFrozen(prefs)).toBe(true)
  })
})

describe('content security policy', () => {
  it('is the same in the app protocol headers, the source and the built renderer/index.html', async () => {
    expect(metaCsp(await readFile(join(ROOT, 'renderer/index.html'), 'utf8'))).toBe(CONTENT_SECURITY_POLICY)
    const built = join(ROOT, 'out/renderer/index.html')
    expect(existsSync(built), 'run `npm run build` first').toBe(true)
    expect(metaCsp(await readFile(built, 'utf8'))).toBe(CONTENT_SECURITY_POLICY)
  })

  it('allows only the app’s own scripts: no inline, no eval, no remote code, no plugins, no framing', () => {
    const d = directives(CONTENT_SECURITY_POLICY)
    expect(d.get('default-src')).toEqual(["'self'"])
    expect(d.get('script-src')).toEqual(["'self'"])
    expect(d.get('connect-src')).toEqual(["'self'"])
    expect(d.get('object-src')).toEqual(["'none'"])
    expect(d.get('base-uri')).toEqual(["'none'"])
    expect(d.get('form-action')).toEqual(["'none'"])
    expect(directives(CONTENT_SECURITY_POLICY_HEADER).get('frame-ancestors')).toEqual(["'none'"])
    expect(RENDERER_RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY_HEADER)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/)
  })
})

describe('app protocol', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'app-protocol-'))
    await mkdir(join(dir, 'renderer/assets'), { recursive: true })
    await writeFile(join(dir, 'renderer/index.html'), '<!doctype html><title>app</title>')
    await writeFile(join(dir, 'renderer/assets/app.js'), 'console.log(1)')
    await writeFile(join(dir, 'secret.txt'), 'outside the renderer folder')
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))
  const rendererDir = () => join(dir, 'renderer')

  it('is registered standard + secure, without CSP bypass or CORS', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app')
    expect(APP_SCHEME_PRIVILEGES.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true })
    expect(APP_START_URL.startsWith(`${APP_ORIGIN}/`)).toBe(true)
  })

  it('serves the built renderer with the CSP header and the right type', async () => {
    const res = await serveAppRequest({ url: APP_START_URL, method: 'GET' }, join(ROOT, 'out/renderer'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.text()).toContain('<div id="app">')
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(await (await serveAppRequest({ url: APP_START_URL, method: 'GET' }, join(ROOT, 'out/renderer'))).text())?.[1]
    expect(script).toBeDefined()
    const js = await serveAppRequest({ url: `${APP_ORIGIN}/${script}`, method: 'GET' }, join(ROOT, 'out/renderer'))
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/)
  })

  it('serves / as index.html', async () => {
    const res = await serveAppRequest({ url: `${APP_ORIGIN}/`, method: 'GET' }, rendererDir())
    expect(await res.text()).toContain('<title>app</title>')
  })

  it.each([
    `${APP_ORIGIN}/..%2fsecret.txt`,
    `${APP_ORIGIN}/%2e%2e/secret.txt`,
    `${APP_ORIGIN}/%2e%2e%2fsecret.txt`,
    `${APP_ORIGIN}/assets/..%2f..%2fsecret.txt`,
    `${APP_ORIGIN}/..%5csecret.txt`,
    `${APP_ORIGIN}/index.html%00.js`,
    `${APP_ORIGIN}/%E0%A4%A`
  ])('refuses path traversal and malformed paths: %s', async (url) => {
    const res = await serveAppRequest({ url, method: 'GET' }, rendererDir())
    expect([403, 404]).toContain(res.status)
    expect(await res.text()).not.toContain('outside the renderer folder')
  })

  it('refuses other hosts, other schemes and writes', async () => {
    expect((await serveAppRequest({ url: 'app://evil/index.html', method: 'GET' }, rendererDir())).status).toBe(403)
    expect((await serveAppRequest({ url: 'file:///etc/passwd', method: 'GET' }, rendererDir())).status).toBe(403)
    expect((await serveAppRequest({ url: APP_START_URL, method: 'POST' }, rendererDir())).status).toBe(405)
  })

  it('answers 404 for missing files and folders', async () => {
    expect((await serveAppRequest({ url: `${APP_ORIGIN}/nope.js`, method: 'GET' }, rendererDir())).status).toBe(404)
    expect((await serveAppRequest({ url: `${APP_ORIGIN}/assets`, method: 'GET' }, rendererDir())).status).toBe(404)
  })

  it('resolves only inside the renderer folder', () => {
    expect(resolveRendererPath(`${APP_ORIGIN}/assets/app.js`, rendererDir())).toBe(join(rendererDir(), 'assets/app.js'))
    expect(resolveRendererPath(`${APP_ORIGIN}/../secret.txt`, rendererDir())).toBe(join(rendererDir(), 'secret.txt'))
    expect(resolveRendererPath(`${APP_ORIGIN}/..%2fsecret.txt`, rendererDir())).toBeNull()
  })
})

describe('navigation and new windows', () => {
  type Listener = (event: { preventDefault(): void }, url: string) => void
  function fakeContents() {
    const listeners = new Map<string, Listener[]>()
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined
    const contents: HardenableWebContents = {
      on: (event: string, listener: Listener) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener])
        return contents
      },
      setWindowOpenHandler: (h) => {
        openHandler = h
      }
    }
    /** Emits like Electron does and answers whether some listener prevented the default. */
    const emit = (event: string, url = '') => {
      let prevented = false
      for (const l of listeners.get(event) ?? []) l({ preventDefault: () => (prevented = true) }, url)
      return prevented
    }
    return { contents, emit, open: (url: string) => openHandler?.({ url }) }
  }

  function harden() {
    const opened: string[] = []
    const fake = fakeContents()
    hardenWebContents(
      fake.contents,
      createExternalOpener({
        openExternal: async (url) => void opened.push(url),
        allowedOrigins: async () => ['https://hr.example.com']
      })
    )
    return { ...fake, opened }
  }

  it('blocks navigation away from the app origin', () => {
    const { emit } = harden()
    expect(emit('will-navigate', 'https://evil.example.net/phish')).toBe(true)
    expect(emit('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(emit('will-navigate', 'app://other/index.html')).toBe(true)
    expect(emit('will-redirect', 'https://evil.example.net/')).toBe(true)
  })

  it('lets the app navigate within its own origin', () => {
    const { emit } = harden()
    expect(emit('will-navigate', `${APP_ORIGIN}/index.html#/people`)).toBe(false)
  })

  it('refuses to attach a <webview>', () => {
    const { emit } = harden()
    expect(emit('will-attach-webview')).toBe(true)
  })

  it('denies every new window; an allowed https link goes to the OS browser instead', async () => {
    const { open, opened } = harden()
    expect(open('https://hr.example.com/accounts/people')).toEqual({ action: 'deny' })
    expect(open('https://evil.example.net/')).toEqual({ action: 'deny' })
    expect(open(`${APP_ORIGIN}/index.html`)).toEqual({ action: 'deny' })
    await new Promise((r) => setTimeout(r, 0))
    expect(opened).toEqual(['https://hr.example.com/accounts/people'])
  })

  it('a blocked navigation to an allowed https page opens it externally, others nowhere', async () => {
    const { emit, opened } = harden()
    emit('will-navigate', `${HELP_ORIGINS[0]}/docspace/userguides.aspx`)
    emit('will-navigate', 'http://hr.example.com/')
    await new Promise((r) => setTimeout(r, 0))
    expect(opened).toEqual([`${HELP_ORIGINS[0]}/docspace/userguides.aspx`])
  })
})

describe('openExternal allow-list', () => {
  const allowed = ['https://hr.example.com', 'http://127.0.0.1:5123']

  it('allows https URLs of allowed origins only', () => {
    expect(isAllowedExternalUrl('https://hr.example.com/products/people', allowed)).toBe(true)
    expect(isAllowedExternalUrl('https://hr.example.com:8443/', allowed)).toBe(false)
    expect(isAllowedExternalUrl('https://hr.example.com.evil.net/', allowed)).toBe(false)
    expect(isAllowedExternalUrl('https://evil.net/?https://hr.example.com', allowed)).toBe(false)
  })

  it('refuses http (even for an allowed loopback portal), credentials and dangerous schemes', () => {
    expect(isAllowedExternalUrl('http://hr.example.com/', allowed)).toBe(false)
    expect(isAllowedExternalUrl('http://127.0.0.1:5123/', allowed)).toBe(false)
    expect(isAllowedExternalUrl('https://user:pw@hr.example.com/', allowed)).toBe(false)
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'not a url']) {
      expect(isAllowedExternalUrl(url, allowed)).toBe(false)
    }
  })

  it('the opener allows help pages and the portals from the accounts overview', async () => {
    const opened: string[] = []
    const open = createExternalOpener({ openExternal: async (u) => void opened.push(u), allowedOrigins: async () => ['https://hr.example.com'] })
    expect(await open('https://hr.example.com/x')).toBe(true)
    expect(await open(`${HELP_ORIGINS[0]}/`)).toBe(true)
    expect(await open('https://other.example.com/')).toBe(false)
    expect(opened).toEqual(['https://hr.example.com/x', `${HELP_ORIGINS[0]}/`])
  })

  it('the opener never throws, even when the overview or the OS fails', async () => {
    const broken = createExternalOpener({ openExternal: async () => {}, allowedOrigins: () => Promise.reject(new Error('boom')) })
    expect(await broken('https://hr.example.com/x')).toBe(false)
    expect(await broken(`${HELP_ORIGINS[0]}/`)).toBe(true)
    const open = createExternalOpener({ openExternal: () => Promise.reject(new Error('no browser')), allowedOrigins: async () => [] })
    expect(await open(`${HELP_ORIGINS[0]}/`)).toBe(false)
  })
})

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (g: boolean) => void) => void) | undefined
    let check: ((c: unknown, p: string) => boolean) | undefined
    hardenSession({ setPermissionRequestHandler: (h) => (request = h), setPermissionCheckHandler: (h) => (check = h) })
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      const answers: boolean[] = []
      request?.({}, permission, (granted) => answers.push(granted))
      expect(answers, permission).toEqual([false])
      expect(check?.({}, permission), permission).toBe(false)
    }
  })
})

describe('IPC sender', () => {
  it('trusts only the main frame of the app origin', () => {
    expect(isTrustedAppFrame({ url: APP_START_URL, parent: null })).toBe(true)
    expect(isTrustedAppFrame({ url: APP_START_URL, parent: { url: APP_START_URL } })).toBe(false)
    expect(isTrustedAppFrame({ url: 'https://evil.example.net/', parent: null })).toBe(false)
    expect(isTrustedAppFrame({ url: 'file:///app/index.html', parent: null })).toBe(false)
    expect(isTrustedAppFrame(null)).toBe(false)
    const destroyed = {
      get url(): string {
        throw new Error('Render frame was disposed')
      },
      parent: null
    }
    expect(isTrustedAppFrame(destroyed)).toBe(false)
    expect(isAppUrl('app://renderer@evil/index.html')).toBe(false)
  })
})

describe('TLS', () => {
  // Certificate errors are never bypassed: no 'certificate-error' override, no custom verify proc,
  // no switch or option that turns verification off, anywhere in main's or preload's code.
  it('nothing in main/ or preload/ overrides certificate checks', async () => {
    const files: string[] = []
    for (const dir of ['main', 'preload']) {
      for (const entry of await readdir(join(ROOT, dir), { recursive: true })) {
        if (entry.endsWith('.ts') && !entry.endsWith('.test.ts')) files.push(join(ROOT, dir, entry))
      }
    }
    expect(files).toContain(join(ROOT, 'main/index.ts'))
    for (const file of files) {
      const code = await readFile(file, 'utf8')
      for (const bypass of [/certificate-error/, /setCertificateVerifyProc/, /ignore-certificate-errors/, /rejectUnauthorized\s*:\s*false/, /NODE_TLS_REJECT_UNAUTHORIZED/]) {
        expect(code, `${file} must not contain ${bypass}`).not.toMatch(bypass)
      }
    }
  })
})

describe('test-only switches', () => {
  const env = { DSPM_TEST_USER_DATA_DIR: '/tmp/profile', DOCSPACE_DEMO_PORTAL: 'http://127.0.0.1:5123' }

  it('are honoured in development runs', () => {
    const switches = readTestSwitches({ isPackaged: false, env })
    expect(switches).toEqual({ userDataDir: '/tmp/profile', demoPortalUrl: 'http://127.0.0.1:5123' })
    expect(startUrl(switches)).toBe(`${APP_START_URL}#portal=http%3A%2F%2F127.0.0.1%3A5123`)
  })

  it('are ignored when the app is packaged', () => {
    const switches = readTestSwitches({ isPackaged: true, env })
    expect(switches).toEqual({})
    expect(startUrl(switches)).toBe(APP_START_URL)
  })

  it('ignore relative or empty paths and odd portal values', () => {
    expect(readTestSwitches({ isPackaged: false, env: { DSPM_TEST_USER_DATA_DIR: 'profile', DOCSPACE_DEMO_PORTAL: 'javascript:alert(1)' } })).toEqual({})
    expect(readTestSwitches({ isPackaged: false, env: { DSPM_TEST_USER_DATA_DIR: '' } })).toEqual({})
  })
})
