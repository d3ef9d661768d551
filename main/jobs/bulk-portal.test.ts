// A bulk job against the real emulator with DocSpace's rate limits on: the queue never has more than
// 15 writes in flight at the portal (counted there), waits out a 429's Retry-After, survives a 503,
// and undoing the job gives every person back the original they had, byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal, type RunningPortal } from '../../emulator/index'
import type { BulkProgress, Person } from '../../preload/contract'
import { MemorySecretStore } from '../secrets/memory-store'
import { removeDir, startMain, tempDir, value, type Harness } from '../testing/harness'
import { BLUE, GREEN, RED, YELLOW, bandsJpeg, isColour, meanColour, type Rgb } from '../testing/images/editor-test-images'
import { fromRaw, quadrants } from '../testing/images/synthetic-images'

const PEOPLE = 24
let portal: RunningPortal
let h: Harness
let accountId: string
let targets: Person[]
let dataDir: string
const progress: BulkProgress[] = []

const colourFor = (i: number): Rgb => [(i * 37) % 256, (i * 91 + 60) % 256, (i * 53 + 120) % 256]
const flat = (c: Rgb): Promise<Buffer> => fromRaw(quadrants(400, 300, [c, c, c, c])).jpeg({ quality: 92 }).toBuffer()

async function finished(jobId: string, kind: 'applying' | 'undoing', from: number): Promise<BulkProgress> {
  for (let i = 0; i < 600; i++) {
    const seen = progress.slice(from).filter((p) => p.jobId === jobId)
    const end = seen.find((p, k) => (p.phase === 'finished' || p.phase === 'cancelled') && seen.slice(0, k).some((q) => q.phase === kind))
    if (end) return end
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`the job did not finish ${kind}`)
}

beforeAll(async () => {
  portal = await startPortal({ version: '3.5.0', people: 80, quiet: true, latencyMs: 20 })
  dataDir = await tempDir('dpm-bulk-portal-')
  h = startMain({ dataDir, secrets: new MemorySecretStore({ available: true }), onEvent: (channel, payload) => channel === 'bulk:progress' && progress.push(payload as BulkProgress) })
  const signed = value(await h.handlers['accounts:sign-in']({ method: 'password', portalUrl: portal.url, email: 'admin@demo.example', password: 'demo-admin' }))
  if (signed.kind !== 'signed-in') throw new Error('expected signed-in')
  accountId = signed.account.id
  const page = value(await h.handlers['people:page']({ accountId, startIndex: 0, count: 100 }))
  targets = page.people.filter((p) => p.status === 'active' && p.canEditPhoto && p.id !== portal.accounts.admin.id).slice(0, PEOPLE)
  expect(targets.length).toBe(PEOPLE)
}, 60_000)

afterAll(async () => {
  await h?.dispose()
  await portal?.close()
  if (dataDir) await removeDir(dataDir)
})

describe('a bulk job on a rate-limited portal', () => {
  it('keeps to 15 writes in flight, waits out 429 and 503, verifies everyone, and undoes byte for byte', async () => {
    const before = new Map(targets.map((p) => [p.id, portal.storedPhoto(p.id, 'original')]))
    const job = value(await h.handlers['bulk:create']({ accountId }))
    const files = await Promise.all(targets.map(async (p, i) => ({ name: `${p.email}.jpg`, bytes: new Uint8Array(await flat(colourFor(i))) })))
    for (let i = 0; i < files.length; i += 8) value(await h.handlers['bulk:add-files']({ jobId: job.jobId, files: files.slice(i, i + 8) }))
    const plan = value(await h.handlers['bulk:plan']({ jobId: job.jobId }))
    expect(plan.rows.filter((r) => r.state === 'new' || r.state === 'replace').map((r) => r.userId).sort()).toEqual(targets.map((p) => p.id).sort())

    const [first, second] = targets
    portal.faults.set({
      rateLimits: true,
      failNext: [
        { path: `/people/${first?.id}/photo`, method: 'POST', kind: '429' },
        { path: `/people/${second?.id}/photo`, method: 'POST', kind: '503' }
      ]
    })
    portal.resetWriteStats()
    const from = progress.length
    value(await h.handlers['bulk:apply']({ jobId: job.jobId, concurrency: 15 }))
    await finished(job.jobId, 'applying', from)
    // Both faults were delivered (a one-shot rule is used up when it answers), and still everyone is done.
    expect(portal.faults.current().failNext).toHaveLength(0)
    expect(portal.writeStats().maxWritesInFlight).toBeLessThanOrEqual(15)
    expect(portal.writeStats().maxWritesInFlight).toBeGreaterThan(1)

    const done = value(await h.handlers['bulk:current']({ jobId: job.jobId }))
    const results = new Map(done.rows.map((r) => [r.userId, `${r.result}${r.resultError ? ` ${r.resultError.code}` : ''}`]))
    expect(targets.map((p) => results.get(p.id))).toEqual(targets.map(() => 'ok'))
    for (const [i, p] of targets.entries()) {
      const small = portal.storedPhoto(p.id, 'small')
      expect(small, p.displayName).toBeDefined()
      const colour = await meanColour(small as Buffer)
      expect(isColour(colour, colourFor(i), 24), `${p.displayName}: ${colour.join(',')}`).toBe(true)
    }

    portal.faults.set({ rateLimits: true, failNext: [] })
    const undoFrom = progress.length
    value(await h.handlers['bulk:undo']({ jobId: job.jobId }))
    await finished(job.jobId, 'undoing', undoFrom)
    for (const p of targets) {
      const was = before.get(p.id)
      const now = portal.storedPhoto(p.id, 'original')
      if (was === undefined) expect(now, `${p.displayName} had no photo`).toBeUndefined()
      else expect(now && Buffer.compare(now, was), `${p.displayName}'s original`).toBe(0)
    }
    const entries = value(await h.handlers['activity:list']({ accountId }))
    const imports = entries.filter((e) => e.action === 'bulk-import')
    expect(imports).toHaveLength(1)
    expect(imports[0]?.people?.filter((x) => x.result === 'ok')).toHaveLength(PEOPLE)
    expect(entries.filter((e) => e.action === 'bulk-undo')).toHaveLength(1)
  }, 180_000)

  it("a row on the portal's own centred square is stored with one write; another crop gets its own thumbnails call", async () => {
    const [centred, leftSquare] = targets.slice(-2) as [Person, Person]
    const job = value(await h.handlers['bulk:create']({ accountId }))
    // 800×600 with red and blue bands beside a middle square of green (or yellow).
    const files = [
      { name: `${centred.email}.jpg`, bytes: new Uint8Array(await bandsJpeg(800, 600, RED, GREEN, BLUE)) },
      { name: `${leftSquare.email}.jpg`, bytes: new Uint8Array(await bandsJpeg(800, 600, RED, YELLOW, BLUE)) }
    ]
    value(await h.handlers['bulk:add-files']({ jobId: job.jobId, files }))
    const plan = value(await h.handlers['bulk:plan']({ jobId: job.jobId }))
    const row = plan.rows.find((r) => r.userId === leftSquare.id)
    if (!row) throw new Error('no row for the second person')
    value(await h.handlers['bulk:set-crop']({ jobId: job.jobId, rowId: row.rowId, crop: { x: 0, y: 0, width: 0.75, height: 1 } }))

    portal.resetWriteStats()
    const from = progress.length
    value(await h.handlers['bulk:apply']({ jobId: job.jobId }))
    await finished(job.jobId, 'applying', from)
    expect(portal.writeStats().writes).toBe(3) // one upload each, one thumbnails call for the left square

    expect(isColour(await meanColour(portal.storedPhoto(centred.id, 'small') as Buffer), GREEN)).toBe(true)
    expect(isColour(await meanColour(portal.storedPhoto(centred.id, 'retina') as Buffer), GREEN)).toBe(true)
    const left = portal.storedPhoto(leftSquare.id, 'small') as Buffer
    expect(isColour(await meanColour(left, { left: 0, top: 8, width: 3, height: 16 }), RED)).toBe(true)
    expect(isColour(await meanColour(left, { left: 20, top: 8, width: 8, height: 16 }), YELLOW)).toBe(true)
  }, 60_000)
})
