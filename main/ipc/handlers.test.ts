// Handlers validate every argument before any service runs, and never let an exception escape.
import type { BulkService } from '../jobs/bulk-service'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REQUEST_CHANNELS, type AppError, type Result } from '../../preload/contract'
import { createMain } from '../compose'
import type { PhotoEditorService } from '../changes/photo-editor-service'
import { MemorySecretStore } from '../secrets/memory-store'
import type { AccountsService } from '../services/accounts-service'
import type { ActivityLog } from '../services/activity-log'
import type { LogFields, Logger } from '../core/logger'
import type { PeopleService } from '../services/people-service'
import type { PhotosService } from '../services/photos-service'
import type { SettingsStore } from '../services/settings-store'
import { createHandlers, type HandlerServices } from './handlers'
import type { Handlers } from './types'

let dataDir: string
let handlers: Handlers
let dispose: () => Promise<void>

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dpm-handlers-'))
  const main = createMain({ dataDir, secrets: new MemorySecretStore({ available: true }), events: { emit: () => {} }, log: quiet() })
  handlers = main.handlers
  dispose = main.dispose
})
afterAll(async () => {
  await dispose()
  await rm(dataDir, { recursive: true, force: true })
})

function quiet(): Logger & { lines: string[] } {
  const lines: string[] = []
  const rec = (m: string, f?: LogFields): void => {
    lines.push(`${m} ${JSON.stringify(f ?? {})}`)
  }
  return { lines, info: rec, warn: rec, error: rec }
}

function errorOf(r: Result<unknown>): AppError {
  if (r.ok) throw new Error('expected a failure')
  return r.error
}

describe('createHandlers: argument validation', () => {
  it('has a handler for every request channel of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...REQUEST_CHANNELS].sort())
  })

  it.each([
    ['accounts:sign-in', undefined, 'argument'],
    ['accounts:sign-in', { method: 'password', portalUrl: 'https://x.example', email: 'a@b.c' }, 'password'],
    ['accounts:sign-in', { method: 'magic', portalUrl: 'https://x.example' }, 'method'],
    ['accounts:sign-in', { method: 'api-key', portalUrl: 'https://x.example', apiKey: 'sk-1', extra: 1 }, 'extra'],
    ['accounts:sign-in', { method: 'api-key', portalUrl: '', apiKey: 'sk-1' }, 'portalUrl'],
    ['accounts:verify-code', { challengeId: 'not-a-uuid', code: '123456' }, 'challengeId'],
    ['accounts:verify-code', { challengeId: '4b2b0f8a-1f1e-4c55-9d0e-6f1d2a3b4c5d', code: '12 34' }, 'code'],
    ['accounts:switch', { accountId: 42 }, 'accountId'],
    ['accounts:switch', { accountId: '..' }, 'accountId'],
    ['accounts:forget', { accountId: '0123456789abcdeg' }, 'accountId'],
    ['people:get', { accountId: '0123456789abcdef', userId: '..' }, 'userId'],
    ['people:get', { accountId: '0123456789abcdef', userId: '.' }, 'userId'],
    ['photos:delete', { accountId: '0123456789abcdef', userId: '../settings' }, 'userId'],
    ['photos:get', { accountId: '0123456789abcdef', userId: 'a/b' }, 'userId'],
    ['bulk:assign', { jobId: 'j1', rowId: 'r00001', userId: '..' }, 'userId'],
    ['accounts:sign-out', {}, 'accountId'],
    ['people:page', { accountId: 'a', startIndex: 0, count: 101 }, 'count'],
    ['people:page', { accountId: 'a', startIndex: -1, count: 10 }, 'startIndex'],
    ['people:page', { accountId: 'a', startIndex: 0.5, count: 10 }, 'startIndex'],
    ['people:page', { accountId: 'a', startIndex: '0', count: 10 }, 'startIndex'],
    ['people:get', { accountId: 'a' }, 'userId'],
    ['people:cached', { accountId: '../accounts' }, 'accountId'],
    ['people:cached', { accountId: '0123456789abcdef', people: [] }, 'people'],
    ['photos:get', null, 'argument'],
    ['photos:image', { accountId: 'a', ref: '' }, 'ref'],
    ['photos:image', { accountId: 'a', ref: 'x'.repeat(3000) }, 'ref']
  ] as const)('%s rejects %j naming %s', async (channel, arg, field) => {
    const error = errorOf(await handlers[channel](arg))
    expect(error.code).toBe('input/invalid')
    expect(error.message).toContain(channel)
    expect(error.message).toContain(field)
  })

  it('never echoes a rejected secret in the message', async () => {
    const error = errorOf(await handlers['accounts:sign-in']({ method: 'password', portalUrl: 'https://x.example', email: 'a@b.c', password: 'hunter2', extra: 'zzz' }))
    expect(error.code).toBe('input/invalid')
    expect(JSON.stringify(error)).not.toContain('hunter2')
  })

  it('accepts a missing argument for accounts:overview, as undefined or null', async () => {
    const a = await handlers['accounts:overview'](undefined)
    const b = await handlers['accounts:overview'](null)
    expect(a).toEqual({ ok: true, value: { accounts: [], activeAccountId: null, keychainAvailable: true } })
    expect(b).toEqual(a)
  })

  it('answers a valid request for an unknown account with auth/not-signed-in, not a throw', async () => {
    expect(errorOf(await handlers['people:page']({ accountId: '0123456789abcdef', startIndex: 0, count: 10 })).code).toBe('auth/not-signed-in')
    expect(errorOf(await handlers['accounts:switch']({ accountId: 'fedcba9876543210' })).code).toBe('auth/not-signed-in')
    expect(errorOf(await handlers['people:cached']({ accountId: '0123456789abcdef' })).code).toBe('auth/not-signed-in')
  })
})

describe('createHandlers: exceptions become app/internal', () => {
  it('wraps a throwing service and logs the stack without secrets', async () => {
    const log = quiet()
    const boom = async (): Promise<never> => {
      throw new Error('kaboom with Authorization: Bearer sk-0123456789abcdef0123456789abcdef')
    }
    const accounts = { overview: boom } as unknown as AccountsService
    const h = createHandlers({
      accounts,
      people: {} as PeopleService,
      photos: {} as PhotosService,
      editor: {} as PhotoEditorService,
      activity: {} as ActivityLog,
      bulk: {} as BulkService,
      settings: {} as SettingsStore,
      handoff: {} as HandlerServices['handoff'],
      log
    })
    const r = await h['accounts:overview'](undefined)
    expect(errorOf(r)).toEqual({ code: 'app/internal', message: 'Something went wrong inside the app.' })
    const text = log.lines.join('\n')
    expect(text).toContain('kaboom')
    expect(text).toContain('accounts:overview')
    expect(text).not.toContain('0123456789abcdef')
  })
})
