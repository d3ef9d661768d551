import { describe, expect, it } from 'vitest'
import type { ErrorCode } from '../../../preload/contract'
import { createAppI18n, pickLocale } from './create-i18n'
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

  it.each(['en', 'de'] as const)('every message compiles and renders in %s (no stray @ or | syntax)', (locale) => {
    const i18n = createAppI18n(locale)
    const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string
    for (const key of leafKeys(en)) {
      const text = t(key, { portal: 'hr.example.com', name: 'X', n: 2, version: '3.7.2' })
      expect(text, key).not.toBe(key)
      expect(text, key).not.toMatch(/\{[a-z]+\}/)
    }
  })

  it.each(Object.keys(ALL_CODES) as ErrorCode[])('%s has its own message in English and German', (code) => {
    for (const locale of ['en', 'de'] as const) {
      const t = createAppI18n(locale).global.t as (key: string, named?: Record<string, unknown>) => string
      const text = describeError(t, { code, message: 'main text' }, 'https://hr.example.com').message
      expect(text).not.toBe(errorKey(code))
      expect(text.length).toBeGreaterThan(5)
    }
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
    expect(pickLocale(['fr-FR', 'de'])).toBe('de')
    expect(pickLocale(['fr-FR'])).toBe('en')
    expect(pickLocale([])).toBe('en')
  })
})
