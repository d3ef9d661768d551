/**
 * The Electron shell (main/index.ts, main/window.ts) loaded against a recording stand-in for the
 * 'electron' module: no binary needed. Asserts the wiring a user relies on without seeing it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { REQUEST_CHANNELS } from '../preload/contract'
import { quadrantsPng } from './testing/images/editor-test-images'
import type { EventSink } from './core/events'
import { APP_SCHEME_PRIVILEGES, APP_START_URL, mainWindowOptions } from './window-options'

type Listener = (...args: never[]) => unknown

const rec = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const childProcess = require('node:child_process') as typeof import('node:child_process')
  const log: string[] = []
  const listeners = () => {
    const map = new Map<string, Listener[]>()
    return {
      map,
      on(event: string, listener: Listener) {
        map.set(event, [...(map.get(event) ?? []), listener])
      },
      emit(event: string, ...args: unknown[]) {
        for (const l of map.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args)
      }
    }
  }
  const state = {
    log,
    lock: true,
    dataDir: '',
    locale: 'de-DE',
    ready: () => {},
    responses: [] as number[],
    dialogs: [] as { title: string; detail: string; buttons: string[] }[],
    notifications: [] as { title: string; body: string; shown: boolean }[],
    events: undefined as EventSink | undefined,
    quits: 0,
    appEvents: listeners(),
    ipc: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    windows: [] as FakeWindow[],
    permissionRequest: undefined as ((c: unknown, p: string, cb: (g: boolean) => void) => void) | undefined,
    permissionCheck: undefined as ((c: unknown, p: string) => boolean) | undefined,
    handledSchemes: [] as string[],
    utilityForks: [] as { modulePath: string; args: string[]; serviceName: string; env: Record<string, string | undefined>; exited: boolean }[]
  }
  class FakeWindow {
    readonly events = listeners()
    readonly contents = listeners()
    readonly sent: [string, unknown][] = []
    readonly loaded: string[] = []
    minimized = true
    readonly did: string[] = []
    readonly webContents = {
      on: (event: string, l: Listener) => this.contents.on(event, l),
      send: (channel: string, payload: unknown) => this.sent.push([channel, payload]),
      reload: () => this.did.push('reload'),
      forcefullyCrashRenderer: () => this.did.push('kill')
    }
    constructor(readonly options: unknown) {
      state.windows.push(this)
    }
    static getAllWindows() {
      return [...state.windows]
    }
    on(event: string, l: Listener) {
      this.events.on(event, l)
    }
    once(event: string, l: Listener) {
      this.events.on(event, l)
    }
    async loadURL(url: string) {
      this.loaded.push(url)
    }
    show() {
      this.did.push('show')
    }
    isMinimized() {
      return this.minimized
    }
    restore() {
      this.minimized = false
      this.did.push('restore')
    }
    focus() {
      this.did.push('focus')
    }
  }
  const electron = {
    app: {
      isPackaged: false,
      enableSandbox: () => log.push('app.enableSandbox'),
      setPath: () => {},
      getPath: () => state.dataDir,
      getLocale: () => state.locale,
      requestSingleInstanceLock: () => state.lock,
      quit: () => {
        state.quits++
      },
      on: (event: string, l: Listener) => state.appEvents.on(event, l),
      whenReady: () => {
        log.push('app.whenReady')
        return new Promise<void>((resolve) => (state.ready = () => (log.push('ready'), resolve())))
      }
    },
    protocol: { registerSchemesAsPrivileged: (schemes: unknown) => log.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof state.permissionRequest) => (state.permissionRequest = h),
        setPermissionCheckHandler: (h: typeof state.permissionCheck) => (state.permissionCheck = h),
        protocol: { handle: (scheme: string) => state.handledSchemes.push(scheme) }
      }
    },
    ipcMain: {
      handle: (channel: string, l: (event: unknown, ...args: unknown[]) => Promise<unknown>) => state.ipc.set(channel, l),
      removeHandler: (channel: string) => state.ipc.delete(channel)
    },
    shell: { openExternal: async () => {} },
    dialog: {
      showMessageBox: async (_win: unknown, options: { title: string; detail: string; buttons: string[] }) => {
        state.dialogs.push(options)
        return { response: state.responses.shift() ?? 0 }
      }
    },
    Notification: class {
      static isSupported = () => true
      readonly record: { title: string; body: string; shown: boolean }
      constructor(options: { title: string; body: string }) {
        this.record = { ...options, shown: false }
        state.notifications.push(this.record)
      }
      show() {
        this.record.shown = true
      }
    },
    BrowserWindow: FakeWindow,
    // A utility process stand-in that really starts the child, with child_process.fork (the entry
    // talks over process.send there, over process.parentPort in Electron: the same messages).
    utilityProcess: {
      fork: (modulePath: string, args: string[], options: { env: Record<string, string | undefined>; serviceName: string }) => {
        const record = { modulePath, args, serviceName: options.serviceName, env: options.env, exited: false }
        state.utilityForks.push(record)
        const child = childProcess.fork(modulePath, args, { env: options.env as NodeJS.ProcessEnv, serialization: 'advanced', execArgv: [] })
        const on = (event: string, listener: (...a: unknown[]) => void) => {
          if (event === 'exit') child.on('exit', (code) => ((record.exited = true), listener(code ?? -1)))
          else child.on(event as 'spawn', listener)
        }
        return { get pid() { return child.pid }, postMessage: (m: unknown) => child.send(m as never), kill: () => child.kill(), on }
      }
    }
  }
  return { state, electron }
})

vi.mock('electron', () => ({ ...rec.electron, default: rec.electron }))
// The real composition root, with an in-memory keychain, and a tap on the events sink main gets.
vi.mock('./compose', async (importOriginal) => {
  const real = await importOriginal<typeof import('./compose')>()
  const { MemorySecretStore } = await import('./secrets/memory-store')
  return {
    ...real,
    createDefaultSecretStore: async () => new MemorySecretStore(),
    createMain: (options: Parameters<typeof real.createMain>[0]) => {
      rec.state.events = options.events
      return real.createMain({ ...options, log: { debug() {}, info() {}, warn() {}, error() {} } as never })
    }
  }
})

const { state } = rec
const dirs: string[] = []

async function launch(opts: { lock?: boolean } = {}) {
  vi.resetModules()
  Object.assign(state, { lock: opts.lock ?? true, quits: 0, windows: [], dialogs: [], notifications: [], responses: [], handledSchemes: [], events: undefined, utilityForks: [] })
  state.log.length = 0
  state.appEvents.map.clear()
  state.ipc.clear()
  state.dataDir = mkdtempSync(join(tmpdir(), 'shell-test-'))
  dirs.push(state.dataDir)
  await import('./index')
}

async function ready() {
  state.ready()
  await vi.waitFor(() => expect(state.windows).toHaveLength(1))
  return state.windows[0]!
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

afterEach(async () => {
  vi.restoreAllMocks()
  if (state.events === undefined) return // main never started
  // Let main flush and stop, as on a real quit.
  const event = { preventDefault: () => {} }
  state.appEvents.emit('will-quit', event)
  await vi.waitFor(() => expect(state.quits).toBeGreaterThan(0))
})
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('the Electron shell', () => {
  beforeEach(async () => launch())

  it('registers app:// as privileged and turns the sandbox on before ready, and opens no window before it', async () => {
    expect(state.log.slice(0, 3)).toEqual([`registerSchemesAsPrivileged ${JSON.stringify([APP_SCHEME_PRIVILEGES])}`, 'app.enableSandbox', 'app.whenReady'])
    await flush()
    expect(state.windows).toEqual([])
    expect(state.handledSchemes).toEqual([])
    await ready()
    expect(state.handledSchemes).toEqual(['app'])
  })

  it('registers every IPC channel, each answering only the app’s own main frame', async () => {
    await ready()
    vi.spyOn(console, 'error').mockImplementation(() => {}) // the refusals are logged
    expect([...state.ipc.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort())
    const overview = state.ipc.get('accounts:overview')!
    const refused = { ok: false, error: { code: 'input/invalid' } }
    expect(await overview({ senderFrame: { url: 'https://evil.example/', parent: null } }, undefined)).toMatchObject(refused)
    expect(await overview({ senderFrame: { url: 'app://renderer/index.html', parent: {} } }, undefined)).toMatchObject(refused) // an iframe
    expect(await overview({ senderFrame: null }, undefined)).toMatchObject(refused)
    expect(await overview({ senderFrame: { url: 'app://renderer/index.html', parent: null } }, undefined)).toMatchObject({ ok: true, value: { accounts: [] } })
  })

  it('creates the window with the secure options and loads the app’s own start page', async () => {
    const win = await ready()
    const preloadPath = (win.options as { webPreferences: { preload: string } }).webPreferences.preload
    expect(preloadPath).toMatch(/preload[\\/]index\.cjs$/)
    expect(win.options).toEqual(mainWindowOptions({ preloadPath, devTools: true }))
    expect(win.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true } })
    expect(win.loaded).toEqual([APP_START_URL])
    win.events.emit('ready-to-show')
    expect(win.did).toContain('show')
  })

  it('hardens every web contents: navigation away is stopped, new windows are denied, <webview> cannot attach', async () => {
    await ready()
    const contents = { handlers: new Map<string, Listener>(), openHandler: undefined as ((d: { url: string }) => unknown) | undefined }
    const fake = {
      on: (event: string, l: Listener) => contents.handlers.set(event, l),
      setWindowOpenHandler: (h: (d: { url: string }) => unknown) => (contents.openHandler = h)
    }
    state.appEvents.emit('web-contents-created', {}, fake)
    expect([...contents.handlers.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect'])
    const prevented: string[] = []
    const navigate = contents.handlers.get('will-navigate') as (e: { preventDefault(): void }, url: string) => void
    navigate({ preventDefault: () => prevented.push('evil') }, 'https://evil.example/')
    navigate({ preventDefault: () => prevented.push('app') }, 'app://renderer/index.html')
    expect(prevented).toEqual(['evil'])
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
  })

  it('denies every permission request and check', async () => {
    await ready()
    const answers: boolean[] = []
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) state.permissionRequest?.({}, permission, (g) => answers.push(g))
    expect(answers).toEqual([false, false, false, false])
    expect(state.permissionCheck?.({}, 'media')).toBe(false)
  })

  it('runs image work in an Electron utility process, which ends when the app quits', async () => {
    await ready()
    const inspect = state.ipc.get('photos:inspect')!
    const bytes = new Uint8Array(await quadrantsPng(400, 300))
    const answer = await inspect({ senderFrame: { url: 'app://renderer/index.html', parent: null } }, { bytes })
    expect(answer).toMatchObject({ ok: true, value: { width: 400, height: 300 } })
    expect(state.utilityForks).toHaveLength(1) // the editor's; the bulk one starts with a bulk job
    const [fork] = state.utilityForks
    expect(fork).toMatchObject({ serviceName: 'image process (interactive)', env: { MALLOC_ARENA_MAX: '2' }, exited: false })
    expect(fork!.modulePath).toMatch(/image-host(-dev\.mjs|\.js)$/)
    state.appEvents.emit('will-quit', { preventDefault: () => {} })
    await vi.waitFor(() => expect(state.quits).toBeGreaterThan(0))
    expect(fork!.exited).toBe(true)
  })

  it('a second launch restores and focuses the first window', async () => {
    const win = await ready()
    state.appEvents.emit('second-instance')
    expect(win.did.filter((d) => d === 'restore' || d === 'focus')).toEqual(['restore', 'focus'])
    expect(state.windows).toHaveLength(1)
  })

  it('reloads a crashed window with a message (in the OS language); after repeated crashes the user picks reload or quit', async () => {
    const win = await ready()
    win.contents.emit('render-process-gone', {}, { reason: 'clean-exit' })
    expect(win.did).not.toContain('reload')
    for (let i = 0; i < 3; i++) win.contents.emit('render-process-gone', {}, { reason: 'crashed' })
    expect(win.did.filter((d) => d === 'reload')).toHaveLength(3)
    expect(state.dialogs.map((d) => d.title)).toEqual(Array(3).fill('Das Fenster funktionierte nicht mehr'))
    state.responses.push(1) // "Beenden"
    win.contents.emit('render-process-gone', {}, { reason: 'oom' })
    await vi.waitFor(() => expect(state.quits).toBe(1))
    expect(state.dialogs.at(-1)?.buttons).toEqual(['Neu laden', 'Beenden'])
    expect(win.did.filter((d) => d === 'reload')).toHaveLength(3) // no fourth reload in a loop
  })

  it('a hung window offers to wait or reload; reload restarts its renderer without the crash message', async () => {
    const win = await ready()
    state.responses.push(0) // "Warten"
    win.events.emit('unresponsive')
    await flush()
    expect(state.dialogs.at(-1)).toMatchObject({ title: 'Die App reagiert nicht', buttons: ['Warten', 'Neu laden'] })
    expect(win.did).not.toContain('kill')

    state.responses.push(1) // "Neu laden"
    win.events.emit('unresponsive')
    win.events.emit('unresponsive') // a second signal while the dialog is open: no second dialog
    await flush()
    expect(state.dialogs).toHaveLength(2)
    expect(win.did).toContain('kill')
    win.contents.emit('render-process-gone', {}, { reason: 'killed' })
    expect(win.did.filter((d) => d === 'reload')).toHaveLength(1)
    expect(state.dialogs).toHaveLength(2)
  })

  it('shows an OS notification when a bulk job that applied for over 20 s ends, and none for a short one', async () => {
    const win = await ready()
    let now = 1_000_000
    vi.spyOn(Date, 'now').mockImplementation(() => now)
    const progress = (jobId: string, phase: string, done = 0) => ({ jobId, phase, done, total: 40, failed: 2, rows: [] })
    const emit = (p: ReturnType<typeof progress>) => state.events!.emit('bulk:progress', p as never)

    emit(progress('short', 'applying'))
    now += 5_000
    emit(progress('short', 'finished', 40))
    expect(state.notifications).toEqual([])

    emit(progress('long', 'ready')) // waiting for the user does not count
    now += 60_000
    emit(progress('long', 'applying'))
    now += 25_000
    emit(progress('long', 'finished', 38))
    expect(state.notifications).toEqual([{ title: 'Fotoimport abgeschlossen', body: '38 von 40 Fotos erledigt, 2 fehlgeschlagen.', shown: true }])

    emit(progress('stopped', 'applying'))
    now += 21_000
    emit(progress('stopped', 'cancelled', 7))
    expect(state.notifications.at(-1)).toEqual({ title: 'Fotoimport abgebrochen', body: '7 von 40 Fotos waren vor dem Abbruch erledigt.', shown: true })
    // the renderer still gets every event
    expect(win.sent.filter(([channel]) => channel === 'bulk:progress')).toHaveLength(7)
  })
})

describe('the Electron shell, launched a second time', () => {
  it('quits at once when another instance holds the lock, without opening a window', async () => {
    await launch({ lock: false })
    expect(state.quits).toBe(1)
    expect(state.log).not.toContain('app.whenReady')
    await flush()
    expect(state.windows).toEqual([])
  })
})
