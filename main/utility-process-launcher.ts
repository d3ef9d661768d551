// Shell (Electron): the image process as Electron's utility process, the API Electron recommends for
// a Node child of the app. `child_process.fork` would need ELECTRON_RUN_AS_NODE, which the packaged
// app turns off (electron-builder.yml: electronFuses.runAsNode: false). The utilityProcess module is
// passed in, so only main/index.ts imports 'electron' and this file is tested with a stand-in.
import type { ImageProcessHandle, ImageProcessLauncher } from './images/image-process'

/** The part of Electron's `utilityProcess` (and its UtilityProcess) used here. */
export interface UtilityProcessLike {
  fork(
    modulePath: string,
    args: string[],
    options: { env: Record<string, string | undefined>; serviceName: string; stdio: 'inherit' }
  ): UtilityChildLike
}

export interface UtilityChildLike {
  readonly pid: number | undefined
  postMessage(message: unknown): void
  kill(): boolean
  on(event: 'spawn', listener: () => void): unknown
  on(event: 'exit', listener: (code: number) => void): unknown
  on(event: 'message', listener: (message: unknown) => void): unknown
}

export function utilityProcessLauncher(utilityProcess: UtilityProcessLike): ImageProcessLauncher {
  return (spec, events): ImageProcessHandle => {
    const child = utilityProcess.fork(spec.entry, [...spec.args], { env: { ...process.env, ...spec.env }, serviceName: spec.name, stdio: 'inherit' })
    // Messages wait for the process to have started; after it ended they are dropped (its exit failed their tasks).
    let queue: unknown[] | undefined = []
    let ended = false
    child.on('spawn', () => {
      for (const message of queue ?? []) child.postMessage(message)
      queue = undefined
    })
    child.on('message', (message) => events.message(message))
    child.on('exit', (code) => {
      ended = true
      events.exit(`it exited with code ${code}`)
    })
    return {
      get pid() {
        return child.pid
      },
      send(message) {
        if (ended) return
        if (queue) queue.push(message)
        else child.postMessage(message)
      },
      kill: () => {
        child.kill()
      },
      // Electron's main process lives as long as the app, whatever its children do.
      keepAlive: () => {}
    }
  }
}
