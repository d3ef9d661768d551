/**
 * Session-only secrets: the fallback when the OS keychain cannot be used. Nothing is written to disk.
 * `available: true` makes it stand in for a working keychain in tests that are not about the keychain.
 */
import type { Result } from '../../preload/contract'
import type { SecretStore } from './secret-store'

export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory' as const
  readonly #items = new Map<string, string>()
  readonly #available: boolean

  constructor(options: { readonly available?: boolean } = {}) {
    this.#available = options.available ?? false
  }

  async isAvailable(): Promise<boolean> {
    return this.#available
  }

  async get(service: string, account: string): Promise<Result<string | null>> {
    return { ok: true, value: this.#items.get(key(service, account)) ?? null }
  }

  async set(service: string, account: string, secret: string): Promise<Result<void>> {
    this.#items.set(key(service, account), secret)
    return { ok: true, value: undefined }
  }

  async delete(service: string, account: string): Promise<Result<boolean>> {
    return { ok: true, value: this.#items.delete(key(service, account)) }
  }

  async list(service: string): Promise<Result<readonly string[]>> {
    const prefix = `${service}\n`
    return { ok: true, value: [...this.#items.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)) }
  }
}

function key(service: string, account: string): string {
  return `${service}\n${account}`
}
