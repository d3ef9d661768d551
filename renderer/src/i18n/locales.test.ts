import { describe, expect, it } from 'vitest'
import { LOCALES, LOCALE_NAMES, PSEUDO_LOCALE, createAppI18n, isAppLocale, pickLocale, type AppLocale } from './create-i18n'
import { LOCALE_MESSAGES } from './locales'
import { checkLocale, flatten } from './message-check'
import { en } from './messages-en'
import { pluralIndex } from './plural'
import { pseudoLocalize } from './pseudo-locale'

const ALL: readonly AppLocale[] = [...LOCALES, PSEUDO_LOCALE]
type T = (key: string, named?: Record<string, unknown>, plural?: number) => string

describe('every locale', () => {
  it('is registered once, with its own name', () => {
    expect(Object.keys(LOCALE_MESSAGES).sort()).toEqual([...ALL].sort())
    for (const l of ALL) expect(LOCALE_NAMES[l].length).toBeGreaterThan(1)
  })

  // The lead's list of what to translate: `npm run i18n:missing`.
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the English keys, the same placeholders and its own plural forms', (locale) => {
    const problems = checkLocale(en, LOCALE_MESSAGES[locale] ?? {}, locale)
    expect(problems.missing, 'missing keys (run npm run i18n:missing)').toEqual([])
    expect(problems.extra, 'keys English does not have').toEqual([])
    expect(problems.empty, 'empty messages').toEqual([])
    expect(problems.placeholders, 'placeholders differ from English').toEqual([])
    expect(problems.forms, 'wrong number of plural forms').toEqual([])
  })

  it.each(ALL)('%s: every message compiles and renders with its placeholders filled', (locale) => {
    const t = createAppI18n(locale).global.t as T
    const tEn = createAppI18n('en').global.t as T
    const named = { portal: 'hr.example.com', name: 'X', n: 2, version: '3.7.2' }
    for (const [key] of flatten(en)) {
      const text = t(key, named)
      expect(text, key).not.toBe(key)
      expect(text, key).not.toMatch(/\{[a-z]+\}/)
      if (tEn(key, named) !== '') expect(text, `${locale} ${key}`).not.toBe('')
    }
  })
})

describe('plural rules', () => {
  it('uses Russian one / few / many, after the zero form where English has one', () => {
    // English "No people | {n} person | {n} people" becomes four Russian forms: zero, one, few, many.
    const forms = [0, 1, 2, 5, 11, 21, 22, 25, 101, 112].map((n) => pluralIndex('ru', n, 4))
    expect(forms).toEqual([0, 1, 2, 3, 3, 1, 2, 3, 1, 3])
    expect([1, 3, 5, 21].map((n) => pluralIndex('ru', n, 3))).toEqual([0, 1, 2, 0])
  })

  it('renders Russian counts in the right case, with Intl number formats', () => {
    const t = createAppI18n('ru').global.t as T
    const n = (x: number) => new Intl.NumberFormat('ru').format(x)
    expect(t('people.countAll', { n: n(0) }, 0)).toBe('Нет сотрудников')
    expect(t('people.countAll', { n: n(21) }, 21)).toBe('21 сотрудник')
    expect(t('people.countAll', { n: n(3) }, 3)).toBe('3 сотрудника')
    expect(t('people.countAll', { n: n(1204) }, 1204)).toBe(`${n(1204)} сотрудника`)
    expect(t('people.countAll', { n: n(11) }, 11)).toBe('11 сотрудников')
    expect(n(1204)).toBe('1\u00a0204')
    const fr = createAppI18n('fr').global.t as T
    expect(fr('people.countAll', { n: new Intl.NumberFormat('fr').format(1204) }, 1204)).toBe('1\u202f204 personnes')
  })

  it('keeps English and German as vue-i18n had them, and gives Japanese one form', () => {
    expect([0, 1, 2].map((n) => pluralIndex('en', n, 3))).toEqual([0, 1, 2])
    expect([0, 1, 2].map((n) => pluralIndex('de', n, 2))).toEqual([1, 0, 1])
    expect([0, 1, 7].map((n) => pluralIndex('ja', n, 1))).toEqual([0, 0, 0])
    expect([0, 1, 7].map((n) => pluralIndex('ja', n, 2))).toEqual([0, 1, 1])
    // French counts 0 and 1 as singular.
    expect([0, 1, 2].map((n) => pluralIndex('fr', n, 2))).toEqual([0, 0, 1])
  })
})

describe('pseudo-locale', () => {
  it('accents and lengthens by about 40%, keeping placeholders and plural forms', () => {
    const text = pseudoLocalize('No people | {n} person | {n} people')
    const forms = text.split('|')
    expect(forms).toHaveLength(3)
    expect(forms[1]).toContain('{n}')
    expect(text).not.toMatch(/[aeiou]/)
    const long = pseudoLocalize('Sign in to a DocSpace portal')
    expect(long.length).toBeGreaterThanOrEqual(Math.round('Sign in to a DocSpace portal'.length * 1.4))
    expect(pseudoLocalize("before {'@'}")).toContain("{'@'}")
  })

  it('is never picked from the system languages', () => {
    expect(pickLocale(['en-XA'])).toBe('en')
    expect(isAppLocale('en-XA')).toBe(true)
    expect(isAppLocale('xx')).toBe(false)
  })
})
