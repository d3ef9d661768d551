/**
 * The shape every host (Electron's ipcMain in register-ipc.ts, the web host in main/web-host/)
 * needs from main: one handler per request channel, and a sink for events to the renderer.
 */
import type { EventChannel, EventChannels, RequestChannel, Result, ValueOf } from '../../preload/contract'

/** Validates `arg` against the channel's schema, calls the service, answers a Result. Never throws. */
export type Handlers = { readonly [C in RequestChannel]: (arg: unknown) => Promise<Result<ValueOf<C>>> }

/** Main -> renderer events. The host decides how they travel (webContents.send, server-sent events). */
export interface EventSink {
  emit<C extends EventChannel>(channel: C, payload: EventChannels[C]): void
}
