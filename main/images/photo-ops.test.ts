// Quarter turns and history previews on real pixels.
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { BLUE, GREEN, RED, YELLOW, isColour, meanColour, quadrantsJpeg, quadrantsPng } from './fixtures/editor-test-images'
import { photoPreview, rotateQuarterTurns, type EncodedPhoto } from './photo-ops'

async function encoded(bytes: Buffer, mime: EncodedPhoto['mime']): Promise<EncodedPhoto> {
  const meta = await sharp(bytes).metadata()
  return { bytes: new Uint8Array(bytes), mime, width: meta.width, height: meta.height }
}

async function topLeft(bytes: Uint8Array): Promise<readonly [number, number, number]> {
  const meta = await sharp(bytes).metadata()
  return meanColour(bytes, { left: 4, top: 4, width: Math.floor(meta.width / 2) - 8, height: Math.floor(meta.height / 2) - 8 })
}

describe('rotateQuarterTurns', () => {
  it.each([
    [1, [300, 400], BLUE], // clockwise: the bottom-left quadrant comes to the top-left
    [2, [400, 300], YELLOW],
    [3, [300, 400], GREEN]
  ] as const)('%i quarter turn(s): %j with the right quadrant top-left', async (turns, size, colour) => {
    const photo = await encoded(await quadrantsJpeg(400, 300), 'image/jpeg')
    const r = await rotateQuarterTurns(photo, turns, 1024 * 1024)
    if (!r.ok) throw new Error(r.error.message)
    expect([r.value.width, r.value.height]).toEqual(size)
    const meta = await sharp(r.value.bytes).metadata()
    expect([meta.width, meta.height, meta.format]).toEqual([...size, 'jpeg'])
    expect(isColour(await topLeft(r.value.bytes), colour)).toBe(true)
  })

  it('0 turns returns the very same bytes', async () => {
    const photo = await encoded(await quadrantsJpeg(400, 300), 'image/jpeg')
    const r = await rotateQuarterTurns(photo, 0, 1)
    expect(r.ok && r.value.bytes).toBe(photo.bytes)
  })

  it('PNG stays PNG', async () => {
    const r = await rotateQuarterTurns(await encoded(await quadrantsPng(200, 100), 'image/png'), 1, 1024 * 1024)
    expect(r.ok && (await sharp(r.value.bytes).metadata()).format).toBe('png')
    expect(r.ok && isColour(await topLeft(r.value.bytes), BLUE)).toBe(true)
  })

  it('says so when the turned photo cannot fit the limit', async () => {
    const r = await rotateQuarterTurns(await encoded(await quadrantsJpeg(400, 300), 'image/jpeg'), 1, 200)
    expect(r.ok ? 'ok' : r.error.code).toBe('image/too-large')
  })
})

describe('photoPreview', () => {
  it('is a small JPEG of the crop, or of the centred square', async () => {
    const bytes = await quadrantsJpeg(400, 300)
    const cropped = await photoPreview(bytes, { x: 10, y: 160, width: 120, height: 120 })
    expect((await sharp(cropped!).metadata()) ).toMatchObject({ width: 96, height: 96, format: 'jpeg' })
    expect(isColour(await meanColour(cropped!), BLUE)).toBe(true)
    const centred = await photoPreview(bytes, undefined, 64)
    expect((await sharp(centred!).metadata()).width).toBe(64)
    expect(isColour(await meanColour(centred!, { left: 2, top: 2, width: 10, height: 10 }), RED)).toBe(true)
  })

  it('is undefined for bytes that do not decode', async () => {
    expect(await photoPreview(new TextEncoder().encode('not an image'), undefined)).toBeUndefined()
  })
})
