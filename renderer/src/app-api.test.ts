import { describe, expect, it } from 'vitest'
import type { Transport } from '../../preload/contract'
import { resolveAppApi } from './app-api'
import { portalFromLocation } from './launch-params'
import { createFakeAppApi } from './testing/fake-app-api'

const location = { hash: '', origin: 'http://127.0.0.1:4321' }

describe('resolveAppApi', () => {
  it("uses Electron's window.app when the preload exposed it", () => {
    const app = createFakeAppApi()
    const host = resolveAppApi({ app, location }, () => {
      throw new Error('must not connect')
    })
    expect(host).toEqual({ kind: 'ready', host: 'electron', api: app })
  })

  it("builds the bridge over the web host's transport otherwise", async () => {
    const seen: string[] = []
    const transport: Transport = {
      invoke: async (channel) => {
        seen.push(channel)
        return { ok: true, value: { accounts: [], activeAccountId: null, keychainAvailable: true } }
      },
      on: () => () => {}
    }
    const host = resolveAppApi({ location: { ...location, hash: '#k=secret' } }, (loc) => (loc.hash === '#k=secret' ? transport : undefined))
    expect(host.kind).toBe('ready')
    if (host.kind !== 'ready') return
    expect(host.host).toBe('web')
    expect(await host.api.accounts.overview()).toMatchObject({ ok: true })
    expect(seen).toEqual(['accounts:overview'])
  })

  it('reports no host when the page was not opened from the app link', () => {
    expect(resolveAppApi({ location }, () => undefined)).toEqual({ kind: 'no-host' })
    expect(resolveAppApi({ app: { accounts: {} }, location }, () => undefined)).toEqual({ kind: 'no-host' })
  })
})

describe('portalFromLocation', () => {
  it('reads ?portal= or #portal=, also among other fragment parameters', () => {
    expect(portalFromLocation({ search: '?portal=http%3A%2F%2F127.0.0.1%3A5123', hash: '' })).toBe('http://127.0.0.1:5123')
    expect(portalFromLocation({ search: '', hash: '#portal=https://hr.example.com' })).toBe('https://hr.example.com')
    expect(portalFromLocation({ search: '', hash: '#key=abc&portal=http%3A%2F%2Flocalhost%3A9' })).toBe('http://localhost:9')
    expect(portalFromLocation({ search: '', hash: '#key=abc' })).toBeNull()
  })
})
