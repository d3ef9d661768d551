/**
 * Composition root of the renderer: pick the host (Electron's preload or the web host's link),
 * the saved language and theme, and mount. The AppApi reaches stores through the Pinia instance
 * (api-context.ts).
 */
import { createPinia } from 'pinia'
import { createApp, reactive } from 'vue'
import App from './App.vue'
import { provideBulkApi } from './bulk/bulk-api'
import { provideAppApi, provideTranslator } from './api-context'
import { resolveAppApi } from './app-api'
import NoHost from './components/no-host.vue'
import { createAppI18n, storeTranslator } from './i18n/create-i18n'
import { portalFromLocation } from './launch-params'
import { applyTheme, bindAppearance, resolveLanguage, resolveTheme, systemLanguages, watchSystemDark } from './settings/appearance'
import { useSettingsStore } from './stores/settings-store'
import './styles.css'

const languages = () => systemLanguages(navigator)
const systemDark = watchSystemDark(window)
const root = document.documentElement
// Before the saved settings arrive: the system's, so a dark desktop never flashes light.
applyTheme(root, resolveTheme('system', systemDark.value))
const i18n = createAppI18n(resolveLanguage('system', languages()))
const locale = i18n.global.locale

async function start(): Promise<void> {
  const host = resolveAppApi({ app: (window as { app?: unknown }).app, location: window.location })
  if (host.kind === 'no-host') {
    bindAppearance({ settings: reactive({ language: 'system', theme: 'system' as const }), locale, root, languages, systemDark })
    createApp(NoHost).use(i18n).mount('#app')
    return
  }
  const pinia = createPinia()
  provideAppApi(pinia, host.api)
  provideBulkApi(pinia, host.api.bulk)
  provideTranslator(pinia, storeTranslator(i18n))
  const settings = useSettingsStore(pinia)
  await settings.load()
  bindAppearance({ settings, locale, root, languages, systemDark })
  createApp(App, { launchPortal: portalFromLocation(window.location) }).use(pinia).use(i18n).mount('#app')
}

void start()
