// A portal answer the app refused is worded from its answerProblem fact, in English and German,
// instead of the generic "answered in a way this app does not understand".
import { describe, expect, it } from 'vitest'
import type { AnswerProblem, ErrorCode } from '../../../preload/contract'
import { createAppI18n } from './create-i18n'
import { describeError } from './error-text'

const CASES: readonly [AnswerProblem, ErrorCode, string, string][] = [
  ['too-large', 'portal/unexpected', 'far larger than any real one', 'weit größer ist als jede echte'],
  ['people-count', 'portal/unexpected', 'numbers of people that cannot be right', 'Personenzahlen'],
  ['token-characters', 'portal/unexpected', 'token that contains line breaks', 'das Zeilenumbrüche oder andere Zeichen enthält'],
  ['key-characters', 'auth/invalid-credentials', 'API key contains line breaks', 'API-Schlüssel enthält Zeilenumbrüche']
]

describe('answerProblem wording', () => {
  it.each(CASES)('%s has its own message in English and German', (answerProblem, code, english, german) => {
    const [en, de] = (['en', 'de'] as const).map((locale) => {
      const t = createAppI18n(locale).global.t as (key: string, named?: Record<string, unknown>) => string
      return describeError(t, { code, message: 'main text', facts: { answerProblem } }, 'https://hr.example.com').message
    })
    expect(en).toContain(english)
    expect(de).toContain(german)
    expect(en).not.toContain('does not understand')
  })
})
