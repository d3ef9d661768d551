// Real timers throughout: the point is what happens in time (in flight, gaps, pauses).
import { describe, expect, it } from 'vitest'
import { WorkQueue, type QueueOutcome, type WorkContext, type WorkResult } from './queue'

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const ok: WorkResult<string> = { ok: true, value: 'done' }

/** A fake worker that counts how many calls are in flight at once. */
function counting(delay: (item: number) => number) {
  const state = { inFlight: 0, maxInFlight: 0, starts: [] as { item: number; at: number }[] }
  const worker = async (item: number): Promise<WorkResult<string>> => {
    state.inFlight++
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight)
    state.starts.push({ item, at: performance.now() })
    await sleep(delay(item))
    state.inFlight--
    return ok
  }
  return { state, worker }
}

const items = (n: number): number[] => Array.from({ length: n }, (_, i) => i)

describe('WorkQueue', () => {
  it('never has more than the limit in flight, and uses it', async () => {
    const { state, worker } = counting((i) => 5 + (i % 4) * 5)
    const outcomes: QueueOutcome<string>[] = []
    const queue = new WorkQueue({ worker, concurrency: 4, onOutcome: (_i, o) => outcomes.push(o) })
    await queue.run(items(40))
    expect(state.maxInFlight).toBe(4)
    expect(outcomes.filter((o) => o.kind === 'ok')).toHaveLength(40)
    expect(queue.stats()).toMatchObject({ ok: 40, failed: 0, skipped: 0, running: 0, pending: 0 })
  })

  it('caps concurrency at 15, DocSpace’s per-user limit of concurrent writes', async () => {
    const { state, worker } = counting(() => 20)
    const queue = new WorkQueue({ worker, concurrency: 50 })
    expect(queue.concurrency).toBe(15)
    await queue.run(items(40))
    expect(state.maxInFlight).toBe(15)
  })

  it('waits out Retry-After before any new start, then runs the throttled row again', async () => {
    const starts: { item: number; at: number }[] = []
    let limitedAt = 0
    let throttled = false
    const worker = async (item: number, ctx: WorkContext): Promise<WorkResult<string>> => {
      starts.push({ item, at: performance.now() })
      await sleep(10)
      if (item === 2 && !throttled) {
        throttled = true
        limitedAt = performance.now()
        return { ok: false, error: { code: 'portal/rate-limited', message: 'slow down', status: 429, retryAfterMs: 300 } }
      }
      expect(ctx.attempt).toBe(item === 2 ? 2 : 1)
      return ok
    }
    const outcomes = new Map<number, QueueOutcome<string>>()
    const queue = new WorkQueue({ worker, concurrency: 1, onOutcome: (i, o) => outcomes.set(i, o) })
    await queue.run(items(5))
    const next = starts.find((s) => s.at > limitedAt)
    expect(next?.item).toBe(2) // the throttled row goes first when the hold ends
    const gap = (next?.at ?? 0) - limitedAt
    console.info(`[queue] Retry-After 300 ms: next start after ${gap.toFixed(0)} ms`)
    expect(gap).toBeGreaterThanOrEqual(295)
    expect(outcomes.get(2)).toMatchObject({ kind: 'ok', attempts: 2 })
    expect([...outcomes.values()].every((o) => o.kind === 'ok')).toBe(true)
  })

  it('a 429 holds back every lane, not just the one that got it', async () => {
    const starts: number[] = []
    let limitedAt = 0
    let throttled = false
    const worker = async (item: number): Promise<WorkResult<string>> => {
      starts.push(performance.now())
      await sleep(20)
      if (item === 0 && !throttled) {
        throttled = true
        limitedAt = performance.now()
        return { ok: false, error: { code: 'portal/rate-limited', message: 'slow down', retryAfterMs: 250 } }
      }
      return ok
    }
    const queue = new WorkQueue({ worker, concurrency: 3 })
    await queue.run(items(9))
    const during = starts.filter((at) => at > limitedAt && at < limitedAt + 245)
    expect(during).toEqual([])
  })

  it('pause stops new starts; resume continues to the end', async () => {
    const { state, worker } = counting(() => 25)
    let done = 0
    let queue: WorkQueue<number, string> | undefined = undefined
    queue = new WorkQueue({
      worker,
      concurrency: 2,
      onOutcome: () => {
        done++
        if (done === 3) queue?.pause()
      }
    })
    const finished = queue.run(items(12))
    while (done < 3) await sleep(5)
    await sleep(40) // the row still running when paused may finish
    const startsWhenPaused = state.starts.length
    await sleep(200)
    expect(state.starts.length).toBe(startsWhenPaused)
    expect(queue.stats()).toMatchObject({ paused: true, running: 0 })
    queue.resume()
    await finished
    expect(state.starts.length).toBe(12)
    expect(queue.stats()).toMatchObject({ ok: 12, pending: 0 })
  })

  it('cancel lets running rows stop at their safe point and skips the rest', async () => {
    const starts: number[] = []
    const sawAbort: number[] = []
    const worker = async (item: number, ctx: WorkContext): Promise<WorkResult<string>> => {
      starts.push(item)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 40)
        ctx.signal.addEventListener('abort', () => {
          clearTimeout(timer)
          resolve()
        })
      })
      if (ctx.signal.aborted) {
        sawAbort.push(item)
        return { ok: false, error: { code: 'app/cancelled', message: 'Cancelled.' } }
      }
      return ok
    }
    const outcomes = new Map<number, QueueOutcome<string>>()
    const queue = new WorkQueue({ worker, concurrency: 3, onOutcome: (i, o) => outcomes.set(i, o) })
    const finished = queue.run(items(20))
    await sleep(60) // first three done, next three running
    queue.cancel()
    await finished
    const startedBeforeCancel = starts.length
    await sleep(50)
    expect(starts.length).toBe(startedBeforeCancel)
    expect(sawAbort.length).toBe(3)
    expect(outcomes.size).toBe(20)
    const kinds = [...outcomes.values()].map((o) => o.kind)
    expect(kinds.filter((k) => k === 'ok')).toHaveLength(3)
    expect(kinds.filter((k) => k === 'skipped')).toHaveLength(17)
  })

  it('backs off and retries gateway errors and lost connections a bounded number of times, but not a plain 500', async () => {
    const attempts = new Map<number, number>()
    const worker = async (item: number): Promise<WorkResult<string>> => {
      const n = (attempts.get(item) ?? 0) + 1
      attempts.set(item, n)
      if (item === 0 && n < 3) return { ok: false, error: { code: 'portal/server-error', message: 'gateway', status: 503 } }
      if (item === 1) return { ok: false, error: { code: 'portal/server-error', message: 'No permissions', status: 500 } }
      if (item === 2) return { ok: false, error: { code: 'net/connection-lost', message: 'reset', detail: 'ECONNRESET' } }
      return ok
    }
    const outcomes = new Map<number, QueueOutcome<string>>()
    const queue = new WorkQueue({ worker, baseDelayMs: 20, maxAttempts: 3, onOutcome: (i, o) => outcomes.set(i, o) })
    const started = performance.now()
    await queue.run(items(4))
    expect(outcomes.get(0)).toMatchObject({ kind: 'ok', attempts: 3 })
    expect(outcomes.get(1)).toMatchObject({ kind: 'failed', attempts: 1 })
    expect(outcomes.get(2)).toMatchObject({ kind: 'failed', attempts: 3, error: { code: 'net/connection-lost' } })
    expect(outcomes.get(3)).toMatchObject({ kind: 'ok', attempts: 1 })
    // Two backoff steps of at least 10 ms and 20 ms (equal jitter).
    expect(performance.now() - started).toBeGreaterThanOrEqual(30)
  })

  it('gives up on a Retry-After longer than the cap instead of stalling the run', async () => {
    const worker = async (item: number): Promise<WorkResult<string>> =>
      item === 0 ? { ok: false, error: { code: 'portal/rate-limited', message: 'tomorrow', retryAfterMs: 86_400_000 } } : ok
    const outcomes = new Map<number, QueueOutcome<string>>()
    const queue = new WorkQueue({ worker, onOutcome: (i, o) => outcomes.set(i, o) })
    await queue.run(items(3))
    expect(outcomes.get(0)).toMatchObject({ kind: 'failed', error: { code: 'portal/rate-limited' } })
    expect(outcomes.get(0)).not.toHaveProperty('error.retryAfterMs')
    expect(outcomes.get(2)?.kind).toBe('ok')
  })

  it('reports rows per minute and seconds left once a second of work is behind it', async () => {
    const { worker } = counting(() => 100)
    const queue = new WorkQueue({ worker, concurrency: 1 })
    const finished = queue.run(items(16))
    await sleep(1150)
    const stats = queue.stats()
    console.info(`[queue] after 1.15 s at 100 ms a row: ${stats.perMinute} rows/min, ${stats.secondsLeft} s left`)
    expect(stats.perMinute).toBeGreaterThan(400)
    expect(stats.perMinute).toBeLessThan(700)
    expect(stats.secondsLeft).toBeGreaterThan(0)
    expect(stats.secondsLeft).toBeLessThan(2)
    await finished
  })
})
