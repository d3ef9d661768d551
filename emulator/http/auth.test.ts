// Envelopes, errors and authentication (CONTRACT.md §0, §4) against a real portal.

import { pbkdf2Sync } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal } from '../index'
import type { RunningPortal } from '../types'
import { call, signIn } from '../testing/helpers'

describe('envelopes and authentication (3.7.2)', () => {
  let portal: RunningPortal
  beforeAll(async () => {
    portal = await startPortal({ quiet: true, people: 40 })
  })
  afterAll(() => portal.close())

  it('wraps success with count, links and status, and leaves out total on objects', async () => {
    const r = await call(portal, '/api/2.0/settings/version/build?x=1')
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      response: { docSpace: '3.7.2', documentServer: '9.0.3' },
      count: 1,
      links: [{ href: `${portal.url}/api/2.0/settings/version/build?x=1`, action: 'GET' }],
      status: 0,
      statusCode: 200
    })
  })

  it('answers 401 with an empty body when unauthenticated, and 404 with an empty body for unknown routes', async () => {
    const r = await call(portal, '/api/2.0/people/@self')
    expect(r.status).toBe(401)
    expect(r.text).toBe('')
    const garbage = await call(portal, '/api/2.0/people/@self', { token: 'not-a-token' })
    expect(garbage.status).toBe(401)
    expect(garbage.text).toBe('')
    const token = await signIn(portal, portal.accounts.admin)
    const missing = await call(portal, '/api/2.0/people/search/anna', { token })
    expect(missing.status).toBe(404)
  })

  it('signs in with a password: token, expires, sms:false, tfa:false and the asc_auth_key cookie', async () => {
    const r = await call<{ token: string; expires: string; sms: boolean; tfa: boolean }>(portal, '/api/2.0/authentication', {
      json: { UserName: portal.accounts.user.email.toUpperCase(), PASSWORD: portal.accounts.user.password }
    })
    expect(r.status).toBe(200)
    expect(r.body.response).toMatchObject({ sms: false, tfa: false })
    expect(r.body.response?.expires).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/)
    const token = r.body.response?.token as string
    expect(r.headers.get('set-cookie')).toContain(`asc_auth_key=${token}`)
    // The token works as a cookie, a raw header and a Bearer header.
    for (const options of [{ cookie: `asc_auth_key=${token}` }, { authorization: token }, { authorization: `Bearer ${token}` }]) {
      const me = await call<{ id: string }>(portal, '/api/2.0/people/@self', options)
      expect(me.status).toBe(200)
      expect(me.body.response?.id).toBe(portal.accounts.user.id)
    }
    // The cookie wins over the header.
    const adminToken = await signIn(portal, portal.accounts.admin)
    const both = await call<{ id: string }>(portal, '/api/2.0/people/@self', { cookie: `asc_auth_key=${token}`, authorization: adminToken })
    expect(both.body.response?.id).toBe(portal.accounts.user.id)
  })

  it('answers session:true with a zero expiry', async () => {
    const r = await call<{ expires: string }>(portal, '/api/2.0/authentication', {
      json: { userName: portal.accounts.user.email, password: portal.accounts.user.password, session: true }
    })
    expect(r.body.response?.expires).toBe('0001-01-01T00:00:00')
  })

  it('accepts the client-side passwordHash computed from /settings passwordHash', async () => {
    const settings = await call<{ passwordHash: { salt: string; iterations: number; size: number } }>(portal, '/api/2.0/settings')
    const p = settings.body.response?.passwordHash
    expect(p).toBeDefined()
    const hash = pbkdf2Sync(portal.accounts.user.password, p?.salt ?? '', p?.iterations ?? 0, (p?.size ?? 0) / 8, 'sha256').toString('hex')
    const r = await call(portal, '/api/2.0/authentication', { json: { userName: portal.accounts.user.email, passwordHash: hash } })
    expect(r.status).toBe(200)
  })

  it('fails wrong credentials with 401 "User authentication failed" and unfilled type/stack/hresult', async () => {
    const r = await call(portal, '/api/2.0/authentication', { json: { userName: portal.accounts.guest.email, password: 'wrong' } })
    expect(r.status).toBe(401)
    expect(r.body).toEqual({ error: { message: 'User authentication failed', type: null, stack: null, hresult: 0 }, status: 1, statusCode: 401 })
    const none = await call(portal, '/api/2.0/authentication', { json: {} })
    expect(none.status).toBe(401)
  })

  it('refuses a disabled user with 403 "User disabled"', async () => {
    const r = await call(portal, '/api/2.0/authentication', { json: { userName: portal.accounts.disabled.email, password: portal.accounts.disabled.password } })
    expect(r.status).toBe(403)
    expect(r.body.error).toMatchObject({ message: 'User disabled', type: 'System.InvalidOperationException' })
  })

  it('blocks a login name after five failures with 403, even for the right password', async () => {
    const email = portal.accounts.owner.email
    for (let i = 0; i < 5; i++) await call(portal, '/api/2.0/authentication', { json: { userName: email, password: 'nope' } })
    const r = await call(portal, '/api/2.0/authentication', { json: { userName: email, password: portal.accounts.owner.password } })
    expect(r.status).toBe(403)
    expect(r.body.error?.message).toBe('Too many login attempts. Please try again later')
  })

  it('needs a JSON body: 415 with no body for form posts, 400 envelope for empty JSON', async () => {
    const form = await call(portal, '/api/2.0/authentication', { method: 'POST', json: 'userName=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(form.status).toBe(415)
    expect(form.text).toBe('')
    const empty = await call(portal, '/api/2.0/authentication', { method: 'POST', json: '' })
    expect(empty.status).toBe(400)
    expect(empty.body).toMatchObject({ status: 1, statusCode: 400, response: { title: 'One or more validation errors occurred.' } })
  })

  it('completes two-factor sign-in with the fixed code', async () => {
    const tf = portal.accounts.twoFactor
    const first = await call<Record<string, unknown>>(portal, '/api/2.0/authentication', { json: { userName: tf.email, password: tf.password } })
    expect(first.status).toBe(200)
    expect(first.body.response).toMatchObject({ tfa: true, confirmUrl: expect.stringContaining('/confirm/TfaAuth') })
    expect(first.body.response?.token).toBeUndefined()
    expect(first.headers.get('set-cookie')).toBeNull()
    const wrong = await call(portal, '/api/2.0/authentication/000000', { json: { userName: tf.email, password: tf.password } })
    expect(wrong.status).toBe(401)
    const done = await call<{ token: string; tfa: boolean }>(portal, `/api/2.0/authentication/${tf.code}`, { json: { userName: tf.email, password: tf.password } })
    expect(done.status).toBe(200)
    expect(done.body.response?.tfa).toBe(true)
    const me = await call<{ id: string }>(portal, '/api/2.0/people/@self', { token: done.body.response?.token })
    expect(me.body.response?.id).toBe(tf.id)
  })

  it('accepts API keys as Bearer with scopes; a missing scope is an empty 403', async () => {
    const { user, admin } = portal.accounts
    const readOnly = portal.createApiKey(admin.id, ['accounts:read'])
    expect(readOnly).toMatch(/^sk-[0-9a-f]{64}$/)
    const ok = await call(portal, '/api/2.0/people/filter?count=1', { authorization: `Bearer ${readOnly}` })
    expect(ok.status).toBe(200)
    const write = await call(portal, `/api/2.0/people/${admin.id}/photo`, { authorization: `Bearer ${readOnly}`, method: 'DELETE' })
    expect(write.status).toBe(403)
    expect(write.text).toBe('')
    const selfOnly = portal.createApiKey(user.id, ['accounts.self:read'])
    expect((await call(portal, '/api/2.0/people/@self', { authorization: `Bearer ${selfOnly}` })).status).toBe(200)
    expect((await call(portal, `/api/2.0/people/${user.id}/photo`, { authorization: `Bearer ${selfOnly}` })).status).toBe(403)
    for (const perms of [[], ['*'], ['*:write'], ['accounts:write']]) {
      const key = portal.createApiKey(user.id, perms)
      const r = await call(portal, `/api/2.0/people/${user.id}/photo`, { authorization: `Bearer ${key}`, method: 'DELETE' })
      expect(r.status).toBe(200)
    }
    // Unknown keys are a 401; the SDKs' ApiKeyBearer header is not read.
    expect((await call(portal, '/api/2.0/people/@self', { authorization: `Bearer sk-${'0'.repeat(64)}` })).status).toBe(401)
    expect((await call(portal, '/api/2.0/people/@self', { headers: { ApiKeyBearer: readOnly } })).status).toBe(401)
  })

  it('creates API keys over HTTP and shows the secret only once', async () => {
    const token = await signIn(portal, portal.accounts.admin)
    const r = await call<{ key: string; keyPostfix: string; id: string }>(portal, '/api/2.0/keys', { token, json: { name: 'photo sync', permissions: ['accounts:write'] } })
    expect(r.status).toBe(200)
    const key = r.body.response?.key as string
    expect(key).toMatch(/^sk-[0-9a-f]{64}$/)
    const list = await call<Array<{ key: string }>>(portal, '/api/2.0/keys', { token })
    expect(list.body.response?.map((k) => k.key)).toContain(`sk-***${key.slice(-4)}`)
    expect((await call(portal, '/api/2.0/people/@self', { authorization: `Bearer ${key}` })).status).toBe(200)
    const guestToken = await signIn(portal, portal.accounts.guest)
    expect((await call(portal, '/api/2.0/keys', { token: guestToken, json: { name: 'x' } })).status).toBe(403)
  })

  it('expires tokens on demand: every request then answers 401', async () => {
    const token = await signIn(portal, portal.accounts.roomAdmin)
    const other = await signIn(portal, portal.accounts.user)
    portal.expireTokens(portal.accounts.roomAdmin.id)
    expect((await call(portal, '/api/2.0/people/@self', { token })).status).toBe(401)
    expect((await call(portal, '/api/2.0/people/@self', { token: other })).status).toBe(200)
    portal.expireTokens()
    expect((await call(portal, '/api/2.0/people/@self', { token: other })).status).toBe(401)
    expect((await call<boolean>(portal, '/api/2.0/authentication', { token: other })).body.response).toBe(false)
  })

  it('reports maxImageUploadSize only to signed-in callers, and GET /authentication as a bool', async () => {
    const anonymous = await call<{ maxImageUploadSize: number; version: string }>(portal, '/api/2.0/settings')
    expect(anonymous.body.response).toMatchObject({ maxImageUploadSize: 0, version: '3.7.2' })
    const token = await signIn(portal, portal.accounts.user)
    const signed = await call<{ maxImageUploadSize: number }>(portal, '/api/2.0/settings', { token })
    expect(signed.body.response?.maxImageUploadSize).toBe(5242880)
    expect((await call<boolean>(portal, '/api/2.0/authentication', { token })).body.response).toBe(true)
    expect((await call<boolean>(portal, '/api/2.0/authentication')).body.response).toBe(false)
  })

  it('logs out: the token stops working and the cookie is cleared', async () => {
    const token = await signIn(portal, portal.accounts.user)
    const r = await call(portal, '/api/2.0/authentication/logout', { token, method: 'POST' })
    expect(r.status).toBe(200)
    expect(r.headers.get('set-cookie')).toContain('asc_auth_key=;')
    expect((await call(portal, '/api/2.0/people/@self', { token })).status).toBe(401)
  })

  it('honours short token lifetimes', async () => {
    const short = await startPortal({ quiet: true, people: 10, tokenTtlSeconds: 1 })
    try {
      const token = await signIn(short, short.accounts.user)
      expect((await call(short, '/api/2.0/people/@self', { token })).status).toBe(200)
      await new Promise((r) => setTimeout(r, 1100))
      expect((await call(short, '/api/2.0/people/@self', { token })).status).toBe(401)
    } finally {
      await short.close()
    }
  })
})

describe('SDK compatibility flag', () => {
  it('reads the ApiKeyBearer header only when asked to', async () => {
    const p = await startPortal({ quiet: true, people: 10, sdkApiKeyHeader: true })
    try {
      const key = p.createApiKey(p.accounts.user.id)
      expect((await call(p, '/api/2.0/people/@self', { headers: { ApiKeyBearer: key } })).status).toBe(200)
    } finally {
      await p.close()
    }
  })
})

describe('older version answers', () => {
  it('reports communityServer before 3.1 and the configured version in /settings', async () => {
    const old = await startPortal({ quiet: true, people: 10, version: '3.0.0', documentServerVersion: null })
    try {
      const r = await call(old, '/api/2.0/settings/version/build')
      expect(r.body.response).toEqual({ communityServer: '12.0.0', docSpace: '3.0.0' })
      // No API keys before 3.1.0.
      const token = await signIn(old, old.accounts.admin)
      expect((await call(old, '/api/2.0/keys', { token })).status).toBe(404)
    } finally {
      await old.close()
    }
  })
})
