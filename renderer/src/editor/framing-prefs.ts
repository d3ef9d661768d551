/**
 * The editor's framing choices, remembered between sessions: whether it opens on the face-framed
 * crop ("Auto-frame") and which preset frames it. Kept in the renderer's local storage; anything
 * missing or unreadable falls back to auto-frame on, standard.
 */
import type { FramingPreset } from '../../../preload/contract'
import { localPrefs, type PrefsStorage } from '../settings/local-prefs'

export const FRAMING_PRESETS: readonly FramingPreset[] = ['tight', 'standard', 'loose']

export interface FramingPrefs {
  readonly autoFrame: boolean
  readonly preset: FramingPreset
}

export const DEFAULT_FRAMING: FramingPrefs = { autoFrame: true, preset: 'standard' }
const KEY = 'docspace-photos.framing'

export function loadFramingPrefs(store: PrefsStorage | null = localPrefs()): FramingPrefs {
  try {
    const raw = JSON.parse(store?.getItem(KEY) ?? 'null') as Partial<FramingPrefs> | null
    return {
      autoFrame: typeof raw?.autoFrame === 'boolean' ? raw.autoFrame : DEFAULT_FRAMING.autoFrame,
      preset: FRAMING_PRESETS.includes(raw?.preset as FramingPreset) ? (raw?.preset as FramingPreset) : DEFAULT_FRAMING.preset
    }
  } catch {
    return DEFAULT_FRAMING
  }
}

export function saveFramingPrefs(prefs: FramingPrefs, store: PrefsStorage | null = localPrefs()): void {
  try {
    store?.setItem(KEY, JSON.stringify(prefs))
  } catch {
    // Full or blocked storage: the choice lasts for this session only.
  }
}
