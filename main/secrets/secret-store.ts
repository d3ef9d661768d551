/**
 * The SecretStore port: where tokens live. The OS keychain (keytar-store.ts) in normal runs; memory
 * (memory-store.ts) when the keychain cannot be used, so a sign-in then lasts for this run only and
 * nothing secret is ever written to a plain file.
 *
 * Keychain errors are expected (a locked or missing Secret Service), so they come back as values.
 */
import type { Result } from '../../preload/contract'

export interface SecretStore {
  /** 'keychain' survives restarts; 'memory' lasts for this run. */
  readonly kind: 'keychain' | 'memory'
  /** True when secrets put here survive a restart, i.e. a keychain that answers right now. */
  isAvailable(): Promise<boolean>
  get(service: string, account: string): Promise<Result<string | null>>
  set(service: string, account: string, secret: string): Promise<Result<void>>
  /** Answers whether an item was there. */
  delete(service: string, account: string): Promise<Result<boolean>>
  /** The account names stored under a service (never the secrets). */
  list(service: string): Promise<Result<readonly string[]>>
}

/** The keychain item name used for the app's tokens. One item per portal + user. */
export const SECRET_SERVICE = 'DocSpace Photo Manager'

/** The keychain account for a portal + user: `${origin}|${userId}`. */
export function secretAccount(origin: string, userId: string): string {
  return `${origin}|${userId}`
}

export function keychainUnavailable(detail?: string): { ok: false; error: { code: 'keychain/unavailable'; message: string; detail?: string } } {
  return {
    ok: false,
    error: {
      code: 'keychain/unavailable',
      message: 'the OS keychain cannot be used; sign-ins last for this run only',
      ...(detail ? { detail } : {})
    }
  }
}
