import { describe, expect, it } from 'vitest'
import { foldQuery, foldText } from './fold'

describe('foldText', () => {
  it.each([
    ['José', 'jose'],
    ['ÉLODIE Müller', 'elodie muller'],
    ['Łukasz Żółć', 'lukasz zolc'],
    ['Søren Ødegård', 'soren odegard'],
    ['Ærø', 'aero'],
    ['Straße', 'strasse'],
    ['STRAẞE', 'strasse'],
    ['Œuvre', 'oeuvre'],
    ['Đorđe', 'dorde'],
    ['Þór', 'thor'],
    ['İstanbul', 'istanbul'],
    ['François Ñúñez', 'francois nunez'],
    ['plain ascii 42', 'plain ascii 42']
  ])('%s -> %s', (input, folded) => {
    expect(foldText(input)).toBe(folded)
  })

  it('keeps scripts without a Latin base letter searchable', () => {
    expect(foldText('Иван')).toBe('иван')
    expect(foldText('李小龍')).toBe('李小龍')
  })
})

describe('foldQuery', () => {
  it('splits on whitespace and drops empty terms', () => {
    expect(foldQuery('  Łukasz   KOWALSKI ')).toEqual(['lukasz', 'kowalski'])
    expect(foldQuery('   ')).toEqual([])
  })
})
