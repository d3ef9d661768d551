// Fault injection and DocSpace's per-user rate limits, for testing how the app copes with a bad network or
// a busy portal.

import { Transform, type TransformCallback } from 'node:stream'
import type { FailNextRule, FaultKind, Faults } from '../types'

export const DEFAULT_FAULTS: Readonly<Faults> = {
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  resetRate: 0,
  failNext: [],
  uploadBytesPerSecond: 0,
  rateLimits: false,
  paymentRequired: false
}

function copy(f: Faults): Faults {
  return { ...f, failNext: f.failNext.map((r) => ({ ...r })) }
}

export class FaultController {
  private state: Faults

  constructor(
    initial: Partial<Faults>,
    private readonly random: () => number
  ) {
    this.state = copy({ ...DEFAULT_FAULTS, ...initial })
  }

  set(partial: Partial<Faults>): void {
    this.state = copy({ ...this.state, ...partial })
  }

  reset(): void {
    this.state = copy({ ...DEFAULT_FAULTS })
  }

  current(): Faults {
    return copy(this.state)
  }

  /** Removes and returns the first one-shot rule matching this request. */
  takeFailNext(method: string, pathAndQuery: string): FaultKind | undefined {
    const index = this.state.failNext.findIndex((rule) => matches(rule, method, pathAndQuery))
    if (index < 0) return undefined
    const [rule] = this.state.failNext.splice(index, 1)
    return rule?.kind
  }

  /** Extra delay for this request: fixed + random jitter. */
  delayMs(baseLatencyMs: number): number {
    const s = this.state
    return baseLatencyMs + s.latencyMs + (s.jitterMs > 0 ? Math.floor(this.random() * (s.jitterMs + 1)) : 0)
  }

  shouldReset(): boolean {
    return this.state.resetRate > 0 && this.random() < this.state.resetRate
  }

  /** A random 5xx status for this request, or undefined. */
  randomError(): 500 | 502 | 503 | undefined {
    if (this.state.errorRate <= 0 || this.random() >= this.state.errorRate) return undefined
    const pick = Math.floor(this.random() * 3)
    return pick === 0 ? 500 : pick === 1 ? 502 : 503
  }

  get rateLimits(): boolean {
    return this.state.rateLimits
  }

  get paymentRequired(): boolean {
    return this.state.paymentRequired
  }

  get uploadBytesPerSecond(): number {
    return this.state.uploadBytesPerSecond
  }
}

function matches(rule: FailNextRule, method: string, pathAndQuery: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false
  if (typeof rule.path === 'string') return pathAndQuery.toLowerCase().includes(rule.path.toLowerCase())
  rule.path.lastIndex = 0
  return rule.path.test(pathAndQuery)
}

const MAX_CONCURRENT_WRITES = 15
export const MAX_REQUESTS_PER_MINUTE = 1500

export type Admission = { ok: true; release: () => void } | { ok: false; retryAfterSeconds: number }

/** Per-user limits as DocSpace ships them: 15 concurrent writes and 1,500 requests a minute. */
export class RateLimiter {
  private readonly writes = new Map<string, number>()
  private readonly recent = new Map<string, number[]>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Forgets every caller's requests of the last minute (the writes in flight stay counted: they still are). */
  clearWindows(): void {
    this.recent.clear()
  }

  admit(key: string, isWrite: boolean): Admission {
    const t = this.now()
    // Oldest first: the minute's window is kept by dropping from the front, in place (this runs on every request).
    let log = this.recent.get(key)
    if (!log) this.recent.set(key, (log = []))
    while (log.length > 0 && (log[0] ?? t) <= t - 60_000) log.shift()
    if (log.length >= MAX_REQUESTS_PER_MINUTE) {
      const oldest = log[0] ?? t
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + 60_000 - t) / 1000)) }
    }
    const inFlight = this.writes.get(key) ?? 0
    if (isWrite && inFlight >= MAX_CONCURRENT_WRITES) return { ok: false, retryAfterSeconds: 1 }
    log.push(t)
    if (!isWrite) return { ok: true, release: () => {} }
    this.writes.set(key, inFlight + 1)
    let released = false
    return {
      ok: true,
      release: () => {
        if (released) return
        released = true
        this.writes.set(key, Math.max(0, (this.writes.get(key) ?? 1) - 1))
      }
    }
  }
}

/** Passes bytes through at no more than `bytesPerSecond` (slow-upload fault). */
export class Throttle extends Transform {
  private readonly startedAt = Date.now()
  private passed = 0

  constructor(private readonly bytesPerSecond: number) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const slice = Math.max(1, Math.floor(this.bytesPerSecond / 20))
    const pieces: Buffer[] = []
    for (let i = 0; i < chunk.length; i += slice) pieces.push(chunk.subarray(i, i + slice))
    const next = (): void => {
      const piece = pieces.shift()
      if (!piece) {
        callback()
        return
      }
      this.passed += piece.length
      const due = this.startedAt + (this.passed / this.bytesPerSecond) * 1000
      const wait = Math.max(0, due - Date.now())
      setTimeout(() => {
        this.push(piece)
        next()
      }, wait)
    }
    next()
  }
}

/**
 * Writes (POST/PUT/DELETE to /api/) in flight at the portal, counted whether or not limits are on, so a
 * test or benchmark can check a client never had more than DocSpace's 15 concurrent writes open.
 */
export class WriteStats {
  private inFlight = 0
  private maxSeen = 0
  private count = 0

  begin(): () => void {
    this.inFlight += 1
    this.count += 1
    this.maxSeen = Math.max(this.maxSeen, this.inFlight)
    let ended = false
    return () => {
      if (ended) return
      ended = true
      this.inFlight -= 1
    }
  }

  snapshot(): { readonly writesInFlight: number; readonly maxWritesInFlight: number; readonly writes: number } {
    return { writesInFlight: this.inFlight, maxWritesInFlight: this.maxSeen, writes: this.count }
  }

  reset(): void {
    this.maxSeen = this.inFlight
    this.count = 0
  }
}
