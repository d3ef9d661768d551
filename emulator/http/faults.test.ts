// Faults and load: latency, one-shot failures, random 5xx, resets, 429 rate limits, slow uploads, 402,
// and the HTTP control endpoint used by other processes.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startPortal } from '../index'
import { MAX_REQUESTS_PER_MINUTE, RateLimiter, WriteStats } from './faults'
import type { RunningPortal } from '../types'
import { call, signIn, solidImage, uploadForm } from '../testing/helpers'

describe('faults', () => {
  let portal: RunningPortal
  let token: string
  beforeAll(async () => {
    portal = await startPortal({ quiet: true, people: 30 })
    token = await signIn(portal, portal.accounts.user)
  })
  afterEach(() => portal.faults.reset())
  afterAll(() => portal.close())

  const self = () => call(portal, '/api/2.0/people/@self', { token })

  it('adds fixed latency and jitter to every portal request, files included, but not to the control endpoint', async () => {
    // A latency far above any request's own time, so each answer's time tells whether it was delayed.
    portal.faults.set({ latencyMs: 1500, jitterMs: 50 })
    let t = performance.now()
    expect((await self()).status).toBe(200)
    expect(performance.now() - t).toBeGreaterThanOrEqual(1495)
    t = performance.now()
    expect((await fetch(`${portal.url}/static/images/default_user_photo_size_32-32.png`)).status).toBe(200)
    expect(performance.now() - t).toBeGreaterThanOrEqual(1495)
    t = performance.now()
    expect((await fetch(`${portal.url}/__emulator/stats`)).status).toBe(200)
    expect(performance.now() - t).toBeLessThan(1000)
  })

  it('fails the next matching request once, by kind', async () => {
    portal.faults.set({
      failNext: [
        { path: '/people/@self', kind: '503' },
        { path: /photo$/, method: 'GET', kind: '500' },
        { path: '@self', kind: '429' }
      ]
    })
    const first = await self()
    expect(first.status).toBe(503)
    expect(first.text).toContain('nginx')
    const second = await self()
    expect(second.status).toBe(429)
    expect(second.headers.get('retry-after')).toBe('1')
    expect((await self()).status).toBe(200)
    const photo = await call(portal, `/api/2.0/people/${portal.accounts.user.id}/photo`, { token })
    expect(photo.status).toBe(500)
    expect(photo.body).toMatchObject({ status: 1, statusCode: 500 })
    expect(portal.faults.current().failNext).toEqual([])
  })

  it('resets connections', async () => {
    portal.faults.set({ failNext: [{ path: '@self', kind: 'reset' }] })
    await expect(self()).rejects.toThrow()
    portal.faults.set({ resetRate: 1 })
    await expect(self()).rejects.toThrow()
    portal.faults.reset()
    expect((await self()).status).toBe(200)
  })

  it('answers a share of requests with 500/502/503', async () => {
    portal.faults.set({ errorRate: 1 })
    const statuses = new Set<number>()
    for (let i = 0; i < 20; i++) statuses.add((await self()).status)
    expect([...statuses].every((s) => s === 500 || s === 502 || s === 503)).toBe(true)
    expect(statuses.size).toBeGreaterThan(1)
    portal.faults.set({ errorRate: 0.5 })
    let failures = 0
    for (let i = 0; i < 40; i++) if ((await self()).status !== 200) failures++
    expect(failures).toBeGreaterThan(5)
    expect(failures).toBeLessThan(35)
  })

  it('slows upload bodies down', async () => {
    const png = Buffer.concat([await solidImage(16, 16, [1, 2, 3]), Buffer.alloc(60_000)])
    portal.faults.set({ uploadBytesPerSecond: 100_000 })
    const t = performance.now()
    const r = await call(portal, `/api/2.0/people/${portal.accounts.user.id}/photo`, { token, method: 'POST', form: uploadForm(png, { autosave: 'true' }) })
    expect(r.status).toBe(200)
    expect(performance.now() - t).toBeGreaterThan(500)
    // JSON bodies too.
    const padded = JSON.stringify({ userName: portal.accounts.user.email, password: portal.accounts.user.password, pad: 'x'.repeat(60_000) })
    const t2 = performance.now()
    expect((await call(portal, '/api/2.0/authentication', { json: padded })).status).toBe(200)
    expect(performance.now() - t2).toBeGreaterThan(500)
  })

  it('limits 15 concurrent writes per user with 429 and Retry-After', async () => {
    portal.faults.set({ rateLimits: true, uploadBytesPerSecond: 20_000 })
    // 1.5 s per upload, so all 17 are in flight together even on a busy machine.
    const png = Buffer.concat([await solidImage(16, 16, [1, 2, 3]), Buffer.alloc(30_000)])
    const send = () => call(portal, `/api/2.0/people/${portal.accounts.user.id}/photo`, { token, method: 'POST', form: uploadForm(png, { autosave: 'false' }) })
    const results = await Promise.all(Array.from({ length: 17 }, send))
    const limited = results.filter((r) => r.status === 429)
    expect(limited.length).toBe(2)
    expect(limited[0]?.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(results.filter((r) => r.status === 200).length).toBe(15)
    // Reads are not writes.
    expect((await self()).status).toBe(200)
  })

  it('answers 429 past 1,500 requests a minute until the control endpoint empties the window', async () => {
    const p = await startPortal({ quiet: true, people: 10 })
    try {
      const own = await signIn(p, p.accounts.user)
      p.faults.set({ rateLimits: true })
      const me = () => call(p, '/api/2.0/people/@self', { token: own })
      for (let sent = 0; sent < MAX_REQUESTS_PER_MINUTE; sent += 50) await Promise.all(Array.from({ length: Math.min(50, MAX_REQUESTS_PER_MINUTE - sent) }, me))
      const limited = await me()
      expect(limited.status).toBe(429)
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
      expect((await fetch(`${p.url}/__emulator/rate-limits/reset`, { method: 'POST' })).status).toBe(200)
      expect((await me()).status).toBe(200)
    } finally {
      await p.close()
    }
  })

  it('answers 402 with an empty body for an unpaid tenant, except on [AllowNotPayment] routes', async () => {
    portal.faults.set({ paymentRequired: true })
    const r = await self()
    expect(r.status).toBe(402)
    expect(r.text).toBe('')
    expect((await call(portal, '/api/2.0/settings')).status).toBe(200)
  })

  it('is driven over HTTP by /__emulator', async () => {
    const set = await fetch(`${portal.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ latencyMs: 5, failNext: [{ pathRegex: '@self$', kind: '503' }, { path: 'x', kind: 'bogus' }] })
    })
    expect(set.status).toBe(200)
    expect(portal.faults.current()).toMatchObject({ latencyMs: 5, failNext: [{ kind: '503' }] })
    expect((await self()).status).toBe(503)
    await fetch(`${portal.url}/__emulator/faults/reset`, { method: 'POST' })
    expect(portal.faults.current().latencyMs).toBe(0)

    await fetch(`${portal.url}/__emulator/expire-tokens`, { method: 'POST', body: JSON.stringify({ userId: portal.accounts.user.id }) })
    expect((await self()).status).toBe(401)
    token = await signIn(portal, portal.accounts.user)

    const key = (await (await fetch(`${portal.url}/__emulator/api-keys`, { method: 'POST', body: JSON.stringify({ email: 'admin@demo.example', permissions: ['*:read'] }) })).json()) as { key: string }
    expect(key.key).toMatch(/^sk-[0-9a-f]{64}$/)
    expect((await call(portal, '/api/2.0/people/@self', { authorization: `Bearer ${key.key}` })).status).toBe(200)

    const info = (await (await fetch(`${portal.url}/__emulator`)).json()) as { version: string; accounts: { admin: { email: string } } }
    expect(info).toMatchObject({ version: '3.7.2', accounts: { admin: { email: 'admin@demo.example' } } })
    const photo = await fetch(`${portal.url}/__emulator/stored-photo/${portal.accounts.admin.id}/small`)
    expect(photo.status).toBe(200)
    expect(Buffer.from(await photo.arrayBuffer()).equals(portal.storedPhoto(portal.accounts.admin.id, 'small') as Buffer)).toBe(true)
    const id = (await (await fetch(`${portal.url}/__emulator/user-id?email=user@demo.example`)).json()) as { id: string }
    expect(id.id).toBe(portal.accounts.user.id)
  })
})

describe('rate limiter', () => {
  it('allows 1,500 requests a minute per user and says when to retry', () => {
    let now = 1_000_000
    const limiter = new RateLimiter(() => now)
    for (let i = 0; i < MAX_REQUESTS_PER_MINUTE; i++) {
      expect(limiter.admit('u1', false).ok).toBe(true)
      now += 10
    }
    const denied = limiter.admit('u1', false)
    expect(denied).toEqual({ ok: false, retryAfterSeconds: 45 })
    expect(limiter.admit('u2', false).ok).toBe(true) // per user
    now += 45_000
    expect(limiter.admit('u1', false).ok).toBe(true)
  })

  it('forgets the minute window on request, but not the writes in flight', () => {
    const limiter = new RateLimiter(() => 0)
    const writes = Array.from({ length: 15 }, () => limiter.admit('u', true))
    for (let i = writes.length; i < MAX_REQUESTS_PER_MINUTE; i++) limiter.admit('u', false)
    expect(limiter.admit('u', false).ok).toBe(false)
    limiter.clearWindows()
    expect(limiter.admit('u', false).ok).toBe(true)
    expect(limiter.admit('u', true)).toEqual({ ok: false, retryAfterSeconds: 1 })
  })

  it('releases a concurrent write slot when the request ends', () => {
    const limiter = new RateLimiter(() => 0)
    const slots = Array.from({ length: 15 }, () => limiter.admit('u', true))
    expect(slots.every((s) => s.ok)).toBe(true)
    expect(limiter.admit('u', true)).toEqual({ ok: false, retryAfterSeconds: 1 })
    const first = slots[0]
    if (first?.ok) first.release()
    expect(limiter.admit('u', true).ok).toBe(true)
  })
})

describe('the control endpoint can be switched off', () => {
  it('answers 404 without it', async () => {
    const p = await startPortal({ quiet: true, people: 10, controlEndpoint: false })
    try {
      expect((await fetch(`${p.url}/__emulator/faults`)).status).toBe(404)
    } finally {
      await p.close()
    }
  })
})

describe('write statistics', () => {
  it('counts the most writes in flight at once, limits on or off', () => {
    const stats = new WriteStats()
    const a = stats.begin()
    const b = stats.begin()
    a()
    a() // ending twice counts once
    const c = stats.begin()
    expect(stats.snapshot()).toEqual({ writesInFlight: 2, maxWritesInFlight: 2, writes: 3 })
    b()
    c()
    stats.reset()
    expect(stats.snapshot()).toEqual({ writesInFlight: 0, maxWritesInFlight: 0, writes: 0 })
  })
})
