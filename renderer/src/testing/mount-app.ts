/** Mounts a component the way main.ts does (Pinia with an AppApi, vue-i18n), for renderer tests. */
import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Component } from 'vue'
import type { AppApi } from '../../../preload/contract'
import { provideAppApi, provideTranslator } from '../api-context'
import { createAppI18n, storeTranslator, type AppLocale } from '../i18n/create-i18n'

export function createTestPinia(api: AppApi, locale: AppLocale = 'en'): Pinia {
  const pinia = createPinia()
  provideAppApi(pinia, api)
  const i18n = createAppI18n(locale)
  provideTranslator(pinia, storeTranslator(i18n))
  setActivePinia(pinia)
  return pinia
}

export function mountWithApp<C extends Component>(
  component: C,
  options: {
    api: AppApi
    pinia?: Pinia
    locale?: AppLocale
    props?: Record<string, unknown>
    attachTo?: HTMLElement
    /** Components to replace, e.g. the cropper (real cropping is tested in Chromium). */
    stubs?: Record<string, Component | boolean>
  }
) {
  const pinia = options.pinia ?? createTestPinia(options.api, options.locale ?? 'en')
  const i18n = createAppI18n(options.locale ?? 'en')
  return mount(component, {
    props: options.props,
    attachTo: options.attachTo,
    global: { plugins: [pinia, i18n], ...(options.stubs ? { stubs: options.stubs } : {}) }
  } as ComponentMountingOptions<C>)
}

/** Lets pending promises and Vue's render queue settle. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0))
}
