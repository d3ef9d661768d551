/**
 * The language and theme the user chose, as main keeps them (settings.json). A change shows at once
 * and is saved behind it; when saving fails the choice goes back and the failure is said.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppError, AppSettings, SettingsPatch } from '../../../preload/contract'
import { useAppApi } from '../api-context'

export const useSettingsStore = defineStore('settings', () => {
  const api = useAppApi()
  const language = ref<AppSettings['language']>('system')
  const theme = ref<AppSettings['theme']>('system')
  const error = ref<AppError | null>(null)

  function take(value: AppSettings): void {
    language.value = value.language
    theme.value = value.theme
  }

  async function load(): Promise<void> {
    const result = await api.settings.get()
    if (result.ok) take(result.value)
    else error.value = result.error
  }

  async function update(patch: SettingsPatch): Promise<void> {
    const before: AppSettings = { language: language.value, theme: theme.value }
    take({ ...before, ...patch })
    error.value = null
    const result = await api.settings.update(patch)
    if (result.ok) take(result.value)
    else {
      take(before)
      error.value = result.error
    }
  }

  return { language, theme, error, load, update }
})
