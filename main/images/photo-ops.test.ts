// History previews on real pixels.
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { BLUE, RED, isColour, meanColour, quadrantsJpeg } from '../testing/images/editor-test-images'
import { photoPreview } from './photo-ops'

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
