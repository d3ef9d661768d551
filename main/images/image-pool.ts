/**
 * Image work in worker threads (piscina), so decoding, HEIC, preparation and face detection never
 * hold up an event loop. The app runs this pool inside an image process of its own
 * (image-process.ts, image-host.ts), one for bulk work and one for the editor, so that neither the
 * threads' memory nor their CPU is main's; it also runs in the calling process, to compare (bench:face).
 *
 * With faceThreads 'own' and two threads or more, face detection has threads of its own: the face models (Human with
 * TensorFlow's WASM heap, about 100 MB a thread) load only there, while the other threads decode and
 * prepare. A bulk row is prepared in a pixel thread and its small prepared copy framed in a face
 * thread, so the two kinds of work overlap across rows. Detection takes about a third of a row's
 * time, hence one face thread for every three.
 */
import { bundledEntry } from '../core/bundled-entry'
import { availableParallelism } from 'node:os'
import { Piscina } from 'piscina'
import type { FaceAnalysis } from './face-analysis'
import { imageWorkOver, type ImageTask, type ImageWork, type PlannedPhoto } from './image-work'
import type { PrepareResult } from './prepare-photo'

export interface ImagePoolOptions {
  /** Threads in all; defaults to the machine's cores (at most 4). */
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
  /**
   * 'own' (the default): with two threads or more, face detection has threads of its own (the face
   * models' memory in a few threads only); 'shared': every thread does every kind of work (more
   * throughput, a face model in every thread).
   */
  readonly faceThreads?: FaceThreads
}

export type FaceThreads = 'own' | 'shared'

export type ImagePriority = 'background' | 'interactive'

/** What each worker thread is told when it starts (image-worker.ts). */
export interface ImageWorkerData {
  readonly priority: ImagePriority
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()))
}

/** Threads that load the face models, of `workers` in all: none of their own for a single thread, or when every thread frames faces. */
export function faceWorkerCount(workers: number, faceThreads: FaceThreads = 'own'): number {
  return faceThreads === 'shared' || workers < 2 ? 0 : Math.max(1, Math.round(workers / 3))
}

// Not literal strings in `new URL(...)`: vite would otherwise try to bundle the file as an asset.
const ENTRY = { dev: './image-worker-dev.mjs', built: 'image-worker.js', what: 'image worker' } as const

/** The image worker's entry file (bundledEntry): the tsx bootstrap from sources, out/main/image-worker.js in the build. */
export function workerEntry(moduleUrl: string = import.meta.url): URL {
  return bundledEntry(moduleUrl, ENTRY)
}

export interface ImagePool extends ImageWork {
  /** Threads in all. */
  readonly workers: number
  /** Of those, the threads that detect faces (0: every thread does every kind of work). */
  readonly faceWorkers: number
  /** Any task by its kind, answered with what runImageTask returns for it (the image process routes through this). */
  run(task: ImageTask): Promise<unknown>
}

export function createImagePool(options: ImagePoolOptions = {}): ImagePool {
  const workers = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()))
  const faceWorkers = faceWorkerCount(workers, options.faceThreads)
  const threads = (maxThreads: number) =>
    new Piscina<ImageTask, unknown>({
      filename: (options.entry ?? workerEntry()).href,
      minThreads: 0,
      maxThreads,
      workerData: { priority: options.priority ?? 'background' } satisfies ImageWorkerData,
      idleTimeout: options.idleTimeoutMs ?? 60_000,
      // Queue without bound: callers (the bulk planner) already limit what they have in flight.
      maxQueue: Infinity
    })
  const pixels = threads(workers - faceWorkers)
  const faces = faceWorkers > 0 ? threads(faceWorkers) : pixels

  async function run(task: ImageTask): Promise<unknown> {
    if (task.kind === 'frame') return faces.run(task)
    if (task.kind !== 'plan' || faces === pixels || !task.preset) return pixels.run(task)
    const planned = (await pixels.run({ kind: 'plan', bytes: task.bytes, options: task.options })) as PrepareResult<PlannedPhoto>
    if (!planned.ok) return planned
    const framed = (await faces.run({ kind: 'frame', bytes: planned.value.prepared.bytes, preset: task.preset })) as PrepareResult<FaceAnalysis>
    return { ok: true, value: { ...planned.value, ...(framed.ok ? { faces: framed.value } : {}) } } satisfies PrepareResult<PlannedPhoto>
  }

  const work = imageWorkOver(run, async () => {
    await Promise.all([pixels.destroy(), ...(faces !== pixels ? [faces.destroy()] : [])])
  })
  return { ...work, workers, faceWorkers, run }
}
