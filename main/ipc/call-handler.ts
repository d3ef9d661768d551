/**
 * The last guard before an answer crosses to the renderer, shared by both hosts (register-ipc.ts,
 * main/web-host/). Handlers from createHandlers never throw, but a host must not depend on it:
 * Electron would hand an exception's message (which may echo arguments) to the renderer, and the
 * web host would answer 500. So a throw becomes an app/internal Result here too.
 */
import type { RequestChannel, Result } from '../../preload/contract'
import type { Handlers } from './types'

export async function callHandler(handlers: Handlers, channel: RequestChannel, arg: unknown, log: (message: string) => void): Promise<Result<unknown>> {
  try {
    return await (handlers[channel] as (arg: unknown) => Promise<Result<unknown>>)(arg)
  } catch (e) {
    // Its kind, not its message: the message may echo a password or a token.
    log(`handler for ${channel} threw ${(e as Error)?.name ?? typeof e}`)
    return { ok: false, error: { code: 'app/internal', message: `Something went wrong in the app (${channel}).` } }
  }
}
