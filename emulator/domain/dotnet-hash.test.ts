import { describe, expect, it } from 'vitest'
import { dateTimeHashCode, formatApiDateTime, photoHash, ticksFromUnixMs } from './dotnet-hash'

describe('.NET hash and dates', () => {
  it('reproduces the contract test vectors', () => {
    expect(ticksFromUnixMs(Date.parse('2025-06-15T10:30:00Z'))).toBe(638855802000000000n)
    expect(photoHash(ticksFromUnixMs(Date.parse('2025-06-15T10:30:00Z')))).toBe(1674186761)
    expect(photoHash(ticksFromUnixMs(Date.parse('2026-01-01T00:00:00Z')))).toBe(1138341688)
  })

  it('is the XOR of both 32-bit halves and non-negative', () => {
    expect(dateTimeHashCode(0x0000000100000002n)).toBe(3)
    expect(photoHash(0x00000000ffffffffn)).toBe(1)
  })

  it('writes ApiDateTime with seven fraction digits and the offset', () => {
    const t = ticksFromUnixMs(Date.parse('2025-06-15T10:30:00.123Z')) + 4567n
    expect(formatApiDateTime(t, 0)).toBe('2025-06-15T10:30:00.1234567Z')
    expect(formatApiDateTime(t, 180)).toBe('2025-06-15T13:30:00.1234567+03:00')
    expect(formatApiDateTime(t, -90)).toBe('2025-06-15T09:00:00.1234567-01:30')
  })
})
