/**
 * What the benchmarks share: the portal (`emulator/cli.ts` in its own process, so its CPU work is the
 * portal's, as it would be on a server, and not charged to the app being measured) and a CPU profile
 * of the page (`--profile`).
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { Page } from '@playwright/test'
import type { Handlers } from '../main/ipc/types'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'

const ROOT = resolve(import.meta.dirname, '..')

/** The machine's CPU time so far from /proc/stat: all of it, and what the hypervisor gave to other guests. */
function cpuTicks(): { total: number; steal: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'latin1').split('\n')[0]?.trim().split(/\s+/).slice(1, 9).map(Number) ?? []
    if (fields.length < 8 || fields.some((n) => !Number.isFinite(n))) return undefined
    return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 }
  } catch {
    return undefined
  }
}

/**
 * The share of this machine's CPU time stolen by the hypervisor since the call (percent), read when
 * the returned function is called. On a shared virtual machine a load average near 1 can hide a
 * fifth of every core going elsewhere, which inflates every frame and CPU figure; null without /proc.
 */
export function stealMeter(): () => number | null {
  const start = cpuTicks()
  return () => {
    const now = cpuTicks()
    if (!start || !now || now.total <= start.total) return null
    return Math.round((1000 * (now.steal - start.steal)) / (now.total - start.total)) / 10
  }
}

/** A fixed integer loop for `ms` on a worker thread; how many rounds it ran (the work one core did). */
function spinRounds(ms: number): Promise<number> {
  const source = `const { parentPort, workerData } = require('node:worker_threads')
    let x = 1, rounds = 0
    const end = Date.now() + workerData
    while (Date.now() < end) { for (let i = 0; i < 100000; i++) x = (x * 1103515245 + 12345) | 0; rounds++ }
    parentPort.postMessage({ rounds, x })`
  return new Promise((done, failed) => {
    const worker = new Worker(source, { eval: true, workerData: ms })
    // x is sent back only so that the loop's work cannot be optimised away.
    worker.once('message', ({ rounds }: { rounds: number }) => {
      done(rounds)
      void worker.terminate()
    })
    worker.once('error', failed)
  })
}

/**
 * How much work all the cores do together, as a multiple of one core alone (about 1.2 s in all).
 * On a quiet virtual machine with two cores it is near 2; when its two cores are two threads of one
 * physical core, or the host is busy, it falls towards 1, and a job that needs both cores slows
 * while a loop that uses one barely does. Printed with the figures it explains; never a target.
 */
export async function coreScaling(cores: number = availableParallelism()): Promise<number> {
  // One core's work is the better of two tries: a try that something else interrupted reads low.
  const alone = Math.max(await spinRounds(400), await spinRounds(400))
  const together = await Promise.all(Array.from({ length: cores }, () => spinRounds(400)))
  return Math.round((100 * together.reduce((a, b) => a + b, 0)) / Math.max(1, alone)) / 100
}

export interface PortalProcess {
  readonly url: string
  close(): Promise<void>
}

/**
 * Starts the emulator CLI with `args` (e.g. ['--people', '10000', '--latency', '50']) and waits until
 * it listens. `cpuProfileDir`: Node writes a CPU profile of the emulator's whole life there when it exits.
 */
export async function startPortalProcess(args: readonly string[], options: { readonly cpuProfileDir?: string } = {}): Promise<PortalProcess> {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx')
  const profiling = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []
  // A larger first old-space limit: the emulator's heap is small (about 20 MB) while each person's
  // upload and pixels pass through megabytes of Buffers, so V8 otherwise runs a full collection every
  // few people. Measured with the emulator alone, doing a bulk job's requests: 8 % less of its CPU,
  // on the two cores it shares with the app under test.
  const heap = ['--initial-old-space-size=256']
  const child = spawn(tsx, [...heap, ...profiling, join(ROOT, 'emulator', 'cli.ts'), ...args, '--quiet'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const url = await new Promise<string>((found, failed) => {
    const lines = createInterface({ input: child.stdout })
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line)
      if (match?.[1]) found(match[1])
    })
    child.once('exit', (code) => failed(new Error(`the emulator exited (${code}) before it listened`)))
  })
  return {
    url,
    async close() {
      child.kill('SIGTERM')
      await exited
    }
  }
}

interface ProfileNode {
  readonly id: number
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
}

/** Runs `work` under the CDP sampling profiler and prints the page's top functions by self time. */
export async function profile<T>(page: Page, phase: string, work: () => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 })
  await cdp.send('Profiler.start')
  const result = await work()
  const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
  }
  await cdp.detach()
  const byNode = new Map(p.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  p.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame
    const name = frame ? `${frame.functionName || '(anonymous)'} ${frame.url ? `${frame.url.split('/').pop()}:${frame.lineNumber + 1}` : ''}`.trim() : '?'
    self.set(name, (self.get(name) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000)
  })
  const top = [...self].filter(([name]) => name !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 12)
  console.log(`\nCPU profile of the page, ${phase}: top functions by self time`)
  for (const [name, msSelf] of top) console.log(`  ${msSelf.toFixed(0).padStart(6)} ms  ${name}`)
  return result
}

/** Wraps every handler so `record(channel, ms)` hears how long main took for each call (the host's view of main). */
export function timedHandlers(handlers: Handlers, record: (channel: string, ms: number) => void): Handlers {
  const out: Record<string, (arg: unknown) => Promise<unknown>> = {}
  for (const [channel, handler] of Object.entries(handlers) as [string, (arg: unknown) => Promise<unknown>][]) {
    out[channel] = async (arg) => {
      const started = performance.now()
      try {
        return await handler(arg)
      } finally {
        record(channel, performance.now() - started)
      }
    }
  }
  return out as unknown as Handlers
}

interface TraceEvent {
  readonly name: string
  readonly ph: string
  readonly dur?: number
  readonly pid: number
  readonly tid: number
}

/**
 * A Chromium trace of `work`: the renderer main thread's time by kind of work (script, style,
 * layout, paint, …), in ms per sample of the result (e.g. keystrokes), so a frame's cost can be split without guessing.
 */
export async function traced<T>(page: Page, phase: string, samples: (result: T) => number, work: () => Promise<T>): Promise<T> {
  const browser = page.context().browser()
  if (!browser) return work()
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute'] })
  const result = await work()
  const buffer = await browser.stopTracing()
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
  // The page's main thread: the one that ran the most top-level tasks in the renderer.
  const main = events.find((e) => e.name === 'thread_name' && (e as unknown as { args: { name: string } }).args.name === 'CrRendererMain')
  const own = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number')
  const kinds = ['RunTask', 'EventDispatch', 'FunctionCall', 'v8.run', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'ParseHTML', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'UpdateLayer', 'IntersectionObserverController::computeIntersections']
  const n = Math.max(1, samples(result))
  console.log(`\nTrace of the page's main thread, ${phase}: ms per sample (${n} samples; nested kinds overlap)`)
  for (const kind of kinds) {
    const total = own.filter((e) => e.name === kind).reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0)
    if (total > 0) console.log(`  ${(total / n).toFixed(2).padStart(7)} ms  ${kind}`)
  }
  return result
}
