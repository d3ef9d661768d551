import { describe, expect, it } from 'vitest'
import { emailKey, emailLocalKey, foldKey, foldVariants, keyWords, withoutTag } from './name-key'

describe('foldKey', () => {
  it.each([
    ['José Álvarez', 'jose alvarez'],
    ['Zoë', 'zoe'],
    ['Łukasz Wiśniewski', 'lukasz wisniewski'],
    ['Ærøskøbing', 'aeroskobing'],
    ['Straße', 'strasse'],
    ['Đorđe Þór', 'dorde thor'],
    ['Иван Петров', 'ivan petrov'],
    ['Γιώργος', 'giorgos'],
    ['Jose\u0301', 'jose'],
    ['ANNA', 'anna']
  ])('%s -> %s', (input, folded) => {
    expect(foldKey(input)).toBe(folded)
  })
})

describe('foldVariants', () => {
  it('adds the conventional ASCII spelling of umlauts, ø, å and Greek ου', () => {
    expect(foldVariants('Müller')).toEqual(['muller', 'mueller'])
    expect(foldVariants('Mu\u0308ller')).toEqual(['muller', 'mueller'])
    expect(foldVariants('Søren Ångström')).toEqual(['soren angstrom', 'soeren aangstroem'])
    expect(foldVariants('Παπαδόπουλος')).toEqual(['papadopoylos', 'papadopoulos'])
  })

  it('gives one form when there is nothing to spell differently', () => {
    expect(foldVariants('José')).toEqual(['jose'])
    expect(foldVariants('Anna')).toEqual(['anna'])
  })
})

describe('keyWords', () => {
  it('joins apostrophes and soft signs into the word and splits on everything else', () => {
    expect(keyWords(foldKey("O'Brien-Smith"))).toEqual(['obrien', 'smith'])
    expect(keyWords(foldKey('Ольга'))).toEqual(['olga'])
    expect(keyWords('anna  maria_berg.x')).toEqual(['anna', 'maria', 'berg', 'x'])
  })
})

describe('emails', () => {
  it('folds case and drops a +tag, keeping the domain', () => {
    expect(emailKey(' Anna.Berg+Photo@Example.COM ')).toBe('anna.berg@example.com')
    expect(emailLocalKey('anna.berg+photo@example.com')).toBe('anna.berg')
    expect(withoutTag('+anna')).toBe('+anna')
  })
})
