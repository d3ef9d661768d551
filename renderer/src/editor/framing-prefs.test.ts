import { describe, expect, it } from 'vitest'
import { DEFAULT_FRAMING, loadFramingPrefs, saveFramingPrefs } from './framing-prefs'

function memory() {
  const items = new Map<string, string>()
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) }
}

describe('framing preferences', () => {
  it('remembers the preset and the auto-frame choice', () => {
    const store = memory()
    expect(loadFramingPrefs(store)).toEqual(DEFAULT_FRAMING)
    saveFramingPrefs({ autoFrame: false, preset: 'tight' }, store)
    expect(loadFramingPrefs(store)).toEqual({ autoFrame: false, preset: 'tight' })
  })

  it('falls back to auto-frame on, standard, for unreadable or foreign values', () => {
    const store = memory()
    store.setItem('docspace-photos.framing', '{"autoFrame":"yes","preset":"huge"}')
    expect(loadFramingPrefs(store)).toEqual(DEFAULT_FRAMING)
    store.setItem('docspace-photos.framing', 'not json')
    expect(loadFramingPrefs(store)).toEqual(DEFAULT_FRAMING)
    expect(loadFramingPrefs(null)).toEqual(DEFAULT_FRAMING)
  })
})
