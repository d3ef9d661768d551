/**
 * The image pool in a process of its own ("the image process", image-host.ts), so that the worker
 * threads' memory is not counted in main's and the OS schedules them apart from main's event loop,
 * which only routes messages. Callers see the same ImagePool as the in-process threads.
 *
 * The process starts on the first task and ends after idleTimeoutMs without one, on dispose, or when
 * main goes away. If it dies (crash, out of memory, killed), the tasks in flight fail with a clear
 * error and the next task starts a new one. How it is started is a port: `child_process.fork` under
 * plain Node (tests, CLI, web host, benchmarks), Electron's utility process in the app (main/index.ts).
 */
import { fork } from 'node:child_process'
import { bundledEntry } from '../core/bundled-entry'
import { fileURLToPath } from 'node:url'
import { defaultWorkerCount, faceWorkerCount, type FaceThreads, type ImagePool, type ImagePoolOptions } from './image-pool'
import { configArg, parseReply, type HostRequest, type ImageHostConfig } from './image-process-protocol'
import { imageWorkOver, type ImageTask } from './image-work'

/** A started image process, as the launcher gives it. */
export interface ImageProcessHandle {
  readonly pid: number | undefined
  send(message: HostRequest): void
  /** Ends the process (it holds nothing that must be saved); `force`: at once, without its handlers. */
  kill(force?: boolean): void
  /** Whether this process may keep main's event loop alive (while tasks are in flight) or not (idle). */
  keepAlive(alive: boolean): void
}

export interface ImageProcessEvents {
  message(message: unknown): void
  /** The process ended, for whatever reason; `reason` is for the error the tasks in flight get. */
  exit(reason: string): void
}

export interface ImageProcessSpec {
  /** The entry script (image-host.js, or the TypeScript bootstrap when running from sources). */
  readonly entry: string
  readonly args: readonly string[]
  /** Added to main's environment. */
  readonly env: Readonly<Record<string, string>>
  /** For the OS's task list and the logs. */
  readonly name: string
}

export type ImageProcessLauncher = (spec: ImageProcessSpec, events: ImageProcessEvents) => ImageProcessHandle

export interface ImageProcessOptions extends ImagePoolOptions {
  /** Defaults to `child_process.fork` (forkLauncher). */
  readonly launcher?: ImageProcessLauncher
  /** The image process's entry; found next to this module by default (see hostEntry). */
  readonly hostEntry?: string
  /** Tasks sent to the process at once, the rest waiting in main; twice the threads by default. */
  readonly maxInFlight?: number
  /** The image process's environment on top of main's; IMAGE_PROCESS_ENV by default (benchmarks compare others). */
  readonly env?: Readonly<Record<string, string>>
}

export interface ImageProcessPool extends ImagePool {
  /** The running image process's id, if one runs (benchmarks read its memory). */
  readonly pid: number | undefined
}

/**
 * The image process's environment. MALLOC_ARENA_MAX: glibc gives every thread that allocates its own
 * malloc arena and keeps freed memory in them, which with libvips' threads grows RSS far beyond what
 * is in use (sharp's docs, "Linux memory allocator"); two arenas keep it near the live size. glibc
 * reads it at start only, so it is set for the new process, never for main.
 */
export const IMAGE_PROCESS_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' }

// Not literal strings in `new URL(...)`: vite would otherwise try to bundle the files as assets.
const ENTRY = { dev: './image-host-dev.mjs', built: 'image-host.js', what: 'image process' } as const

/** The image process's entry file (bundledEntry): the tsx bootstrap from sources, out/main/image-host.js in the build. */
export function hostEntry(moduleUrl: string = import.meta.url): string {
  return fileURLToPath(bundledEntry(moduleUrl, ENTRY))
}

/** Starts the image process with `child_process.fork`: Node's own IPC channel, with structured clone ('advanced') so Uint8Array survives. */
export const forkLauncher: ImageProcessLauncher = (spec, events) => forkWith({}, spec, events)

/** forkLauncher with `detached: false` (in main's session), for benchmarks to compare. */
export const forkInMainSession: ImageProcessLauncher = (spec, events) => forkWith({ detached: false }, spec, events)

function forkWith(options: { readonly detached?: boolean }, spec: ImageProcessSpec, events: ImageProcessEvents): ImageProcessHandle {
  const child = fork(spec.entry, [...spec.args], {
    serialization: 'advanced',
    env: { ...process.env, ...spec.env },
    // Main's own flags (vitest's, tsx's, --inspect) are not the image process's business.
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // A session of its own: Linux's autogroup scheduler shares the CPU fairly between sessions and
    // only then between the threads inside one, so in main's session the image threads' work would
    // use up main's share and main's event loop would wait for its turn whatever their nice value.
    // It still ends with main (image-host.ts: on the IPC channel's disconnect).
    detached: options.detached ?? true
  })
  let ended = false
  const end = (reason: string) => {
    if (ended) return
    ended = true
    events.exit(reason)
  }
  child.on('message', (m) => events.message(m))
  child.on('exit', (code, signal) => end(signal ? `it was ended by ${signal}` : `it exited with code ${code}`))
  child.on('error', (e) => end(`it could not run: ${e.message}`))
  return {
    pid: child.pid,
    send: (message) => {
      // A send after the process died fails here or in the callback; the exit event fails the task.
      if (child.connected) child.send(message, (e) => e && end(`a task could not be sent: ${e.message}`))
    },
    kill: (force) => {
      child.kill(force ? 'SIGKILL' : 'SIGTERM')
    },
    keepAlive: (alive) => {
      if (alive) {
        child.ref()
        child.channel?.ref()
      } else {
        child.unref()
        child.channel?.unref()
      }
    }
  }
}

export class ImageProcessGoneError extends Error {
  override readonly name = 'ImageProcessGoneError'
}

export function createImageProcessPool(options: ImageProcessOptions = {}): ImageProcessPool {
  const workers = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()))
  const faceThreads: FaceThreads = options.faceThreads ?? 'own'
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000
  const config: ImageHostConfig = { workers, priority: options.priority ?? 'background', idleTimeoutMs, faceThreads }
  const launch = options.launcher ?? forkLauncher
  const name = `image process (${config.priority})`

  // Tasks wait here, not in the pipe: each one is copied into the pipe only when the process has a
  // thread free soon, so main never serializes a whole bulk plan's photos at once (a long block of
  // its event loop, and memory held twice) and a crash fails only the few tasks that were sent.
  const maxInFlight = options.maxInFlight ?? workers * 2

  interface Waiting {
    readonly id: number
    readonly task: ImageTask
    resolve(v: unknown): void
    reject(e: Error): void
  }
  interface Running {
    readonly handle: ImageProcessHandle
    /** Sent to this process, not answered yet. */
    readonly inFlight: Map<number, Waiting>
    idle?: ReturnType<typeof setTimeout>
    readonly exited: Promise<void>
  }
  const queue: Waiting[] = []
  let current: Running | undefined
  let nextId = 0
  let disposed = false

  function start(): Running {
    const inFlight: Running['inFlight'] = new Map()
    let markExited = () => {}
    const exited = new Promise<void>((resolve) => (markExited = resolve))
    const running: Running = {
      inFlight,
      exited,
      handle: launch(
        { entry: options.hostEntry ?? hostEntry(), args: [configArg(config)], env: options.env ?? IMAGE_PROCESS_ENV, name },
        {
          message(message) {
            const reply = parseReply(message)
            const waiting = reply && inFlight.get(reply.id)
            if (!reply || !waiting) return // not an answer to a task in flight: nothing to resolve with it
            inFlight.delete(reply.id)
            if (reply.ok) waiting.resolve(reply.value)
            else waiting.reject(new Error(`image task failed in the image process: ${reply.message}`))
            pump()
          },
          exit(reason) {
            if (current === running) current = undefined
            if (running.idle) clearTimeout(running.idle)
            const failed = [...inFlight.values()]
            inFlight.clear()
            for (const task of failed) task.reject(new ImageProcessGoneError(`the image process ended while working on this photo: ${reason}`))
            markExited()
            // What was still waiting was never sent: a new process takes it.
            pump()
          }
        }
      )
    }
    return running
  }

  /** Sends waiting tasks while the process has room; with nothing left, it may not hold main open and ends when idle for long. */
  function pump(): void {
    if (disposed) return
    if (queue.length > 0) {
      const running = (current ??= start())
      if (running.idle) clearTimeout(running.idle)
      running.handle.keepAlive(true)
      while (queue.length > 0 && running.inFlight.size < maxInFlight) {
        const next = queue.shift()!
        running.inFlight.set(next.id, next)
        running.handle.send({ id: next.id, task: next.task })
      }
      return
    }
    const running = current
    if (!running || running.inFlight.size > 0) return
    running.handle.keepAlive(false)
    if (running.idle) clearTimeout(running.idle)
    running.idle = setTimeout(() => {
      if (running.inFlight.size === 0 && queue.length === 0 && current === running) void stop(running)
    }, idleTimeoutMs)
    running.idle.unref?.()
  }

  function stop(running: Running): Promise<void> {
    if (current === running) current = undefined
    if (running.idle) clearTimeout(running.idle)
    // Held open until it has ended, so dispose() resolves and no process outlives its caller.
    running.handle.keepAlive(true)
    running.handle.kill()
    // A process stuck in native code may not end on a polite request.
    const force = setTimeout(() => running.handle.kill(true), 3_000)
    force.unref?.()
    return running.exited.finally(() => clearTimeout(force))
  }

  function run(task: ImageTask): Promise<unknown> {
    if (disposed) return Promise.reject(new Error('the image pool was disposed'))
    return new Promise((resolve, reject) => {
      queue.push({ id: nextId++, task, resolve, reject })
      pump()
    })
  }

  const work = imageWorkOver(run, async () => {
    disposed = true
    for (const waiting of queue.splice(0)) waiting.reject(new Error('the image pool was disposed before this task ran'))
    if (current) await stop(current)
  })
  return {
    ...work,
    run,
    workers,
    faceWorkers: faceWorkerCount(workers, faceThreads),
    get pid() {
      return current?.handle.pid
    }
  }
}
