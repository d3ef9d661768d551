/**
 * Hands the AppApi to Pinia stores without a module-level singleton: it is attached to the Pinia
 * instance, so tests create a Pinia with a fake AppApi and the app does the same with the real one.
 */
import { getActivePinia, type Pinia } from 'pinia'
import type { AppApi } from '../../preload/contract'

const apis = new WeakMap<Pinia, AppApi>()

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
