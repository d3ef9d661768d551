// Replacing a photo through the real handlers (and the protocol directly, as a queue would) against the
// REAL emulator, checked on the emulator's stored bytes with real decoding (not on what the app says).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startPortal } from '../../emulator/index'
import type { RunningPortal } from '../../emulator/types'
import type { Account, PhotoPhase, PhotoProgress } from '../../preload/contract'
import { HttpClient } from '../docspace/http'
import { BLUE, GREEN, RED, bandsJpeg, decode, decompressionBombPng, meanColour, photoLikeJpeg, quadrantsJpeg, sidewaysJpeg } from '../testing/images/editor-test-images'
import { preparePhoto } from '../images/prepare-photo'
import { MemorySecretStore } from '../secrets/memory-store'
import { AccountsService } from '../services/accounts-service'
import { ActivityLog } from '../services/activity-log'
import { BackupStore } from '../services/backup-store'
import { failure, recordingLogger, removeDir, startMain, tempDir, value, type Harness } from '../testing/harness'
import { ChangeFrame } from './change-frame'
import { BLUE_CROP, GREEN_CROP, jobId, MiB, name, quadrantColours, signIn, stored, storedOrThrow, WHOLE_SQUARE_4x3 } from '../testing/change-support'
import { ReadBack } from './read-back'
import { ReplaceProtocol } from './replace-protocol'
import { retryPolicy } from './retry'

describe('replacing a photo on a 3.7.2 portal (1 MiB upload limit), signed in as the owner', () => {
  let portal: RunningPortal
  let h: Harness
  let dataDir: string
  let owner: Account
  let me: string
  let onProgress: ((p: PhotoProgress) => void) | undefined

  beforeAll(async () => {
    portal = await startPortal({ version: '3.7.2', people: 30, seed: 8, quiet: true, maxImageUploadSize: MiB })
    dataDir = await tempDir('dpm-replace-')
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

  it("the portal's own centred square is not rendered twice: two writes, and the stored 32 px is the centre", async () => {
    // 800×600: a red band left, a blue band right, green in between; the centred square is all green.
    const banded = await bandsJpeg(800, 600, RED, GREEN, BLUE)
    const phases: PhotoPhase[] = []
    onProgress = (p) => phases.push(p.phase)
    portal.resetWriteStats()
    value(await replace(banded, WHOLE_SQUARE_4x3))
    expect(portal.writeStats().writes).toBe(2) // the temp upload and the promotion
    expect(phases).not.toContain('cropping')
    expect(name(await meanColour(storedOrThrow(portal, me, 'small')))).toBe('green')
    expect(name(await meanColour(storedOrThrow(portal, me, 'retina')))).toBe('green')

    // Any other square is rendered by its own call: the left 600 px take in the red band.
    portal.resetWriteStats()
    value(await replace(banded, { x: 0, y: 0, width: 0.75, height: 1 }))
    expect(portal.writeStats().writes).toBe(3)
    const small = storedOrThrow(portal, me, 'small')
    expect(name(await meanColour(small, { left: 0, top: 8, width: 3, height: 16 }))).toBe('red')
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
      { bytes: new TextEncoder().encode('Quarterly review notes: photo missing'), code: 'image/unsupported', facts: { imageProblem: 'not-an-image' } },
      { bytes: whole.subarray(0, Math.floor(whole.byteLength * 0.6)), code: 'image/corrupt', facts: { imageProblem: 'incomplete' } },
      { bytes: decompressionBombPng(30_000), code: 'image/too-large', facts: { imageProblem: 'too-many-pixels', width: 30_000, height: 30_000 } }
    ] as const
    for (const c of cases) {
      const seen: PhotoProgress[] = []
      onProgress = (p) => seen.push(p)
      const e = failure(await replace(c.bytes))
      expect(e.code).toBe(c.code)
      expect(e.facts).toMatchObject({ ...c.facts, step: 'prepare', photoNow: 'old', personName: portal.accounts.owner.displayName })
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

  for (const kind of ['500', 'reset'] as const) {
    it(`a ${kind === '500' ? '5xx' : 'connection reset'} during upload leaves the old photo, and a retry succeeds`, async () => {
      value(await replace(await quadrantsJpeg(400, 300)))
      const before = storedOrThrow(portal, me, 'original')
      portal.faults.set({ failNext: [{ method: 'POST', path: /\/photo$/, kind }] })
      const e = failure(await replace(await quadrantsJpeg(640, 480), BLUE_CROP))
      expect(e.code).toBe(kind === '500' ? 'portal/server-error' : 'net/connection-lost')
      expect(e.facts).toMatchObject({ step: 'upload', photoNow: 'old' })
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
    expect(e.facts).toMatchObject({ step: 'promote', photoNow: 'old' })
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
    expect(e.facts).toMatchObject({ step: 'crop', photoNow: 'new-centred', cause: 'net/connection-lost', personName: portal.accounts.owner.displayName })
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
    expect(e.facts).toMatchObject({ step: 'verify', photoNow: 'new', cause: 'portal/server-error' })
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
    expect(e.facts).toMatchObject({ step: 'upload', photoNow: 'old' })
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

  it('replacePrepared, as a queue calls it: the prepared bytes go up unchanged with the pixel crop; a set signal or oversized bytes send nothing', async () => {
    const log = recordingLogger([])
    const queueDir = await tempDir('dpm-queue-')
    const accounts = new AccountsService({ dataDir: queueDir, secrets: new MemorySecretStore({ available: true }), events: { emit: () => {} }, http: new HttpClient({ retries: 2, timeoutMs: 10_000, log }), log })
    const frame = new ChangeFrame({ accounts, backups: new BackupStore({ dataDir: queueDir, log }), activity: new ActivityLog({ dataDir: queueDir, log }), log })
    const retry = retryPolicy()
    const protocol = new ReplaceProtocol({ frame, readBack: new ReadBack({ retry }), retry })
    const a = portal.accounts.owner
    const outcome = value(await accounts.signIn({ method: 'password', portalUrl: portal.url, email: a.email, password: a.password }))
    if (outcome.kind !== 'signed-in') throw new Error('expected signed-in')
    const accountId = outcome.account.id

    const prepared = value(await preparePhoto(await quadrantsJpeg(800, 600), { maxUploadBytes: MiB }))
    const steps: string[] = []
    const change = value(
      await protocol.replacePrepared(accountId, me, prepared, { x: 450, y: 25, width: 250, height: 250 }, {
        signal: new AbortController().signal,
        onProgress: (phase: PhotoPhase) => steps.push(phase),
        onPointOfNoReturn: () => steps.push('point of no return')
      })
    )
    expect(change).toMatchObject({ action: 'replace', verified: true })
    expect(Buffer.from(prepared.bytes).equals(storedOrThrow(portal, me, 'original'))).toBe(true)
    expect(name(await meanColour(storedOrThrow(portal, me, 'small')))).toBe('green')
    expect(steps.filter((s, i) => steps[i - 1] !== s)).toEqual(['backing-up', 'uploading', 'point of no return', 'applying', 'cropping', 'verifying', 'done'])

    const before = storedOrThrow(portal, me, 'original')
    const aborted = new AbortController()
    aborted.abort()
    const cancelled = failure(await protocol.replacePrepared(accountId, me, prepared, undefined, { signal: aborted.signal }))
    expect(cancelled).toMatchObject({ code: 'app/cancelled', facts: { photoNow: 'old' } })
    const oversized = { ...prepared, bytes: new Uint8Array(MiB + 1) }
    expect(failure(await protocol.replacePrepared(accountId, me, oversized, undefined)).facts).toMatchObject({ imageProblem: 'over-byte-limit', maxUploadBytes: MiB })
    expect(storedOrThrow(portal, me, 'original').equals(before)).toBe(true)
    await accounts.dispose()
    await removeDir(queueDir)
  })

  it('401 mid-session: auth/expired, the account goes to "expired", nothing changes', async () => {
    const before = stored(portal, me)
    portal.expireTokens(me)
    const e = failure(await replace(await quadrantsJpeg(400, 300)))
    expect(e.code).toBe('auth/expired')
    expect(h.events.at(-1)?.accounts.find((a) => a.id === owner.id)?.state).toBe('expired')
    expect(stored(portal, me)?.equals(before!)).toBe(true)
  })
})
