/** Mounts a component the way main.ts does (Pinia with an AppApi, vue-i18n), for renderer tests. */
import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Component } from 'vue'
import type { AppApi } from '../../../preload/contract'
import { provideAppApi } from '../api-context'
import { createAppI18n, type AppLocale } from '../i18n/create-i18n'

export function createTestPinia(api: AppApi): Pinia {
  const pinia = createPinia()
  provideAppApi(pinia, api)
  setActivePinia(pinia)
  return pinia
}

export function mountWithApp<C extends Component>(
  component: C,
  options: { api: AppApi; pinia?: Pinia; locale?: AppLocale; props?: Record<string, unknown>; attachTo?: HTMLElement }
) {
  const pinia = options.pinia ?? createTestPinia(options.api)
  const i18n = createAppI18n(options.locale ?? 'en')
  return mount(component, {
    props: options.props,
    attachTo: options.attachTo,
    global: { plugins: [pinia, i18n] }
  } as ComponentMountingOptions<C>)
}

/** Lets pending promises and Vue's render queue settle. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0))
}
