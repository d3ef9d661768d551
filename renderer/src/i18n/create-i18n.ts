import { createI18n } from 'vue-i18n'
import { de } from './messages-de'
import { en, type MessageSchema } from './messages-en'

export const LOCALES = ['en', 'de'] as const
export type AppLocale = (typeof LOCALES)[number]

/** The first of the user's languages we have, by primary subtag ("de-AT" -> "de"); English otherwise. */
export function pickLocale(languages: readonly string[]): AppLocale {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0]
    const found = LOCALES.find((l) => l === primary)
    if (found) return found
  }
  return 'en'
}

export function createAppI18n(locale: AppLocale) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, de }
  })
}
