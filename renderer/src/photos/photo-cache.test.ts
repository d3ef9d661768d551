import { describe, expect, it } from 'vitest'
import type { PhotoImage, Result } from '../../../preload/contract'
import { fail, ok } from '../testing/fake-app-api'
import { blobUrlFactory, PhotoCache } from './photo-cache'

/** Every test image is `imageBytes` long (1 by default), so maxBytes 3 keeps three of them. */
function harness(maxBytes = 3, maxInFlight = 2) {
  const loads: string[] = []
  const waiting = new Map<string, (r: Result<PhotoImage>) => void>()
  const revoked: string[] = []
  let created = 0
  const cache = new PhotoCache({
    maxBytes,
    maxInFlight,
    load: (ref) => {
      loads.push(ref)
      return new Promise((resolve) => waiting.set(ref, resolve))
    },
    createUrl: () => `blob:test/${++created}`,
    revokeUrl: (url) => revoked.push(url)
  })
  const image: PhotoImage = { bytes: new Uint8Array([1]), mime: 'image/png', width: 32, height: 32 }
  const sized = (bytes: number): PhotoImage => ({ ...image, bytes: new Uint8Array(bytes) })
  const answer = (ref: string, r: Result<PhotoImage> = ok(image)) => {
    const resolve = waiting.get(ref)
    if (!resolve) throw new Error(`${ref} is not loading`)
    waiting.delete(ref)
    resolve(r)
  }
  return { cache, loads, waiting, revoked, answer, sized }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('PhotoCache', () => {
  it('loads each ref once, however many rows ask, and serves later asks from memory', async () => {
    const h = harness()
    const a1 = h.cache.get('a?hash=1')
    const a2 = h.cache.get('a?hash=1')
    h.answer('a?hash=1')
    const [r1, r2] = await Promise.all([a1, a2])
    expect(r1).toEqual(r2)
    expect(r1).toMatchObject({ ok: true, value: { url: 'blob:test/1', width: 32, height: 32 } })
    expect(h.cache.peek('a?hash=1')?.url).toBe('blob:test/1')
    await h.cache.get('a?hash=1')
    expect(h.loads).toEqual(['a?hash=1'])
  })

  it('treats a new ?hash= as a new photo', async () => {
    const h = harness()
    const first = h.cache.get('a?hash=1')
    h.answer('a?hash=1')
    await first
    const second = h.cache.get('a?hash=2')
    h.answer('a?hash=2')
    expect((await second).ok).toBe(true)
    expect(h.loads).toEqual(['a?hash=1', 'a?hash=2'])
  })

  it('never runs more than maxInFlight loads', async () => {
    const h = harness(10, 2)
    const all = ['a', 'b', 'c', 'd', 'e'].map((r) => h.cache.get(r))
    expect(h.waiting.size).toBe(2)
    while (h.waiting.size > 0) {
      expect(h.waiting.size).toBeLessThanOrEqual(2)
      h.answer([...h.waiting.keys()][0] as string)
      await tick()
    }
    expect((await Promise.all(all)).every((r) => r.ok)).toBe(true)
    expect(h.cache.peakConcurrency).toBe(2)
  })

  it('drops a queued request whose row went away, without loading it', async () => {
    const h = harness(10, 1)
    const first = h.cache.get('a')
    const gone = new AbortController()
    const skipped = h.cache.get('b', gone.signal)
    const kept = h.cache.get('c')
    gone.abort()
    h.answer('a')
    await first
    await tick()
    expect(await skipped).toMatchObject({ ok: false, error: { code: 'app/cancelled' } })
    h.answer('c')
    expect((await kept).ok).toBe(true)
    expect(h.loads).toEqual(['a', 'c'])
  })

  it('revokes the least recently used URL when full', async () => {
    const h = harness(2, 4)
    for (const ref of ['a', 'b']) {
      const p = h.cache.get(ref)
      h.answer(ref)
      await p
    }
    h.cache.peek('a') // a is now more recent than b
    const c = h.cache.get('c')
    h.answer('c')
    await c
    expect(h.revoked).toEqual(['blob:test/2'])
    expect(h.cache.peek('b')).toBeUndefined()
    expect(h.cache.peek('a')).toBeDefined()
    expect(h.cache.size).toBe(2)
  })

  it('passes failures through and caches nothing for them', async () => {
    const h = harness()
    const p = h.cache.get('x')
    h.answer('x', fail('portal/not-found'))
    expect(await p).toMatchObject({ ok: false, error: { code: 'portal/not-found' } })
    expect(h.cache.peek('x')).toBeUndefined()
  })

  it('revokes everything on dispose, including loads that finish afterwards', async () => {
    const h = harness()
    const a = h.cache.get('a')
    h.answer('a')
    await a
    const late = h.cache.get('b')
    h.cache.dispose()
    expect(h.revoked).toEqual(['blob:test/1'])
    h.answer('b')
    expect((await late).ok).toBe(false)
    expect(h.cache.size).toBe(0)
  })

  it('makes blob: URLs from the bytes with their MIME type', async () => {
    const made: Blob[] = []
    const factory = blobUrlFactory({
      createObjectURL: (b) => {
        made.push(b as Blob)
        return 'blob:x'
      },
      revokeObjectURL: () => {}
    })
    expect(factory.createUrl({ bytes: new Uint8Array([1, 2, 3]), mime: 'image/jpeg', width: 1, height: 1 })).toBe('blob:x')
    expect(made[0]?.type).toBe('image/jpeg')
    expect(made[0]?.size).toBe(3)
  })

  it('forget drops matching photos and does not keep a load that was running when it was called', async () => {
    const h = harness(10, 2)
    const a = h.cache.get('/u1_small.png?hash=1')
    h.answer('/u1_small.png?hash=1')
    const first = await a
    const running = h.cache.get('/u1_big.png?hash=1')
    await tick()
    h.cache.forget((ref) => ref.startsWith('/u1_'))
    expect(first.ok && h.revoked).toContain(first.ok ? first.value.url : '')
    expect(h.cache.peek('/u1_small.png?hash=1')).toBeUndefined()
    h.answer('/u1_big.png?hash=1') // loaded before the change: maybe the old picture
    expect(await running).toMatchObject({ ok: false, error: { code: 'app/cancelled' } })
    expect(h.cache.peek('/u1_big.png?hash=1')).toBeUndefined()
    const again = h.cache.get('/u1_big.png?hash=1')
    await tick()
    expect(h.loads.filter((r) => r === '/u1_big.png?hash=1')).toHaveLength(2)
    h.answer('/u1_big.png?hash=1')
    expect((await again).ok).toBe(true)
    expect(h.cache.peek('/u1_big.png?hash=1')).toBeDefined()
  })

  it('counts bytes, not photos: one large photo pushes out as many small ones as it needs', async () => {
    const h = harness(1000, 4)
    for (const ref of ['a', 'b', 'c', 'd']) {
      const r = h.cache.get(ref)
      h.answer(ref, ok(h.sized(200)))
      await r
    }
    expect(h.cache.bytes).toBe(800)
    h.cache.peek('a') // used again: the oldest is now b
    const big = h.cache.get('big')
    h.answer('big', ok(h.sized(550)))
    expect(await big).toMatchObject({ ok: true, value: { bytes: 550 } })
    expect(h.cache.peek('b')).toBeUndefined()
    expect(h.cache.peek('c')).toBeUndefined()
    expect(h.cache.peek('a')?.url).toBe('blob:test/1')
    expect(h.cache.peek('d')).toBeDefined()
    expect(h.revoked).toEqual(['blob:test/2', 'blob:test/3'])
    expect(h.cache.bytes).toBe(950)
  })

  it('hands out a photo larger than the whole cache without keeping it, and revokes it on dispose', async () => {
    const h = harness(100, 2)
    const small = h.cache.get('small')
    h.answer('small', ok(h.sized(50)))
    await small
    const huge = h.cache.get('huge')
    h.answer('huge', ok(h.sized(101)))
    expect(await huge).toMatchObject({ ok: true, value: { url: 'blob:test/2' } })
    expect(h.cache.peek('small')).toBeDefined()
    expect(h.cache.peek('huge')).toBeUndefined()
    expect(h.revoked).toEqual([])
    h.cache.dispose()
    expect(h.revoked.sort()).toEqual(['blob:test/1', 'blob:test/2'])
  })
})
