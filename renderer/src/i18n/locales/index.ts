/**
 * Every locale's messages by tag. English and German live beside create-i18n.ts (messages-en.ts,
 * messages-de.ts and their -failures / -bulk parts); every other language is one folder here,
 * split the same way: `<tag>/index.ts` (the general texts), `failures.ts`, `bulk.ts`, `handoff.ts`,
 * `face.ts`, `layout.ts`.
 */
import type { LocaleMessages } from '../message-check'
import { de } from '../messages-de'
import { en } from '../messages-en'
import { pseudoMessages } from '../pseudo-locale'
import { es } from './es'
import { fr } from './fr'
import { it } from './it'
import { ja } from './ja'
import { ptBR } from './pt-BR'
import { ru } from './ru'
import { zhCN } from './zh-CN'

export const LOCALE_MESSAGES: Readonly<Record<string, LocaleMessages>> = {
  en,
  de,
  fr,
  es,
  it,
  'pt-BR': ptBR,
  ru,
  'zh-CN': zhCN,
  ja,
  'en-XA': pseudoMessages(en)
}
