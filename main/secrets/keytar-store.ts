/**
 * The OS keychain through keytar (libsecret's Secret Service on Linux, Keychain on macOS, Credential
 * Manager on Windows). The only file that imports keytar (lint enforces it). keytar is CommonJS, so
 * it is imported as a default.
 */
import keytar from 'keytar'
import type { Result } from '../../preload/contract'
import { keychainUnavailable, type SecretStore } from './secret-store'

/** A Secret Service that never answers must not hang sign-in. */
const CALL_TIMEOUT_MS = 5_000
const PROBE_SERVICE = 'DocSpace Photo Manager (probe)'

export class KeytarSecretStore implements SecretStore {
  readonly kind = 'keychain' as const
  readonly #timeoutMs: number

  constructor(options: { readonly timeoutMs?: number } = {}) {
    this.#timeoutMs = options.timeoutMs ?? CALL_TIMEOUT_MS
  }

  /** Probes with a harmless read; a dead D-Bus or a missing Secret Service answers false. */
  async isAvailable(): Promise<boolean> {
    const probe = await this.#run(() => keytar.findCredentials(PROBE_SERVICE))
    return probe.ok
  }

  get(service: string, account: string): Promise<Result<string | null>> {
    return this.#run(() => keytar.getPassword(service, account))
  }

  async set(service: string, account: string, secret: string): Promise<Result<void>> {
    return this.#run(() => keytar.setPassword(service, account, secret))
  }

  delete(service: string, account: string): Promise<Result<boolean>> {
    return this.#run(() => keytar.deletePassword(service, account))
  }

  async list(service: string): Promise<Result<readonly string[]>> {
    const found = await this.#run(() => keytar.findCredentials(service))
    return found.ok ? { ok: true, value: found.value.map((c) => c.account) } : found
  }

  async #run<T>(call: () => Promise<T>): Promise<Result<T>> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<Result<T>>((resolve) => {
      timer = setTimeout(() => resolve(keychainUnavailable('timeout')), this.#timeoutMs)
    })
    const attempt = (async (): Promise<Result<T>> => {
      try {
        return { ok: true, value: await call() }
      } catch (e) {
        // keytar's messages are about D-Bus ("Could not connect: ..."), never about the secret.
        return keychainUnavailable(e instanceof Error ? e.message : String(e))
      }
    })()
    try {
      return await Promise.race([attempt, timeout])
    } finally {
      clearTimeout(timer)
    }
  }
}
