import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Logger } from '../core/logger'
import { createMain } from '../compose'
import { MemorySecretStore } from '../secrets/memory-store'
import { SettingsStore } from './settings-store'

const warnings: string[] = []
const log: Logger = { info: () => {}, warn: (m) => void warnings.push(m), error: () => {} }

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dspm-settings-'))
  warnings.length = 0
})
afterEach(async () => rm(dir, { recursive: true, force: true }))

describe('SettingsStore', () => {
  it('starts at system language and theme, and remembers a change across instances', async () => {
    const first = new SettingsStore({ dataDir: dir, log })
    expect(await first.get()).toEqual({ language: 'system', theme: 'system' })
    expect(await first.update({ language: 'pt-BR' })).toEqual({ language: 'pt-BR', theme: 'system' })
    await first.update({ theme: 'dark' })
    const again = new SettingsStore({ dataDir: dir, log })
    expect(await again.get()).toEqual({ language: 'pt-BR', theme: 'dark' })
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toEqual({ language: 'pt-BR', theme: 'dark' })
  })

  it('keeps both of two quick changes', async () => {
    const store = new SettingsStore({ dataDir: dir, log })
    await Promise.all([store.update({ language: 'fr' }), store.update({ theme: 'light' })])
    expect(await new SettingsStore({ dataDir: dir, log }).get()).toEqual({ language: 'fr', theme: 'light' })
  })

  it('falls back to the defaults for a damaged file or unknown values', async () => {
    await writeFile(join(dir, 'settings.json'), '{"language": "fr", "theme": "pur')
    expect(await new SettingsStore({ dataDir: dir, log }).get()).toEqual({ language: 'system', theme: 'system' })
    expect(warnings.join()).toContain('damaged')
    await writeFile(join(dir, 'settings.json'), '{"language": "../x", "theme": "neon"}')
    expect(await new SettingsStore({ dataDir: dir, log }).get()).toEqual({ language: 'system', theme: 'system' })
  })
})

describe('settings over IPC', () => {
  it('validates the patch and answers the saved settings', async () => {
    const main = createMain({ dataDir: dir, secrets: new MemorySecretStore({ available: true }), events: { emit: () => {} }, log })
    try {
      expect(await main.handlers['settings:get'](undefined)).toEqual({ ok: true, value: { language: 'system', theme: 'system' } })
      expect(await main.handlers['settings:update']({ theme: 'dark', language: 'ru' })).toEqual({ ok: true, value: { language: 'ru', theme: 'dark' } })
      const bad = await main.handlers['settings:update']({ theme: 'neon' })
      expect(bad.ok ? null : bad.error.code).toBe('input/invalid')
      const extra = await main.handlers['settings:update']({ language: 'de', path: '/etc' })
      expect(extra.ok ? null : extra.error.code).toBe('input/invalid')
      expect(await main.handlers['settings:get'](null)).toEqual({ ok: true, value: { language: 'ru', theme: 'dark' } })
    } finally {
      await main.dispose()
    }
  })
})
