/**
 * createBridge: turns a host Transport (Electron's ipcRenderer, or the web host's HTTP transport)
 * into the named-method AppApi the renderer sees as `window.app`, placed as the contract's
 * REQUEST_TABLE and EVENT_TABLE say. Pure: no Electron, no DOM.
 */
import { EVENT_CHANNELS, EVENT_TABLE, REQUEST_CHANNELS, REQUEST_TABLE, type ApiPlace, type AppApi, type RequestChannel, type Result, type Transport } from './contract'

export function createBridge(transport: Transport): AppApi {
  const api: Record<string, Record<string, unknown>> = {}
  const place = ({ api: [namespace, method] }: ApiPlace, fn: unknown) => {
    const methods = (api[namespace] ??= {})
    if (method in methods) throw new Error(`Two channels are both window.app.${namespace}.${method}.`)
    methods[method] = fn
  }
  for (const channel of REQUEST_CHANNELS) {
    const entry: ApiPlace & { readonly noArg?: true } = REQUEST_TABLE[channel]
    place(entry, entry.noArg ? () => invokeSafely(transport, channel, undefined) : (arg: unknown) => invokeSafely(transport, channel, arg))
  }
  for (const channel of EVENT_CHANNELS) {
    place(EVENT_TABLE[channel], (listener: (payload: unknown) => void) => transport.on(channel, (payload) => listener(payload)))
  }
  for (const methods of Object.values(api)) Object.freeze(methods)
  return Object.freeze(api) as unknown as AppApi
}

/** A transport failure (host gone, serialization bug) still reaches the UI as a Result, never a throw. */
async function invokeSafely(transport: Transport, channel: RequestChannel, arg: unknown): Promise<Result<unknown>> {
  try {
    return (await transport.invoke(channel, arg)) as Result<unknown>
  } catch (e) {
    return { ok: false, error: { code: 'app/internal', message: `The app could not reach its main process (${channel}).`, detail: String((e as Error)?.message ?? e) } }
  }
}
