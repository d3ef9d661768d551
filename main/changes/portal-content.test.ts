// What the portal serves as a photo, decided by content: the real server's cache quirks (the same
// ?hash= for a new picture) and active content (an SVG with a script), through the real handlers
// against the emulator, checked on the stored and the served bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal } from '../../emulator/index'
import type { RunningPortal } from '../../emulator/types'
import type { Account } from '../../preload/contract'
import { decode, meanColour, quadrantsPng } from '../testing/images/editor-test-images'
import { MemorySecretStore } from '../secrets/memory-store'
import { removeDir, startMain, tempDir, TEST_PORTAL_OPTIONS, value, type Harness } from '../testing/harness'
import { BLUE_CROP, GREEN_CROP, jobId, name, signIn, storedOrThrow } from '../testing/change-support'

const SVG = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="300" height="200">' +
    '<script>alert(document.cookie)</script><rect width="300" height="200" fill="#ff0000"/></svg>'
)

describe('photos decided by content, on a 3.7.2 portal with the cache quirks on', () => {
  let portal: RunningPortal
  let h: Harness
  let dataDir: string
  let owner: Account
  let me: string

  beforeAll(async () => {
    portal = await startPortal({ ...TEST_PORTAL_OPTIONS, cacheQuirks: true, people: 20, seed: 9 })
    dataDir = await tempDir('dpm-content-')
    h = startMain({ dataDir, secrets: new MemorySecretStore({ available: true }) })
    owner = await signIn(h, portal, 'owner')
    me = portal.accounts.owner.id
  })
  afterAll(async () => {
    await h.dispose()
    await portal.close()
    await removeDir(dataDir)
  })

  const replace = async (crop: typeof GREEN_CROP) =>
    h.handlers['photos:replace']({ accountId: owner.id, userId: me, jobId: jobId(), bytes: await quadrantsPng(640, 480), rotate: 0, crop })
  const image = async (ref: string) => value(await h.handlers['photos:image']({ accountId: owner.id, ref }))

  it('a replace verifies and photos:image shows the new picture though the portal repeats the old ref', async () => {
    const first = value(await replace(BLUE_CROP))
    const smallRef = first.photos.sizes.find((s) => s.size === 'small')!.ref
    expect(name(await meanColour((await image(smallRef)).bytes))).toBe('blue')

    const second = value(await replace(GREEN_CROP))
    expect(second.verified).toBe(true)
    // The quirk: the same ref before and after (CachedUserService is not evicted) ...
    expect(second.photos.sizes.find((s) => s.size === 'small')!.ref).toBe(smallRef)
    expect(second.person.smallPhoto).toBe(first.person.smallPhoto)
    // ... and yet the new picture, not the cached old one.
    expect(name(await meanColour(storedOrThrow(portal, me, 'small')))).toBe('green')
    expect(name(await meanColour((await image(smallRef)).bytes))).toBe('green')
  })

  it('an SVG photo reaches neither the renderer nor a download as SVG, and its backup restores', async () => {
    await portal.storeAnyPhoto(me, SVG)
    const photos = value(await h.handlers['photos:get']({ accountId: owner.id, userId: me }))
    const originalRef = photos.sizes.find((s) => s.size === 'original')!.ref
    expect(originalRef).toMatch(/_orig_300-200\.svg\?hash=/)

    const shown = await image(originalRef)
    expect(shown.mime).toBe('image/png')
    expect(await decode(shown.bytes)).toMatchObject({ format: 'png', width: 300, height: 200 })
    expect(Buffer.from(shown.bytes).includes('<script')).toBe(false)

    const download = value(await h.handlers['photos:original']({ accountId: owner.id, userId: me }))
    expect(download.mime).toBe('image/png')
    expect(download.fileName).toMatch(/-original\.png$/)
    expect(Buffer.from(download.bytes).includes('<script')).toBe(false)
    expect(name(await meanColour(download.bytes))).toBe('red')

    // Replacing it backs the SVG up as the PNG it renders to, noted as converted ...
    value(await replace(GREEN_CROP))
    const [saved] = value(await h.handlers['photos:history']({ accountId: owner.id, userId: me }))
    expect(saved).toMatchObject({ hadPhoto: true, width: 300, height: 200, convertedFrom: 'svg' })

    // ... and restoring it works: the portal takes the PNG (it refuses SVG uploads, CONTRACT.md §1.4).
    const restored = value(await h.handlers['photos:restore']({ accountId: owner.id, userId: me, entryId: saved!.id }))
    expect(restored.verified).toBe(true)
    const original = storedOrThrow(portal, me, 'original')
    expect(await decode(original)).toMatchObject({ format: 'png', width: 300, height: 200 })
    expect(name(await meanColour(original))).toBe('red')
  })
})
