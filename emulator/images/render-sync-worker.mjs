// The thread behind renderThumbnailsSync: the emulator runs from its TypeScript sources, and a worker
// thread gets no TypeScript loader of its own, so register tsx, then render with the very function
// the request path uses (same sharp, same steps: the same bytes).
import { parentPort, workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { renderThumbnails } = await import('./images.ts')
const port = workerData.port

parentPort.on('message', async ({ original, crop, signal }) => {
  let reply
  try {
    reply = { sizes: await renderThumbnails(Buffer.from(original.buffer, original.byteOffset, original.byteLength), crop) }
  } catch (e) {
    reply = { error: e instanceof Error ? e.message : String(e), tooLarge: e?.tooLarge === true }
  }
  port.postMessage(reply)
  Atomics.store(signal, 0, 1)
  Atomics.notify(signal, 0)
})
