/**
 * Building the contract's Result values. Every layer of main answers expected failures this way;
 * exceptions are bugs (ARCHITECTURE.md §7.4).
 */
import type { AppError, ErrorCode } from '../../preload/contract'

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value }
}

export function fail(code: ErrorCode, message: string, extra: { detail?: string; status?: number } = {}): { ok: false; error: AppError } {
  const error: AppError = { code, message, ...(extra.detail ? { detail: extra.detail } : {}), ...(extra.status ? { status: extra.status } : {}) }
  return { ok: false, error }
}
