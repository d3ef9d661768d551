/**
 * Holds row photo requests back while the people list scrolls fast. Profiles of scrolling over new
 * rows were led by the photo fetches of rows that were gone a frame later (IPC, Blob,
 * createObjectURL). So: a request made while scrolling fast waits until the list has been calm for
 * SCROLL_SETTLE_MS, and a row that scrolled away meanwhile aborts its wait and costs nothing.
 * Slow scrolling (a wheel notch, arrow keys) is not held back. Plain TS: the clock is injectable.
 */

/** Quiet time after the last fast scroll before held requests go out. */
export const SCROLL_SETTLE_MS = 120
/**
 * Quiet time after the last key of a search. Longer than a scroll's: a fast typist's keys come about
 * 120 ms apart, and photos released in that gap were decoded and painted as the next key arrived,
 * which made that key's list late. Photos show once typing pauses.
 */
export const TYPING_SETTLE_MS = 300
/** Faster than this counts as fast: 2 px/ms is about 40 rows of 52 px a second. */
export const FAST_SCROLL_PX_PER_MS = 2
/**
 * The time between two scroll events counts as at most this, so a jump after a pause (scrollbar
 * click, End key) counts as fast, while a lone wheel notch (about 100 px) does not.
 */
const MAX_SAMPLE_MS = 100

export interface ScrollSettleOptions {
  readonly settleMs?: number
  readonly fastPxPerMs?: number
  readonly now?: () => number
  readonly setTimer?: (run: () => void, ms: number) => unknown
  readonly clearTimer?: (handle: unknown) => void
}

export class ScrollSettle {
  readonly #settleMs: number
  readonly #fastPxPerMs: number
  readonly #now: () => number
  readonly #setTimer: (run: () => void, ms: number) => unknown
  readonly #clearTimer: (handle: unknown) => void
  #lastTop: number | null = null
  #lastAt = 0
  /** Calm from this time on; -Infinity until the first fast scroll. */
  #settledAt = Number.NEGATIVE_INFINITY
  #timer: unknown = null
  readonly #waiters = new Set<() => void>()

  constructor(options: ScrollSettleOptions = {}) {
    this.#settleMs = options.settleMs ?? SCROLL_SETTLE_MS
    this.#fastPxPerMs = options.fastPxPerMs ?? FAST_SCROLL_PX_PER_MS
    this.#now = options.now ?? (() => performance.now())
    this.#setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms))
    this.#clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>))
  }

  /** Call from the list's scroll events with its scrollTop. */
  onScroll(scrollTop: number): void {
    const now = this.#now()
    if (this.#lastTop !== null) {
      const elapsed = Math.min(Math.max(now - this.#lastAt, 1), MAX_SAMPLE_MS)
      if (Math.abs(scrollTop - this.#lastTop) / elapsed >= this.#fastPxPerMs) {
        this.#settledAt = now + this.#settleMs
        this.#arm()
      }
    }
    this.#lastTop = scrollTop
    this.#lastAt = now
  }

  /**
   * The rows are changing fast for another reason than scrolling (a search being typed: each key puts
   * other people in the rows): requests wait as after a fast scroll, and those of rows replaced by
   * the next key abort without costing a fetch.
   */
  hold(ms: number = TYPING_SETTLE_MS): void {
    this.#settledAt = Math.max(this.#settledAt, this.#now() + ms)
    this.#arm()
  }

  /** True when no fast scroll happened in the last SCROLL_SETTLE_MS. */
  get settled(): boolean {
    return this.#now() >= this.#settledAt
  }

  /** Requests currently held back (for tests and the benchmark). */
  get waiting(): number {
    return this.#waiters.size
  }

  /**
   * Resolves true once the list is calm (at once when it already is), or false when `signal` aborts
   * first: the row scrolled away, so its photo is not fetched at all.
   */
  whenSettled(signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false)
    if (this.settled) return Promise.resolve(true)
    return new Promise<boolean>((resolve) => {
      const release = (): void => {
        signal?.removeEventListener('abort', onAbort)
        resolve(true)
      }
      const onAbort = (): void => {
        this.#waiters.delete(release)
        resolve(false)
      }
      this.#waiters.add(release)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** One timer at a time, for the current end of the fast scroll; it re-arms if scrolling went on. */
  #arm(): void {
    if (this.#timer !== null) return
    this.#timer = this.#setTimer(() => this.#fire(), Math.max(0, this.#settledAt - this.#now()))
  }

  #fire(): void {
    this.#timer = null
    if (!this.settled) {
      this.#arm()
      return
    }
    const waiters = [...this.#waiters]
    this.#waiters.clear()
    for (const release of waiters) release()
  }

  /** Lets every held request go (the list went away). */
  dispose(): void {
    if (this.#timer !== null) this.#clearTimer(this.#timer)
    this.#timer = null
    this.#settledAt = Number.NEGATIVE_INFINITY
    this.#lastTop = null
    const waiters = [...this.#waiters]
    this.#waiters.clear()
    for (const release of waiters) release()
  }
}
