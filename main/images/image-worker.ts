/**
 * The worker thread's entry (piscina calls the default export once per task). One detector per
 * thread, created when the thread starts: its models load on the first face task and stay loaded.
 */
import { constants, platform, setPriority } from 'node:os'
import { workerData } from 'piscina'
import { createHumanFaceDetector } from './human-face-detector'
import type { ImageWorkerData } from './image-pool'
import { runImageTask, type ImageTask } from './image-work'

// On Linux a nice value belongs to one thread, so this lowers only the image threads: when the cores
// are busy, main's event loop (IPC, the UI's answers) runs first. Elsewhere it would lower the whole
// app, so it is left alone there. The editor's own pool keeps the normal priority: a user waits on it,
// and a lowered thread loses to every other program on a busy computer.
const background = (workerData as ImageWorkerData | undefined)?.priority !== 'interactive'
if (background && platform() === 'linux') {
  try {
    setPriority(constants.priority.PRIORITY_BELOW_NORMAL)
  } catch {
    // Not allowed here: the threads keep the normal priority.
  }
}

const detector = createHumanFaceDetector()

export default function run(task: ImageTask): Promise<unknown> {
  return runImageTask(task, detector)
}
