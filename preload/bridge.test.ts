// The bridge builds window.app from the contract's tables: every channel has its named method,
// no-argument methods never forward a stray argument, and nothing throws into the renderer.
import { describe, expect, expectTypeOf, it } from 'vitest'
import { createBridge } from './bridge'
import {
  EVENT_CHANNELS,
  EVENT_TABLE,
  REQUEST_CHANNELS,
  REQUEST_TABLE,
  type AccountsOverview,
  type AppApi,
  type ArgOf,
  type EventChannel,
  type PhotoChange,
  type PhotoProgress,
  type RequestChannel,
  type Result,
  type Transport
} from './contract'

function recordingTransport() {
  const invoked: { channel: RequestChannel; arg: unknown }[] = []
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>()
  const transport: Transport = {
    invoke: async (channel, arg) => {
      invoked.push({ channel, arg })
      return { ok: true, value: channel }
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
      return () => set.delete(listener)
    }
  }
  const emit = (channel: EventChannel, payload: unknown) => [...(listeners.get(channel) ?? [])].forEach((l) => l(payload))
  return { transport, invoked, emit }
}

type Method = (arg?: unknown) => Promise<Result<unknown>>
const methodAt = (app: AppApi, [namespace, method]: readonly [string, string]) => (app as unknown as Record<string, Record<string, Method>>)[namespace]?.[method]

describe('createBridge', () => {
  it('has one method per request channel, named as the table says, that invokes that channel', async () => {
    const { transport, invoked } = recordingTransport()
    const app = createBridge(transport)
    for (const channel of REQUEST_CHANNELS) {
      const method = methodAt(app, REQUEST_TABLE[channel].api)
      expect(method, channel).toBeTypeOf('function')
      expect(await method!({ probe: channel })).toEqual({ ok: true, value: channel })
    }
    expect(invoked.map((c) => c.channel)).toEqual([...REQUEST_CHANNELS])
  })

  it('keeps the renderer’s method names', () => {
    const app = createBridge(recordingTransport().transport)
    expect(Object.keys(app).sort()).toEqual(['accounts', 'activity', 'bulk', 'handoff', 'people', 'photos', 'settings'])
    expect(Object.keys(app.handoff).sort()).toEqual(['accept', 'ask', 'asked', 'decline', 'exportCsv', 'fromBulk', 'image', 'list', 'prepare', 'remind', 'route', 'status', 'waiting', 'withdraw'])
    expect(Object.keys(app.bulk)).toEqual(expect.arrayContaining(['create', 'addFiles', 'plan', 'apply', 'undo', 'onProgress']))
    expect(Object.keys(app.accounts).sort()).toEqual(['cancelSignIn', 'forget', 'onChanged', 'overview', 'signIn', 'signOut', 'switchTo', 'verifyCode'])
    expect(Object.keys(app.photos)).toEqual(expect.arrayContaining(['remove', 'setFromUrl', 'onProgress', 'undo']))
    expect(Object.keys(app.activity).sort()).toEqual(['exportCsv', 'list'])
    expect(Object.keys(app.settings).sort()).toEqual(['get', 'update'])
    expect(Object.keys(app.people).sort()).toEqual(['cached', 'get', 'page'])
  })

  it('asks main for the cached people list of one account', async () => {
    const { transport, invoked } = recordingTransport()
    await createBridge(transport).people.cached({ accountId: '0123456789abcdef' })
    expect(invoked).toEqual([{ channel: 'people:cached', arg: { accountId: '0123456789abcdef' } }])
  })

  it('sends undefined for channels without an argument, whatever the caller passes', async () => {
    const { transport, invoked } = recordingTransport()
    const app = createBridge(transport)
    await (app.accounts.overview as unknown as Method)({ type: 'click' })
    await (app.activity.exportCsv as unknown as Method)('stray')
    expect(invoked).toEqual([
      { channel: 'accounts:overview', arg: undefined },
      { channel: 'activity:export-csv', arg: undefined }
    ])
  })

  it('passes the argument of the others through untouched, binary included', async () => {
    const { transport, invoked } = recordingTransport()
    const bytes = new Uint8Array([1, 2, 3])
    await createBridge(transport).photos.inspect({ bytes })
    expect(invoked[0]?.arg).toEqual({ bytes })
    expect((invoked[0]?.arg as { bytes: Uint8Array }).bytes).toBe(bytes)
  })

  it('delivers events to listeners until they unsubscribe', () => {
    const { transport, emit } = recordingTransport()
    const app = createBridge(transport)
    const seen: unknown[] = []
    for (const channel of EVENT_CHANNELS) {
      const listen = methodAt(app, EVENT_TABLE[channel].api) as unknown as (l: (p: unknown) => void) => () => void
      const off = listen((payload) => seen.push([channel, payload]))
      emit(channel, 1)
      off()
      emit(channel, 2)
    }
    expect(seen).toEqual(EVENT_CHANNELS.map((channel) => [channel, 1]))
  })

  it('turns a transport failure into an app/internal Result instead of a throw', async () => {
    const app = createBridge({ invoke: () => Promise.reject(new Error('host gone')), on: () => () => {} })
    expect(await app.people.get({ accountId: 'a', userId: 'u' })).toMatchObject({ ok: false, error: { code: 'app/internal', detail: 'host gone' } })
  })

  it('is frozen: the renderer cannot swap a method', () => {
    const app = createBridge(recordingTransport().transport)
    expect(Object.isFrozen(app)).toBe(true)
    expect(Object.isFrozen(app.photos)).toBe(true)
  })

  it('types each method from the contract', () => {
    expectTypeOf<AppApi['photos']['remove']>().parameters.toEqualTypeOf<[ArgOf<'photos:delete'>]>()
    expectTypeOf<AppApi['photos']['remove']>().returns.toEqualTypeOf<Promise<Result<PhotoChange>>>()
    expectTypeOf<AppApi['accounts']['overview']>().parameters.toEqualTypeOf<[]>()
    expectTypeOf<AppApi['accounts']['onChanged']>().parameters.toEqualTypeOf<[(overview: AccountsOverview) => void]>()
    expectTypeOf<AppApi['photos']['onProgress']>().parameters.toEqualTypeOf<[(progress: PhotoProgress) => void]>()
  })
})
