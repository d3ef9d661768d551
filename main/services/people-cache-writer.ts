/**
 * Main's side of the people cache writer's worker thread (people-cache-worker.ts). Encoding and
 * encrypting 50,000 people takes about a second; posting them to a thread in one go would still cost
 * main a structured clone of ~200 ms, so each page goes over as it is served (a few hundred people,
 * well under a millisecond) and a save posts only the load's number and a key.
 *
 * The thread starts with a load's first page and ends once no load or save is left, so none outlives
 * its work; close() ends it at once. If it cannot start or dies, every save in flight fails and pages
 * it held are lost (those saves then fail too): the list is just not cached that time.
 */
import { Worker } from 'node:worker_threads'
import type { Person } from '../../preload/contract'
import { bundledEntry } from '../core/bundled-entry'

/** What a save encrypts: a load the thread gathered (and the order of its pages), or a list. */
export type SealSource = { readonly load: number; readonly pages: readonly number[] } | { readonly people: readonly Person[] }

export type WriterRequest =
  | { readonly type: 'page'; readonly load: number; readonly startIndex: number; readonly people: readonly Person[] }
  | { readonly type: 'forget'; readonly load: number }
  | { readonly type: 'seal'; readonly job: number; readonly source: SealSource; readonly savedAt: string; readonly key: Uint8Array; readonly accountId: string }

export type WriterReply = { readonly job: number; readonly bytes: Uint8Array } | { readonly job: number; readonly error: string }

// Not literal strings in `new URL(...)`: vite would otherwise try to bundle the file as an asset.
const ENTRY = { dev: './people-cache-worker-dev.mjs', built: 'people-cache-worker.js', what: 'people cache worker' } as const

/** The writer thread's entry file (bundledEntry): the tsx bootstrap from sources, out/main/people-cache-worker.js in the build. */
export function cacheWorkerEntry(moduleUrl: string = import.meta.url): URL {
  return bundledEntry(moduleUrl, ENTRY)
}

interface Job {
  resolve(bytes: Buffer): void
  reject(error: Error): void
}

export class PeopleCacheWriter {
  readonly #entry: () => URL
  #worker: Worker | undefined
  /** Why the thread could not start, until the next try. */
  #startError: Error | undefined
  readonly #jobs = new Map<number, Job>()
  /** Loads whose pages the thread holds. */
  readonly #loads = new Set<number>()
  #nextJob = 1

  constructor(entry: () => URL = () => cacheWorkerEntry()) {
    this.#entry = entry
  }

  /** Whether the thread is up (it ends by itself once idle). */
  get running(): boolean {
    return this.#worker !== undefined
  }

  page(load: number, startIndex: number, people: readonly Person[]): void {
    this.#loads.add(load)
    this.#post({ type: 'page', load, startIndex, people })
  }

  forget(load: number): void {
    if (!this.#loads.delete(load)) return
    this.#post({ type: 'forget', load })
    this.#endIfIdle()
  }

  /** The file's bytes; the thread forgets a load it sealed. */
  seal(source: SealSource, savedAt: string, key: Buffer, accountId: string): Promise<Buffer> {
    const job = this.#nextJob++
    const done = new Promise<Buffer>((resolve, reject) => this.#jobs.set(job, { resolve, reject }))
    if ('load' in source) this.#loads.delete(source.load)
    this.#post({ type: 'seal', job, source, savedAt, key: new Uint8Array(key), accountId })
    // While a save runs the thread keeps the process alive (the CLI awaits it on exit).
    this.#worker?.ref()
    return done
  }

  /** Ends the thread now; saves still in flight fail. */
  async close(): Promise<void> {
    const worker = this.#worker
    if (!worker) return
    this.#lost(worker, 'the cache writer was closed')
    await worker.terminate()
  }

  #post(message: WriterRequest): void {
    const worker = this.#worker ?? this.#start()
    if (worker) worker.postMessage(message)
    else if (message.type === 'seal') this.#settle(message.job, new Error(this.#startError?.message ?? 'the thread did not start'))
  }

  #start(): Worker | undefined {
    let worker: Worker
    try {
      worker = new Worker(this.#entry())
    } catch (e) {
      this.#startError = e instanceof Error ? e : new Error(String(e))
      return undefined
    }
    this.#worker = worker
    worker.unref()
    let failure = 'the thread ended'
    worker.on('message', (reply: WriterReply) => {
      this.#settle(reply.job, 'bytes' in reply ? Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength) : new Error(reply.error))
      this.#endIfIdle()
    })
    worker.on('error', (e) => {
      failure = e.message
    })
    worker.on('exit', (code) => this.#lost(worker, `${failure} (exit code ${code})`))
    return worker
  }

  /** The thread is gone, or going: the saves in flight on it fail, and the loads it held are lost. */
  #lost(worker: Worker, reason: string): void {
    if (this.#worker !== worker) return
    this.#worker = undefined
    this.#loads.clear()
    for (const job of [...this.#jobs.keys()]) this.#settle(job, new Error(reason))
  }

  #settle(job: number, outcome: Buffer | Error): void {
    const waiting = this.#jobs.get(job)
    if (!waiting) return
    this.#jobs.delete(job)
    if (outcome instanceof Error) waiting.reject(outcome)
    else waiting.resolve(outcome)
    if (this.#jobs.size === 0) this.#worker?.unref()
  }

  #endIfIdle(): void {
    if (this.#jobs.size === 0 && this.#loads.size === 0) void this.close()
  }
}
