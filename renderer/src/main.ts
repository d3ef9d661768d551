/**
 * Composition root of the renderer: pick the host (Electron's preload or the web host's link),
 * the locale, and mount. The AppApi reaches stores through the Pinia instance (api-context.ts).
 */
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { provideBulkApi } from './bulk/bulk-api'
import { provideAppApi, provideTranslator } from './api-context'
import { resolveAppApi } from './app-api'
import NoHost from './components/no-host.vue'
import { createAppI18n, pickLocale } from './i18n/create-i18n'
import { portalFromLocation } from './launch-params'
import './styles.css'

const locale = pickLocale(navigator.languages.length > 0 ? navigator.languages : [navigator.language])
document.documentElement.lang = locale
const i18n = createAppI18n(locale)

const host = resolveAppApi({ app: (window as { app?: unknown }).app, location: window.location })
if (host.kind === 'no-host') {
  createApp(NoHost).use(i18n).mount('#app')
} else {
  const pinia = createPinia()
  provideAppApi(pinia, host.api)
  provideBulkApi(pinia, host.api.bulk)
  provideTranslator(pinia, (key, named) => i18n.global.t(key, named ?? {}))
  createApp(App, { launchPortal: portalFromLocation(window.location) }).use(pinia).use(i18n).mount('#app')
}
