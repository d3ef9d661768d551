/**
 * One progress bar for a whole photo change: each phase main reports owns a slice of the bar, and
 * the upload's own percent fills its slice, so the bar never jumps back.
 */
import type { PhotoPhase } from '../../../preload/contract'

export const PHASES: readonly PhotoPhase[] = ['preparing', 'backing-up', 'uploading', 'applying', 'cropping', 'verifying', 'done']

const SLICES: Readonly<Record<PhotoPhase, readonly [number, number]>> = {
  preparing: [0, 0.1],
  'backing-up': [0.1, 0.2],
  uploading: [0.2, 0.7],
  applying: [0.7, 0.8],
  cropping: [0.8, 0.9],
  verifying: [0.9, 1],
  done: [1, 1]
}

/** 0..1 for the bar; null while nothing has been reported yet (indeterminate). */
export function overallProgress(phase: PhotoPhase | null, percent?: number): number | null {
  if (phase === null) return null
  const [from, to] = SLICES[phase]
  const within = phase === 'uploading' && percent !== undefined ? Math.min(1, Math.max(0, percent)) : 0
  return from + (to - from) * within
}

/** "Step 3 of 6" for screen readers and the label. */
export function stepOf(phase: PhotoPhase): { readonly step: number; readonly of: number } {
  const index = PHASES.indexOf(phase)
  return { step: Math.min(index + 1, PHASES.length - 1), of: PHASES.length - 1 }
}
