import { describe, expect, it } from 'vitest'
import type { ErrorCode } from '../../../preload/contract'
import { LOCALES, createAppI18n, pickLocale, storeTranslator } from './create-i18n'
import { describeError, errorKey } from './error-text'
import { de } from './messages-de'
import { en } from './messages-en'

/** Every ErrorCode of the contract; `satisfies` fails the typecheck when the contract adds one. */
const ALL_CODES = {
  'auth/invalid-credentials': true,
  'auth/invalid-code': true,
  'auth/challenge-expired': true,
  'auth/expired': true,
  'auth/user-disabled': true,
  'auth/too-many-attempts': true,
  'auth/not-signed-in': true,
  'portal/forbidden': true,
  'portal/not-found': true,
  'portal/bad-request': true,
  'portal/payment-required': true,
  'portal/rate-limited': true,
  'portal/server-error': true,
  'portal/rejected': true,
  'portal/unexpected': true,
  'url/invalid': true,
  'url/insecure': true,
  'net/unreachable': true,
  'net/timeout': true,
  'net/connection-lost': true,
  'url/download-failed': true,
  'net/tls': true,
  'keychain/unavailable': true,
  'image/unsupported': true,
  'image/corrupt': true,
  'image/too-large': true,
  'image/too-small': true,
  'photo/partly-applied': true,
  'photo/no-backup': true,
  'bulk/too-many-files': true,
  'bulk/unknown-job': true,
  'bulk/busy': true,
  'bulk/file-missing': true,
  'handoff/not-allowed': true,
  'handoff/not-waiting': true,
  'handoff/unknown': true,
  'input/invalid': true,
  'app/cancelled': true,
  'app/internal': true
} satisfies Record<ErrorCode, true>

function leafKeys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? leafKeys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

describe('messages', () => {
  it('German has exactly the English keys, none empty', () => {
    expect(leafKeys(de).sort()).toEqual(leafKeys(en).sort())
    for (const key of leafKeys(de)) expect(key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], de)).not.toBe('')
  })

  it.each(Object.keys(ALL_CODES) as ErrorCode[])('%s has its own message in every language', (code) => {
    for (const locale of LOCALES) {
      const t = createAppI18n(locale).global.t as (key: string, named?: Record<string, unknown>) => string
      const text = describeError(t, { code, message: 'main text' }, 'https://hr.example.com').message
      expect(text).not.toBe(errorKey(code))
      // Chinese and Japanese say "Cancelled." in four characters.
      expect(text.length).toBeGreaterThan(locale === 'zh-CN' || locale === 'ja' ? 2 : 5)
    }
  })

  it('says why a shared photo is not yours to apply, from the hand-over facts', () => {
    const t = createAppI18n('en').global.t as (key: string, named?: Record<string, unknown>) => string
    const big = describeError(t, { code: 'image/too-large', message: '', facts: { handoffProblem: 'too-large', maxUploadBytes: 1024 * 1024 } }, 'https://hr.example.com')
    expect(big.detail).toBe('The shared file is larger than hr.example.com takes for a photo (1 MB). Nothing was changed.')
    const gone = describeError(t, { code: 'handoff/not-waiting', message: '', facts: { handoffProblem: 'not-shared' } })
    expect(gone.message).toContain('no longer waiting for you')
    expect(gone.detail).toContain('not shared with you')
  })

  it('says which portal, and what the portal said where it matters', () => {
    const t = createAppI18n('en').global.t as (key: string, named?: Record<string, unknown>) => string
    expect(describeError(t, { code: 'auth/expired', message: '' }, 'https://hr.example.com').message).toBe(
      'Your session on hr.example.com ended. Sign in again.'
    )
    expect(describeError(t, { code: 'url/insecure', message: '' }).message).toBe(
      'Only https:// addresses are allowed, except for a portal on this computer.'
    )
    expect(describeError(t, { code: 'keychain/unavailable', message: '' }).message).toContain('lasts until you close the app')
    expect(describeError(t, { code: 'portal/rejected', message: '', detail: 'Security error.' }).detail).toBe('The portal said: “Security error.”')
    expect(describeError(t, { code: 'net/unreachable', message: '', detail: 'ECONNREFUSED' }).detail).toBeUndefined()
  })

  it('pluralizes and formats numbers by locale', () => {
    const en1 = createAppI18n('en').global
    const de1 = createAppI18n('de').global
    const nf = (l: string) => new Intl.NumberFormat(l).format(1204)
    expect(en1.t('people.countAll', { n: nf('en') }, 1204)).toBe('1,204 people')
    expect(en1.t('people.countAll', { n: '1' }, 1)).toBe('1 person')
    expect(de1.t('people.countAll', { n: nf('de') }, 1204)).toBe('1.204 Personen')
    expect(de1.t('people.withoutPhotoCount', { count: '312' })).toBe('312 ohne Foto')
    expect(en1.t('people.allWithPhoto', 1)).toBe('with a photo')
    expect(en1.t('people.allWithPhoto', 7)).toBe('all with a photo')
    expect(de1.t('people.noneWithPhoto', 7)).toBe('alle ohne Foto')
  })
})

describe('pickLocale', () => {
  it('takes the first supported primary language', () => {
    expect(pickLocale(['de-AT', 'en-US'])).toBe('de')
    expect(pickLocale(['nl-NL', 'de'])).toBe('de')
    expect(pickLocale(['nl-NL'])).toBe('en')
    expect(pickLocale([])).toBe('en')
  })

  it('matches regional tags to the language we have', () => {
    expect(pickLocale(['pt-BR'])).toBe('pt-BR')
    expect(pickLocale(['pt-PT'])).toBe('pt-BR')
    expect(pickLocale(['zh-TW', 'en'])).toBe('zh-CN')
    expect(pickLocale(['ja-JP'])).toBe('ja')
    expect(pickLocale(['fr-CA'])).toBe('fr')
    expect(pickLocale(['RU'])).toBe('ru')
  })
})

describe('messages stores build', () => {
  it('write their numbers the locale’s way, as components do', () => {
    expect(storeTranslator(createAppI18n('en'))('handoff.fromBulkDone', { n: 1204 })).toBe('Photos handed over: 1,204.')
    expect(storeTranslator(createAppI18n('de'))('handoff.fromBulkDone', { n: 1204 })).toBe('Übergebene Fotos: 1.204.')
    expect(storeTranslator(createAppI18n('de'))('handoff.fromBulkDone', { n: 'viele' })).toBe('Übergebene Fotos: viele.')
  })
})
