// Rendering the sizes from synchronous code: the test handle's storedPhoto() and the folder mirror
// read a photo's files without awaiting, but an upload's centred squares are rendered only when
// first needed (routes/photos.ts). A worker thread renders; this thread waits for it.

import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import { ImageError, type Crop, type ThumbSize } from './images'

/** Far beyond any render; a worker that never answers is a bug, not a slow image. */
const WAIT_MS = 120_000

let thread: { readonly worker: Worker; readonly port: MessagePort } | undefined

function renderer(): { readonly worker: Worker; readonly port: MessagePort } {
  if (thread) return thread
  const { port1, port2 } = new MessageChannel()
  const worker = new Worker(new URL('./render-sync-worker.mjs', import.meta.url), { workerData: { port: port2 }, transferList: [port2] })
  // Neither keeps the process alive: the thread is only ever waited for synchronously.
  worker.unref()
  port1.unref()
  worker.once('exit', () => (thread = undefined))
  thread = { worker, port: port1 }
  return thread
}

type Reply = { sizes: Record<ThumbSize, Uint8Array> } | { error: string; tooLarge: boolean }

/** renderThumbnails(original, crop), blocking this thread until it is done. */
export function renderThumbnailsSync(original: Buffer, crop: Crop): Record<ThumbSize, Buffer> {
  const { worker, port } = renderer()
  const signal = new Int32Array(new SharedArrayBuffer(4))
  worker.postMessage({ original, crop, signal })
  if (Atomics.wait(signal, 0, 0, WAIT_MS) === 'timed-out') throw new Error('the emulator could not render the photo sizes (worker thread did not answer)')
  const received = receiveMessageOnPort(port)
  const reply = received?.message as Reply | undefined
  if (!reply) throw new Error('the emulator could not render the photo sizes (no answer from the worker thread)')
  if ('error' in reply) throw new ImageError(reply.error, reply.tooLarge)
  const out: Partial<Record<ThumbSize, Buffer>> = {}
  for (const [size, bytes] of Object.entries(reply.sizes) as Array<[ThumbSize, Uint8Array]>) out[size] = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return out as Record<ThumbSize, Buffer>
}
