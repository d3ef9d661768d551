import { describe, expect, it } from 'vitest'
import { dayText, localDay } from './dates'

describe('dayText', () => {
  const now = new Date(2026, 11, 1, 12)
  it('names a day of this year without the year, in the locale', () => {
    expect(dayText(new Date(2026, 2, 3, 9).toISOString(), 'en-GB', now)).toBe('3 March')
    expect(dayText(new Date(2026, 2, 3, 9).toISOString(), 'de', now)).toBe('3. März')
  })
  it('adds the year for an earlier year', () => {
    expect(dayText(new Date(2025, 2, 3, 9).toISOString(), 'en-GB', now)).toBe('3 March 2025')
  })
  it('leaves text that is no date as it is', () => {
    expect(dayText('soon', 'en', now)).toBe('soon')
  })
})

describe('localDay', () => {
  it('is the local calendar day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 30).toISOString())).toBe('2026-01-05')
    expect(localDay('nope')).toBe('')
  })
})
