/**
 * The worker thread's entry (piscina calls the default export once per task). One detector per
 * thread, created when the thread starts: its models load on the first face task and stay loaded.
 */
import { createHumanFaceDetector } from './human-face-detector'
import { runImageTask, type ImageTask } from './image-work'
import { lowerLibvipsThreads, lowerThisThread } from './thread-priority'

lowerThisThread()

const detector = createHumanFaceDetector()

export default async function run(task: ImageTask): Promise<unknown> {
  lowerLibvipsThreads()
  try {
    return await runImageTask(task, detector)
  } finally {
    // libvips starts threads during a task too, at the priority of libuv's pool (main's).
    lowerLibvipsThreads()
  }
}
