/**
 * The app's own preferences (language, theme) in settings.json in the data folder. Kept in main,
 * not in the renderer's localStorage: the demo's browser profile is thrown away on exit and the
 * web host's port (so its origin) changes per run. A missing or damaged file means the defaults.
 */
import { join } from 'node:path'
import type { AppSettings, SettingsPatch } from '../../preload/contract'
import type { Logger } from '../core/logger'
import { readJsonFile, writeJsonFileAtomic } from './json-file'

export const DEFAULT_SETTINGS: AppSettings = { language: 'system', theme: 'system' }

const THEMES: readonly AppSettings['theme'][] = ['system', 'light', 'dark']
/** A BCP 47 tag like "de", "pt-BR" or "en-XA", or "system"; main does not know which the renderer has. */
export const LANGUAGE_PATTERN = /^(system|[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2})$/

export class SettingsStore {
  private readonly path: string
  private readonly log: Logger
  private current: AppSettings | undefined
  private queue: Promise<unknown> = Promise.resolve()

  constructor(options: { readonly dataDir: string; readonly log: Logger }) {
    this.path = join(options.dataDir, 'settings.json')
    this.log = options.log
  }

  async get(): Promise<AppSettings> {
    if (this.current) return this.current
    const file = await readJsonFile(this.path)
    if (file.corrupt) this.log.warn('settings.json is damaged; using the default settings')
    this.current = sanitize(file.value)
    return this.current
  }

  /** Writes one after the other, so two quick changes never race to the file. */
  update(patch: SettingsPatch): Promise<AppSettings> {
    const next = this.queue.then(async () => {
      const merged = sanitize({ ...(await this.get()), ...patch })
      await writeJsonFileAtomic(this.path, merged)
      this.current = merged
      return merged
    })
    this.queue = next.catch(() => undefined)
    return next
  }
}

function sanitize(value: unknown): AppSettings {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  const language = typeof v.language === 'string' && LANGUAGE_PATTERN.test(v.language) ? v.language : DEFAULT_SETTINGS.language
  const theme = THEMES.find((t) => t === v.theme) ?? DEFAULT_SETTINGS.theme
  return { language, theme }
}
