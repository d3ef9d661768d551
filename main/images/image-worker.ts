/**
 * The worker thread's entry (piscina calls the default export once per task). One detector per
 * thread, created when the thread starts: its models load on the first face task and stay loaded.
 */
import { createHumanFaceDetector } from './human-face-detector'
import { runImageTask, type ImageTask } from './image-work'

const detector = createHumanFaceDetector()

export default function run(task: ImageTask): Promise<unknown> {
  return runImageTask(task, detector)
}
