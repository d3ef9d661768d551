/** The bulk store's state shapes (bulk-store.ts), apart so the store stays readable. */
import type { SkippedFile } from './file-intake'

export type BulkStage = 'idle' | 'adding' | 'planning' | 'review' | 'applying' | 'paused' | 'undoing' | 'finished' | 'cancelled'

export interface IntakeState {
  readonly found: number
  readonly sent: number
  readonly skipped: readonly SkippedFile[]
  readonly truncated: boolean
  readonly running: boolean
}

export interface ProgressState {
  readonly kind: 'apply' | 'undo'
  readonly done: number
  readonly total: number
  readonly failed: number
  readonly perMinute?: number
  readonly secondsLeft?: number
}
