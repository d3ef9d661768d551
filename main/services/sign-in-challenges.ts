/**
 * The open two-factor challenges of sign-ins in progress, and the sign-in attempts the user may still
 * cancel. A challenge holds the password in memory only until the code step ends (success, too many
 * attempts, or expiry); an attempt is an AbortController the renderer can fire by id.
 */
import { randomUUID } from 'node:crypto'

export const DEFAULT_CHALLENGE_TTL_MS = 5 * 60_000
export const MAX_CODE_ATTEMPTS = 5

export interface Challenge {
  readonly origin: string
  readonly rawVersion: string
  readonly email: string
  password: string
  readonly expiresAt: number
  readonly timer: NodeJS.Timeout
  attempts: number
}

export class SignInChallenges {
  readonly #ttlMs: number
  readonly #open = new Map<string, Challenge>()

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs
  }

  open(origin: string, rawVersion: string, email: string, password: string): string {
    const id = randomUUID()
    const timer = setTimeout(() => this.close(id), this.#ttlMs)
    timer.unref()
    this.#open.set(id, { origin, rawVersion, email, password, expiresAt: Date.now() + this.#ttlMs, timer, attempts: 0 })
    return id
  }

  /** The challenge while it can still be answered; an expired one is closed and gone. */
  get(id: string): Challenge | undefined {
    const challenge = this.#open.get(id)
    if (challenge && challenge.expiresAt > Date.now()) return challenge
    this.close(id)
    return undefined
  }

  close(id: string): void {
    const challenge = this.#open.get(id)
    if (!challenge) return
    clearTimeout(challenge.timer)
    challenge.password = ''
    this.#open.delete(id)
  }

  closeAll(): void {
    for (const id of [...this.#open.keys()]) this.close(id)
  }
}

/** A sign-in the user may cancel: its signal aborts the portal requests it sends. */
export interface Attempt {
  readonly signal: AbortSignal | undefined
  end(): void
}

export class SignInAttempts {
  readonly #running = new Map<string, AbortController>()

  /** Without an id the attempt cannot be cancelled and runs under the app's signal alone. */
  begin(id: string | undefined, appSignal: AbortSignal | undefined): Attempt {
    if (id === undefined) return { signal: appSignal, end: () => undefined }
    const controller = new AbortController()
    this.#running.get(id)?.abort()
    this.#running.set(id, controller)
    const signal = appSignal ? AbortSignal.any([appSignal, controller.signal]) : controller.signal
    return {
      signal,
      end: () => {
        if (this.#running.get(id) === controller) this.#running.delete(id)
      }
    }
  }

  /** Cancelling an attempt that already ended does nothing. */
  cancel(id: string): void {
    this.#running.get(id)?.abort()
    this.#running.delete(id)
  }
}
