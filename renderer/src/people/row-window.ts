/**
 * The rows a fixed-height list shows: which indexes are in view (plus some beyond, so a fast scroll
 * does not show blank space before the next frame renders), in constant time whatever the number of
 * rows, and the offset that brings one row into view. Every row of the people list has the same
 * height, so no row needs measuring and nothing is kept per row.
 */
export interface RowRange {
  /** First index rendered. */
  readonly start: number
  /** One past the last index rendered. */
  readonly end: number
}

export interface WindowInput {
  readonly scrollTop: number
  readonly viewportHeight: number
  readonly rowHeight: number
  readonly count: number
  /** Rows rendered above and below those in view. */
  readonly overscan: number
}

export function rowRange(w: WindowInput): RowRange {
  if (w.count <= 0 || w.rowHeight <= 0) return { start: 0, end: 0 }
  const top = Math.max(0, w.scrollTop)
  const firstInView = Math.min(w.count - 1, Math.floor(top / w.rowHeight))
  const lastInView = Math.min(w.count - 1, Math.floor((top + Math.max(0, w.viewportHeight) - 1) / w.rowHeight))
  return { start: Math.max(0, firstInView - w.overscan), end: Math.min(w.count, Math.max(firstInView, lastInView) + 1 + w.overscan) }
}

/**
 * How many row slots a window can need at most: rows are keyed by index modulo this, so a row that
 * scrolls out hands its DOM (and component) to the row that scrolls in, instead of being destroyed
 * and created again every frame.
 */
export function slotCount(viewportHeight: number, rowHeight: number, overscan: number): number {
  return Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1 + 2 * overscan
}

/** The scroll offset that shows row `index` whole, moving as little as possible ("auto" alignment). */
export function offsetToShow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight
  const bottom = top + rowHeight
  if (top < scrollTop) return top
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight)
  return scrollTop
}
