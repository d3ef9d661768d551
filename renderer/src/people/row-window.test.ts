import { describe, expect, it } from 'vitest'
import { offsetToShow, rowRange, slotCount } from './row-window'

const base = { rowHeight: 52, viewportHeight: 520, overscan: 2 }

describe('rowRange', () => {
  it('renders the rows in view plus the overscan, clamped to the list', () => {
    expect(rowRange({ ...base, scrollTop: 0, count: 50_000 })).toEqual({ start: 0, end: 12 })
    expect(rowRange({ ...base, scrollTop: 52 * 100 + 10, count: 50_000 })).toEqual({ start: 98, end: 113 })
    expect(rowRange({ ...base, scrollTop: 52 * 49_995, count: 50_000 })).toEqual({ start: 49_993, end: 50_000 })
  })

  it('is empty for an empty list and survives overscrolling', () => {
    expect(rowRange({ ...base, scrollTop: 0, count: 0 })).toEqual({ start: 0, end: 0 })
    expect(rowRange({ ...base, scrollTop: -300, count: 3 })).toEqual({ start: 0, end: 3 })
    expect(rowRange({ ...base, scrollTop: 1e9, count: 3 })).toEqual({ start: 0, end: 3 })
  })

  it('never needs more rows than there are slots, wherever it is scrolled', () => {
    const slots = slotCount(base.viewportHeight, base.rowHeight, base.overscan)
    for (let top = 0; top < 52 * 300; top += 7) {
      const r = rowRange({ ...base, scrollTop: top, count: 1000 })
      expect(r.end - r.start).toBeLessThanOrEqual(slots)
    }
  })
})

describe('offsetToShow', () => {
  it('scrolls as little as needed to show a row whole, and not at all when it is in view', () => {
    expect(offsetToShow(0, 1000, 520, 52)).toBe(0)
    expect(offsetToShow(30, 0, 520, 52)).toBe(31 * 52 - 520)
    expect(offsetToShow(5, 0, 520, 52)).toBe(0)
  })
})
