/**
 * Plural rules from Intl.PluralRules. A message lists one form per integer category of its
 * language, in CLDR order (English and German: one | other; Russian: one | few | many; Chinese and
 * Japanese: a single form), optionally after a leading form for zero ("No people | …").
 */

const CLDR_ORDER: readonly Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other']

/**
 * The categories whole numbers fall into, e.g. ru -> one (1, 21), few (2–4, 22), many (0, 5–20).
 * French, Spanish, Italian and Portuguese also have "many" for exact millions ("1 000 000 de
 * personnes"), which no count in this app reaches; those use the "other" form.
 */
export function integerCategories(locale: string): readonly Intl.LDMLPluralRule[] {
  return rulesOf(locale).categories
}

const cache = new Map<string, { readonly rules: Intl.PluralRules; readonly categories: readonly Intl.LDMLPluralRule[] }>()

function rulesOf(locale: string): { readonly rules: Intl.PluralRules; readonly categories: readonly Intl.LDMLPluralRule[] } {
  let entry = cache.get(locale)
  if (!entry) {
    const rules = new Intl.PluralRules(locale)
    const seen = new Set<Intl.LDMLPluralRule>()
    for (let n = 0; n <= 200; n++) seen.add(rules.select(n))
    entry = { rules, categories: CLDR_ORDER.filter((c) => seen.has(c)) }
    cache.set(locale, entry)
  }
  return entry
}

/** Index of the form to use for `choice` among `formCount` forms (vue-i18n's pluralRules signature). */
export function pluralIndex(locale: string, choice: number, formCount: number): number {
  const { rules, categories } = rulesOf(locale)
  const withZero = formCount === categories.length + 1
  if (withZero && choice === 0) return 0
  const found = categories.indexOf(rules.select(Math.abs(choice)))
  const index = (found < 0 ? categories.length - 1 : found) + (withZero ? 1 : 0)
  return Math.min(Math.max(index, 0), formCount - 1)
}
