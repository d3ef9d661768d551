/**
 * Sends the walked files to main in small batches (about 8 files or 40 MB per call), reading each
 * file's bytes only when its batch goes out, so at most one batch is held in memory.
 */
import type { AppError, Result } from '../../../preload/contract'
import type { BulkFile } from './bulk-api'
import { MAX_FILE_BYTES, type IntakeFile, type SkippedFile } from './file-intake'

export const MAX_FILES = 5000
export const BATCH_FILES = 8
export const BATCH_BYTES = 40 * 1024 * 1024

export interface IntakeCounts {
  /** Files found so far (the total is known only at the end: folders and ZIPs are walked lazily). */
  readonly found: number
  /** Files main has received. */
  readonly sent: number
}

export interface BatchOptions {
  readonly send: (files: readonly BulkFile[]) => Promise<Result<unknown>>
  readonly skipped: SkippedFile[]
  readonly onProgress?: (counts: IntakeCounts) => void
  readonly signal?: AbortSignal
  readonly maxFiles?: number
  readonly maxBytes?: number
  readonly limit?: number
}

export interface BatchOutcome {
  readonly sent: number
  /** More files than `limit` were dropped: the rest were not read. */
  readonly truncated: boolean
}

const CANCELLED: AppError = { code: 'app/cancelled', message: 'The import was stopped while adding files.' }

export async function sendInBatches(files: AsyncIterable<IntakeFile>, options: BatchOptions): Promise<Result<BatchOutcome>> {
  const maxFiles = options.maxFiles ?? BATCH_FILES
  const maxBytes = options.maxBytes ?? BATCH_BYTES
  const limit = options.limit ?? MAX_FILES
  let pending: IntakeFile[] = []
  let pendingBytes = 0
  let found = 0
  let sent = 0
  let truncated = false
  const report = (): void => options.onProgress?.({ found, sent })

  const flush = async (): Promise<Result<void>> => {
    const batch = pending
    pending = []
    pendingBytes = 0
    const out: BulkFile[] = []
    for (const file of batch) {
      try {
        out.push({ name: file.name, bytes: await file.read() })
      } catch {
        options.skipped.push({ name: file.name, reason: 'unreadable' })
      }
    }
    if (out.length === 0) return { ok: true, value: undefined }
    if (options.signal?.aborted) return { ok: false, error: CANCELLED }
    const answer = await options.send(out)
    if (!answer.ok) return answer
    sent += out.length
    report()
    return { ok: true, value: undefined }
  }

  for await (const file of files) {
    if (options.signal?.aborted) return { ok: false, error: CANCELLED }
    if (file.size === 0) {
      options.skipped.push({ name: file.name, reason: 'empty' })
      continue
    }
    if (file.size > MAX_FILE_BYTES) {
      options.skipped.push({ name: file.name, reason: 'too-large' })
      continue
    }
    if (found >= limit) {
      truncated = true
      break
    }
    found++
    if (pending.length > 0 && (pending.length >= maxFiles || pendingBytes + file.size > maxBytes)) {
      const flushed = await flush()
      if (!flushed.ok) return flushed
    }
    pending.push(file)
    pendingBytes += file.size
    report()
  }
  const last = await flush()
  if (!last.ok) return last
  return { ok: true, value: { sent, truncated } }
}
