/**
 * The Electron security baseline (ARCHITECTURE.md §6) as pure data and decisions, so unit tests can
 * prove each protection is on. The shell files (main/index.ts, main/window.ts) only apply what is here.
 * No 'electron' import: the structural types below are what the shell hands in.
 */
import { readFile, stat } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { SenderFrame } from './ipc/register-ipc'

// ---------------------------------------------------------------------------------------------
// The app's own origin: the renderer is served from a custom protocol, never file://
// ---------------------------------------------------------------------------------------------

export const APP_SCHEME = 'app'
const APP_HOST = 'renderer'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_START_URL = `${APP_ORIGIN}/index.html`

/**
 * For protocol.registerSchemesAsPrivileged (before app ready). standard: real origin, relative URLs
 * and 'self' in the CSP work; secure: treated like https. Deliberately no bypassCSP, no corsEnabled.
 */
export const APP_SCHEME_PRIVILEGES = Object.freeze({
  scheme: APP_SCHEME,
  privileges: Object.freeze({ standard: true, secure: true, supportFetchAPI: true })
})

/** Must equal the <meta http-equiv="Content-Security-Policy"> in renderer/index.html (a test compares them). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

/** The header adds what a <meta> CSP cannot carry (Chromium ignores frame-ancestors there, with a console error). */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`

/** Headers every renderer file is served with, by the app protocol and by the web host alike. */
export const RENDERER_RESPONSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store'
})

// ---------------------------------------------------------------------------------------------
// BrowserWindow options
// ---------------------------------------------------------------------------------------------

export interface SecureWebPreferences {
  readonly preload: string
  readonly sandbox: true
  readonly contextIsolation: true
  readonly nodeIntegration: false
  readonly nodeIntegrationInWorker: false
  readonly nodeIntegrationInSubFrames: false
  readonly webSecurity: true
  readonly allowRunningInsecureContent: false
  readonly webviewTag: false
  readonly experimentalFeatures: false
  readonly navigateOnDragDrop: false
  readonly spellcheck: false
  readonly devTools: boolean
}

export function secureWebPreferences(opts: { preloadPath: string; devTools: boolean }): SecureWebPreferences {
  return Object.freeze({
    preload: opts.preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // a photo dropped outside a drop zone must not navigate the window to file://
    navigateOnDragDrop: false,
    // spellcheck would send words to a dictionary service; HR data stays local
    spellcheck: false,
    devTools: opts.devTools
  })
}

export function mainWindowOptions(opts: { preloadPath: string; devTools: boolean }) {
  return {
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    title: 'DocSpace Photo Manager',
    show: false, // shown on ready-to-show, so no white flash
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(opts)
  } as const
}

// ---------------------------------------------------------------------------------------------
// The app protocol handler: serves out/renderer, refuses anything outside it
// ---------------------------------------------------------------------------------------------

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm'
}

/**
 * Maps an app:// URL to a file inside rendererDir, or null when it must be refused: another host,
 * an undecodable path, a NUL byte, or anything that resolves outside rendererDir (`..`, `%2e%2e%2f`,
 * encoded backslashes). URL parsing already folds plain `/../`; the check after decoding catches the rest.
 */
export function resolveRendererPath(url: string, rendererDir: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (path.includes('\0')) return null
  if (path === '/' || path === '') path = '/index.html'
  const root = resolve(rendererDir)
  const file = resolve(join(root, path))
  const rel = relative(root, file)
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null
  return file
}

/** The handler for protocol.handle(APP_SCHEME, ...). Uses Node's fs, which reads inside app.asar too. */
export async function serveAppRequest(request: { readonly url: string; readonly method: string }, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed')
  const file = resolveRendererPath(request.url, rendererDir)
  if (file === null) return plain(403, 'Forbidden')
  try {
    if (!(await stat(file)).isFile()) return plain(404, 'Not found')
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file))
    return new Response(body, {
      status: 200,
      headers: { ...RENDERER_RESPONSE_HEADERS, 'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream' }
    })
  } catch {
    return plain(404, 'Not found')
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...RENDERER_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })
}

// ---------------------------------------------------------------------------------------------
// Navigation, new windows, external links
// ---------------------------------------------------------------------------------------------

/** True for URLs of the app's own origin (app://renderer/...). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === ''
  } catch {
    return false
  }
}

/** Help pages the app may link to, besides the portals the user signed in to. */
export const HELP_ORIGINS: readonly string[] = Object.freeze(['https://helpcenter.onlyoffice.com'])

/**
 * Whether a link may be handed to the OS browser (shell.openExternal): https only, no credentials
 * in the URL, and its origin on the allow-list. Everything else (file:, javascript:, smb:, custom
 * schemes that start other programs, http:) is refused.
 */
export function isAllowedExternalUrl(url: string, allowedOrigins: readonly string[]): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '') return false
  return allowedOrigins.some((origin) => {
    try {
      const allowed = new URL(origin)
      return allowed.protocol === 'https:' && allowed.origin === u.origin
    } catch {
      return false
    }
  })
}

/** Opens allowed links in the OS browser; answers whether it did. Never throws. */
export type ExternalOpener = (url: string) => Promise<boolean>

export function createExternalOpener(deps: {
  openExternal: (url: string) => Promise<void>
  /** The portals the user signed in to (composition's portalOrigins). When it fails, help pages still open. */
  allowedOrigins: () => Promise<readonly string[]>
}): ExternalOpener {
  return async (url) => {
    try {
      const portals = await deps.allowedOrigins().catch((): readonly string[] => [])
      if (!isAllowedExternalUrl(url, [...HELP_ORIGINS, ...portals])) return false
      await deps.openExternal(url)
      return true
    } catch {
      return false
    }
  }
}

interface PreventableEvent {
  preventDefault(): void
}

/** The part of Electron's WebContents that hardenWebContents touches (structural, so tests pass fakes). */
export interface HardenableWebContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/**
 * Applied to every WebContents as it is created (app 'web-contents-created'): navigation away from
 * the app origin is blocked, new windows are denied, <webview> cannot attach. An allowed https link
 * goes to the OS browser instead.
 */
export function hardenWebContents(contents: HardenableWebContents, openExternally: ExternalOpener): void {
  const guard = (event: PreventableEvent, url: string) => {
    if (isAppUrl(url)) return
    event.preventDefault()
    void openExternally(url)
  }
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    void openExternally(url)
    return { action: 'deny' }
  })
}

/** The part of Electron's Session that hardenSession touches. */
export interface HardenableSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void
}

/** The app needs no camera, notifications, geolocation, clipboard-read, ...: every permission is denied. */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

// ---------------------------------------------------------------------------------------------
// IPC sender check
// ---------------------------------------------------------------------------------------------

/** IPC is answered only for the main frame of the app's own origin (not iframes, not other pages). */
export function isTrustedAppFrame(frame: SenderFrame | null | undefined): boolean {
  try {
    return frame != null && frame.parent === null && isAppUrl(frame.url)
  } catch {
    return false // a destroyed frame throws on access
  }
}

// ---------------------------------------------------------------------------------------------
// Test-only switches
// ---------------------------------------------------------------------------------------------

export interface TestSwitches {
  /** A throw-away profile for e2e runs (DSPM_TEST_USER_DATA_DIR, an absolute path). */
  readonly userDataDir?: string
  /** `npm run demo` fills in its local portal's address (DOCSPACE_DEMO_PORTAL); sign-in still checks it. */
  readonly demoPortalUrl?: string
}

/** Test and demo switches come from the environment and are ignored entirely in packaged builds. */
export function readTestSwitches(input: { isPackaged: boolean; env: Readonly<Record<string, string | undefined>> }): TestSwitches {
  if (input.isPackaged) return {}
  const dir = input.env['DSPM_TEST_USER_DATA_DIR']
  const portal = input.env['DOCSPACE_DEMO_PORTAL']
  return {
    ...(dir !== undefined && isAbsolute(dir) ? { userDataDir: dir } : {}),
    ...(portal !== undefined && /^https?:\/\/[^\s]+$/.test(portal) ? { demoPortalUrl: portal } : {})
  }
}

/** The first page: the app itself, with the demo portal's address in the fragment when there is one. */
export function startUrl(switches: TestSwitches): string {
  return switches.demoPortalUrl === undefined ? APP_START_URL : `${APP_START_URL}#portal=${encodeURIComponent(switches.demoPortalUrl)}`
}
