/** Retrying the idempotent steps of a change (crop, read-back) and telling which failures may pass. */
import type { AppError, Result } from '../../preload/contract'

export interface RetryPolicy {
  /** Attempts for each idempotent step after the point of no return (crop, verify). */
  readonly attempts: number
  /** Pause before a retry, times the attempt number. */
  readonly delayMs: number
}

export function retryPolicy(options: { readonly stepAttempts?: number; readonly retryDelayMs?: number } = {}): RetryPolicy {
  return { attempts: Math.max(1, options.stepAttempts ?? 3), delayMs: Math.max(0, options.retryDelayMs ?? 300) }
}

/** Failures whose outcome on the portal is unknown, or that may pass on another try. */
export function isTransient(error: AppError): boolean {
  return error.code.startsWith('net/') || error.code === 'portal/server-error' || error.code === 'portal/rate-limited' || error.code === 'portal/unexpected'
}

/** Runs an idempotent step again while it fails for a reason that may pass. */
export async function retrying<T>(policy: RetryPolicy, step: () => Promise<Result<T>>): Promise<Result<T>> {
  let result = await step()
  for (let attempt = 2; attempt <= policy.attempts && !result.ok && isTransient(result.error); attempt++) {
    await delay(policy.delayMs * (attempt - 1))
    result = await step()
  }
  return result
}

export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()
}
