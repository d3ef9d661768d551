// What a log line may never hold: tokens, keys, passwords, two-factor codes.
import { describe, expect, it } from 'vitest'
import { scrub } from './logger'

describe('scrub', () => {
  it('masks a two-factor code sent as a path segment, in any field shape', () => {
    expect(scrub('http method=POST path=/api/2.0/authentication/123456 status=200')).toBe('http method=POST path=/api/2.0/authentication/*** status=200')
    expect(scrub('http {"path":"/api/2.0/authentication/Ab12cd","status":401}')).toBe('http {"path":"/api/2.0/authentication/***","status":401}')
    expect(scrub('retry https://hr.example/api/2.0/authentication/654321?x=1')).toBe('retry https://hr.example/api/2.0/authentication/***?x=1')
  })

  it('keeps the named routes under /authentication and the plain sign-in path', () => {
    for (const path of ['/api/2.0/authentication', '/api/2.0/authentication/logout', '/api/2.0/authentication/sendsms', '/api/2.0/authentication/setphone']) {
      expect(scrub(`path=${path} status=200`)).toBe(`path=${path} status=200`)
    }
  })

  it('still masks keys, Authorization values and token fields', () => {
    expect(scrub('key sk-0123456789abcdef')).toBe('key sk-***')
    expect(scrub('Authorization: Bearer abc.def')).toBe('Authorization: ***')
    expect(scrub('{"token":"t0ps3cret"}')).toBe('{"token":"***"}')
  })
})
