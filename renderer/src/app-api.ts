/**
 * Which host the renderer runs in. Inside Electron the preload exposed `window.app`; in a browser
 * (the demo and e2e web host) the page builds the same AppApi over the host's HTTP transport,
 * which needs the one-time link the host printed or opened (it leaves the session cookie).
 */
import type { AppApi, Transport } from '../../preload/contract'
import { createBridge } from '../../preload/bridge'
import { connectWebHost } from '../../preload/http-transport'

export type HostResolution =
  | { readonly kind: 'ready'; readonly host: 'electron' | 'web'; readonly api: AppApi }
  /** Opened some other way (a bookmark without the secret, a copied URL): say how to open it. */
  | { readonly kind: 'no-host' }

export interface HostEnvironment {
  readonly app?: unknown
  readonly location: { readonly hash: string; readonly origin: string }
}

export function resolveAppApi(
  env: HostEnvironment,
  connect: (location: { hash: string; origin: string }) => Transport | undefined = connectWebHost
): HostResolution {
  if (isAppApi(env.app)) return { kind: 'ready', host: 'electron', api: env.app }
  const transport = connect({ hash: env.location.hash, origin: env.location.origin })
  if (transport === undefined) return { kind: 'no-host' }
  return { kind: 'ready', host: 'web', api: createBridge(transport) }
}

function isAppApi(value: unknown): value is AppApi {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Partial<Record<keyof AppApi, unknown>>
  return typeof v.accounts === 'object' && typeof v.people === 'object' && typeof v.photos === 'object'
}
