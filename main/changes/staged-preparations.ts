/**
 * Preparations started ahead of Save: the editor hands main the dropped bytes as soon as it opens, and
 * main prepares them (no turn, the account's upload limit) while the user crops. Save then takes the
 * finished result instead of decoding the source again. Only local work happens here: nothing reaches
 * the portal before Save, so a cancelled editor leaves nothing behind there (a temp upload would stay
 * on the portal for good: temp files have no expiry and only a promotion deletes them, CONTRACT.md §1.4).
 */
import type { PreparedPhoto, PrepareOptions, PrepareResult } from '../images/prepare-photo'
import { sha256Hex } from '../images/inert-image'

export interface StagedPreparationsOptions {
  readonly prepare: (bytes: Uint8Array, options: PrepareOptions) => Promise<PrepareResult<PreparedPhoto>>
  /** How many kept at once: the open editor's, and the one before it while a new drop replaces it. */
  readonly max?: number
  /** An unclaimed preparation is let go after this long (an editor left open, then cancelled). */
  readonly ttlMs?: number
  readonly now?: () => number
}

interface Entry {
  readonly result: Promise<PrepareResult<PreparedPhoto>>
  readonly at: number
}

export class StagedPreparations {
  readonly #prepare: StagedPreparationsOptions['prepare']
  readonly #max: number
  readonly #ttlMs: number
  readonly #now: () => number
  /** In insertion order, oldest first. */
  readonly #entries = new Map<string, Entry>()

  constructor(options: StagedPreparationsOptions) {
    this.#prepare = options.prepare
    this.#max = Math.max(1, options.max ?? 2)
    this.#ttlMs = options.ttlMs ?? 10 * 60_000
    this.#now = options.now ?? Date.now
  }

  get size(): number {
    return this.#entries.size
  }

  /** Starts preparing `bytes` as Save would with these options; a second call for the same ones does nothing. */
  stage(accountId: string, bytes: Uint8Array, options: PrepareOptions): void {
    this.#expire()
    const key = keyOf(accountId, sha256Hex(bytes), options)
    if (!this.#entries.has(key)) this.#keep(key, this.#prepare(bytes, options))
  }

  /** Keeps a preparation already under way or done elsewhere (photos:open prepares while it inspects). */
  adopt(accountId: string, bytes: Uint8Array, options: PrepareOptions, result: Promise<PrepareResult<PreparedPhoto>>): void {
    this.#expire()
    const key = keyOf(accountId, sha256Hex(bytes), options)
    this.#entries.delete(key)
    this.#keep(key, result)
  }

  #keep(key: string, result: Promise<PrepareResult<PreparedPhoto>>): void {
    // Claimed (and awaited) by take, or dropped unclaimed: never an unhandled rejection.
    result.catch(() => undefined)
    this.#entries.set(key, { result, at: this.#now() })
    while (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value as string)
  }

  /**
   * The staged preparation of exactly these bytes with exactly these options, removed from the
   * stage; undefined when there is none (then the caller prepares as usual). A staged one that
   * failed is not reused: the caller's own preparation gives its failure again, freshly.
   */
  async take(accountId: string, bytes: Uint8Array, options: PrepareOptions): Promise<PrepareResult<PreparedPhoto> | undefined> {
    this.#expire()
    const key = keyOf(accountId, sha256Hex(bytes), options)
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    this.#entries.delete(key)
    try {
      const result = await entry.result
      return result.ok ? result : undefined
    } catch {
      return undefined
    }
  }

  clear(): void {
    this.#entries.clear()
  }

  #expire(): void {
    const now = this.#now()
    for (const [key, entry] of this.#entries) if (now - entry.at > this.#ttlMs) this.#entries.delete(key)
  }
}

function keyOf(accountId: string, sha256: string, o: PrepareOptions): string {
  return [accountId, sha256, o.maxUploadBytes, o.maxSide ?? '', o.maxInputPixels ?? '', o.minSide ?? '', o.rotate ?? 0].join('\n')
}
