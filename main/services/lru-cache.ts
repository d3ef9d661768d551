/**
 * A small LRU cache bounded by entry count and total bytes. Map keeps insertion order, so the first
 * key is always the least recently used.
 */
export class LruCache<V> {
  readonly #entries = new Map<string, { value: V; size: number }>()
  readonly #maxEntries: number
  readonly #maxBytes: number
  #bytes = 0

  constructor(options: { readonly maxEntries: number; readonly maxBytes: number }) {
    this.#maxEntries = options.maxEntries
    this.#maxBytes = options.maxBytes
  }

  get size(): number {
    return this.#entries.size
  }

  get bytes(): number {
    return this.#bytes
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    return entry.value
  }

  set(key: string, value: V, size: number): void {
    // Something bigger than the whole budget is never cached (it would evict everything else).
    if (size > this.#maxBytes) return
    this.delete(key)
    this.#entries.set(key, { value, size })
    this.#bytes += size
    while (this.#entries.size > this.#maxEntries || this.#bytes > this.#maxBytes) {
      const oldest = this.#entries.keys().next()
      if (oldest.done) break
      this.delete(oldest.value)
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key)
    if (!entry) return
    this.#bytes -= entry.size
    this.#entries.delete(key)
  }

  /** Drops every key that starts with the prefix (e.g. all of one account). */
  deletePrefix(prefix: string): void {
    for (const key of [...this.#entries.keys()]) if (key.startsWith(prefix)) this.delete(key)
  }

  clear(): void {
    this.#entries.clear()
    this.#bytes = 0
  }
}
