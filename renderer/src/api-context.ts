/**
 * Hands the AppApi to Pinia stores without a module-level singleton: it is attached to the Pinia
 * instance, so tests create a Pinia with a fake AppApi and the app does the same with the real one.
 */
import { getActivePinia, type Pinia } from 'pinia'
import type { AppApi } from '../../preload/contract'

const apis = new WeakMap<Pinia, AppApi>()
const translators = new WeakMap<Pinia, Translate>()

/** vue-i18n's t as stores use it: stores build toasts outside any component, in the app's locale. */
export type Translate = (key: string, named?: Record<string, unknown>) => string

export function provideAppApi(pinia: Pinia, api: AppApi): void {
  apis.set(pinia, api)
}

/** For use inside a store's setup: the api of the Pinia the store is being created in. */
export function useAppApi(): AppApi {
  const pinia = getActivePinia()
  const api = pinia ? apis.get(pinia) : undefined
  if (!api) throw new Error('No AppApi for this Pinia: call provideAppApi(pinia, api) first.')
  return api
}

export function provideTranslator(pinia: Pinia, t: Translate): void {
  translators.set(pinia, t)
}

/** For use inside a store's setup: the translator of the Pinia the store is being created in. */
export function useTranslator(): Translate {
  const pinia = getActivePinia()
  const t = pinia ? translators.get(pinia) : undefined
  if (!t) throw new Error('No translator for this Pinia: call provideTranslator(pinia, t) first.')
  return t
}
