/**
 * The image process's entry: a process of its own beside main, holding the worker-thread pool
 * (image-pool.ts). Its memory (TensorFlow's WASM heaps, libvips' buffers, malloc arenas) is not
 * main's, and the OS schedules it apart from main, so main's event loop does not wait behind it.
 * Launched by image-process.ts: with `child_process.fork` under plain Node (`process.send`), or as
 * Electron's utility process (`process.parentPort`). Plain Node code: no Electron import.
 */
import { createImagePool } from './image-pool'
import { parseConfig, parseRequest, type HostReply } from './image-process-protocol'
import { lowerOwnAutogroup, lowerThisProcess } from './thread-priority'

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

const config = parseConfig(process.argv)
if (config === undefined) {
  process.stderr.write(`image process: no valid --image-host= argument in ${JSON.stringify(process.argv.slice(2))}\n`)
  process.exit(2)
}
// Bulk work: the whole process yields to everything else on the computer, main's event loop first.
// Done before the pool starts any thread, so every later thread inherits it.
if (config.priority === 'background') {
  lowerThisProcess()
  lowerOwnAutogroup()
}

const pool = createImagePool({ workers: config.workers, priority: config.priority, idleTimeoutMs: config.idleTimeoutMs, faceThreads: config.faceThreads })
const parentPort = (process as { parentPort?: ParentPort }).parentPort
const reply: (message: HostReply) => void = parentPort
  ? (message) => parentPort.postMessage(message)
  : (message) => {
      process.send?.(message)
    }

async function serve(message: unknown): Promise<void> {
  const request = parseRequest(message)
  if (request === undefined) {
    process.stderr.write('image process: ignored a message that is not a task\n')
    return
  }
  try {
    reply({ id: request.id, ok: true, value: await pool.run(request.task) })
  } catch (e) {
    reply({ id: request.id, ok: false, message: e instanceof Error ? e.message : String(e) })
  }
}

if (parentPort) {
  parentPort.on('message', (event) => void serve(event.data))
} else {
  process.on('message', (message) => void serve(message))
  // main went away (quit, crash, killed): nothing is left to answer to, so this process ends too.
  process.on('disconnect', () => process.exit(0))
}
