// A bulk plan of real photos: every row is framed on its face in the house style and carries the
// quality check, through the same worker pool as the editor (startMain builds the app's composition).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal, type RunningPortal } from '../../emulator/index'
import type { BulkRow, Person } from '../../preload/contract'
import { HOUSE_STYLE } from '../images/face-framing'
import { MemorySecretStore } from '../secrets/memory-store'
import { removeDir, startMain, tempDir, value, type Harness } from '../testing/harness'
import { portraitOnItsSide, realPhoto, type RealPhoto } from '../testing/real-photos'

let portal: RunningPortal
let h: Harness
let accountId: string
let targets: Person[]
let dataDir: string

beforeAll(async () => {
  portal = await startPortal({ version: '3.5.0', people: 20, quiet: true })
  dataDir = await tempDir('dpm-bulk-framing-')
  h = startMain({ dataDir, secrets: new MemorySecretStore({ available: true }) })
  const signed = value(await h.handlers['accounts:sign-in']({ method: 'password', portalUrl: portal.url, email: 'admin@demo.example', password: 'demo-admin' }))
  if (signed.kind !== 'signed-in') throw new Error('expected signed-in')
  accountId = signed.account.id
  const page = value(await h.handlers['people:page']({ accountId, startIndex: 0, count: 100 }))
  targets = page.people.filter((p) => p.status === 'active' && p.canEditPhoto && p.id !== portal.accounts.admin.id).slice(0, 3)
}, 60_000)

afterAll(async () => {
  await h?.dispose()
  await portal?.close()
  if (dataDir) await removeDir(dataDir)
})

describe('a bulk plan of real photos', () => {
  it('frames each portrait on its face, warns about the group photo and the landscape, and keeps the centred square without a face', async () => {
    const photos: RealPhoto[] = ['astronaut', 'group', 'rocket']
    const job = value(await h.handlers['bulk:create']({ accountId }))
    const files = await Promise.all(photos.map(async (name, i) => ({ name: `${targets[i]!.email}.jpg`, bytes: await realPhoto(name) })))
    value(await h.handlers['bulk:add-files']({ jobId: job.jobId, files }))
    const plan = value(await h.handlers['bulk:plan']({ jobId: job.jobId }))
    const rowOf = (i: number): BulkRow => plan.rows.find((r) => r.userId === targets[i]!.id)!

    const portrait = rowOf(0)
    expect(portrait.faceWarnings ?? []).not.toContain('no-face')
    expect(portrait.crop).toBeDefined()
    // Not the centred square of a 512 × 512 picture: the face sits in the upper half.
    expect(portrait.crop!.width).toBeLessThan(0.6)
    expect(portrait.crop!.y).toBeLessThan(0.1)

    const group = rowOf(1)
    expect(group.faceWarnings).toContain('several-faces')
    // The largest face (the middle person, eyes near x 260 of 600) is in the square.
    const g = group.crop!
    expect(g.x).toBeLessThan(230 / 600)
    expect(g.x + g.width).toBeGreaterThan(290 / 600)
    expect((167 / 346 - g.y) / g.height).toBeCloseTo(HOUSE_STYLE.eyeLine, 1)

    const landscape = rowOf(2)
    expect(landscape.faceWarnings).toEqual(['no-face'])
    const c = landscape.crop!
    expect(c.height).toBeCloseTo(1, 5) // the centred square of a landscape: full height
    expect(c.x + c.width / 2).toBeCloseTo(0.5, 5)
  })

  it('frames every row with the preset the job was started with: tight shows the head bigger than loose', async () => {
    const cropOf = async (framingPreset: 'tight' | 'loose') => {
      const job = value(await h.handlers['bulk:create']({ accountId, framingPreset }))
      value(await h.handlers['bulk:add-files']({ jobId: job.jobId, files: [{ name: `${targets[0]!.email}.jpg`, bytes: await realPhoto('astronaut') }] }))
      const plan = value(await h.handlers['bulk:plan']({ jobId: job.jobId }))
      value(await h.handlers['bulk:discard']({ jobId: job.jobId }))
      return plan.rows[0]!.crop!
    }
    const [tight, loose] = [await cropOf('tight'), await cropOf('loose')]
    // The same face in a smaller square (loose may be held back by the picture's edges, so no exact ratio).
    expect(tight.width).toBeLessThan(loose.width * 0.9)
  })

  it('offers the turn for a picture lying on its side; taking it frames the upright picture', async () => {
    // Upright it is wider than high, so the preview shows which way it stands.
    const onItsSide = await portraitOnItsSide()
    const job = value(await h.handlers['bulk:create']({ accountId }))
    value(await h.handlers['bulk:add-files']({ jobId: job.jobId, files: [{ name: `${targets[0]!.email}.jpg`, bytes: onItsSide }] }))
    const before = value(await h.handlers['bulk:plan']({ jobId: job.jobId })).rows[0]!
    expect(before.faceWarnings).toContain('not-upright')
    expect(before.uprightTurns).toBe(3)

    const after = value(await h.handlers['bulk:turn']({ jobId: job.jobId, rowId: before.rowId }))
    expect(after.faceWarnings ?? []).not.toContain('not-upright')
    expect(after.uprightTurns).toBeUndefined()
    const preview = value(await h.handlers['bulk:preview']({ jobId: job.jobId, rowId: before.rowId }))
    expect(preview.width).toBeGreaterThan(preview.height)
    // Framed on the face now: a square in the upper left, not the centred square of the whole picture.
    expect(after.crop!.y).toBeLessThan(0.1)
    expect(after.crop!.x + after.crop!.width).toBeLessThan(0.8)
    // Nothing more to turn.
    expect(await h.handlers['bulk:turn']({ jobId: job.jobId, rowId: before.rowId })).toMatchObject({ ok: false })
    value(await h.handlers['bulk:discard']({ jobId: job.jobId }))
  })
})
