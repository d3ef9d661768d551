// Shell (Electron): the main window, with every option from window-options.ts and the crash and
// hang handling from shell-policy.ts (both unit-tested there).
import { BrowserWindow, dialog } from 'electron'
import { superviseWindow, type CrashPolicy, type ShellText } from './shell-policy'
import { mainWindowOptions } from './window-options'

export function createMainWindow(opts: {
  preloadPath: string
  devTools: boolean
  url: string
  crashPolicy: CrashPolicy
  text: () => ShellText
  quit: () => void
}): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(opts))
  win.once('ready-to-show', () => win.show())
  superviseWindow(win, {
    policy: opts.crashPolicy,
    text: opts.text,
    quit: opts.quit,
    showMessageBox: async (options) => (await dialog.showMessageBox(win, { ...options, buttons: [...options.buttons] })).response
  })
  void win.loadURL(opts.url)
  return win
}
