/**
 * A generic work queue for long runs against the portal (a bulk apply or undo):
 * - bounded concurrency, default 4, never above 15: DocSpace limits each user to 15 concurrent
 *   writes (CONTRACT.md §0.5: past a limit it answers 429 with Retry-After), and the single-photo
 *   editor may be writing at the same time;
 * - a failure with `portal/rate-limited` holds back every new start for its Retry-After (or a
 *   default when the portal gave none), then the same item runs again, first in line;
 * - gateway errors and lost connections are retried a bounded number of times with backoff;
 * - pause (no new starts), resume, cancel (running items see their AbortSignal and stop at their
 *   own safe point; items not started yet are reported as skipped);
 * - every outcome is reported as it happens; the rate is rows per minute over a sliding window.
 *
 * The queue never decides whether a retry is safe for the item's side effects: the worker gets the
 * attempt number and the previous failure, and checks what it must before writing again.
 */
import { BULK_CONCURRENCY, type AppError } from '../../preload/contract'
import { sharedAbortController } from '../core/abort'

/** DocSpace's default per-user limit of concurrent writes (CONTRACT.md §0.5). */
export const MAX_CONCURRENCY = BULK_CONCURRENCY.max
export const DEFAULT_CONCURRENCY = BULK_CONCURRENCY.default

/**
 * A failure as the worker reports it. AppError does not carry the portal's Retry-After, so this
 * internal type adds it: the adapter that sees the 429 response fills it (milliseconds).
 */
export interface QueueFailure extends AppError {
  readonly retryAfterMs?: number
}

export type WorkResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: QueueFailure }

export interface WorkContext {
  readonly signal: AbortSignal
  /** 1 on the first try. */
  readonly attempt: number
  /** Why the previous attempt did not succeed. */
  readonly previous?: QueueFailure
}

export type QueueOutcome<T> =
  | { readonly kind: 'ok'; readonly value: T; readonly attempts: number }
  | { readonly kind: 'failed'; readonly error: AppError; readonly attempts: number }
  /** Cancelled before it started, or the worker stopped at a safe point (app/cancelled). */
  | { readonly kind: 'skipped'; readonly attempts: number }

export interface QueueStats {
  readonly total: number
  readonly ok: number
  readonly failed: number
  readonly skipped: number
  readonly running: number
  /** Not started yet, or waiting for a retry. */
  readonly pending: number
  readonly paused: boolean
  readonly cancelled: boolean
  /** Milliseconds until new starts are allowed again after a 429; 0 when not held. */
  readonly heldForMs: number
  /** Rows finished (ok or failed) per minute over the sliding window; undefined until measurable. */
  readonly perMinute?: number
  readonly secondsLeft?: number
}

export interface WorkQueueOptions<I, T> {
  readonly worker: (item: I, ctx: WorkContext) => Promise<WorkResult<T>>
  /** Called when an attempt starts (also for retries). */
  readonly onStart?: (item: I, attempt: number) => void
  /** Called once per item with its final outcome. */
  readonly onOutcome?: (item: I, outcome: QueueOutcome<T>) => void
  /** Default 4; clamped to 1..15. */
  readonly concurrency?: number
  /** Attempts in all for gateway errors and lost connections. Default 3. */
  readonly maxAttempts?: number
  /** How often one item may be held back by 429s before it fails. Default 8. */
  readonly maxRateLimitWaits?: number
  /** Hold after a 429 that came without Retry-After. Default 10 s. */
  readonly defaultRetryAfterMs?: number
  /** A Retry-After longer than this fails the item instead of stalling the run. Default 10 min. */
  readonly maxRetryAfterMs?: number
  /** First backoff step, doubled per attempt with jitter. Default 1 s. */
  readonly baseDelayMs?: number
  readonly maxDelayMs?: number
  /** Sliding window for the rate. Default 60 s. */
  readonly rateWindowMs?: number
  readonly random?: () => number
}

interface Entry<I> {
  readonly item: I
  attempts: number
  rateWaits: number
  previous?: QueueFailure
}

export class WorkQueue<I, T> {
  readonly #o: WorkQueueOptions<I, T>
  readonly #controller = sharedAbortController()
  #concurrency: number
  #front: Entry<I>[] = []
  #ready: Entry<I>[] = []
  #readyHead = 0
  #waiting: { entry: Entry<I>; readyAt: number }[] = []
  #running = 0
  #total = 0
  #ok = 0
  #failed = 0
  #skipped = 0
  #paused = false
  #cancelled = false
  #holdUntil = 0
  #timer: ReturnType<typeof setTimeout> | undefined
  #timerAt = 0
  #startedAt = 0
  #finishTimes: number[] = []
  #started = false
  #done: (() => void) | undefined

  constructor(options: WorkQueueOptions<I, T>) {
    this.#o = options
    this.#concurrency = clampConcurrency(options.concurrency)
  }

  get concurrency(): number {
    return this.#concurrency
  }

  /** Runs every item; resolves when all have an outcome (after a cancel: when the running ones stopped). */
  run(items: readonly I[]): Promise<void> {
    if (this.#started) throw new Error('a WorkQueue runs once')
    this.#started = true
    this.#startedAt = performance.now()
    this.#total = items.length
    this.#ready = items.map((item) => ({ item, attempts: 0, rateWaits: 0 }))
    return new Promise<void>((resolve) => {
      this.#done = resolve
      this.#pump()
    })
  }

  pause(): void {
    this.#paused = true
  }

  resume(): void {
    if (!this.#paused) return
    this.#paused = false
    this.#pump()
  }

  setConcurrency(n: number): void {
    this.#concurrency = clampConcurrency(n)
    this.#pump()
  }

  /** Running items get an aborted signal; everything not started is skipped. */
  cancel(): void {
    if (this.#cancelled) return
    this.#cancelled = true
    this.#controller.abort()
    this.#clearTimer()
    const left = [...this.#front, ...this.#ready.slice(this.#readyHead), ...this.#waiting.map((w) => w.entry)]
    this.#front = []
    this.#ready = []
    this.#readyHead = 0
    this.#waiting = []
    for (const entry of left) this.#finish(entry, { kind: 'skipped', attempts: entry.attempts })
    this.#maybeDone()
  }

  stats(): QueueStats {
    const now = performance.now()
    const pending = this.#front.length + (this.#ready.length - this.#readyHead) + this.#waiting.length
    const base = {
      total: this.#total,
      ok: this.#ok,
      failed: this.#failed,
      skipped: this.#skipped,
      running: this.#running,
      pending,
      paused: this.#paused,
      cancelled: this.#cancelled,
      heldForMs: Math.max(0, Math.round(this.#holdUntil - now))
    }
    const perMinute = this.#rate(now)
    if (perMinute === undefined) return base
    const left = pending + this.#running
    return { ...base, perMinute: Math.round(perMinute * 10) / 10, secondsLeft: Math.round((left / perMinute) * 60) }
  }

  #rate(now: number): number | undefined {
    const windowMs = this.#o.rateWindowMs ?? 60_000
    while (this.#finishTimes.length > 0 && (this.#finishTimes[0] ?? 0) < now - windowMs) this.#finishTimes.shift()
    const span = Math.min(windowMs, now - this.#startedAt)
    if (this.#finishTimes.length === 0 || span < 1000) return undefined
    return (this.#finishTimes.length * 60_000) / span
  }

  #pump(): void {
    if (!this.#started) return
    if (this.#cancelled) return this.#maybeDone()
    const now = performance.now()
    for (let i = this.#waiting.length - 1; i >= 0; i--) {
      const w = this.#waiting[i]
      if (w && w.readyAt <= now) {
        this.#waiting.splice(i, 1)
        this.#ready.splice(this.#readyHead, 0, w.entry)
      }
    }
    if (!this.#paused) {
      if (this.#holdUntil > now) {
        this.#wakeAt(this.#holdUntil)
      } else {
        while (this.#running < this.#concurrency) {
          const entry = this.#next()
          if (!entry) break
          this.#start(entry)
        }
      }
    }
    const soonest = Math.min(...this.#waiting.map((w) => w.readyAt))
    if (Number.isFinite(soonest)) this.#wakeAt(soonest)
    this.#maybeDone()
  }

  #next(): Entry<I> | undefined {
    const first = this.#front.shift()
    if (first) return first
    if (this.#readyHead >= this.#ready.length) return undefined
    const entry = this.#ready[this.#readyHead]
    this.#readyHead++
    if (this.#readyHead > 1024 && this.#readyHead * 2 > this.#ready.length) {
      this.#ready = this.#ready.slice(this.#readyHead)
      this.#readyHead = 0
    }
    return entry
  }

  #start(entry: Entry<I>): void {
    this.#running++
    entry.attempts++
    const ctx: WorkContext = { signal: this.#controller.signal, attempt: entry.attempts, ...(entry.previous ? { previous: entry.previous } : {}) }
    this.#o.onStart?.(entry.item, entry.attempts)
    let work: Promise<WorkResult<T>>
    try {
      work = this.#o.worker(entry.item, ctx)
    } catch (e) {
      work = Promise.resolve(bug(e))
    }
    work.then(
      (result) => this.#settle(entry, result),
      (e: unknown) => this.#settle(entry, bug(e))
    )
  }

  #settle(entry: Entry<I>, result: WorkResult<T>): void {
    this.#running--
    const now = performance.now()
    if (result.ok) {
      this.#finishTimes.push(now)
      this.#finish(entry, { kind: 'ok', value: result.value, attempts: entry.attempts })
    } else if (result.error.code === 'app/cancelled' || this.#cancelled) {
      if (result.error.code === 'app/cancelled') this.#finish(entry, { kind: 'skipped', attempts: entry.attempts })
      else this.#fail(entry, result.error, now)
    } else if (result.error.code === 'portal/rate-limited' && entry.rateWaits < (this.#o.maxRateLimitWaits ?? 8)) {
      const hold = result.error.retryAfterMs ?? this.#o.defaultRetryAfterMs ?? 10_000
      if (hold > (this.#o.maxRetryAfterMs ?? 600_000)) {
        this.#fail(entry, result.error, now)
      } else {
        entry.rateWaits++
        entry.previous = result.error
        this.#holdUntil = Math.max(this.#holdUntil, now + hold)
        this.#front.unshift(entry)
      }
    } else if (isTransient(result.error) && entry.attempts < (this.#o.maxAttempts ?? 3)) {
      entry.previous = result.error
      this.#waiting.push({ entry, readyAt: now + this.#backoff(entry.attempts) })
    } else {
      this.#fail(entry, result.error, now)
    }
    this.#pump()
  }

  #fail(entry: Entry<I>, error: QueueFailure, now: number): void {
    this.#finishTimes.push(now)
    const { retryAfterMs: _retryAfterMs, ...plain } = error
    this.#finish(entry, { kind: 'failed', error: plain, attempts: entry.attempts })
  }

  #finish(entry: Entry<I>, outcome: QueueOutcome<T>): void {
    if (outcome.kind === 'ok') this.#ok++
    else if (outcome.kind === 'failed') this.#failed++
    else this.#skipped++
    this.#o.onOutcome?.(entry.item, outcome)
  }

  #maybeDone(): void {
    const finished = this.#ok + this.#failed + this.#skipped
    if (this.#done && finished >= this.#total && this.#running === 0) {
      this.#clearTimer()
      const done = this.#done
      this.#done = undefined
      done()
    }
  }

  #wakeAt(at: number): void {
    if (this.#timer !== undefined && this.#timerAt <= at) return
    this.#clearTimer()
    this.#timerAt = at
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined
        this.#pump()
      },
      Math.max(0, Math.ceil(at - performance.now()))
    )
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timer = undefined
  }

  #backoff(attempt: number): number {
    const step = Math.min(this.#o.maxDelayMs ?? 30_000, (this.#o.baseDelayMs ?? 1000) * 2 ** (attempt - 1))
    // Equal jitter: at least half the step, so parallel retries spread out.
    return Math.round(step / 2 + (this.#o.random ?? Math.random)() * (step / 2))
  }
}

export function clampConcurrency(n: number | undefined): number {
  if (n === undefined || !Number.isFinite(n)) return DEFAULT_CONCURRENCY
  return Math.min(MAX_CONCURRENCY, Math.max(1, Math.floor(n)))
}

/**
 * Worth another try: a lost connection, or a gateway/unavailable answer. A plain 500 (and 501) is
 * not: DocSpace answers 500 for deterministic refusals such as "No permissions" (CONTRACT.md §0.3:
 * any exception without its own mapping becomes 500), so repeating it would only slow the run.
 */
export function isTransient(error: AppError): boolean {
  if (error.code === 'net/connection-lost') return true
  if (error.code === 'portal/server-error') return error.status === undefined || error.status >= 502
  return false
}

function bug(e: unknown): WorkResult<never> {
  return { ok: false, error: { code: 'app/internal', message: 'Something went wrong in the app.', detail: e instanceof Error ? e.message : String(e) } }
}
