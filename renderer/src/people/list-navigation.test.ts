import { describe, expect, it } from 'vitest'
import { nextIndex } from './list-navigation'

describe('nextIndex', () => {
  it('moves by one, by a page, and to both ends, clamped', () => {
    expect(nextIndex('ArrowDown', 3, 10, 4)).toBe(4)
    expect(nextIndex('ArrowUp', 3, 10, 4)).toBe(2)
    expect(nextIndex('ArrowDown', 9, 10, 4)).toBe(9)
    expect(nextIndex('ArrowUp', 0, 10, 4)).toBe(0)
    expect(nextIndex('PageDown', 3, 10, 4)).toBe(7)
    expect(nextIndex('PageDown', 8, 10, 4)).toBe(9)
    expect(nextIndex('PageUp', 3, 10, 4)).toBe(0)
    expect(nextIndex('Home', 5, 10, 4)).toBe(0)
    expect(nextIndex('End', 5, 10, 4)).toBe(9)
  })

  it('starts at the top (or the bottom for End) when nothing is selected', () => {
    expect(nextIndex('ArrowDown', -1, 10, 4)).toBe(0)
    expect(nextIndex('ArrowUp', -1, 10, 4)).toBe(0)
    expect(nextIndex('End', -1, 10, 4)).toBe(9)
  })

  it('ignores other keys and empty lists', () => {
    expect(nextIndex('a', 2, 10, 4)).toBeNull()
    expect(nextIndex('Enter', 2, 10, 4)).toBeNull()
    expect(nextIndex('ArrowDown', -1, 0, 4)).toBeNull()
  })
})
