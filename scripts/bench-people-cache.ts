/**
 * The second start of `npm run bench:people`: after the first run loaded everyone (which saved the
 * encrypted people cache), main and the web host start again on the same data folder and secret
 * store, as when the app is quit and opened again with a remembered session, and a new page opens.
 *
 * cachedStartMs, on the page's clock: from sign-in finishing (the people view appears: the app knows
 * the account is signed in) to the first painted frame that shows the cached rows with everyone
 * counted. The portal's pages are still loading then (checked: the view says it is updating), so
 * the figure is the cache's, not the portal's. Also reported: the same frame from navigation start.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from '@playwright/test'
import { createMain } from '../main/compose'
import type { Logger } from '../main/core/logger'
import type { SecretStore } from '../main/secrets/secret-store'
import { createEventRelay, startWebHost } from '../main/web-host/server'
import { timedHandlers } from './bench-support'

export interface CachedStartFigures {
  /** Sign-in finished -> cached list painted. */
  readonly cachedStartMs: number
  /** Navigation start -> cached list painted (loading the app included). */
  readonly fromNavigationMs: number
  /** The frame came while the portal's pages were still loading. */
  readonly beforeRefresh: boolean
  /** The background refresh's full time, from sign-in finishing to the list updated. */
  readonly refreshedMs: number
  /** main's people:cached handler (read, decrypt, parse), as the web host saw it. */
  readonly mainReadMs: number
  /** The page's own marks (people-store's showCached), from sign-in finishing: asked, answered, parsed, sorted. */
  readonly marksMs: Readonly<Record<string, number>>
}

export interface CachedStartOptions {
  readonly dataDir: string
  readonly secrets: SecretStore
  readonly portalUrl: string
  readonly browser: Browser
  readonly people: number
  readonly rendererDir: string
  readonly log: Logger
}

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} }

export async function measureCachedStart(options: CachedStartOptions): Promise<CachedStartFigures> {
  await waitForCacheFile(options.dataDir)
  const events = createEventRelay()
  const app = createMain({ dataDir: options.dataDir, secrets: options.secrets, events, log: options.log ?? silent })
  let mainReadMs = NaN
  const handlers = timedHandlers(app.handlers, (channel, ms) => {
    if (channel === 'people:cached') mainReadMs = ms
  })
  const host = await startWebHost({ handlers, rendererDir: options.rendererDir, log: () => {} })
  events.connect(host.events)
  const context = await options.browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    await page.addInitScript({ content: 'globalThis.__name = (f) => f' })
    // Armed before the app's own scripts run: the people view's insertion is "sign-in finished".
    await page.addInitScript((expected: number) => {
      const w = window as unknown as { __cached: { signedIn?: number; shown?: number; refreshing?: boolean; refreshed?: number } }
      w.__cached = {}
      const afterPaint = (record: (t: number) => void) => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => record(performance.now())
        channel.port2.postMessage(0)
      }
      new MutationObserver(() => {
        if (w.__cached.signedIn === undefined && document.querySelector('[data-testid="counts"]')) w.__cached.signedIn = performance.now()
      }).observe(document, { childList: true, subtree: true })
      const tick = () => {
        const c = w.__cached
        const counts = document.querySelector<HTMLElement>('[data-testid="counts"]')
        const full = counts?.dataset['total'] === String(expected) && counts.dataset['shown'] === String(expected) && document.querySelector('[data-testid="person-row"]')
        if (c.shown === undefined && full) {
          c.refreshing = document.querySelector<HTMLElement>('[data-testid="load-progress"]')?.dataset['refreshing'] === 'true'
          afterPaint((t) => (c.shown ??= t))
        }
        if (c.shown !== undefined && c.refreshed === undefined && document.querySelector('[data-testid="load-done"]')) afterPaint((t) => (c.refreshed ??= t))
        if (c.refreshed === undefined) requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    }, options.people)
    await page.goto(`${host.openUrl()}&portal=${encodeURIComponent(options.portalUrl)}`)
    await page.waitForFunction(() => (window as unknown as { __cached: { refreshed?: number } }).__cached.refreshed !== undefined, null, { timeout: 120_000, polling: 100 })
    const c = await page.evaluate(() => (window as unknown as { __cached: { signedIn: number; shown: number; refreshing: boolean; refreshed: number } }).__cached)
    const marks = await page.evaluate(() => [
      ...performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const),
      // The web host's answer on the network's clock: when it began to arrive and when it was all there.
      ...performance
        .getEntriesByType('resource')
        .filter((r) => r.name.includes('people%3Acached') || r.name.includes('people:cached'))
        .flatMap((r) => {
          const t = r as PerformanceResourceTiming
          return [['people-cache:response-start', t.responseStart] as const, ['people-cache:response-end', t.responseEnd] as const]
        })
    ])
    const marksMs = Object.fromEntries(
      marks
        .filter(([name]) => name.startsWith('people-cache:'))
        .sort((a, b) => a[1] - b[1])
        .map(([name, at]) => [name.slice('people-cache:'.length), Math.round(at - c.signedIn)])
    )
    return { cachedStartMs: c.shown - c.signedIn, fromNavigationMs: c.shown, beforeRefresh: c.refreshing, refreshedMs: c.refreshed - c.signedIn, mainReadMs, marksMs }
  } finally {
    await context.close()
    await host.close()
    await app.dispose()
  }
}

/** Main saves the cache in the background once the last page is served. */
async function waitForCacheFile(dataDir: string): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const files = await readdir(join(dataDir, 'people-cache')).catch(() => [] as string[])
    if (files.some((f) => f.endsWith('.bin'))) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('the people cache was not saved after the first load')
}

/** One line for the table's footer. */
export function describeCachedStart(f: CachedStartFigures): string {
  const note = f.beforeRefresh ? 'while the portal was still loading' : 'WARNING: only after the refresh finished, so this is not the cache'
  const marks = Object.entries(f.marksMs).map(([name, ms]) => `${name} +${ms}`).join(', ')
  return `second start: cached list ${f.cachedStartMs.toFixed(1)} ms after sign-in finished (${f.fromNavigationMs.toFixed(0)} ms from navigation; main's read ${f.mainReadMs.toFixed(0)} ms; the page's marks in ms after sign-in: ${marks || 'none'}, painted +${f.cachedStartMs.toFixed(0)}), ${note}; refreshed after ${(f.refreshedMs / 1000).toFixed(1)} s`
}
