/**
 * Compares a locale's messages with English, key for key: what is missing, what English does not
 * have, and where placeholders or plural forms differ. Used by the locale test and by
 * `npm run i18n:missing`, which lists what to translate after new English keys arrive.
 */
import { integerCategories } from './plural'

/** Messages as nested plain objects of strings, the shape of every locale file. */
export type LocaleMessages = { readonly [key: string]: string | LocaleMessages }

/** "a.b.c" -> message, for every string leaf. */
export function flatten(messages: LocaleMessages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value)
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v)
  }
  return out
}

/** The plural forms of a message: "a | b | c" -> 3. A literal pipe is written {'|'} and does not count. */
export function formsOf(message: string): string[] {
  return message.replace(/\{'[^']*'\}/g, '').split('|')
}

/** The named placeholders of a message, sorted: "{n} of {total}" -> ["n", "total"]. Literals like {'@'} are not placeholders. */
export function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*\}/g)].map((m) => m[1] as string))].sort()
}

/**
 * How many forms a translation of an English message needs in `locale`: English "one | other"
 * becomes the locale's own integer categories (Russian: one | few | many), and English's leading
 * "none" form ("No people | {n} person | {n} people") stays in front.
 */
export function expectedForms(englishForms: number, locale: string): number {
  if (englishForms === 1) return 1
  return integerCategories(locale).length + (englishForms >= 3 ? 1 : 0)
}

export interface Mismatch {
  readonly key: string
  readonly expected: string
  readonly actual: string
}

export interface LocaleProblems {
  readonly missing: readonly string[]
  readonly extra: readonly string[]
  readonly empty: readonly string[]
  readonly placeholders: readonly Mismatch[]
  readonly forms: readonly Mismatch[]
}

export function checkLocale(english: LocaleMessages, messages: LocaleMessages, locale: string): LocaleProblems {
  const en = flatten(english)
  const other = flatten(messages)
  const missing = [...en.keys()].filter((k) => !other.has(k))
  const extra = [...other.keys()].filter((k) => !en.has(k))
  const empty: string[] = []
  const placeholders: Mismatch[] = []
  const forms: Mismatch[] = []
  for (const [key, text] of other) {
    const reference = en.get(key)
    if (reference === undefined) continue
    if (text.trim() === '') empty.push(key)
    const want = placeholdersOf(reference).join(', ')
    const got = placeholdersOf(text).join(', ')
    if (want !== got) placeholders.push({ key, expected: want, actual: got })
    const wantForms = expectedForms(formsOf(reference).length, locale)
    const gotForms = formsOf(text).length
    if (wantForms !== gotForms) forms.push({ key, expected: String(wantForms), actual: String(gotForms) })
  }
  return { missing, extra, empty, placeholders, forms }
}

export function hasProblems(p: LocaleProblems): boolean {
  return p.missing.length + p.extra.length + p.empty.length + p.placeholders.length + p.forms.length > 0
}
