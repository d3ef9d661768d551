import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { renderRealSizeThumbnails, renderThumbnails, THUMB_PIXELS, THUMB_SIZES, type Crop } from './images'

/** A JPEG full of detail at every scale (blurred noise): what tells one way of reducing it from another. */
async function detailedJpeg(width: number, height: number): Promise<Buffer> {
  const noise = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .png()
    .toBuffer()
  return sharp(noise).blur(1.5).jpeg({ quality: 90 }).toBuffer()
}

/** Mean absolute difference per channel (0..255) of two PNGs of one size. */
async function meanDifference(a: Buffer, b: Buffer): Promise<number> {
  const [x, y] = await Promise.all([sharp(a).raw().toBuffer(), sharp(b).raw().toBuffer()])
  expect(x.length).toBe(y.length)
  let sum = 0
  for (let i = 0; i < x.length; i++) sum += Math.abs((x[i] ?? 0) - (y[i] ?? 0))
  return sum / x.length
}

describe('sized thumbnails', () => {
  it('are, size by size, the crop of the original reduced to fit, as PNG', async () => {
    const original = await detailedJpeg(1280, 960)
    const crop: Crop = { x: 300, y: 100, w: 700, h: 700 }
    const sizes = await renderThumbnails(original, crop)
    for (const size of THUMB_SIZES) {
      const px = THUMB_PIXELS[size]
      const meta = await sharp(sizes[size]).metadata()
      expect([meta.format, meta.width, meta.height]).toEqual(['png', px, px])
      // Reducing the region straight to this size: the smaller sizes come from the largest, not from the region.
      const direct = await sharp(original).extract({ left: crop.x, top: crop.y, width: crop.w, height: crop.h }).resize(px, px).png().toBuffer()
      expect(await meanDifference(sizes[size], direct), size).toBeLessThan(1.5)
    }
  })

  it('of a non-square crop keep its aspect and are named by the size they have', async () => {
    const original = await detailedJpeg(1280, 960)
    const files = await renderRealSizeThumbnails(original, { x: 0, y: 0, w: 800, h: 600 }, 'jpeg', 'u1')
    expect(files.map((f) => f.name)).toEqual(['u1_size_360-270.jpeg', 'u1_size_200-150.jpeg', 'u1_size_82-62.jpeg', 'u1_size_48-36.jpeg', 'u1_size_32-24.jpeg'])
  })

  it('of a crop smaller than the largest size are each enlarged from the crop itself', async () => {
    const original = await detailedJpeg(400, 300)
    const crop: Crop = { x: 50, y: 50, w: 100, h: 100 }
    const sizes = await renderThumbnails(original, crop)
    const direct = await sharp(original).extract({ left: 50, top: 50, width: 100, height: 100 }).resize(32, 32).png().toBuffer()
    expect(await meanDifference(sizes.small, direct)).toBeLessThan(0.5)
  })
})
