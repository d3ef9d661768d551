import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { realPhoto } from '../testing/real-photos'
import { faceWorkerCount, workerEntry } from './image-pool'
import { createImageProcessPool } from './image-process'

// The pool as the app runs it: worker threads inside the image process.
const pool = createImageProcessPool({ workers: 2 })
afterAll(() => pool.dispose())

describe('image pool', () => {
  it('runs preparation and face framing in the image process with the same answers as in process', async () => {
    const bytes = await realPhoto('group')
    const [prepared, framed, summary] = await Promise.all([pool.prepare(bytes, { maxUploadBytes: 1_000_000 }), pool.frame(bytes, 'standard'), pool.inspect(bytes)])
    expect(prepared.ok && prepared.value.mime).toBe('image/jpeg')
    expect(prepared.ok && prepared.value.bytes).toBeInstanceOf(Uint8Array)
    expect(framed.ok && framed.value.framing.warnings).toContainEqual({ code: 'several-faces', faces: 3 })
    expect(summary.ok && summary.value.width).toBe(600)
    expect(pool.pid).not.toBe(process.pid)
  })

  it('prepares and frames several big photos at once through the threads', async () => {
    const big = new Uint8Array(await sharp(await realPhoto('astronaut')).resize(3000).jpeg({ quality: 90 }).toBuffer())
    await pool.frame(big, 'standard') // models loaded in both threads' first tasks, not measured
    const results = await Promise.all(Array.from({ length: 6 }, () => pool.plan(big, { maxUploadBytes: 1_000_000 }, 'standard')))
    expect(results.every((r) => r.ok && r.value.faces?.framing.crop)).toBe(true)
    // How long main's event loop was held meanwhile is a figure of `npm run bench:face`, not a test.
  })

  it('answers a failure as a value, as in process', async () => {
    const answer = await pool.inspect(new TextEncoder().encode('not a picture at all'))
    expect(answer).toMatchObject({ ok: false, error: { code: 'image/unsupported' } })
  })

  it('keeps the face models to one thread in three, and a single thread does everything', () => {
    expect(pool.faceWorkers).toBe(1)
    expect([1, 2, 3, 4, 6].map((n) => faceWorkerCount(n))).toEqual([0, 1, 1, 1, 2])
    expect(faceWorkerCount(4, 'shared')).toBe(0)
  })

  it('finds the built entry next to the bundle or one folder up from a shared chunk', () => {
    expect(workerEntry('file:///app/main/images/image-pool.ts').pathname).toBe('/app/main/images/image-worker-dev.mjs')
    expect(() => workerEntry('file:///nowhere/out/main/index.js')).toThrow(/image-worker\.js not found/)
  })
})
