/**
 * createBridge: turns a host Transport (Electron's ipcRenderer, or the web host's HTTP transport)
 * into the named-method AppApi the renderer sees as `window.app`. Pure: no Electron, no DOM.
 */
import type { AppApi, EventChannels, RequestChannel, RequestChannels, Result, Transport } from './contract'

export function createBridge(transport: Transport): AppApi {
  const call =
    <C extends RequestChannel>(channel: C) =>
    (arg: RequestChannels[C][0]): Promise<Result<RequestChannels[C][1]>> =>
      invokeSafely(transport, channel, arg) as Promise<Result<RequestChannels[C][1]>>
  const listen =
    <C extends keyof EventChannels>(channel: C) =>
    (listener: (payload: EventChannels[C]) => void) =>
      transport.on(channel, (payload) => listener(payload as EventChannels[C]))

  return Object.freeze({
    accounts: Object.freeze({
      overview: () => call('accounts:overview')(undefined),
      signIn: call('accounts:sign-in'),
      verifyCode: call('accounts:verify-code'),
      switchTo: call('accounts:switch'),
      signOut: call('accounts:sign-out'),
      forget: call('accounts:forget'),
      onChanged: listen('accounts:changed')
    }),
    people: Object.freeze({
      page: call('people:page'),
      get: call('people:get')
    }),
    photos: Object.freeze({
      get: call('photos:get'),
      image: call('photos:image'),
      inspect: call('photos:inspect'),
      preview: call('photos:preview'),
      replace: call('photos:replace'),
      cancel: call('photos:cancel'),
      remove: call('photos:delete'),
      setFromUrl: call('photos:set-from-url'),
      original: call('photos:original'),
      history: call('photos:history'),
      restore: call('photos:restore'),
      undo: call('photos:undo'),
      onProgress: listen('photos:progress')
    }),
    activity: Object.freeze({
      list: call('activity:list'),
      exportCsv: () => call('activity:export-csv')(undefined)
    })
  })
}

/** A transport failure (host gone, serialization bug) still reaches the UI as a Result, never a throw. */
async function invokeSafely(transport: Transport, channel: RequestChannel, arg: unknown): Promise<Result<unknown>> {
  try {
    return (await transport.invoke(channel, arg)) as Result<unknown>
  } catch (e) {
    return { ok: false, error: { code: 'app/internal', message: `The app could not reach its main process (${channel}).`, detail: String((e as Error)?.message ?? e) } }
  }
}
