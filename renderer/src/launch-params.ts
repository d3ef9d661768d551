/**
 * The portal address the app was opened with, so the demo can fill it in: `?portal=` in the query
 * or `portal=` in the fragment (`#portal=...`, also among other fragment parameters such as the web
 * host's own `#key=...&portal=...`).
 */
export function portalFromLocation(location: { readonly search: string; readonly hash: string }): string | null {
  const fromQuery = new URLSearchParams(location.search).get('portal')
  if (fromQuery) return fromQuery.trim()
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('portal')
  return fromHash ? fromHash.trim() : null
}
