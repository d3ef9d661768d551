import { describe, expect, it } from 'vitest'
import { FAST_SCROLL_PX_PER_MS, SCROLL_SETTLE_MS, ScrollSettle, TYPING_SETTLE_MS } from './scroll-settle'

/** A hand-driven clock: timers fire only when the test advances time. */
function fakeClock() {
  let now = 1_000
  let nextId = 1
  const timers = new Map<number, { at: number; run: () => void }>()
  return {
    now: () => now,
    setTimer: (run: () => void, ms: number) => {
      const id = nextId++
      timers.set(id, { at: now + ms, run })
      return id
    },
    clearTimer: (handle: unknown) => void timers.delete(handle as number),
    /** Moves time on, firing due timers in order (a timer may set another). */
    advance(ms: number) {
      const until = now + ms
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0]
        if (!due) break
        timers.delete(due[0])
        now = Math.max(now, due[1].at)
        due[1].run()
      }
      now = until
    },
    get pendingTimers() {
      return timers.size
    }
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0))

/** Scrolls `frames` frames of 16 ms, `pxPerFrame` each, starting at `from`. */
function scroll(settle: ScrollSettle, clock: ReturnType<typeof fakeClock>, frames: number, pxPerFrame: number, from = 0): number {
  let top = from
  settle.onScroll(top)
  for (let i = 0; i < frames; i++) {
    clock.advance(16)
    top += pxPerFrame
    settle.onScroll(top)
  }
  return top
}

describe('ScrollSettle: row photos wait while the list scrolls fast', () => {
  it('lets a request through at once when the list is calm or scrolls slowly', async () => {
    const clock = fakeClock()
    const settle = new ScrollSettle(clock)
    expect(await settle.whenSettled()).toBe(true)
    // Arrow keys / a slow drag: 10 px per frame is well under the fast threshold.
    scroll(settle, clock, 20, 10)
    expect(10 / 16).toBeLessThan(FAST_SCROLL_PX_PER_MS)
    expect(settle.settled).toBe(true)
    expect(await settle.whenSettled()).toBe(true)
    // A single wheel notch after a pause is not a fling either.
    clock.advance(2_000)
    settle.onScroll(300) // 100 px on from 200
    expect(settle.settled).toBe(true)
  })

  it('holds requests made during a fast scroll until it has been calm for SCROLL_SETTLE_MS, then releases them together', async () => {
    const clock = fakeClock()
    const settle = new ScrollSettle(clock)
    const top = scroll(settle, clock, 10, 120) // the benchmark's 120 px per frame
    expect(settle.settled).toBe(false)
    const released: number[] = []
    const waits = [1, 2, 3].map((n) => settle.whenSettled().then((ok) => ok && released.push(n)))
    expect(settle.waiting).toBe(3)

    // Still scrolling fast: nothing goes out, however long it lasts.
    scroll(settle, clock, 20, 120, top)
    await flush()
    expect(released).toEqual([])

    clock.advance(SCROLL_SETTLE_MS - 20)
    await flush()
    expect(released).toEqual([])
    clock.advance(20)
    await Promise.all(waits)
    expect(released).toEqual([1, 2, 3])
    expect(settle.waiting).toBe(0)
    expect(clock.pendingTimers).toBe(0)
  })

  it('skips rows that scrolled away before the list settled: their wait ends false and nothing is fetched', async () => {
    const clock = fakeClock()
    const settle = new ScrollSettle(clock)
    scroll(settle, clock, 5, 200)
    const gone = new AbortController()
    const stays = new AbortController()
    const goneWait = settle.whenSettled(gone.signal)
    const staysWait = settle.whenSettled(stays.signal)
    gone.abort() // the row unmounted (scrolled out of the virtual window)
    expect(await goneWait).toBe(false)
    expect(settle.waiting).toBe(1)
    clock.advance(SCROLL_SETTLE_MS)
    expect(await staysWait).toBe(true)
    // An already-aborted signal never waits.
    const late = new AbortController()
    late.abort()
    expect(await settle.whenSettled(late.signal)).toBe(false)
  })

  it('counts a jump after a pause (scrollbar click, End key) as fast', () => {
    const clock = fakeClock()
    const settle = new ScrollSettle(clock)
    settle.onScroll(0)
    clock.advance(5_000)
    settle.onScroll(40_000)
    expect(settle.settled).toBe(false)
    clock.advance(SCROLL_SETTLE_MS)
    expect(settle.settled).toBe(true)
  })

  it('hold() (a search being typed) holds requests until typing pauses for TYPING_SETTLE_MS, and each key extends it', async () => {
    const clock = fakeClock()
    const settle = new ScrollSettle(clock)
    settle.hold()
    expect(settle.settled).toBe(false)
    let released = false
    const wait = settle.whenSettled().then((v) => (released = v))
    clock.advance(TYPING_SETTLE_MS - 20)
    settle.hold() // the next key
    clock.advance(TYPING_SETTLE_MS - 20)
    await flush()
    expect(released).toBe(false)
    clock.advance(20)
    expect(await wait).toBe(true)
    expect(settle.settled).toBe(true)
  })

  it('dispose releases everything held', async () => {
    const clock = fakeClock()
    const settle = new ScrollSettle(clock)
    scroll(settle, clock, 5, 300)
    const wait = settle.whenSettled()
    settle.dispose()
    expect(await wait).toBe(true)
    expect(clock.pendingTimers).toBe(0)
  })
})
