/**
 * The shell's decisions beyond the security baseline (window-options.ts): which window a second
 * launch focuses, what happens when the renderer dies or hangs, and when a finished bulk job earns
 * an OS notification. Pure (no 'electron' import), so main/index.ts only applies what is decided.
 */
import type { BulkProgress } from '../preload/contract'

// ---------------------------------------------------------------------------------------------
// Texts the shell shows itself (dialogs, notifications), in the renderer's two languages
// ---------------------------------------------------------------------------------------------

export interface ShellText {
  readonly crashedTitle: string
  readonly crashedBody: string
  readonly crashLoopBody: string
  readonly reload: string
  readonly quit: string
  readonly ok: string
  readonly hungTitle: string
  readonly hungBody: string
  readonly wait: string
  readonly bulkFinishedTitle: string
  readonly bulkFinishedBody: (p: { done: number; total: number; failed: number }) => string
  readonly bulkCancelledTitle: string
  readonly bulkCancelledBody: (p: { done: number; total: number }) => string
}

const EN: ShellText = {
  crashedTitle: 'The window stopped working',
  crashedBody: 'The app reloaded it. Changes already sent to the portal are kept; an edit that was still open may need doing again.',
  crashLoopBody: 'The window stopped working several times in a row. Reload it once more, or quit and start the app again.',
  reload: 'Reload',
  quit: 'Quit',
  ok: 'OK',
  hungTitle: 'The app is not responding',
  hungBody: 'It may be busy with a large list. Wait for it, or reload the window (changes already sent to the portal are kept).',
  wait: 'Wait',
  bulkFinishedTitle: 'Photo import finished',
  bulkFinishedBody: ({ done, total, failed }) => `${done} of ${total} photos done${failed > 0 ? `, ${failed} failed` : ''}.`,
  bulkCancelledTitle: 'Photo import cancelled',
  bulkCancelledBody: ({ done, total }) => `${done} of ${total} photos were done before it was cancelled.`
}

const DE: ShellText = {
  crashedTitle: 'Das Fenster funktionierte nicht mehr',
  crashedBody: 'Die App hat es neu geladen. Was schon an das Portal gesendet wurde, bleibt erhalten; eine noch offene Bearbeitung muss eventuell wiederholt werden.',
  crashLoopBody: 'Das Fenster ist mehrmals hintereinander abgestürzt. Laden Sie es noch einmal neu, oder beenden Sie die App und starten Sie sie erneut.',
  reload: 'Neu laden',
  quit: 'Beenden',
  ok: 'OK',
  hungTitle: 'Die App reagiert nicht',
  hungBody: 'Sie ist vielleicht mit einer großen Liste beschäftigt. Warten Sie, oder laden Sie das Fenster neu (schon an das Portal Gesendetes bleibt erhalten).',
  wait: 'Warten',
  bulkFinishedTitle: 'Fotoimport abgeschlossen',
  bulkFinishedBody: ({ done, total, failed }) => `${done} von ${total} Fotos erledigt${failed > 0 ? `, ${failed} fehlgeschlagen` : ''}.`,
  bulkCancelledTitle: 'Fotoimport abgebrochen',
  bulkCancelledBody: ({ done, total }) => `${done} von ${total} Fotos waren vor dem Abbruch erledigt.`
}

/** By the OS language (Electron's app.getLocale()), as the renderer picks by navigator.languages; English otherwise. */
export function shellText(locale: string): ShellText {
  return locale.toLowerCase().split(/[-_]/)[0] === 'de' ? DE : EN
}

// ---------------------------------------------------------------------------------------------
// A second launch
// ---------------------------------------------------------------------------------------------

export interface FocusableWindow {
  isMinimized(): boolean
  restore(): void
  focus(): void
}

/** A second launch brings the first window back instead of opening another app. */
export function focusFirstWindow(windows: readonly FocusableWindow[]): void {
  const [win] = windows
  if (win === undefined) return
  if (win.isMinimized()) win.restore()
  win.focus()
}

// ---------------------------------------------------------------------------------------------
// The renderer died or hangs
// ---------------------------------------------------------------------------------------------

export type CrashDecision =
  /** A normal end (the window closed): nothing to do. */
  | { readonly action: 'ignore' }
  /** Reload now and tell the user why the window flashed. */
  | { readonly action: 'reload' }
  /** It keeps dying: reloading again would loop; ask (reload or quit). */
  | { readonly action: 'ask' }

export interface CrashPolicy {
  decide(details: { readonly reason: string }): CrashDecision
}

/** Reloads after a crash, but at most `maxReloads` times within `windowMs`, so a crash loop does not spin. */
export function createCrashPolicy(opts: { readonly now: () => number; readonly maxReloads?: number; readonly windowMs?: number }): CrashPolicy {
  const maxReloads = opts.maxReloads ?? 3
  const windowMs = opts.windowMs ?? 60_000
  let recent: number[] = []
  return {
    decide({ reason }) {
      if (reason === 'clean-exit') return { action: 'ignore' }
      const now = opts.now()
      recent = recent.filter((t) => now - t < windowMs)
      if (recent.length >= maxReloads) return { action: 'ask' }
      recent.push(now)
      return { action: 'reload' }
    }
  }
}

/** The buttons of the dialogs, in order; the index Electron's showMessageBox answers maps back here. */
export const CRASH_LOOP_BUTTONS = ['reload', 'quit'] as const
export const HUNG_BUTTONS = ['wait', 'reload'] as const

// ---------------------------------------------------------------------------------------------
// OS notification when a long bulk job ends
// ---------------------------------------------------------------------------------------------

/** Shorter jobs end while the user is still watching; a notification would only be noise. */
export const BULK_NOTIFY_AFTER_MS = 20_000

export interface Notice {
  readonly title: string
  readonly body: string
}

export interface BulkNotifier {
  /** Feed every main -> renderer event; answers the notification to show, if this one ends a long job. */
  observe(channel: string, payload: unknown): Notice | undefined
}

/** Measures from the first 'applying' (or 'undoing') event of a job: planning waits on the user and does not count. */
export function createBulkNotifier(opts: { readonly now: () => number; readonly text: () => ShellText; readonly minMs?: number }): BulkNotifier {
  const minMs = opts.minMs ?? BULK_NOTIFY_AFTER_MS
  const started = new Map<string, number>()
  return {
    observe(channel, payload) {
      if (channel !== 'bulk:progress' || !isProgress(payload)) return undefined
      const { jobId, phase } = payload
      if (phase === 'applying' || phase === 'undoing') {
        if (!started.has(jobId)) started.set(jobId, opts.now())
        return undefined
      }
      if (phase !== 'finished' && phase !== 'cancelled') return undefined
      const since = started.get(jobId)
      started.delete(jobId)
      if (since === undefined || opts.now() - since < minMs) return undefined
      const text = opts.text()
      return phase === 'finished'
        ? { title: text.bulkFinishedTitle, body: text.bulkFinishedBody(payload) }
        : { title: text.bulkCancelledTitle, body: text.bulkCancelledBody(payload) }
    }
  }
}

function isProgress(value: unknown): value is BulkProgress {
  const v = value as Partial<BulkProgress> | null
  return typeof v === 'object' && v !== null && typeof v.jobId === 'string' && typeof v.phase === 'string' && typeof v.done === 'number' && typeof v.total === 'number' && typeof v.failed === 'number'
}

// ---------------------------------------------------------------------------------------------
// Applying the crash and hang decisions to a window (structural types: tests pass fakes)
// ---------------------------------------------------------------------------------------------

export interface SupervisedWindow {
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown
  readonly webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: { readonly reason: string }) => void): unknown
    reload(): void
    forcefullyCrashRenderer(): void
  }
}

export interface MessageBoxOptions {
  readonly type: 'warning' | 'info'
  readonly title: string
  readonly message: string
  readonly detail: string
  readonly buttons: readonly string[]
  readonly defaultId: number
  readonly cancelId: number
}

export interface SuperviseDeps {
  readonly policy: CrashPolicy
  readonly text: () => ShellText
  /** Electron's dialog.showMessageBox for this window; answers the index of the button pressed. */
  readonly showMessageBox: (options: MessageBoxOptions) => Promise<number>
  readonly quit: () => void
}

/** A dead renderer is reloaded with a message (or, in a loop, the user decides); a hung one offers to wait or reload. */
export function superviseWindow(win: SupervisedWindow, deps: SuperviseDeps): void {
  let restarting = false // we killed a hung renderer on purpose: reload without the crash message
  let hung = false
  let asking = false

  win.webContents.on('render-process-gone', (_event, details) => {
    if (restarting) {
      restarting = false
      win.webContents.reload()
      return
    }
    const decision = deps.policy.decide(details)
    const text = deps.text()
    if (decision.action === 'ignore') return
    if (decision.action === 'reload') {
      win.webContents.reload()
      void deps.showMessageBox({ type: 'info', title: text.crashedTitle, message: text.crashedTitle, detail: text.crashedBody, buttons: [text.ok], defaultId: 0, cancelId: 0 }).catch(() => 0)
      return
    }
    void deps
      .showMessageBox({ type: 'warning', title: text.crashedTitle, message: text.crashedTitle, detail: text.crashLoopBody, buttons: CRASH_LOOP_BUTTONS.map((b) => text[b]), defaultId: 0, cancelId: 1 })
      .then((index) => (CRASH_LOOP_BUTTONS[index] === 'reload' ? win.webContents.reload() : deps.quit()))
      .catch(() => deps.quit())
  })

  win.on('responsive', () => {
    hung = false
  })
  win.on('unresponsive', () => {
    hung = true
    if (asking) return
    asking = true
    const text = deps.text()
    void deps
      .showMessageBox({ type: 'warning', title: text.hungTitle, message: text.hungTitle, detail: text.hungBody, buttons: HUNG_BUTTONS.map((b) => text[b]), defaultId: 0, cancelId: 0 })
      .then((index) => {
        // Became responsive while the dialog was open: nothing to reload any more.
        if (HUNG_BUTTONS[index] !== 'reload' || !hung) return
        restarting = true
        win.webContents.forcefullyCrashRenderer()
      })
      .catch(() => undefined)
      .finally(() => {
        asking = false
      })
  })
}
