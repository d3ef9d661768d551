/**
 * Applies the saved language and theme to the page: vue-i18n's locale and <html lang>, and
 * <html data-theme> that styles.css reads. "system" follows the OS languages and its light/dark
 * setting, also when that changes while the app is open.
 */
import { ref, watchEffect, type Ref } from 'vue'
import type { AppSettings } from '../../../preload/contract'
import { isAppLocale, pickLocale, type AppLocale } from '../i18n/create-i18n'

export type Theme = 'light' | 'dark'

export function resolveLanguage(setting: string, systemLanguages: readonly string[]): AppLocale {
  return setting !== 'system' && isAppLocale(setting) ? setting : pickLocale(systemLanguages)
}

export function resolveTheme(setting: AppSettings['theme'], systemDark: boolean): Theme {
  return setting === 'system' ? (systemDark ? 'dark' : 'light') : setting
}

export function systemLanguages(nav: Pick<Navigator, 'languages' | 'language'>): readonly string[] {
  return nav.languages.length > 0 ? nav.languages : [nav.language]
}

export function applyTheme(root: HTMLElement, theme: Theme): void {
  root.dataset.theme = theme
}

/** Whether the OS asks for dark, kept current. */
export function watchSystemDark(win: Pick<Window, 'matchMedia'>): Ref<boolean> {
  const query = win.matchMedia('(prefers-color-scheme: dark)')
  const dark = ref(query.matches)
  query.addEventListener('change', (event) => {
    dark.value = event.matches
  })
  return dark
}

export interface AppearanceTarget {
  readonly settings: { readonly language: string; readonly theme: AppSettings['theme'] }
  readonly locale: { value: AppLocale }
  readonly root: HTMLElement
  readonly languages: () => readonly string[]
  readonly systemDark: Ref<boolean>
}

/** Keeps locale, lang and theme in step with the settings from now on. */
export function bindAppearance(target: AppearanceTarget): void {
  watchEffect(() => {
    const locale = resolveLanguage(target.settings.language, target.languages())
    target.locale.value = locale
    target.root.lang = locale
  })
  watchEffect(() => applyTheme(target.root, resolveTheme(target.settings.theme, target.systemDark.value)))
}
