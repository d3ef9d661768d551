/**
 * Every piece of image work main does on a photo, as one port: header inspection, the editor's
 * preview, preparation for upload (HEIC included), perceptual hashes and face framing. The pool
 * (image-pool.ts) runs it in worker threads so main's event loop only routes messages; the
 * in-process version is the same code on the calling thread, for tests and tools that want no threads.
 */
import type { FramingPreset, ImageSummary, Result } from '../../preload/contract'
import { analyseFaces, type FaceAnalysis } from './face-analysis'
import type { FaceDetector } from './face-detector'
import { createHumanFaceDetector } from './human-face-detector'
import { previewPhoto, type EditorPreview } from './editor-preview'
import { inspectPhoto } from './inspect-photo'
import { openPhoto, type OpenedPhoto } from './open-photo'
import { perceptualHash, type PerceptualHash } from './perceptual-hash'
import { preparePhoto, type PreparedPhoto, type PrepareOptions, type PrepareResult } from './prepare-photo'

/** A prepared photo with what a bulk plan needs of it: its perceptual hash and its framing. */
export interface PlannedPhoto {
  readonly prepared: PreparedPhoto
  readonly pictureHash?: PerceptualHash
  /** Framing of the prepared (upright) image; absent when it could not be computed. */
  readonly faces?: FaceAnalysis
}

export interface ImageWork {
  inspect(bytes: Uint8Array): Promise<Result<ImageSummary>>
  /** The editor's opening: inspect and prepare in one trip to a worker and one decode (open-photo.ts). */
  open(bytes: Uint8Array, options: PrepareOptions): Promise<Result<OpenedPhoto>>
  preview(bytes: Uint8Array): Promise<PrepareResult<EditorPreview>>
  prepare(bytes: Uint8Array, options: PrepareOptions): Promise<PrepareResult<PreparedPhoto>>
  hash(bytes: Uint8Array): Promise<Result<PerceptualHash>>
  /** `preview`: with the editor's preview from the same decode (FaceAnalysis.preview). */
  frame(bytes: Uint8Array, preset: FramingPreset, options?: { readonly preview?: boolean }): Promise<PrepareResult<FaceAnalysis>>
  /** Prepare, hash and frame in one go (one trip to a worker for each bulk row). */
  plan(bytes: Uint8Array, options: PrepareOptions, preset: FramingPreset): Promise<PrepareResult<PlannedPhoto>>
  dispose(): Promise<void>
}

/** One message to a worker: the method and its arguments (plain data, structured-cloned). */
export type ImageTask =
  | { readonly kind: 'inspect'; readonly bytes: Uint8Array }
  | { readonly kind: 'open'; readonly bytes: Uint8Array; readonly options: PrepareOptions }
  | { readonly kind: 'preview'; readonly bytes: Uint8Array }
  | { readonly kind: 'prepare'; readonly bytes: Uint8Array; readonly options: PrepareOptions }
  | { readonly kind: 'hash'; readonly bytes: Uint8Array }
  | { readonly kind: 'frame'; readonly bytes: Uint8Array; readonly preset: FramingPreset; readonly preview?: boolean }
  /** Without a preset: prepare and hash only (the pool frames the prepared photo in a face thread). */
  | { readonly kind: 'plan'; readonly bytes: Uint8Array; readonly options: PrepareOptions; readonly preset?: FramingPreset }

/** Runs one task with `detector`; the worker entry and the in-process ImageWork both come here. */
export async function runImageTask(task: ImageTask, detector: FaceDetector): Promise<unknown> {
  switch (task.kind) {
    case 'inspect':
      return inspectPhoto(task.bytes)
    case 'open':
      return openPhoto(task.bytes, task.options)
    case 'preview':
      return previewPhoto(task.bytes)
    case 'prepare':
      return preparePhoto(task.bytes, task.options)
    case 'hash':
      return perceptualHash(task.bytes)
    case 'frame':
      return analyseFaces(task.bytes, { detector, preset: task.preset, ...(task.preview ? { preview: true } : {}) })
    case 'plan':
      return planPhoto(task.bytes, task.options, task.preset, detector)
    default:
      return assertNever(task)
  }
}

async function planPhoto(bytes: Uint8Array, options: PrepareOptions, preset: FramingPreset | undefined, detector: FaceDetector): Promise<PrepareResult<PlannedPhoto>> {
  const prepared = await preparePhoto(bytes, options)
  if (!prepared.ok) return prepared
  const hash = await perceptualHash(prepared.value.bytes)
  const faces = preset ? await analyseFaces(prepared.value.bytes, { detector, preset }) : undefined
  return {
    ok: true,
    value: { prepared: prepared.value, ...(hash.ok ? { pictureHash: hash.value } : {}), ...(faces?.ok ? { faces: faces.value } : {}) }
  }
}

/** The task runner as an ImageWork: the pool and the in-process version differ only in `run`. */
export function imageWorkOver(run: (task: ImageTask) => Promise<unknown>, dispose: () => Promise<void>): ImageWork {
  // The worker answers with what runImageTask returned for that kind of task.
  const call = <T>(task: ImageTask) => run(task) as Promise<T>
  return {
    inspect: (bytes) => call({ kind: 'inspect', bytes }),
    open: (bytes, options) => call({ kind: 'open', bytes, options }),
    preview: (bytes) => call({ kind: 'preview', bytes }),
    prepare: (bytes, options) => call({ kind: 'prepare', bytes, options }),
    hash: (bytes) => call({ kind: 'hash', bytes }),
    frame: (bytes, preset, options) => call({ kind: 'frame', bytes, preset, ...(options?.preview ? { preview: true } : {}) }),
    plan: (bytes, options, preset) => call({ kind: 'plan', bytes, options, preset }),
    dispose
  }
}

/** The same work on the calling thread (tests, small tools). */
export function createInProcessImageWork(options: { readonly detector?: FaceDetector } = {}): ImageWork {
  const detector = options.detector ?? createHumanFaceDetector()
  return imageWorkOver((task) => runImageTask(task, detector), async () => undefined)
}

function assertNever(value: never): never {
  throw new Error(`unexpected image task: ${JSON.stringify(value)}`)
}
