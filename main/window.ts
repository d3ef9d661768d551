// Shell (Electron): the main window, with every option from window-options.ts (unit-tested there).
import { BrowserWindow } from 'electron'
import { mainWindowOptions } from './window-options'

export function createMainWindow(opts: { preloadPath: string; devTools: boolean; url: string }): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(opts))
  win.once('ready-to-show', () => win.show())
  void win.loadURL(opts.url)
  return win
}
