/**
 * The e2e harness: per test, a real emulated portal, the REAL main services (createMain) over a temp
 * data folder and the REAL OS keychain (keytar against the Secret Service that .ci/with-keyring.sh
 * starts), the loopback web host serving the built renderer, and a Chromium page on it. What the
 * page does goes through the same handlers Electron's ipcMain would call.
 *
 * Specs import `test` and `expect` from here:
 *
 *   import { expect, test } from './harness'
 *   test.use({ portalOptions: { version: '3.5.0', people: 2000 } })
 *   test('…', async ({ app, portal, keychain }) => { await app.signIn(portal.accounts.admin) })
 *
 * A page error or console error fails the test (allow an expected one with app.allowConsoleError).
 */
import { randomBytes } from 'node:crypto'
import diagnostics from 'node:diagnostics_channel'
import type { ClientRequest } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect as baseExpect, type Locator, type Page, type TestInfo } from '@playwright/test'
import keytar from 'keytar'
import { startPortal, type DemoAccount, type PortalOptions, type RunningPortal } from '../emulator/index'
import { createMain, type Main } from '../main/compose'
import { TEST_PORTAL_OPTIONS } from '../main/testing/harness'
import type { Handlers } from '../main/ipc/types'
import { KeytarSecretStore } from '../main/secrets/keytar-store'
import { MemorySecretStore } from '../main/secrets/memory-store'
import { SECRET_SERVICE, secretAccount, type SecretStore } from '../main/secrets/secret-store'
import type { LogFields, Logger } from '../main/core/logger'
import { createEventRelay, startWebHost, type WebHost } from '../main/web-host/server'
import type { ArgOf, RequestChannel, Result, ValueOf } from '../preload/contract'

/** Two cores shared with other work: a UI step may take longer than Playwright's default 5 s. */
export const expect = baseExpect.configure({ timeout: 10_000 })

const ROOT = resolve(import.meta.dirname, '..')
export const RENDERER_DIR = join(ROOT, 'out', 'renderer')

/** A demo account of the emulator; `code` is the two-factor code where the account has one. */
export type SignInAccount = DemoAccount & { readonly code?: string }

/** The OS keychain as the test sees it: read straight from keytar, not through the app. */
export interface Keychain {
  /** 'secret-service' is the real keychain; 'memory' stands in where no Secret Service runs. */
  readonly kind: 'secret-service' | 'memory'
  /** The store handed to createMain. */
  readonly store: SecretStore
  /** Account names of every item under the app's service (`origin|userId`), sorted. */
  items(): Promise<string[]>
  /** The stored secret of one portal + user, or null when there is no item. */
  secretFor(portalUrl: string, userId: string): Promise<string | null>
}

export interface OutgoingRequest {
  /** As in the Host header: "127.0.0.1:5123", "hr.example.com". */
  readonly host: string
  readonly method: string
  readonly path: string
}

export interface AppHarness {
  readonly page: Page
  /** The web host's address (http://127.0.0.1:PORT/); the secret travels in the page's cookie only. */
  readonly hostUrl: string
  readonly dataDir: string
  /** Every HTTP request main sent from this process during the test (host, method, path; no headers). */
  readonly outgoing: readonly OutgoingRequest[]
  /** Main's log lines of this test (attached to the report when the test fails). */
  readonly logLines: readonly string[]
  /** Opens the app with this portal URL filled in, the way the demo link does. Done once by the fixture. */
  open(portalUrl?: string): Promise<void>
  /** Calls a main handler directly (set-up and checks that need no UI). */
  call<C extends RequestChannel>(channel: C, arg: ArgOf<C>): Promise<Result<ValueOf<C>>>
  /**
   * Signs in through the UI with email and password (and the two-factor code when the account has
   * one), then waits for the people list to start. `portalUrl` defaults to the fixture's portal.
   */
  signIn(account: SignInAccount, options?: { readonly portalUrl?: string }): Promise<void>
  /** Signs in through the UI with an API key. */
  signInWithApiKey(apiKey: string, options?: { readonly portalUrl?: string }): Promise<void>
  /** Waits until every person is loaded; returns the total. */
  waitForFullList(options?: { readonly timeout?: number }): Promise<number>
  /** Shows only people matching `query` and opens the first row's detail panel. */
  openPerson(query: string): Promise<Locator>
  /**
   * "Quits and restarts the app": the page leaves, host and main are disposed, then created again
   * on the same data folder and keychain (same address), and the page opens the app again.
   */
  restartHost(): Promise<void>
  /** Lets a console error matching `pattern` through (for a test that provokes one on purpose). */
  allowConsoleError(pattern: RegExp): void
  /** Starts another emulated portal, closed with the test. */
  startExtraPortal(options?: PortalOptions): Promise<RunningPortal>
}

export interface HarnessFixtures {
  /** Options of the test's portal; set with test.use({ portalOptions: {...} }). */
  portalOptions: PortalOptions
  portal: RunningPortal
  keychain: Keychain
  app: AppHarness
  /**
   * A second, independent app (its own main, data folder and web host) in its own browser context,
   * on the same portal: another person on another computer. Only created when a test asks for it.
   */
  secondApp: AppHarness
}

interface WorkerFixtures {
  secretStore: { readonly kind: Keychain['kind']; readonly store: SecretStore }
}

/** The page the counts line, list and detail panel live on. */
export const ui = {
  counts: (page: Page) => page.getByTestId('counts'),
  rows: (page: Page) => page.getByTestId('person-row'),
  search: (page: Page) => page.getByTestId('search'),
  detail: (page: Page) => page.getByTestId('detail-panel'),
  signInError: (page: Page) => page.getByTestId('signin-error')
}

export const test = base.extend<HarnessFixtures, WorkerFixtures>({
  portalOptions: [{}, { option: true }],

  secretStore: [
    async ({}, use) => {
      const reason = await keychainUnusableReason()
      if (reason) {
        console.log(`e2e harness: ${reason}; tokens go to an in-memory stand-in, so keychain specs check that instead of the OS keychain.`)
        await use({ kind: 'memory', store: new MemorySecretStore({ available: true }) })
      } else {
        await use({ kind: 'secret-service', store: new KeytarSecretStore() })
      }
    },
    { scope: 'worker' }
  ],

  portal: async ({ portalOptions }, use) => {
    const portal = await startPortal({ ...TEST_PORTAL_OPTIONS, ...portalOptions })
    await use(portal)
    await portal.close()
  },

  keychain: async ({ secretStore }, use) => {
    const keychain = createKeychainView(secretStore.kind, secretStore.store)
    const before = new Set(await keychain.items())
    await use(keychain)
    // Leave the shared keychain as the test found it.
    for (const item of await keychain.items()) {
      if (!before.has(item)) await secretStore.store.delete(SECRET_SERVICE, item)
    }
  },

  app: async ({ page, portal, keychain }, use, testInfo) => {
    await runApp(page, portal, keychain, testInfo, use)
  },

  secondApp: async ({ browser, portal, keychain }, use, testInfo) => {
    const context = await browser.newContext()
    try {
      await runApp(await context.newPage(), portal, keychain, testInfo, use)
    } finally {
      await context.close()
    }
  }
})

/** One app for a test: main over a temp data folder, the web host, and the page opened on it. */
async function runApp(page: Page, portal: RunningPortal, keychain: Keychain, testInfo: TestInfo, use: (harness: AppHarness) => Promise<void>): Promise<void> {
  {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first.')
    const dataDir = await mkdtemp(join(tmpdir(), 'dspm-e2e-'))
    const logLines: string[] = []
    const outgoing: OutgoingRequest[] = []
    const problems: string[] = []
    const allowed: RegExp[] = []
    const extraPortals: RunningPortal[] = []

    const onRequest = (message: unknown): void => {
      const request = (message as { request: ClientRequest }).request
      // The Host header carries the port too ("127.0.0.1:5123").
      const host = String(request.getHeader('host') ?? request.host)
      outgoing.push({ host, method: request.method, path: request.path })
    }
    diagnostics.subscribe('http.client.request.start', onRequest)

    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      const text = message.text()
      if (!allowed.some((pattern) => pattern.test(text))) problems.push(`console error: ${text}`)
    })

    const hostSecret = randomBytes(32).toString('base64url')
    let running = await startApp({ dataDir, secrets: keychain.store, logLines, secret: hostSecret })
    let launchPortal = portal.url

    const harness: AppHarness = {
      page,
      get hostUrl() {
        return `${running.host.origin}/`
      },
      dataDir,
      outgoing,
      logLines,
      async open(portalUrl = launchPortal) {
        launchPortal = portalUrl
        // A fresh one-time link per load; the cookie it leaves in the browser context serves reloads.
        await page.goto(`${running.host.openUrl()}&portal=${encodeURIComponent(portalUrl)}`)
        await expect(page.getByText('Starting…')).toHaveCount(0)
      },
      call(channel, arg) {
        return running.main.handlers[channel](arg) as never
      },
      async signIn(account, options = {}) {
        await fillCredentials(page, options.portalUrl ?? portal.url)
        await page.getByTestId('signin-tab-password').click()
        await page.getByTestId('signin-email').fill(account.email)
        await page.getByTestId('signin-password').fill(account.password)
        await page.getByTestId('signin-submit').click()
        if (account.code !== undefined) {
          await page.getByTestId('signin-code').fill(account.code)
          await page.getByTestId('signin-verify').click()
        }
        await expect(ui.counts(page)).toBeVisible()
      },
      async signInWithApiKey(apiKey, options = {}) {
        await fillCredentials(page, options.portalUrl ?? portal.url)
        await page.getByTestId('signin-tab-apikey').click()
        await page.getByTestId('signin-apikey').fill(apiKey)
        await page.getByTestId('signin-submit').click()
        await expect(ui.counts(page)).toBeVisible()
      },
      async waitForFullList(options = {}) {
        await expect(page.getByTestId('load-done')).toBeVisible({ timeout: options.timeout ?? 30_000 })
        const counts = ui.counts(page)
        const total = Number(await counts.getAttribute('data-total'))
        await expect(counts).toHaveAttribute('data-shown', String(total))
        return total
      },
      async openPerson(query) {
        await ui.search(page).fill(query)
        const first = ui.rows(page).first()
        await expect(first).toBeVisible()
        await first.click()
        const detail = ui.detail(page)
        await expect(detail).toBeVisible()
        return detail
      },
      async restartHost() {
        await page.goto('about:blank')
        const port = Number(new URL(running.host.origin).port)
        await stopApp(running)
        // The same port and secret: the page's cookie stays good, as for a host that restarted.
        running = await startApp({ dataDir, secrets: keychain.store, logLines, port, secret: hostSecret })
        await harness.open()
      },
      allowConsoleError(pattern) {
        allowed.push(pattern)
      },
      async startExtraPortal(options = {}) {
        const extra = await startPortal({ ...TEST_PORTAL_OPTIONS, ...options })
        extraPortals.push(extra)
        return extra
      }
    }

    try {
      await harness.open()
      await use(harness)
    } finally {
      diagnostics.unsubscribe('http.client.request.start', onRequest)
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('main.log', { body: logLines.join('\n'), contentType: 'text/plain' })
      }
      await page.goto('about:blank').catch(() => undefined)
      await stopApp(running)
      await Promise.all(extraPortals.map((p) => p.close()))
      await rm(dataDir, { recursive: true, force: true })
    }
    expect(problems, 'the page logged errors').toEqual([])
  }
}

/** A file as the user would drop it: name, type and bytes. */
export interface DroppedFile {
  readonly name: string
  readonly mimeType: string
  readonly bytes: Uint8Array
}

/**
 * Drops files on an element with real drag events (dragenter, dragover, drop) carrying a
 * DataTransfer, as a file dragged from the desktop would. For the photo editor's drop targets.
 */
export async function dropFiles(target: Locator, files: readonly DroppedFile[]): Promise<void> {
  const dataTransfer = await dataTransferOf(target.page(), files)
  for (const type of ['dragenter', 'dragover', 'drop'] as const) await target.dispatchEvent(type, { dataTransfer })
  await dataTransfer.dispose()
}

/** Drags files over an element without dropping them (dragenter, dragover), to see what it would say. */
export async function dragFilesOver(target: Locator, files: readonly DroppedFile[]): Promise<void> {
  const dataTransfer = await dataTransferOf(target.page(), files)
  for (const type of ['dragenter', 'dragover'] as const) await target.dispatchEvent(type, { dataTransfer })
  await dataTransfer.dispose()
}

/** A DataTransfer in the page holding the files. Bytes travel as base64: a JSON number array is slow for megabytes. */
async function dataTransferOf(page: Page, files: readonly DroppedFile[]) {
  const payload = files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).toString('base64') }))
  return page.evaluateHandle((list) => {
    const dt = new DataTransfer()
    for (const f of list) {
      const binary = atob(f.base64)
      const bytes = new Uint8Array(binary.length)
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
      dt.items.add(new File([bytes], f.name, { type: f.mimeType }))
    }
    return dt
  }, payload)
}

interface RunningApp {
  readonly main: Main
  readonly host: WebHost
}

async function startApp(options: {
  readonly dataDir: string
  readonly secrets: SecretStore
  readonly logLines: string[]
  readonly port?: number
  readonly secret?: string
}): Promise<RunningApp> {
  const events = createEventRelay()
  const main = createMain({ dataDir: options.dataDir, secrets: options.secrets, events, log: recordingLogger(options.logLines), allowLoopbackPhotoUrls: true })
  const host = await startWebHost({
    handlers: main.handlers as Handlers,
    rendererDir: RENDERER_DIR,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.secret !== undefined ? { secret: options.secret } : {}),
    log: (message) => options.logLines.push(`[web-host] ${message}`)
  })
  events.connect(host.events)
  return { main, host }
}

async function stopApp(app: RunningApp): Promise<void> {
  await app.host.close()
  await app.main.dispose()
}

async function fillCredentials(page: Page, portalUrl: string): Promise<void> {
  const portalInput = page.getByTestId('signin-portal')
  await expect(portalInput).toBeVisible()
  await portalInput.fill(portalUrl)
}

function recordingLogger(lines: string[]): Logger {
  const line = (level: string) => (message: string, fields?: LogFields) => {
    const parts = fields ? Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${String(v)}`) : []
    lines.push([`[${level}]`, message, ...parts].join(' '))
  }
  return { info: line('info'), warn: line('warn'), error: line('error') }
}

/** Why the real keychain cannot be used here, or null when it can. */
async function keychainUnusableReason(): Promise<string | null> {
  if (!process.env['DBUS_SESSION_BUS_ADDRESS']) return 'no D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset; run through .ci/with-keyring.sh)'
  if (!(await new KeytarSecretStore().isAvailable())) return 'the Secret Service on DBUS_SESSION_BUS_ADDRESS does not answer'
  return null
}

function createKeychainView(kind: Keychain['kind'], store: SecretStore): Keychain {
  if (kind === 'secret-service') {
    return {
      kind,
      store,
      async items() {
        const found = await keytar.findCredentials(SECRET_SERVICE)
        return found.map((c) => c.account).sort()
      },
      secretFor: (portalUrl, userId) => keytar.getPassword(SECRET_SERVICE, secretAccount(portalUrl, userId))
    }
  }
  return {
    kind,
    store,
    async items() {
      const listed = await store.list(SECRET_SERVICE)
      return listed.ok ? [...listed.value].sort() : []
    },
    async secretFor(portalUrl, userId) {
      const found = await store.get(SECRET_SERVICE, secretAccount(portalUrl, userId))
      return found.ok ? found.value : null
    }
  }
}
