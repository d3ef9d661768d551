import { describe, expect, it } from 'vitest'
import { fold, initialOf } from './fold'

describe('emulator fold (the portal search collation)', () => {
  it('reduces Latin letters to ASCII, decomposable or not', () => {
    expect(fold('ÉLODIE Müller Łukasz Ærøskøbing Straße STRAẞE Þór Đorđe')).toBe('elodie muller lukasz aeroskobing strasse strasse thor dorde')
  })

  it('keeps other scripts as letters, as the server does: a Latin query does not find Cyrillic', () => {
    expect(fold('Иван Йоханссон')).toBe('иван иоханссон')
    expect(fold('Иван').includes(fold('ivan'))).toBe(false)
  })

  it('draws initials from the folded first letter', () => {
    expect(initialOf('Łukasz')).toBe('L')
    expect(initialOf('Æsa')).toBe('A')
  })
})
