// History previews on real pixels.
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { BLUE, RED, isColour, meanColour, quadrantsJpeg } from '../testing/images/editor-test-images'
import { photoPreview } from './photo-ops'

describe('photoPreview', () => {
  it('is a small JPEG of the crop, or of the centred square', async () => {
    const image = { bytes: await quadrantsJpeg(400, 300), width: 400, height: 300 }
    const cropped = await photoPreview(image, { x: 10, y: 160, width: 120, height: 120 })
    expect(await sharp(cropped!).metadata()).toMatchObject({ width: 96, height: 96, format: 'jpeg' })
    expect(isColour(await meanColour(cropped!), BLUE)).toBe(true)
    const centred = await photoPreview(image, undefined, 64)
    expect((await sharp(centred!).metadata()).width).toBe(64)
    expect(isColour(await meanColour(centred!, { left: 2, top: 2, width: 10, height: 10 }), RED)).toBe(true)
  })

  it('cuts the crop of a large JPEG, which is scaled before the cut', async () => {
    // 1280 × 960: the quarter-size decode of shrink-on-load is in play; the crop lies wholly in the blue quadrant.
    const image = { bytes: await quadrantsJpeg(1280, 960), width: 1280, height: 960 }
    const preview = await photoPreview(image, { x: 330, y: 500, width: 300, height: 300 })
    expect(await sharp(preview!).metadata()).toMatchObject({ width: 96, height: 96 })
    expect(isColour(await meanColour(preview!, { left: 2, top: 2, width: 8, height: 8 }), BLUE)).toBe(true)
    expect(isColour(await meanColour(preview!, { left: 86, top: 86, width: 8, height: 8 }), BLUE)).toBe(true)
  })

  it('is undefined for bytes that do not decode', async () => {
    expect(await photoPreview({ bytes: new TextEncoder().encode('not an image'), width: 400, height: 300 }, undefined)).toBeUndefined()
  })
})
