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

  it('transliterates other scripts, so they are found typed in either script', () => {
    // Both the people list and the query are folded the same way: "Иван" and "ivan" find Иван.
    expect(foldText('Иван Петров')).toBe('ivan petrov')
    expect(foldQuery('Иван')).toEqual(['ivan'])
    expect(foldText('Γιώργος')).toBe('giorgos')
    expect(foldText('李小龍')).toBe('lixiaolong')
  })

  it('folds decomposed text (as macOS file names come) like composed text', () => {
    expect(foldText('Jose\u0301 Mu\u0308ller')).toBe('jose muller')
  })
})

describe('foldQuery', () => {
  it('splits on whitespace and drops empty terms', () => {
    expect(foldQuery('  Łukasz   KOWALSKI ')).toEqual(['lukasz', 'kowalski'])
    expect(foldQuery('   ')).toEqual([])
  })
})
