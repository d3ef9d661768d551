// Photo changes other than a replace's protocol (delete, restore, undo, set from a URL, the original,
// refusals, the activity log) through the real handlers against the REAL emulator, checked on the
// emulator's stored bytes with real decoding (not on what the app says about itself).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startPortal } from '../../emulator/index'
import type { RunningPortal } from '../../emulator/types'
import type { Account, PhotoProgress } from '../../preload/contract'
import { decode, meanColour, quadrantsJpeg, quadrantsPng } from '../testing/images/editor-test-images'
import { largePortrait } from '../testing/real-photos'
import { MemorySecretStore } from '../secrets/memory-store'
import { failure, removeDir, startMain, tempDir, value, type Harness } from '../testing/harness'
import { BLUE_CROP, GREEN_CROP, jobId, MiB, name, quadrantColours, signIn, stored, storedOrThrow } from '../testing/change-support'

describe('photo editing on a 3.7.2 portal (1 MiB upload limit), signed in as the owner', () => {
  let portal: RunningPortal
  let h: Harness
  let dataDir: string
  let owner: Account
  let me: string
  let onProgress: ((p: PhotoProgress) => void) | undefined

  beforeAll(async () => {
    portal = await startPortal({ version: '3.7.2', people: 30, seed: 8, quiet: true, maxImageUploadSize: MiB })
    dataDir = await tempDir('dpm-editor-')
    h = startMain({
      dataDir,
      secrets: new MemorySecretStore({ available: true }),
      onEvent: (channel, payload) => {
        if (channel === 'photos:progress') onProgress?.(payload as PhotoProgress)
      }
    })
    owner = await signIn(h, portal, 'owner')
    me = portal.accounts.owner.id
  })
  afterAll(async () => {
    await h.dispose()
    await portal.close()
    await removeDir(dataDir)
  })
  beforeEach(() => {
    onProgress = undefined
    portal.faults.reset()
  })

  const replace = (bytes: Uint8Array, crop = GREEN_CROP, extra: { rotate?: 0 | 1 | 2 | 3; userId?: string; jobId?: string } = {}) =>
    h.handlers['photos:replace']({
      accountId: owner.id,
      userId: extra.userId ?? me,
      jobId: extra.jobId ?? jobId(),
      bytes,
      rotate: extra.rotate ?? 0,
      crop
    })

  it('delete then restore brings back the identical original and the crop that was applied', async () => {
    value(await replace(await quadrantsPng(640, 480), BLUE_CROP))
    const original = storedOrThrow(portal, me, 'original')
    expect(name(await meanColour(storedOrThrow(portal, me, 'small')))).toBe('blue')

    const deleted = value(await h.handlers['photos:delete']({ accountId: owner.id, userId: me }))
    expect(deleted.photos.hasPhoto).toBe(false)
    expect(deleted.person.hasPhoto).toBe(false)
    expect(deleted.verified).toBe(true)
    expect(stored(portal, me)).toBeUndefined()

    const history = value(await h.handlers['photos:history']({ accountId: owner.id, userId: me }))
    const saved = history[0]!
    expect(saved.id).toBe(deleted.backupId)
    expect(saved).toMatchObject({ before: 'delete', hadPhoto: true, width: 640, height: 480 })
    expect(saved.crop).toBeDefined()
    expect(await decode(saved.preview!)).toMatchObject({ width: 96, height: 96, format: 'jpeg' })
    expect(name(await meanColour(saved.preview!))).toBe('blue')
    // newest first
    expect(history.map((e) => e.savedAt)).toEqual([...history.map((e) => e.savedAt)].sort().reverse())

    const restored = value(await h.handlers['photos:restore']({ accountId: owner.id, userId: me, entryId: saved.id }))
    expect(restored.action).toBe('restore')
    expect(restored.photos.hasPhoto).toBe(true)
    expect(storedOrThrow(portal, me, 'original').equals(original)).toBe(true)
    expect(name(await meanColour(storedOrThrow(portal, me, 'small')))).toBe('blue')

    // the restore backed up the state it replaced: no photo
    const after = value(await h.handlers['photos:history']({ accountId: owner.id, userId: me }))
    expect(after[0]).toMatchObject({ before: 'restore', hadPhoto: false, id: restored.backupId })
    // restoring that entry removes the photo again
    value(await h.handlers['photos:restore']({ accountId: owner.id, userId: me, entryId: after[0]!.id }))
    expect(stored(portal, me)).toBeUndefined()
  })

  it('a staged picture is what Save uploads, and a turn chosen after staging is still applied', async () => {
    const bytes = await quadrantsJpeg(640, 480)
    expect(value(await h.handlers['photos:stage']({ accountId: owner.id, bytes }))).toEqual({ staged: true })
    const straight = value(await replace(bytes, BLUE_CROP))
    expect(straight.verified).toBe(true)
    expect(await decode(storedOrThrow(portal, me, 'original'))).toMatchObject({ width: 640, height: 480 })
    expect(name(await meanColour(storedOrThrow(portal, me, 'small')))).toBe('blue')

    value(await h.handlers['photos:stage']({ accountId: owner.id, bytes }))
    value(await replace(bytes, { x: 0, y: 0, width: 1, height: 0.75 }, { rotate: 1 }))
    // Turned a quarter clockwise: the stored original stands upright (480 wide), not the staged one.
    expect(await decode(storedOrThrow(portal, me, 'original'))).toMatchObject({ width: 480, height: 640 })
  })

  it('photos:open inspects, prepares what Save uploads and frames the face, from one call with the bytes', async () => {
    const bytes = await largePortrait(3000)
    const opened = value(await h.handlers['photos:open']({ accountId: owner.id, bytes, preset: 'standard' }))
    expect(opened.summary).toEqual({ format: 'jpeg', width: 3000, height: 3000, byteLength: bytes.byteLength, frames: 1, hasAlpha: false })
    // The editor's picture is the prepared upload: upright, at the 1280 px the portal stores.
    expect(opened.preview).toMatchObject({ mime: 'image/jpeg', width: 1280, height: 1280 })
    expect(await decode(opened.preview!.bytes)).toMatchObject({ width: 1280, height: 1280, format: 'jpeg' })

    // Framed on that prepared picture, the face lands where framing the 12 MP source puts it.
    const framing = value(await h.handlers['photos:framing']({ openId: opened.openId }))
    const fromSource = value(await h.handlers['photos:frame']({ bytes, preset: 'standard' }))
    expect(framing.faces).toBe(1)
    expect(framing.crop).not.toBeNull()
    for (const side of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(framing.crop![side] - fromSource.crop![side])).toBeLessThan(0.01)
    // Kept for a Save that asks for it; a made-up id is refused.
    expect(value(await h.handlers['photos:framing']({ openId: opened.openId }))).toEqual(framing)
    expect(failure(await h.handlers['photos:framing']({ openId: '6f1c2b1e-0000-4000-8000-000000000000' })).code).toBe('input/invalid')

    // Saved before the editor had the framing: the centred square goes as the fallback, the face is what main crops to.
    const centred = { x: 0, y: 0, width: 1, height: 1 }
    const saved = value(await h.handlers['photos:replace']({ accountId: owner.id, userId: me, jobId: jobId(), bytes, rotate: 0, crop: centred, faceFrameOf: opened.openId }))
    expect(saved.verified).toBe(true)
    // The stored original is byte for byte the picture the editor showed.
    expect(Buffer.from(opened.preview!.bytes).equals(storedOrThrow(portal, me, 'original'))).toBe(true)
    const [entry] = value(await h.handlers['activity:list']({ accountId: owner.id }))
    expect(entry?.change).toMatchObject({ faceFramed: true, cropSide: Math.round(framing.crop!.width * 1280) })
    // Where no face is found (a turned save is never face-framed by main), the given square stays.
    const plain = value(await h.handlers['photos:open']({ accountId: owner.id, bytes: await quadrantsJpeg(640, 480), preset: 'standard' }))
    value(await h.handlers['photos:replace']({ accountId: owner.id, userId: me, jobId: jobId(), bytes: await quadrantsJpeg(640, 480), rotate: 0, crop: BLUE_CROP, faceFrameOf: plain.openId }))
    const [second] = value(await h.handlers['activity:list']({ accountId: owner.id }))
    expect(second?.change?.faceFramed).toBeUndefined()
    expect(name(await meanColour(storedOrThrow(portal, me, 'small')))).toBe('blue')
  })

  it('photos:open refuses a picture as photos:inspect does', async () => {
    const refused = failure(await h.handlers['photos:open']({ accountId: owner.id, bytes: new TextEncoder().encode('not an image at all'), preset: 'standard' }))
    expect(refused.code).toBe('image/unsupported')
  })

  it('photos:original downloads the stored original with a file name from the person', async () => {
    value(await replace(await quadrantsJpeg(400, 300)))
    const file = value(await h.handlers['photos:original']({ accountId: owner.id, userId: me }))
    expect(Buffer.from(file.bytes).equals(storedOrThrow(portal, me, 'original'))).toBe(true)
    expect(file.mime).toBe('image/jpeg')
    expect(file.fileName).toBe(`${portal.accounts.owner.displayName}-original.jpg`)
  })

  it('undo after replace brings back the previous original byte for byte, even after a restart; undo again redoes', async () => {
    value(await replace(await quadrantsJpeg(640, 480), GREEN_CROP))
    const first = storedOrThrow(portal, me, 'original')
    value(await replace(await quadrantsJpeg(480, 640), BLUE_CROP))
    const second = storedOrThrow(portal, me, 'original')
    expect(second.equals(first)).toBe(false)

    // a new app run on the same data folder
    const h2 = startMain({ dataDir, secrets: new MemorySecretStore({ available: true }) })
    try {
      const again = await signIn(h2, portal, 'owner')
      const undone = value(await h2.handlers['photos:undo']({ accountId: again.id }))
      expect(undone.action).toBe('undo')
      expect(storedOrThrow(portal, me, 'original').equals(first)).toBe(true)
      expect(name(await meanColour(storedOrThrow(portal, me, 'small')))).toBe('green')
      value(await h2.handlers['photos:undo']({ accountId: again.id }))
      expect(storedOrThrow(portal, me, 'original').equals(second)).toBe(true)
      expect(name(await meanColour(storedOrThrow(portal, me, 'small')))).toBe('blue')
    } finally {
      await h2.dispose()
    }
  })

  it("replacing another person's photo is refused up front with portal/forbidden and the version rule", async () => {
    const target = portal.accounts.admin.id
    const before = stored(portal, target)
    const seen: PhotoProgress[] = []
    onProgress = (p) => seen.push(p)
    const e = failure(await replace(await quadrantsJpeg(400, 300), GREEN_CROP, { userId: target }))
    expect(e.code).toBe('portal/forbidden')
    expect(e.facts).toMatchObject({ step: 'check', refusal: 'self-only', portalVersion: '3.7.2', role: 'owner', personName: portal.accounts.admin.displayName })
    expect(e.message).toContain('3.7.2')
    expect(seen.map((p) => p.phase)).toEqual(['preparing'])
    expect(stored(portal, target)?.equals(before!) ?? before === undefined).toBe(true)
    expect(value(await h.handlers['photos:history']({ accountId: owner.id, userId: target }))).toEqual([])
    // delete and set-from-url follow the same rule
    expect(failure(await h.handlers['photos:delete']({ accountId: owner.id, userId: target })).code).toBe('portal/forbidden')
    expect(failure(await h.handlers['photos:set-from-url']({ accountId: owner.id, userId: target, url: 'https://images.example/a.png' })).code).toBe('portal/forbidden')
  })

  it('a person who is gone answers portal/not-found: refresh the list', async () => {
    const e = failure(await replace(await quadrantsJpeg(400, 300), GREEN_CROP, { userId: '00000000-0000-4000-8000-000000000000' }))
    expect(e.code).toBe('portal/not-found')
    expect(e.facts).toMatchObject({ step: 'read' })
  })

  it('set from URL on 3.7.2: a loopback address is refused with the https/private-address rule', async () => {
    value(await replace(await quadrantsJpeg(400, 300)))
    const before = storedOrThrow(portal, me, 'original')
    const e = failure(await h.handlers['photos:set-from-url']({ accountId: owner.id, userId: me, url: 'http://127.0.0.1:9/photo.png' }))
    expect(e.code).toBe('portal/forbidden')
    expect(e.facts).toMatchObject({ step: 'write', portalReason: 'address-rule', portalVersion: '3.7.2', photoNow: 'old' })
    expect(e.facts?.refusal).toBeUndefined()
    expect(storedOrThrow(portal, me, 'original').equals(before)).toBe(true)
    const ftp = failure(await h.handlers['photos:set-from-url']({ accountId: owner.id, userId: me, url: 'ftp://files.example/a.png' }))
    expect(ftp).toMatchObject({ code: 'url/invalid', facts: { urlProblem: 'not-http' } })
  })

  it('the activity log lists every change newest first and exports it as CSV', async () => {
    const list = value(await h.handlers['activity:list']({ accountId: owner.id }))
    expect(list.length).toBeGreaterThan(10)
    expect(list.map((e) => e.at)).toEqual([...list.map((e) => e.at)].sort().reverse())
    expect(list.every((e) => e.portalUrl === portal.url && e.actor === portal.accounts.owner.email)).toBe(true)
    expect(list.some((e) => e.action === 'undo' && e.result === 'ok')).toBe(true)
    expect(list.some((e) => e.action === 'delete' && e.personName === portal.accounts.owner.displayName)).toBe(true)
    expect(value(await h.handlers['activity:list']({ accountId: '0000000000000000' }))).toEqual([])

    const { csv, fileName } = value(await h.handlers['activity:export-csv'](undefined))
    expect(fileName).toMatch(/^photo-activity-\d{4}-\d{2}-\d{2}\.csv$/)
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('"When","Portal","Signed in as","Person ID","Person","Action","Result","Detail"')
    // no detail holds a line break, so one line per entry
    expect(lines).toHaveLength(list.length + 1)
  })

})

describe('photo editing on a 3.5.0 portal, signed in as an admin', () => {
  let portal: RunningPortal
  let h: Harness
  let dataDir: string
  let admin: Account
  let images: Server
  let imagesUrl: string
  let imageHits = 0

  beforeAll(async () => {
    portal = await startPortal({ version: '3.5.0', people: 30, seed: 9, quiet: true })
    dataDir = await tempDir('dpm-editor-legacy-')
    h = startMain({ dataDir, secrets: new MemorySecretStore({ available: true }) })
    admin = await signIn(h, portal, 'admin')
    const png = await quadrantsPng(300, 300)
    images = createServer((_req, res) => {
      imageHits++
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.byteLength })
      res.end(png)
    })
    await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve))
    imagesUrl = `http://127.0.0.1:${(images.address() as AddressInfo).port}/photo.png`
  })
  afterAll(async () => {
    await h.dispose()
    await portal.close()
    await new Promise((resolve) => images.close(resolve))
    await removeDir(dataDir)
  })

  it("an admin replaces a user's photo, and undo puts the user's previous photo back exactly", async () => {
    const user = portal.accounts.user.id
    const before = stored(portal, user)
    const change = value(
      await h.handlers['photos:replace']({ accountId: admin.id, userId: user, jobId: jobId(), bytes: await quadrantsJpeg(800, 600), rotate: 0, crop: GREEN_CROP })
    )
    expect(change.person.canEditPhoto).toBe(true)
    expect(name(await meanColour(storedOrThrow(portal, user, 'small')))).toBe('green')
    value(await h.handlers['photos:undo']({ accountId: admin.id }))
    if (before) expect(storedOrThrow(portal, user, 'original').equals(before)).toBe(true)
    else expect(stored(portal, user)).toBeUndefined()
  })

  it('a replace with the face-framed crop is logged as cropped to the face, one with a crop of the user’s own is not', async () => {
    const user = portal.accounts.user.id
    const replace = (faceFramed?: boolean) =>
      h.handlers['photos:replace']({ accountId: admin.id, userId: user, jobId: jobId(), bytes: photoOnce, rotate: 0, crop: GREEN_CROP, ...(faceFramed ? { faceFramed } : {}) })
    const photoOnce = await quadrantsJpeg(800, 600)
    value(await replace(true))
    const [framed] = value(await h.handlers['activity:list']({ accountId: admin.id }))
    expect(framed?.change).toMatchObject({ faceFramed: true, cropSide: expect.any(Number) })
    value(await replace())
    const [own] = value(await h.handlers['activity:list']({ accountId: admin.id }))
    expect(own?.change?.faceFramed).toBeUndefined()
    expect(own?.change?.cropSide).toBeGreaterThan(0)
  })

  it("the owner's photo is refused up front for an admin, with the reason", async () => {
    const e = failure(
      await h.handlers['photos:replace']({
        accountId: admin.id,
        userId: portal.accounts.owner.id,
        jobId: jobId(),
        bytes: await quadrantsJpeg(400, 300),
        rotate: 0,
        crop: GREEN_CROP
      })
    )
    expect(e.code).toBe('portal/forbidden')
    expect(e.facts).toMatchObject({ step: 'check', refusal: 'owner', role: 'admin', portalVersion: '3.5.0' })
  })

  it("sets a user's photo from a URL (3.5.0 does not check addresses) and verifies every size", async () => {
    const user = portal.accounts.roomAdmin.id
    const change = value(await h.handlers['photos:set-from-url']({ accountId: admin.id, userId: user, url: imagesUrl }))
    expect(change.verified).toBe(true)
    expect(change.photos.hasPhoto).toBe(true)
    expect(await decode(storedOrThrow(portal, user, 'original'))).toMatchObject({ width: 300, height: 300 })
    expect(await quadrantColours(storedOrThrow(portal, user, 'original'))).toEqual(['red', 'green', 'blue', 'yellow'])
  })

  it('outside test mode, private and loopback addresses never reach 3.5.0 (which would fetch them): refused in the app, no backup', async () => {
    const fresh = await tempDir('dpm-editor-ssrf-')
    const h2 = startMain({ dataDir: fresh, secrets: new MemorySecretStore({ available: true }), allowLoopbackPhotoUrls: false })
    try {
      const account = await signIn(h2, portal, 'admin')
      const user = portal.accounts.user.id
      const before = stored(portal, user)
      const hitsBefore = imageHits
      const port = new URL(imagesUrl).port
      for (const url of [imagesUrl, `https://localhost:${port}/photo.png`, 'http://169.254.169.254/latest/meta-data/', 'https://[::ffff:10.0.0.1]/a.png']) {
        const e = failure(await h2.handlers['photos:set-from-url']({ accountId: account.id, userId: user, url }))
        expect(e).toMatchObject({ code: 'url/invalid', facts: { urlProblem: 'private-address' } })
      }
      expect(failure(await h2.handlers['photos:set-from-url']({ accountId: account.id, userId: user, url: 'http://images.example/a.png' })).facts?.urlProblem).toBe(
        'not-https'
      )
      expect(imageHits).toBe(hitsBefore)
      expect(h2.logLines.some((l) => /PUT/.test(l))).toBe(false)
      expect(value(await h2.handlers['photos:history']({ accountId: account.id, userId: user }))).toEqual([])
      expect(stored(portal, user)?.equals(before!) ?? before === undefined).toBe(true)
    } finally {
      await h2.dispose()
      await removeDir(fresh)
    }
  })

  it('undo with nothing to undo on a fresh data folder is photo/no-backup', async () => {
    const fresh = await tempDir('dpm-editor-fresh-')
    const h2 = startMain({ dataDir: fresh, secrets: new MemorySecretStore({ available: true }) })
    try {
      const account = await signIn(h2, portal, 'admin')
      expect(failure(await h2.handlers['photos:undo']({ accountId: account.id })).code).toBe('photo/no-backup')
      expect(failure(await h2.handlers['photos:restore']({ accountId: account.id, userId: portal.accounts.user.id, entryId: '000000000-00000000' })).code).toBe(
        'photo/no-backup'
      )
    } finally {
      await h2.dispose()
      await removeDir(fresh)
    }
  })
})
