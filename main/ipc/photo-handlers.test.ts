// The issue-4 channels validate their arguments before any service runs: a bad crop, a huge file or a
// path-like id never reaches the photo editor, and a valid request for an unknown account is a Result.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppError, Result } from '../../preload/contract'
import { createMain, type Main } from '../compose'
import { MemorySecretStore } from '../secrets/memory-store'
import { recordingLogger, removeDir, tempDir } from '../testing/harness'
import { MAX_IMAGE_BYTES } from './schemas'

let dataDir: string
let main: Main
/** An account id of the shape accountIdFor makes, known to no one. */
const ACC = '0123456789abcdef'
const lines: string[] = []

beforeAll(async () => {
  dataDir = await tempDir('dpm-photo-handlers-')
  main = createMain({ dataDir, secrets: new MemorySecretStore({ available: true }), events: { emit: () => {} }, log: recordingLogger(lines) })
})
afterAll(async () => {
  await main.dispose()
  await removeDir(dataDir)
})

function errorOf(r: Result<unknown>): AppError {
  if (r.ok) throw new Error('expected a failure')
  return r.error
}

const tiny = new Uint8Array([0xff, 0xd8, 0xff, 0xe0])
const replaceArg = { accountId: ACC, userId: 'u1', jobId: 'job-1', bytes: tiny, rotate: 0, crop: { x: 0.1, y: 0.1, width: 0.5, height: 0.5 } }

describe('photo channels: argument validation', () => {
  it.each([
    ['negative x', { ...replaceArg, crop: { ...replaceArg.crop, x: -0.1 } }, 'crop.x'],
    ['zero width', { ...replaceArg, crop: { ...replaceArg.crop, width: 0 } }, 'crop.width'],
    ['past the right edge', { ...replaceArg, crop: { x: 0.6, y: 0, width: 0.5, height: 0.5 } }, 'crop.width'],
    ['past the bottom edge', { ...replaceArg, crop: { x: 0, y: 0.9, width: 0.1, height: 0.2 } }, 'crop.height'],
    ['NaN', { ...replaceArg, crop: { ...replaceArg.crop, y: Number.NaN } }, 'crop.y'],
    ['Infinity', { ...replaceArg, crop: { ...replaceArg.crop, height: Number.POSITIVE_INFINITY } }, 'crop.height'],
    ['pixels instead of fractions', { ...replaceArg, crop: { x: 10, y: 10, width: 200, height: 200 } }, 'crop.x'],
    ['an extra crop key', { ...replaceArg, crop: { ...replaceArg.crop, rotate: 90 } }, 'crop'],
    ['5 quarter turns', { ...replaceArg, rotate: 5 }, 'rotate'],
    ['90 degrees', { ...replaceArg, rotate: 90 }, 'rotate'],
    ['bytes as a number array', { ...replaceArg, bytes: [255, 216, 255] }, 'bytes'],
    ['empty bytes', { ...replaceArg, bytes: new Uint8Array(0) }, 'bytes'],
    ['a job id with a slash', { ...replaceArg, jobId: '../x' }, 'jobId'],
    ['no job id', { ...replaceArg, jobId: undefined }, 'jobId']
  ])('photos:replace refuses %s', async (_what, arg, field) => {
    const e = errorOf(await main.handlers['photos:replace'](arg))
    expect(e.code).toBe('input/invalid')
    expect(e.message).toContain(field)
  })

  it(`photos:replace and photos:inspect refuse more than ${MAX_IMAGE_BYTES / (1024 * 1024)} MB, before reading a byte of it`, async () => {
    const huge = new Uint8Array(MAX_IMAGE_BYTES + 1)
    const e = errorOf(await main.handlers['photos:replace']({ ...replaceArg, bytes: huge }))
    expect(e.code).toBe('input/invalid')
    expect(e.message).toMatch(/bytes: is larger than 60 MB/)
    expect(errorOf(await main.handlers['photos:inspect']({ bytes: huge })).code).toBe('input/invalid')
    expect(errorOf(await main.handlers['photos:preview']({ bytes: huge })).code).toBe('input/invalid')
  })

  it.each([
    ['photos:restore', { accountId: ACC, userId: 'u1', entryId: '../../accounts' }, 'entryId'],
    ['photos:restore', { accountId: ACC, userId: 'u1' }, 'entryId'],
    ['photos:set-from-url', { accountId: ACC, userId: 'u1', url: '   ' }, 'url'],
    ['photos:set-from-url', { accountId: ACC, userId: 'u1', url: `https://x.example/${'a'.repeat(2100)}` }, 'url'],
    ['photos:cancel', { jobId: '' }, 'jobId'],
    ['photos:delete', { accountId: ACC }, 'userId'],
    ['photos:undo', { accountId: ACC, userId: 'u1' }, 'userId'],
    ['activity:list', { limit: 0 }, 'limit'],
    ['activity:list', { limit: 2.5 }, 'limit'],
    ['activity:export-csv', { all: true }, 'argument']
  ] as const)('%s refuses %j', async (channel, arg, field) => {
    const e = errorOf(await main.handlers[channel](arg))
    expect(e.code).toBe('input/invalid')
    expect(e.message).toContain(field)
  })

  it('valid arguments reach the services: an unknown account is auth/not-signed-in, a cancel of no job is false', async () => {
    expect(errorOf(await main.handlers['photos:replace'](replaceArg)).code).toBe('auth/not-signed-in')
    expect(errorOf(await main.handlers['photos:delete']({ accountId: ACC, userId: 'u1' })).code).toBe('auth/not-signed-in')
    expect(errorOf(await main.handlers['photos:undo']({ accountId: ACC })).code).toBe('auth/not-signed-in')
    expect(await main.handlers['photos:cancel']({ jobId: 'no-such-job' })).toEqual({ ok: true, value: { cancelled: false } })
    expect(await main.handlers['photos:history']({ accountId: ACC, userId: 'u1' })).toEqual({ ok: true, value: [] })
    expect(await main.handlers['activity:list']({})).toEqual({ ok: true, value: [] })
    const csv = await main.handlers['activity:export-csv'](undefined)
    expect(csv.ok && csv.value.csv).toBe('"When","Portal","Signed in as","Person ID","Person","Action","Result","Detail"\r\n')
    // a crop that touches the right edge within floating-point slack is fine
    const edge = await main.handlers['photos:replace']({ ...replaceArg, crop: { x: 0.7, y: 0, width: 0.30000000001, height: 0.4 } })
    expect(errorOf(edge).code).toBe('auth/not-signed-in')
  })

  it('photos:inspect answers image/* for what is not a usable image', async () => {
    expect(errorOf(await main.handlers['photos:inspect']({ bytes: new TextEncoder().encode('plain text') })).code).toBe('image/unsupported')
    expect(errorOf(await main.handlers['photos:inspect']({ bytes: tiny })).code).toBe('image/corrupt')
  })

  it('photos:preview answers an upright JPEG of a HEIC photo, and image/* or input/invalid for the rest', async () => {
    const heic = new Uint8Array(readFileSync(new URL('../testing/images/quadrants.heic', import.meta.url)))
    const preview = await main.handlers['photos:preview']({ bytes: heic })
    if (!preview.ok) throw new Error(`expected a preview, got ${preview.error.code}: ${preview.error.message}`)
    expect(preview.value.mime).toBe('image/jpeg')
    expect([preview.value.width, preview.value.height]).toEqual([64, 48])
    expect(preview.value.bytes).toBeInstanceOf(Uint8Array)
    expect(Array.from(preview.value.bytes.subarray(0, 3))).toEqual([0xff, 0xd8, 0xff])
    expect(errorOf(await main.handlers['photos:preview']({ bytes: new TextEncoder().encode('plain text') })).code).toBe('image/unsupported')
    expect(errorOf(await main.handlers['photos:preview']({ bytes: heic, extra: 1 })).code).toBe('input/invalid')
    expect(errorOf(await main.handlers['photos:preview']({ bytes: Array.from(heic) })).code).toBe('input/invalid')
  })
})
