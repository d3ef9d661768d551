// Photo changes through the real handlers against the REAL emulator, checked on the emulator's stored
// bytes with real decoding (not on what the app says about itself).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startPortal } from '../../emulator/index'
import type { RunningPortal } from '../../emulator/types'
import type { Account, PhotoProgress } from '../../preload/contract'
import {
  BLUE,
  GREEN,
  RED,
  YELLOW,
  decode,
  decompressionBombPng,
  isColour,
  meanColour,
  photoLikeJpeg,
  quadrantsJpeg,
  quadrantsPng,
  sidewaysJpeg
} from '../testing/images/editor-test-images'
import { MemorySecretStore } from '../secrets/memory-store'
import { failure, removeDir, startMain, tempDir, value, type Harness } from '../testing/harness'

const MiB = 1024 * 1024
/** The green (top-right) quadrant of a 4:3 quadrants image, well inside its edges. */
const GREEN_CROP = { x: 0.55, y: 0.05, width: 0.3, height: 0.4 }
const BLUE_CROP = { x: 0.05, y: 0.55, width: 0.3, height: 0.4 }
const WHOLE_SQUARE_4x3 = { x: 0.125, y: 0, width: 0.75, height: 1 }

let jobs = 0
const jobId = (): string => `job-${++jobs}`

async function signIn(h: Harness, p: RunningPortal, who: 'owner' | 'admin' | 'user'): Promise<Account> {
  const a = p.accounts[who]
  const outcome = value(await h.handlers['accounts:sign-in']({ method: 'password', portalUrl: p.url, email: a.email, password: a.password }))
  if (outcome.kind !== 'signed-in') throw new Error('expected signed-in')
  return outcome.account
}

function stored(p: RunningPortal, userId: string, size: 'original' | 'small' | 'retina' = 'original'): Buffer | undefined {
  return p.storedPhoto(userId, size)
}

function storedOrThrow(p: RunningPortal, userId: string, size: 'original' | 'small' | 'retina' = 'original'): Buffer {
  const bytes = p.storedPhoto(userId, size)
  if (!bytes) throw new Error(`no stored ${size} photo`)
  return bytes
}

/** Mean colours of the four quadrants of an image (top-left, top-right, bottom-left, bottom-right). */
async function quadrantColours(bytes: Uint8Array): Promise<string[]> {
  const { width, height } = await decode(bytes)
  const w = Math.floor(width / 4)
  const h = Math.floor(height / 4)
  const at = async (left: number, top: number): Promise<string> => name(await meanColour(bytes, { left: Math.round(left), top: Math.round(top), width: w, height: h }))
  return [await at(w / 2, h / 2), await at(width / 2 + w / 2, h / 2), await at(w / 2, height / 2 + h / 2), await at(width / 2 + w / 2, height / 2 + h / 2)].map(String)
}

function name(rgb: readonly [number, number, number]): string {
  for (const [label, colour] of [['red', RED], ['green', GREEN], ['blue', BLUE], ['yellow', YELLOW]] as const) if (isColour(rgb, colour)) return label
  return `rgb(${rgb.join(',')})`
}

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

  it('inspect reads the header: upright size of an EXIF-6 JPEG, and refuses a 30000×30000 PNG', async () => {
    const summary = value(await h.handlers['photos:inspect']({ bytes: await sidewaysJpeg(400, 200) }))
    expect(summary).toMatchObject({ format: 'jpeg', width: 200, height: 400, frames: 1, hasAlpha: false })
    const bomb = failure(await h.handlers['photos:inspect']({ bytes: decompressionBombPng(30_000) }))
    expect(bomb.code).toBe('image/too-large')
    expect(bomb.message).toContain('30000 × 30000')
    expect(failure(await h.handlers['photos:inspect']({ bytes: new TextEncoder().encode('hello, not a photo') })).code).toBe('image/unsupported')
  })

  it('a four-colour image cropped to its green quadrant: the stored 32 px thumbnail is green, the original stays whole', async () => {
    const seen: PhotoProgress[] = []
    onProgress = (p) => seen.push(p)
    const id = jobId()
    const change = value(await replace(await quadrantsJpeg(800, 600), GREEN_CROP, { jobId: id }))

    expect(change.action).toBe('replace')
    expect(change.verified).toBe(true)
    expect(change.photos.hasPhoto).toBe(true)
    expect(change.person.smallPhoto).toBe(change.photos.sizes.find((s) => s.size === 'small')!.ref)

    const small = storedOrThrow(portal, me, 'small')
    expect(await decode(small)).toMatchObject({ width: 32, height: 32 })
    expect(name(await meanColour(small))).toBe('green')
    const retina = storedOrThrow(portal, me, 'retina')
    expect(await decode(retina)).toMatchObject({ width: 360, height: 360 })
    expect(name(await meanColour(retina))).toBe('green')

    const original = storedOrThrow(portal, me, 'original')
    expect(await decode(original)).toMatchObject({ width: 800, height: 600, format: 'jpeg' })
    expect(await quadrantColours(original)).toEqual(['red', 'green', 'blue', 'yellow'])

    // progress: every phase in order, cancellable until the promotion, all for this job
    expect(seen.every((p) => p.jobId === id && p.userId === me)).toBe(true)
    const phases = seen.map((p) => p.phase).filter((p, i, all) => all[i - 1] !== p)
    expect(phases).toEqual(['preparing', 'backing-up', 'uploading', 'applying', 'cropping', 'verifying', 'done'])
    expect(seen.filter((p) => ['preparing', 'backing-up', 'uploading'].includes(p.phase)).every((p) => p.cancellable)).toBe(true)
    expect(seen.filter((p) => ['applying', 'cropping', 'verifying', 'done'].includes(p.phase)).every((p) => !p.cancellable)).toBe(true)
    expect(seen.some((p) => p.phase === 'uploading' && p.percent === 1)).toBe(true)
  })

  it('a quarter turn is applied after decoding: the bottom-left (blue) quadrant ends up top-left', async () => {
    // Turned clockwise, the 800×600 image is 600×800 with blue top-left, red top-right.
    const change = value(await replace(await quadrantsJpeg(800, 600), { x: 0.05, y: 0.05, width: 0.4, height: 0.3 }, { rotate: 1 }))
    expect(change.verified).toBe(true)
    const original = storedOrThrow(portal, me, 'original')
    expect(await decode(original)).toMatchObject({ width: 600, height: 800 })
    expect(await quadrantColours(original)).toEqual(['blue', 'red', 'yellow', 'green'])
    expect(name(await meanColour(storedOrThrow(portal, me, 'small')))).toBe('blue')
  })

  it('a JPEG with EXIF orientation 6 ends upright on the portal, with no orientation tag left', async () => {
    // Upright: 200×400, blue on the left, red on the right.
    value(await replace(await sidewaysJpeg(400, 200), { x: 0, y: 0.25, width: 1, height: 0.5 }))
    const original = storedOrThrow(portal, me, 'original')
    const info = await decode(original)
    expect(info).toMatchObject({ width: 200, height: 400 })
    expect(info.orientation).toBeUndefined()
    expect(name(await meanColour(original, { left: 10, top: 10, width: 80, height: 380 }))).toBe('blue')
    expect(name(await meanColour(original, { left: 110, top: 10, width: 80, height: 380 }))).toBe('red')
    const small = storedOrThrow(portal, me, 'small')
    expect(name(await meanColour(small, { left: 0, top: 0, width: 14, height: 32 }))).toBe('blue')
    expect(name(await meanColour(small, { left: 18, top: 0, width: 14, height: 32 }))).toBe('red')
  })

  it('a 6000×4000 JPEG is stored within 1280 px and under the 1 MiB limit', async () => {
    const big = await photoLikeJpeg(6000, 4000, { quality: 95 })
    expect(big.byteLength).toBeGreaterThan(MiB)
    const started = Date.now()
    value(await replace(big, WHOLE_SQUARE_4x3))
    const elapsed = Date.now() - started
    const original = storedOrThrow(portal, me, 'original')
    const info = await decode(original)
    expect(Math.max(info.width, info.height)).toBe(1280)
    expect(info.height).toBe(853)
    expect(original.byteLength).toBeLessThanOrEqual(MiB)
    console.info(`replace 6000×4000 (${(big.byteLength / MiB).toFixed(1)} MB) -> stored ${info.width}×${info.height}, ${Math.round(original.byteLength / 1024)} KB, drop-to-verified ${elapsed} ms`)
  })

  it('a text file renamed .jpg, a truncated JPEG and a 30000×30000 PNG are refused with image/* codes and nothing is sent', async () => {
    const before = storedOrThrow(portal, me, 'original')
    const historyBefore = value(await h.handlers['photos:history']({ accountId: owner.id, userId: me })).length
    const whole = await photoLikeJpeg(600, 400)
    const cases = [
      { bytes: new TextEncoder().encode('Quarterly review notes: photo missing'), code: 'image/unsupported', text: /not an image/ },
      { bytes: whole.subarray(0, Math.floor(whole.byteLength * 0.6)), code: 'image/corrupt', text: /damaged or incomplete/ },
      { bytes: decompressionBombPng(30_000), code: 'image/too-large', text: /30000 × 30000/ }
    ] as const
    for (const c of cases) {
      const seen: PhotoProgress[] = []
      onProgress = (p) => seen.push(p)
      const e = failure(await replace(c.bytes))
      expect(e.code).toBe(c.code)
      expect(e.message).toMatch(c.text)
      expect(seen.map((p) => p.phase)).toEqual(['preparing'])
    }
    expect(storedOrThrow(portal, me, 'original').equals(before)).toBe(true)
    // nothing was backed up either: the refusal came before any step that touches the portal's photo
    expect(value(await h.handlers['photos:history']({ accountId: owner.id, userId: me }))).toHaveLength(historyBefore)
    const log = value(await h.handlers['activity:list']({ accountId: owner.id, limit: 3 }))
    expect(log.map((e) => [e.action, e.result])).toEqual([
      ['replace', 'failed'],
      ['replace', 'failed'],
      ['replace', 'failed']
    ])
    expect(log[0]!.detail).toContain('image/too-large')
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
    expect(e.message).toContain('DocSpace 3.7.2 lets each person change only their own photo')
    expect(e.message).toContain(portal.accounts.admin.displayName)
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
    expect(e.message).toMatch(/no longer on the portal.*refresh/i)
  })

  for (const kind of ['500', 'reset'] as const) {
    it(`a ${kind === '500' ? '5xx' : 'connection reset'} during upload leaves the old photo, and a retry succeeds`, async () => {
      value(await replace(await quadrantsJpeg(400, 300)))
      const before = storedOrThrow(portal, me, 'original')
      portal.faults.set({ failNext: [{ method: 'POST', path: /\/photo$/, kind }] })
      const e = failure(await replace(await quadrantsJpeg(640, 480), BLUE_CROP))
      expect(e.code).toBe(kind === '500' ? 'portal/server-error' : 'net/connection-lost')
      expect(e.message).toContain('keeps the old photo')
      expect(portal.faults.current().failNext).toHaveLength(0)
      expect(storedOrThrow(portal, me, 'original').equals(before)).toBe(true)

      value(await replace(await quadrantsJpeg(640, 480), BLUE_CROP))
      expect(await decode(storedOrThrow(portal, me, 'original'))).toMatchObject({ width: 640, height: 480 })
      expect(name(await meanColour(storedOrThrow(portal, me, 'small')))).toBe('blue')
    })
  }

  it('a reset on the crop step after the promotion is retried and the crop lands', async () => {
    onProgress = (p) => {
      if (p.phase === 'cropping') portal.faults.set({ failNext: [{ method: 'POST', path: /\/thumbnails$/, kind: 'reset' }] })
    }
    const change = value(await replace(await quadrantsJpeg(800, 600), GREEN_CROP))
    expect(change.verified).toBe(true)
    expect(portal.faults.current().failNext).toHaveLength(0)
    expect(name(await meanColour(storedOrThrow(portal, me, 'small')))).toBe('green')
  })

  it('a lost promotion is looked up and re-sent while the old photo is still there; if it keeps failing the person keeps the old photo', async () => {
    const promote = { method: 'POST', path: /\/thumbnails$/, kind: 'reset' as const }
    onProgress = (p) => {
      if (p.phase === 'applying') portal.faults.set({ failNext: [promote] })
    }
    value(await replace(await quadrantsJpeg(800, 600), GREEN_CROP))
    expect(portal.faults.current().failNext).toHaveLength(0)
    expect(name(await meanColour(storedOrThrow(portal, me, 'small')))).toBe('green')

    const before = storedOrThrow(portal, me, 'original')
    onProgress = (p) => {
      if (p.phase === 'applying') portal.faults.set({ failNext: [promote, promote] })
    }
    const e = failure(await replace(await quadrantsJpeg(640, 480), BLUE_CROP))
    expect(e.code).toBe('net/connection-lost')
    expect(e.message).toContain('keeps the old photo')
    expect(storedOrThrow(portal, me, 'original').equals(before)).toBe(true)
  })

  it('when the crop step keeps failing: photo/partly-applied, and the person has the new photo with a centred crop', async () => {
    value(await replace(await quadrantsJpeg(400, 300)))
    onProgress = (p) => {
      if (p.phase === 'cropping') {
        const rule = { method: 'POST', path: /\/thumbnails$/, kind: 'reset' as const }
        portal.faults.set({ failNext: [rule, rule, rule, rule] })
      }
    }
    const e = failure(await replace(await quadrantsJpeg(800, 600), BLUE_CROP))
    portal.faults.reset()
    expect(e.code).toBe('photo/partly-applied')
    expect(e.message).toMatch(/now has the new photo.*centred square crop/)
    const original = storedOrThrow(portal, me, 'original')
    expect(await decode(original)).toMatchObject({ width: 800, height: 600 })
    // the centred square of an 800×600 four-colour image mixes all four colours, not blue alone
    expect(name(await meanColour(storedOrThrow(portal, me, 'small')))).not.toBe('blue')
    // the change still counts for undo
    const log = value(await h.handlers['activity:list']({ accountId: owner.id, limit: 1 }))
    expect(log[0]).toMatchObject({ action: 'replace', result: 'failed' })
    expect(log[0]!.detail).toContain('photo/partly-applied')
  })

  it('reading back is retried; when it keeps failing: photo/partly-applied saying the new photo is there', async () => {
    const getPhoto = { method: 'GET', path: /\/photo$/, kind: '500' as const }
    onProgress = (p) => {
      if (p.phase === 'verifying') portal.faults.set({ failNext: [getPhoto] })
    }
    expect(value(await replace(await quadrantsJpeg(800, 600), GREEN_CROP)).verified).toBe(true)

    onProgress = (p) => {
      if (p.phase === 'verifying') portal.faults.set({ failNext: [getPhoto, getPhoto, getPhoto, getPhoto] })
    }
    const e = failure(await replace(await quadrantsJpeg(640, 480), BLUE_CROP))
    portal.faults.reset()
    expect(e.code).toBe('photo/partly-applied')
    expect(e.message).toMatch(/now has the new photo, but reading it back failed/)
    expect(await decode(storedOrThrow(portal, me, 'original'))).toMatchObject({ width: 640, height: 480 })
    expect(name(await meanColour(storedOrThrow(portal, me, 'small')))).toBe('blue')
  })

  it('cancel during the upload keeps the old photo; after the job ends cancel answers false', async () => {
    value(await replace(await quadrantsJpeg(400, 300)))
    const before = storedOrThrow(portal, me, 'original')
    portal.faults.set({ uploadBytesPerSecond: 64 * 1024 })
    const id = jobId()
    let cancelled: boolean | undefined
    onProgress = (p) => {
      if (p.phase === 'uploading' && (p.percent ?? 0) > 0 && cancelled === undefined) {
        cancelled = false
        void h.handlers['photos:cancel']({ jobId: id }).then((r) => (cancelled = value(r).cancelled))
      }
    }
    const big = await photoLikeJpeg(1200, 900, { quality: 95 })
    const started = Date.now()
    const e = failure(await replace(big, WHOLE_SQUARE_4x3, { jobId: id }))
    expect(cancelled).toBe(true)
    expect(e.code).toBe('app/cancelled')
    expect(e.message).toContain('keeps the old photo')
    expect(Date.now() - started).toBeLessThan(5_000)
    portal.faults.reset()
    expect(storedOrThrow(portal, me, 'original').equals(before)).toBe(true)
    expect(value(await h.handlers['photos:cancel']({ jobId: id })).cancelled).toBe(false)
  })

  it('cancel after the point of no return answers false and the change completes', async () => {
    const id = jobId()
    const answers: boolean[] = []
    onProgress = (p) => {
      if (p.phase === 'applying') void h.handlers['photos:cancel']({ jobId: id }).then((r) => answers.push(value(r).cancelled))
    }
    value(await replace(await quadrantsJpeg(800, 600), GREEN_CROP, { jobId: id }))
    expect(answers).toEqual([false])
    expect(name(await meanColour(storedOrThrow(portal, me, 'small')))).toBe('green')
  })

  it('set from URL on 3.7.2: a loopback address is refused with the https/private-address rule', async () => {
    value(await replace(await quadrantsJpeg(400, 300)))
    const before = storedOrThrow(portal, me, 'original')
    const e = failure(await h.handlers['photos:set-from-url']({ accountId: owner.id, userId: me, url: 'http://127.0.0.1:9/photo.png' }))
    expect(e.code).toBe('portal/forbidden')
    expect(e.message).toMatch(/https:\/\//)
    expect(e.message).toMatch(/loopback/)
    expect(e.message).toContain('keeps the old photo')
    expect(storedOrThrow(portal, me, 'original').equals(before)).toBe(true)
    expect(failure(await h.handlers['photos:set-from-url']({ accountId: owner.id, userId: me, url: 'ftp://files.example/a.png' })).code).toBe('url/invalid')
  })

  it('the activity log lists every change newest first and exports it as CSV', async () => {
    const list = value(await h.handlers['activity:list']({ accountId: owner.id }))
    expect(list.length).toBeGreaterThan(10)
    expect(list.map((e) => e.at)).toEqual([...list.map((e) => e.at)].sort().reverse())
    expect(list.every((e) => e.portalUrl === portal.url && e.actor === portal.accounts.owner.email)).toBe(true)
    expect(list.some((e) => e.action === 'undo' && e.result === 'ok')).toBe(true)
    expect(list.some((e) => e.action === 'delete' && e.personName === portal.accounts.owner.displayName)).toBe(true)
    expect(value(await h.handlers['activity:list']({ accountId: 'someone-else' }))).toEqual([])

    const { csv, fileName } = value(await h.handlers['activity:export-csv'](undefined))
    expect(fileName).toMatch(/^photo-activity-\d{4}-\d{2}-\d{2}\.csv$/)
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('When,Portal,Signed in as,Person ID,Person,Action,Result,Detail')
    // no detail holds a line break, so one line per entry
    expect(lines).toHaveLength(list.length + 1)
  })

  it('401 mid-session: auth/expired, the account goes to "expired", nothing changes', async () => {
    const before = stored(portal, me)
    portal.expireTokens(me)
    const e = failure(await replace(await quadrantsJpeg(400, 300)))
    expect(e.code).toBe('auth/expired')
    expect(h.events.at(-1)?.accounts.find((a) => a.id === owner.id)?.state).toBe('expired')
    expect(stored(portal, me)?.equals(before!)).toBe(true)
    owner = await signIn(h, portal, 'owner')
  })
})

describe('photo editing on a 3.5.0 portal, signed in as an admin', () => {
  let portal: RunningPortal
  let h: Harness
  let dataDir: string
  let admin: Account
  let images: Server
  let imagesUrl: string

  beforeAll(async () => {
    portal = await startPortal({ version: '3.5.0', people: 30, seed: 9, quiet: true })
    dataDir = await tempDir('dpm-editor-legacy-')
    h = startMain({ dataDir, secrets: new MemorySecretStore({ available: true }) })
    admin = await signIn(h, portal, 'admin')
    const png = await quadrantsPng(300, 300)
    images = createServer((_req, res) => {
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
    expect(e.message).toContain("only the owner may change the owner's photo")
  })

  it("sets a user's photo from a URL (3.5.0 does not check addresses) and verifies every size", async () => {
    const user = portal.accounts.roomAdmin.id
    const change = value(await h.handlers['photos:set-from-url']({ accountId: admin.id, userId: user, url: imagesUrl }))
    expect(change.verified).toBe(true)
    expect(change.photos.hasPhoto).toBe(true)
    expect(await decode(storedOrThrow(portal, user, 'original'))).toMatchObject({ width: 300, height: 300 })
    expect(await quadrantColours(storedOrThrow(portal, user, 'original'))).toEqual(['red', 'green', 'blue', 'yellow'])
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
