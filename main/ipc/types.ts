/**
 * The shape every host (Electron's ipcMain in register-ipc.ts, the web host in main/web-host/)
 * needs from main: one handler per request channel. Events go out through core/events.ts.
 */
import type { RequestChannel, Result, ValueOf } from '../../preload/contract'

/** Validates `arg` against the channel's schema, calls the service, answers a Result. Never throws. */
export type Handlers = { readonly [C in RequestChannel]: (arg: unknown) => Promise<Result<ValueOf<C>>> }
