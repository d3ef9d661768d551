/**
 * Image work in worker threads (piscina), so decoding, HEIC, preparation and face detection never
 * hold up main's event loop: IPC and the UI keep answering while a bulk plan prepares hundreds of
 * photos. One pool for the whole app; single edits and bulk jobs queue in it alike.
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { Piscina } from 'piscina'
import { imageWorkOver, type ImageTask, type ImageWork } from './image-work'

export interface ImagePoolOptions {
  /** Threads; defaults to the machine's cores (at most 4: each thread holds its own copy of the face models). */
  readonly workers?: number
  /** The worker entry; found next to this module by default (see workerEntry). */
  readonly entry?: URL
  /** A thread with nothing to do ends after this long (its models load again on the next task). */
  readonly idleTimeoutMs?: number
  /**
   * 'background' (the default) lowers the threads' priority, for bulk work next to a responsive UI;
   * 'interactive' keeps the normal one, for the single photo a user waits on in the editor.
   */
  readonly priority?: ImagePriority
}

export type ImagePriority = 'background' | 'interactive'

/** What each worker thread is told when it starts (image-worker.ts). */
export interface ImageWorkerData {
  readonly priority: ImagePriority
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()))
}

// Not literal strings in `new URL(...)`: vite would otherwise try to bundle the file as an asset.
const DEV_ENTRY = './image-worker-dev.mjs'
const BUILT_ENTRY = 'image-worker.js'

/**
 * From the TypeScript sources (tests, tsx) the entry is the tsx bootstrap beside this file; in the
 * electron-vite build it is out/main/image-worker.js, a separate entry, and this code may sit in
 * out/main/ or in a shared chunk below it.
 */
export function workerEntry(moduleUrl: string = import.meta.url): URL {
  if (moduleUrl.endsWith('.ts')) return new URL(DEV_ENTRY, moduleUrl)
  for (const candidate of [`./${BUILT_ENTRY}`, `../${BUILT_ENTRY}`]) {
    const url = new URL(candidate, moduleUrl)
    if (existsSync(url)) return url
  }
  throw new Error(`image worker entry ${BUILT_ENTRY} not found near ${moduleUrl}`)
}

export interface ImagePool extends ImageWork {
  readonly workers: number
}

export function createImagePool(options: ImagePoolOptions = {}): ImagePool {
  const workers = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()))
  const pool = new Piscina<ImageTask, unknown>({
    filename: (options.entry ?? workerEntry()).href,
    minThreads: 0,
    maxThreads: workers,
    workerData: { priority: options.priority ?? 'background' } satisfies ImageWorkerData,
    idleTimeout: options.idleTimeoutMs ?? 60_000,
    // Queue without bound: callers (the bulk planner) already limit what they have in flight.
    maxQueue: Infinity
  })
  const work = imageWorkOver(
    (task) => pool.run(task),
    () => pool.destroy()
  )
  return { ...work, workers }
}
