/**
 * `npm run demo`: starts the local demo portal (emulator/) and opens the app on it with the portal
 * URL filled in. Where the Electron binary runs, that is the real Electron app; where it cannot be
 * obtained (as on the team's build machines) the same built renderer is served by the loopback web
 * host, backed by the real main-process services, and opened in Chromium (or its URL printed).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startPortal } from '../emulator/index'
import { createDefaultSecretStore, createMain } from '../main/compose'
import { browserLaunch } from '../main/web-host/browser-launch'
import { createEventRelay, startWebHost } from '../main/web-host/server'

const { values: opts } = parseArgs({
  options: {
    version: { type: 'string', default: '3.5.0' },
    people: { type: 'string', default: '400' },
    'portal-port': { type: 'string', default: '0' },
    'no-browser': { type: 'boolean', default: false }
  }
})

const root = resolve(import.meta.dirname, '..')
const rendererDir = join(root, 'out', 'renderer')
const dataDir = join(root, '.demo-data')

function electronBinary(): string | undefined {
  // electron's npm package downloads its binary lazily; path.txt exists only once it has one.
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt')
  return existsSync(pathFile) ? join(root, 'node_modules', 'electron', 'dist') : undefined
}

function browserCommand(): string | undefined {
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(candidate)) return candidate
  }
  return undefined
}

async function main(): Promise<void> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('The app is not built yet: run `npm run build` first (npm run demo does it for you).')
    process.exit(1)
  }
  const portal = await startPortal({
    version: opts.version,
    people: Number(opts.people),
    port: Number(opts['portal-port']),
    dataDir: join(dataDir, `portal-${opts.version}`),
    quiet: true
  })
  console.log(`Demo portal (DocSpace ${portal.version}, ${opts.people} people): ${portal.url}`)
  for (const [role, a] of Object.entries(portal.accounts)) {
    const extra = 'code' in a ? `  (two-factor code ${(a as { code: string }).code})` : ''
    console.log(`  ${role.padEnd(10)} ${a.email.padEnd(28)} ${a.password}${extra}`)
  }

  const electron = electronBinary()
  if (electron) {
    const child = spawn(join(electron, 'electron'), [root], {
      stdio: 'inherit',
      env: { ...process.env, DOCSPACE_DEMO_PORTAL: portal.url }
    })
    child.on('exit', () => void portal.close().then(() => process.exit(0)))
    return
  }

  console.log('\nElectron\'s binary cannot be obtained on this machine, so the app runs in a local browser instead.')
  const events = createEventRelay()
  const app = createMain({ dataDir: join(dataDir, 'app'), secrets: await createDefaultSecretStore(), events })
  const host = await startWebHost({ handlers: app.handlers, rendererDir })
  events.connect(host.events)
  // Each link opens the app once: its code is dead after the first page load.
  const openUrl = () => `${host.openUrl()}&portal=${encodeURIComponent(portal.url)}`

  let chromium: ChildProcess | undefined
  let stopping = false
  let profile: string | undefined
  const removeProfile = () => {
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true })
    profile = undefined
  }
  // Last resort (an uncaught error): synchronous, so it still runs as the process ends.
  process.on('exit', removeProfile)

  const browser = browserCommand()
  if (browser && process.env.DISPLAY && !opts['no-browser']) {
    // mkdtemp makes the directory 0700: the launcher page inside it is for this user's eyes only.
    profile = mkdtempSync(join(tmpdir(), 'docspace-demo-browser-'))
    const launch = browserLaunch({ openUrl: openUrl(), profileDir: profile, runAsRoot: process.getuid?.() === 0 })
    writeFileSync(launch.launcherFile, launch.launcherHtml, { mode: 0o600 })
    chromium = spawn(browser, launch.args, { stdio: 'ignore', detached: true })
    chromium.on('exit', () => {
      chromium = undefined
      removeProfile()
      if (!stopping) console.log(`Chromium closed. To open the app again (once), use:\n  ${openUrl()}`)
    })
    console.log('Opened the app in Chromium.')
  } else {
    console.log(`No display here: open this address in a browser on this computer (it works once):\n  ${openUrl()}`)
  }
  console.log('Press Ctrl+C to stop.')

  const stop = async () => {
    stopping = true
    const running = chromium
    if (running !== undefined) {
      const exited = new Promise<void>((done) => running.once('exit', () => done()))
      running.kill('SIGTERM')
      // Chromium writes its profile until it exits; remove it after that (or after 5 s regardless).
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5000).unref())])
    }
    removeProfile()
    await host.close()
    await app.dispose()
    await portal.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
