/**
 * Where the renderer remembers small choices between sessions (the editor's framing, a bulk job's
 * people at once): the page's local storage, or null when the page may not use it.
 */
export type PrefsStorage = Pick<globalThis.Storage, 'getItem' | 'setItem'>

export function localPrefs(): PrefsStorage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null // storage blocked (e.g. an opaque origin)
  }
}
