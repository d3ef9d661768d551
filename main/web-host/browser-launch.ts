/**
 * How `npm run demo` starts Chromium on the web host, as pure data so a test can prove the command
 * line holds nothing worth reading: every user of the machine can read it (/proc/PID/cmdline).
 * Chromium gets the path of a launcher page inside its own profile directory (mode 0700, created by
 * the caller); the page, readable by its owner only, forwards to the one-time open link.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface BrowserLaunch {
  readonly args: readonly string[]
  /** Write launcherHtml here (mode 0600) before starting the browser. */
  readonly launcherFile: string
  readonly launcherHtml: string
}

export function browserLaunch(opts: { readonly openUrl: string; readonly profileDir: string; readonly runAsRoot: boolean }): BrowserLaunch {
  const launcherFile = join(opts.profileDir, 'open.html')
  const target = escapeAttribute(opts.openUrl)
  return {
    args: [
      `--app=${pathToFileURL(launcherFile).href}`,
      `--user-data-dir=${opts.profileDir}`,
      '--no-first-run',
      '--disable-background-networking',
      // Chromium refuses to start as root unless its sandbox is off (CI-like machines run as root).
      ...(opts.runAsRoot ? ['--no-sandbox'] : [])
    ],
    launcherFile,
    launcherHtml: `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${target}"><title>DocSpace Photo Manager</title><a href="${target}">Open the app</a>\n`
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
