/**
 * The desktop app's data folder, found without Electron: Electron's userData is
 * <appData>/<productName>, where appData is XDG_CONFIG_HOME (~/.config) on Linux,
 * ~/Library/Application Support on macOS and %APPDATA% on Windows.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'

export const PRODUCT_NAME = 'DocSpace Photo Manager'

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), PRODUCT_NAME)
}
