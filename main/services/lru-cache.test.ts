import { describe, expect, it } from 'vitest'
import { LruCache } from './lru-cache'

describe('LruCache', () => {
  it('evicts the least recently used entry by count and by bytes', () => {
    const c = new LruCache<string>({ maxEntries: 2, maxBytes: 100 })
    c.set('a', 'A', 10)
    c.set('b', 'B', 10)
    expect(c.get('a')).toBe('A') // a is now the most recent
    c.set('c', 'C', 10)
    expect(c.get('b')).toBeUndefined()
    expect(c.get('a')).toBe('A')
    c.set('big', 'X', 95)
    expect(c.size).toBe(1)
    expect(c.bytes).toBe(95)
    c.set('huge', 'H', 101)
    expect(c.get('huge')).toBeUndefined()
    expect(c.get('big')).toBe('X')
  })
  it('drops by prefix', () => {
    const c = new LruCache<number>({ maxEntries: 10, maxBytes: 100 })
    c.set('acc1\n/a', 1, 1)
    c.set('acc2\n/a', 2, 1)
    c.deletePrefix('acc1\n')
    expect(c.get('acc1\n/a')).toBeUndefined()
    expect(c.get('acc2\n/a')).toBe(2)
    expect(c.bytes).toBe(1)
  })
})
