/**
 * Wires the handlers to Electron's ipcMain (invoke/handle only). Every request channel of the
 * contract gets one handler that checks the sender first and never lets an exception cross IPC
 * (call-handler.ts).
 */
import { REQUEST_CHANNELS, type AppError, type Result } from '../../preload/contract'
import { callHandler } from './call-handler'
import type { Handlers } from './types'

/** The part of Electron's WebFrameMain the sender check reads (window-options.ts decides). */
export interface SenderFrame {
  readonly url: string
  readonly parent: unknown
}

/** What registerIpc needs from an invoke event (Electron's IpcMainInvokeEvent has more). */
export interface IpcInvokeEventLike {
  readonly senderFrame: SenderFrame | null
}

/** The slice of Electron's ipcMain used here, so tests pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

export interface RegisterIpcOptions {
  /** Logs channel names and error kinds only, never arguments (they carry passwords and photos). */
  readonly log?: (message: string) => void
}

/** Registers one handler per request channel; returns a function that removes them again. */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  isTrustedSender: (frame: SenderFrame | null) => boolean,
  options: RegisterIpcOptions = {}
): () => void {
  const log = options.log ?? ((message: string) => console.error(message))
  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(channel, async (event, ...args) => {
      let trusted = false
      try {
        trusted = isTrustedSender(event.senderFrame)
      } catch {
        trusted = false
      }
      if (!trusted) {
        log(`ipc: refused ${channel} from an untrusted sender`)
        return failure('input/invalid', 'This request did not come from the app window.')
      }
      // The bridge always sends exactly one argument (undefined for none).
      if (args.length > 1) return failure('input/invalid', `Unexpected arguments for ${channel}.`)
      return callHandler(handlers, channel, args[0], (message) => log(`ipc: ${message}`))
    })
  }
  return () => {
    for (const channel of REQUEST_CHANNELS) ipcMain.removeHandler(channel)
  }
}

function failure(code: AppError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } }
}
