import { describe, expect, it } from 'vitest'
import { compareVersions, isLoopbackHost, normalizePortalUrl, parseVersion } from './portal-url'

describe('normalizePortalUrl', () => {
  it.each([
    ['https://hr.example.com', 'https://hr.example.com'],
    ['  https://HR.Example.com/some/page?x=1#y ', 'https://hr.example.com'],
    ['hr.example.com', 'https://hr.example.com'],
    ['https://hr.example.com:8443/', 'https://hr.example.com:8443'],
    ['http://127.0.0.1:5123', 'http://127.0.0.1:5123'],
    ['http://127.8.9.10:80/', 'http://127.8.9.10'],
    ['http://localhost:3000/x', 'http://localhost:3000'],
    ['http://[::1]:4000', 'http://[::1]:4000'],
    // Typed without a scheme, a portal on this computer is plain http (it has no trusted certificate).
    ['127.0.0.1:35907', 'http://127.0.0.1:35907'],
    ['localhost:8092/', 'http://localhost:8092'],
    ['[::1]:4000', 'http://[::1]:4000'],
    ['https://127.0.0.1:8443', 'https://127.0.0.1:8443']
  ])('%s -> %s', (input, origin) => {
    expect(normalizePortalUrl(input)).toEqual({ ok: true, value: origin })
  })

  it.each(['http://hr.example.com', 'http://10.0.0.5', 'http://192.168.1.1:8080', 'http://128.0.0.1', 'http://localhost.example.com'])(
    'refuses plain http to %s with url/insecure',
    (input) => {
      const r = normalizePortalUrl(input)
      expect(!r.ok && r.error.code).toBe('url/insecure')
    }
  )

  it.each(['', '   ', 'not a url', 'ftp://hr.example.com', 'javascript:alert(1)', 'https://user:pw@hr.example.com', 'https://', 'file:///etc/passwd'])(
    'refuses %j with url/invalid',
    (input) => {
      const r = normalizePortalUrl(input)
      expect(!r.ok && r.error.code).toBe('url/invalid')
    }
  )

  it.each(['http://portal.localhost', 'http://a.b.localhost:8080', 'http://localhost.', 'http://evil.localhost.', 'http://[::ffff:127.0.0.1]', 'http://0.0.0.0'])(
    'refuses plain http to %s: only literal loopback and localhost itself are on this computer',
    (input) => {
      const r = normalizePortalUrl(input)
      expect(!r.ok && r.error.code).toBe('url/insecure')
    }
  )

  it('takes the spellings the URL parser turns into literal loopback', () => {
    expect(normalizePortalUrl('http://127.1:5000')).toEqual({ ok: true, value: 'http://127.0.0.1:5000' })
    expect(normalizePortalUrl('http://[0:0:0:0:0:0:0:1]')).toEqual({ ok: true, value: 'http://[::1]' })
    expect(normalizePortalUrl('https://portal.localhost')).toEqual({ ok: true, value: 'https://portal.localhost' })
  })

  it('knows loopback', () => {
    expect(isLoopbackHost('portal.localhost')).toBe(false)
    expect(isLoopbackHost('127.0.0.1')).toBe(true)
    expect(isLoopbackHost('[::1]')).toBe(true)
    expect(isLoopbackHost('LOCALHOST')).toBe(true)
    expect(isLoopbackHost('127.0.0.256')).toBe(false)
    expect(isLoopbackHost('10.127.0.1')).toBe(false)
  })
})

describe('parseVersion (CONTRACT.md §6)', () => {
  it('reads 3 and 4 component versions and the dev fallback', () => {
    expect(parseVersion('3.7.2')?.text).toBe('3.7.2')
    expect(parseVersion('3.5.0.1711')?.text).toBe('3.5.0')
    expect(parseVersion('3.1.0')?.text).toBe('3.1.0')
    expect(parseVersion('v3.6')?.text).toBe('3.6.0')
    expect(parseVersion('12')?.text).toBe('12.0.0')
    expect(parseVersion('dev')).toBeUndefined()
    expect(parseVersion(undefined)).toBeUndefined()
  })
  it('compares numerically, not as text', () => {
    expect(compareVersions(parseVersion('3.10.0')!, { major: 3, minor: 6, patch: 0 })).toBeGreaterThan(0)
    expect(compareVersions(parseVersion('3.5.9')!, { major: 3, minor: 6, patch: 0 })).toBeLessThan(0)
    expect(compareVersions(parseVersion('3.6.0.99')!, { major: 3, minor: 6, patch: 0 })).toBe(0)
  })
})
