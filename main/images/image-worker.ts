/**
 * The worker thread's entry (piscina calls the default export once per task). One detector per
 * thread, created when the thread starts: its models load on the first face task and stay loaded.
 */
import { workerData } from 'piscina'
import { createHumanFaceDetector } from './human-face-detector'
import type { ImageWorkerData } from './image-pool'
import { runImageTask, type ImageTask } from './image-work'
import { lowerLibvipsThreads, lowerThisThread } from './thread-priority'

// Bulk work runs lowered, so main's event loop (IPC, the UI's answers) runs first when the cores are
// busy; the editor's own pool keeps the normal priority: a user waits on it, and a lowered thread
// loses to every other program on a busy computer.
const background = (workerData as ImageWorkerData | undefined)?.priority !== 'interactive'
if (background) lowerThisThread()

const detector = createHumanFaceDetector()

export default async function run(task: ImageTask): Promise<unknown> {
  if (!background) return runImageTask(task, detector)
  // libvips' threads are the whole process's (both pools share them): a bulk task lowers them, and
  // libvips starts more during a task too, at the priority of libuv's pool (main's).
  lowerLibvipsThreads()
  try {
    return await runImageTask(task, detector)
  } finally {
    lowerLibvipsThreads()
  }
}
