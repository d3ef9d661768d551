/**
 * How many people a bulk job changes at once, remembered between sessions in the renderer's local
 * storage. The choices run up to the most main allows; anything missing or unreadable is the default.
 */
import { BULK_CONCURRENCY } from '../../../preload/contract'
import { localPrefs, type PrefsStorage } from '../settings/local-prefs'

export const CONCURRENCY_CHOICES: readonly number[] = [1, 2, BULK_CONCURRENCY.default, 8, 12, BULK_CONCURRENCY.max]
const KEY = 'docspace-photos.bulk-concurrency'

export function loadConcurrency(store: PrefsStorage | null = localPrefs()): number {
  try {
    const n = Number(store?.getItem(KEY))
    return CONCURRENCY_CHOICES.includes(n) ? n : BULK_CONCURRENCY.default
  } catch {
    return BULK_CONCURRENCY.default
  }
}

export function saveConcurrency(n: number, store: PrefsStorage | null = localPrefs()): void {
  try {
    if (CONCURRENCY_CHOICES.includes(n)) store?.setItem(KEY, String(n))
  } catch {
    // Full or blocked storage: the choice lasts for this session only.
  }
}
