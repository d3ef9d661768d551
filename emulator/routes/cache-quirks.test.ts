// The real server's photo cache quirks (README "Cache quirks"), each on its own and off by default.

import { afterEach, describe, expect, it } from 'vitest'
import { startPortal } from '../index'
import type { PortalOptions, RunningPortal } from '../types'
import { BLUE, call, fetchBytes, imageInfo, near, pixel, RED, signIn, solidImage, uploadForm } from '../testing/helpers'

type Thumbs = Record<'original' | 'retina' | 'max' | 'big' | 'medium' | 'small', string>

const hashOf = (url: string): string => new URL(url, 'http://x').searchParams.get('hash') ?? ''
const pathOf = (url: string): string => new URL(url, 'http://x').pathname

let portal: RunningPortal | undefined
afterEach(async () => {
  await portal?.close()
  portal = undefined
})

async function start(options: PortalOptions): Promise<{ portal: RunningPortal; token: string; me: string }> {
  portal = await startPortal({ quiet: true, people: 20, ...options })
  return { portal, token: await signIn(portal, portal.accounts.user), me: portal.accounts.user.id }
}

const read = async (p: RunningPortal, token: string, me: string): Promise<Thumbs> =>
  (await call<Thumbs>(p, `/api/2.0/people/${me}/photo`, { token })).body.response as Thumbs

/** Upload as temp, then promote it (CONTRACT.md §1.5 Branch A); answers the thumbnails response. */
async function replace(p: RunningPortal, token: string, me: string, bytes: Buffer): Promise<Thumbs> {
  const up = await call<{ data: string }>(p, `/api/2.0/people/${me}/photo`, { token, form: uploadForm(bytes, { autosave: 'false' }), method: 'POST' })
  const tmpFile = up.body.response?.data as string
  return (await call<Thumbs>(p, `/api/2.0/people/${me}/photo/thumbnails`, { token, json: { tmpFile, x: 0, y: 0, width: 0, height: 0 } })).body.response as Thumbs
}

describe('cache quirk (a): the user cache is not evicted by a photo write', () => {
  it('repeats the old ?hash= in the write answer and later reads while the files behind it change', async () => {
    const { portal: p, token, me } = await start({ cacheQuirks: { staleUserCache: true } })
    await replace(p, token, me, await solidImage(300, 300, RED))
    const before = await read(p, token, me)
    const answer = await replace(p, token, me, await solidImage(300, 300, BLUE))
    const after = await read(p, token, me)
    expect(answer.original).toBe(before.original)
    expect(after.original).toBe(before.original)
    expect(after.small).toBe(before.small)
    // Same URL, new picture.
    expect(near(await pixel((await fetchBytes(p, after.small, token)).bytes, 16, 16), BLUE)).toBe(true)
  })

  it('shows a new hash once the cached user expires', async () => {
    const { portal: p, token, me } = await start({ cacheQuirks: { staleUserCache: true, userCacheTtlMs: 50 } })
    const before = await read(p, token, me)
    await replace(p, token, me, await solidImage(300, 300, BLUE))
    await new Promise((r) => setTimeout(r, 80))
    expect(hashOf((await read(p, token, me)).original)).not.toBe(hashOf(before.original))
  })

  it('is off by default: every write answers a new hash', async () => {
    const { portal: p, token, me } = await start({})
    const before = await read(p, token, me)
    const answer = await replace(p, token, me, await solidImage(300, 300, BLUE))
    expect(hashOf(answer.original)).not.toBe(hashOf(before.original))
    expect((await read(p, token, me)).original).toBe(answer.original)
  })
})

describe('cache quirk (b): reads hash LastModified cut to whole seconds', () => {
  it('gives the same photo one hash in the write answer and another in a later read', async () => {
    const { portal: p, token, me } = await start({ cacheQuirks: { secondPrecisionReads: true } })
    // A LastModified on a whole second would hash the same both ways; a few tries make one land off it.
    let differed = false
    for (let i = 0; i < 3 && !differed; i++) {
      const answer = await replace(p, token, me, await solidImage(300, 300, i % 2 ? RED : BLUE))
      const later = await read(p, token, me)
      expect(pathOf(later.original)).toBe(pathOf(answer.original))
      differed = hashOf(later.original) !== hashOf(answer.original)
    }
    expect(differed).toBe(true)
  })
})

describe('cache quirk (c): a non-square crop without tmpFile', () => {
  it('names the new files by their real size, points original at the last, and leaves the square sizes', async () => {
    const { portal: p, token, me } = await start({ cacheQuirks: { realSizeCropFiles: true } })
    await replace(p, token, me, await solidImage(400, 300, RED))
    const before = await read(p, token, me)
    const res = await call<Thumbs>(p, `/api/2.0/people/${me}/photo/thumbnails`, { token, json: { x: 0, y: 0, width: 200, height: 150 } })
    const dto = res.body.response as Thumbs
    expect(pathOf(dto.original)).toBe(`/storage/userPhotos/root/${me}_size_32-24.png`)
    expect(await imageInfo((await fetchBytes(p, dto.original, token)).bytes)).toMatchObject({ width: 32, height: 24 })
    expect(pathOf(dto.retina)).toBe(pathOf(before.retina))
    const retina = await fetchBytes(p, `/storage/userPhotos/root/${me}_size_360-270.png`, token)
    expect(retina.status).toBe(200)
    expect(await imageInfo(retina.bytes)).toMatchObject({ width: 360, height: 270 })
  })

  it('is off by default: the original keeps its name', async () => {
    const { portal: p, token, me } = await start({})
    await replace(p, token, me, await solidImage(400, 300, RED))
    const dto = (await call<Thumbs>(p, `/api/2.0/people/${me}/photo/thumbnails`, { token, json: { x: 0, y: 0, width: 200, height: 150 } })).body.response as Thumbs
    expect(pathOf(dto.original)).toBe(`/storage/userPhotos/root/${me}_orig_400-300.png`)
  })
})
