import { describe, expect, it } from 'vitest'
import { REQUEST_CHANNELS, type RequestChannel, type Result } from '../../preload/contract'
import { APP_START_URL, isTrustedAppFrame } from '../window-options'
import { registerIpc, type IpcInvokeEventLike, type IpcMainLike, type SenderFrame } from './register-ipc'
import type { Handlers } from './types'

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>

/** Behaves like Electron's ipcMain for handle/removeHandler, and lets the test invoke as a renderer would. */
function fakeIpcMain() {
  const listeners = new Map<string, Listener>()
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      listeners.set(channel, listener)
    },
    removeHandler: (channel) => void listeners.delete(channel)
  }
  const invoke = async (frame: SenderFrame | null, channel: string, ...args: unknown[]) => {
    const listener = listeners.get(channel)
    if (!listener) throw new Error(`No handler registered for '${channel}'`)
    return listener({ senderFrame: frame }, ...args)
  }
  return { ipcMain, listeners, invoke }
}

const appFrame: SenderFrame = { url: APP_START_URL, parent: null }

/** Every channel answers ok with what it got, so tests can see the argument arrive. */
function echoHandlers(calls: { channel: RequestChannel; arg: unknown }[] = []): Handlers {
  const entries = REQUEST_CHANNELS.map((channel) => [
    channel,
    async (arg: unknown) => {
      calls.push({ channel, arg })
      return { ok: true, value: { echoed: arg } }
    }
  ])
  return Object.fromEntries(entries) as unknown as Handlers
}

describe('registerIpc', () => {
  it('registers exactly the contract’s request channels', () => {
    const { ipcMain, listeners } = fakeIpcMain()
    registerIpc(ipcMain, echoHandlers(), isTrustedAppFrame, { log: () => {} })
    expect([...listeners.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort())
  })

  it('passes the argument to the handler and its Result back, binary intact', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    const calls: { channel: RequestChannel; arg: unknown }[] = []
    registerIpc(ipcMain, echoHandlers(calls), isTrustedAppFrame, { log: () => {} })
    const bytes = new Uint8Array([1, 2, 3])
    const result = (await invoke(appFrame, 'photos:image', { accountId: 'a', ref: 'r', bytes })) as Result<{ echoed: { bytes: Uint8Array } }>
    expect(result.ok && result.value.echoed.bytes).toBe(bytes)
    expect(calls).toEqual([{ channel: 'photos:image', arg: { accountId: 'a', ref: 'r', bytes } }])
  })

  it('refuses senders that are not the app’s main frame, without calling the handler', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    const calls: { channel: RequestChannel; arg: unknown }[] = []
    const logged: string[] = []
    registerIpc(ipcMain, echoHandlers(calls), isTrustedAppFrame, { log: (m) => logged.push(m) })
    const untrusted: (SenderFrame | null)[] = [
      null,
      { url: 'https://evil.example.net/', parent: null },
      { url: APP_START_URL, parent: appFrame }, // an iframe inside the app
      { url: 'file:///tmp/index.html', parent: null }
    ]
    for (const frame of untrusted) {
      const result = (await invoke(frame, 'accounts:sign-out', { accountId: 'a' })) as Result<unknown>
      expect(result).toMatchObject({ ok: false, error: { code: 'input/invalid' } })
    }
    expect(calls).toEqual([])
    expect(logged).toHaveLength(untrusted.length)
  })

  it('treats a sender check that throws (destroyed frame) as untrusted', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    registerIpc(ipcMain, echoHandlers(), () => {
      throw new Error('Render frame was disposed')
    }, { log: () => {} })
    expect(await invoke(appFrame, 'accounts:overview', undefined)).toMatchObject({ ok: false, error: { code: 'input/invalid' } })
  })

  it('turns a throwing or rejecting handler into an app/internal Result, without leaking its message', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    const logged: string[] = []
    const handlers = {
      ...echoHandlers(),
      'accounts:sign-in': () => {
        throw new TypeError('password hunter2 was wrong')
      },
      'people:page': () => Promise.reject(new Error('token abc123 expired'))
    } as unknown as Handlers
    registerIpc(ipcMain, handlers, isTrustedAppFrame, { log: (m) => logged.push(m) })
    const signIn = (await invoke(appFrame, 'accounts:sign-in', { method: 'password', password: 'hunter2' })) as Result<unknown>
    const page = (await invoke(appFrame, 'people:page', { accountId: 'a', startIndex: 0, count: 100 })) as Result<unknown>
    for (const result of [signIn, page]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'app/internal' } })
      expect(JSON.stringify(result)).not.toMatch(/hunter2|abc123/)
    }
    expect(logged.join('\n')).not.toMatch(/hunter2|abc123/)
    expect(logged.join('\n')).toContain('accounts:sign-in')
  })

  it('refuses extra arguments the bridge never sends', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    registerIpc(ipcMain, echoHandlers(), isTrustedAppFrame, { log: () => {} })
    expect(await invoke(appFrame, 'people:get', { accountId: 'a', userId: 'u' }, 'extra')).toMatchObject({
      ok: false,
      error: { code: 'input/invalid' }
    })
  })

  it('can be removed again, so a re-registration does not throw', () => {
    const { ipcMain, listeners } = fakeIpcMain()
    const unregister = registerIpc(ipcMain, echoHandlers(), isTrustedAppFrame)
    unregister()
    expect(listeners.size).toBe(0)
    expect(() => registerIpc(ipcMain, echoHandlers(), isTrustedAppFrame)).not.toThrow()
  })
})
