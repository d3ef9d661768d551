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

  // Answers of earlier saves must not undo a later choice still on its way.
  let pending = 0

  async function update(patch: SettingsPatch): Promise<void> {
    const before: AppSettings = { language: language.value, theme: theme.value }
    take({ ...before, ...patch })
    error.value = null
    pending++
    const result = await api.settings.update(patch)
    pending--
    if (!result.ok) {
      take({ ...{ language: language.value, theme: theme.value }, ...pick(before, patch) })
      error.value = result.error
    } else if (pending === 0) take(result.value)
  }

  return { language, theme, error, load, update }
})

/** The fields of `from` that `patch` touched. */
function pick(from: AppSettings, patch: SettingsPatch): SettingsPatch {
  return Object.fromEntries(Object.keys(patch).map((k) => [k, from[k as keyof AppSettings]])) as SettingsPatch
}
