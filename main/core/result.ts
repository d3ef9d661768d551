/**
 * Building the contract's Result values. Every layer of main answers expected failures this way;
 * exceptions are bugs (ARCHITECTURE.md §7.4). `message` is English log text: what the user reads is
 * worded by the renderer from the code and the typed facts.
 */
import type { AppError, ErrorCode, ErrorFacts } from '../../preload/contract'

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value }
}

export function fail(code: ErrorCode, message: string, extra: { detail?: string; status?: number; facts?: ErrorFacts } = {}): { ok: false; error: AppError } {
  const error: AppError = {
    code,
    message,
    ...(extra.detail ? { detail: extra.detail } : {}),
    ...(extra.status ? { status: extra.status } : {}),
    ...(extra.facts && Object.keys(extra.facts).length > 0 ? { facts: extra.facts } : {})
  }
  return { ok: false, error }
}
