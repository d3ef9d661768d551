import { createI18n } from 'vue-i18n'
import type { MessageSchema } from './messages-en'
import { LOCALE_MESSAGES } from './locales'
import { pluralIndex } from './plural'

/** The languages offered, in menu order. Each is one message set in locales/ (English and German beside this file). */
export const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'pt-BR', 'ru', 'zh-CN', 'ja'] as const
/** Accented, longer English for finding clipped text: offered in development builds and set by tests. */
export const PSEUDO_LOCALE = 'en-XA'
export type AppLocale = (typeof LOCALES)[number] | typeof PSEUDO_LOCALE

/** Each language in its own words, as a language menu shows them. */
export const LOCALE_NAMES: Readonly<Record<AppLocale, string>> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  it: 'Italiano',
  'pt-BR': 'Português (Brasil)',
  ru: 'Русский',
  'zh-CN': '简体中文',
  ja: '日本語',
  'en-XA': 'Pseudo (en-XA)'
}

const ALL_LOCALES: readonly AppLocale[] = [...LOCALES, PSEUDO_LOCALE]

export function isAppLocale(tag: string): tag is AppLocale {
  return ALL_LOCALES.some((l) => l === tag)
}

/**
 * The first of the user's languages we have: the exact tag ("pt-BR"), else by primary subtag
 * ("de-AT" -> "de", "pt-PT" -> "pt-BR", "zh-TW" -> "zh-CN"); English otherwise. Never the pseudo-locale.
 */
export function pickLocale(languages: readonly string[]): AppLocale {
  for (const tag of languages) {
    const lower = tag.toLowerCase()
    const exact = LOCALES.find((l) => l.toLowerCase() === lower)
    if (exact) return exact
    const primary = lower.split('-')[0]
    const found = LOCALES.find((l) => l.toLowerCase().split('-')[0] === primary)
    if (found) return found
  }
  return 'en'
}

export function createAppI18n(locale: AppLocale) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    // Locales other than English and German are checked key for key by a test, not by the compiler,
    // so a key that arrives in English first does not stop the build (it shows in English meanwhile).
    messages: LOCALE_MESSAGES as unknown as Record<AppLocale, MessageSchema>,
    pluralRules: Object.fromEntries(ALL_LOCALES.map((l) => [l, (choice: number, forms: number) => pluralIndex(l, choice, forms)]))
  })
}

/**
 * vue-i18n's t as stores use it. Their toasts carry counts ("12 photos handed over"): numbers among the
 * named values are written the locale's way ("1,204" / "1.204"), as components write them with useFormat().
 */
export function storeTranslator(i18n: ReturnType<typeof createAppI18n>): (key: string, named?: Record<string, unknown>) => string {
  return (key, named) => i18n.global.t(key, withLocaleNumbers(named ?? {}, i18n.global.locale.value))
}

/** The named values of a message with every number written the locale's way. */
export function withLocaleNumbers(named: Record<string, unknown>, locale: string): Record<string, unknown> {
  const format = new Intl.NumberFormat(locale)
  return Object.fromEntries(Object.entries(named).map(([name, value]) => [name, typeof value === 'number' ? format.format(value) : value]))
}
