// Shell (Electron): app lifecycle and composition root. Every decision lives in window-options.ts
// (pure, unit-tested); this file only applies it. See ARCHITECTURE.md §6.
import { fileURLToPath } from 'node:url'
import { BrowserWindow, Notification, app, ipcMain, protocol, session, shell, utilityProcess } from 'electron'
import { createDefaultSecretStore, createMain, type Main } from './compose'
import { registerIpc } from './ipc/register-ipc'
import type { EventSink } from './core/events'
import { createBulkNotifier, createCrashPolicy, focusFirstWindow, shellText } from './shell-policy'
import { utilityProcessLauncher } from './utility-process-launcher'
import { createMainWindow } from './window'
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createExternalOpener,
  hardenSession,
  hardenWebContents,
  isTrustedAppFrame,
  readTestSwitches,
  serveAppRequest,
  startUrl
} from './window-options'

const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url))
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url))

// Must happen before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
app.enableSandbox()
const switches = readTestSwitches({ isPackaged: app.isPackaged, env: process.env })
if (switches.userDataDir !== undefined) app.setPath('userData', switches.userDataDir)

let main: Main | undefined
const openExternally = createExternalOpener({
  openExternal: (url) => shell.openExternal(url),
  allowedOrigins: async () => (main ? main.portalOrigins() : [])
})
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternally))

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => focusFirstWindow(BrowserWindow.getAllWindows()))
  void app.whenReady().then(start)
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession)
  session.defaultSession.protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir))

  const text = () => shellText(app.getLocale())
  const bulkNotifier = createBulkNotifier({ now: () => Date.now(), text })
  const events: EventSink = {
    emit: (channel, payload) => {
      for (const win of BrowserWindow.getAllWindows()) win.webContents.send(channel, payload)
      const notice = bulkNotifier.observe(channel, payload)
      if (notice !== undefined && Notification.isSupported()) new Notification(notice).show()
    }
  }
  main = createMain({ dataDir: app.getPath('userData'), secrets: await createDefaultSecretStore(), events, imageLauncher: utilityProcessLauncher(utilityProcess) })
  registerIpc(ipcMain, main.handlers, isTrustedAppFrame)

  const crashPolicy = createCrashPolicy({ now: () => Date.now() })
  const openWindow = () =>
    createMainWindow({ preloadPath, devTools: !app.isPackaged, url: startUrl(switches), crashPolicy, text, quit: () => app.quit() })
  openWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow()
  })
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

let disposed = false
app.on('will-quit', (event) => {
  if (disposed || main === undefined) return
  // Let main finish (flush accounts.json) before the process exits.
  event.preventDefault()
  disposed = true
  void main.dispose().finally(() => app.quit())
})
