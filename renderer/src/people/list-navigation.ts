/** Where the selection goes for a navigation key in a list of `count` rows; null when the key is not ours. */
export function nextIndex(key: string, current: number, count: number, pageSize: number): number | null {
  if (count === 0) return null
  const last = count - 1
  const page = Math.max(1, pageSize)
  // Nothing selected yet: any movement key starts at the top (End at the bottom).
  if (current < 0 || current > last) {
    if (key === 'End') return last
    return isNavigationKey(key) ? 0 : null
  }
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, current + 1)
    case 'ArrowUp':
      return Math.max(0, current - 1)
    case 'PageDown':
      return Math.min(last, current + page)
    case 'PageUp':
      return Math.max(0, current - page)
    case 'Home':
      return 0
    case 'End':
      return last
    default:
      return null
  }
}

function isNavigationKey(key: string): boolean {
  return key === 'ArrowDown' || key === 'ArrowUp' || key === 'PageDown' || key === 'PageUp' || key === 'Home' || key === 'End'
}
