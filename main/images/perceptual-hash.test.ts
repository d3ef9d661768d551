import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { paintPortrait, type PortraitSpec } from '../../emulator/images/portrait'
import { photoLikeJpeg } from '../testing/images/synthetic-images'
import { colourDifference, hammingDistance, isSamePicture, perceptualHash, SAME_PICTURE_MAX_DISTANCE, type PerceptualHash } from './perceptual-hash'

// Generated portraits as the emulator paints them: a backdrop with a pattern, a disc, the initials.
const BASE: PortraitSpec = { initials: 'AB', background: [41, 128, 185], accent: [230, 126, 34], pattern: 2 }
const SPECS: Readonly<Record<string, PortraitSpec>> = {
  base: BASE,
  'other initials, same backdrop': { ...BASE, initials: 'JS' },
  'other colours, same shapes': { ...BASE, background: [192, 57, 43], accent: [26, 188, 156] },
  'other pattern': { ...BASE, pattern: 1 },
  'other everything': { initials: 'ZK', background: [155, 89, 182], accent: [205, 220, 57], pattern: 3 },
  'gradient backdrop': { initials: 'MM', background: [52, 73, 94], accent: [233, 30, 99], pattern: 3 }
}
const SIZE = 640

const png = (spec: PortraitSpec): Buffer => paintPortrait(spec, SIZE, SIZE, { x: 0, y: 0, w: SIZE, h: SIZE }, SIZE, SIZE)

async function hash(bytes: Uint8Array): Promise<PerceptualHash> {
  const result = await perceptualHash(bytes)
  if (!result.ok) throw new Error(`not hashed: ${result.error.code}`)
  return result.value
}

/** What happens to a photo on its way to and from the portal. */
const REENCODES: Readonly<Record<string, (image: Buffer) => Promise<Buffer>>> = {
  'JPEG quality 60': (image) => sharp(image).jpeg({ quality: 60 }).toBuffer(),
  'resized to 1280 px, JPEG 60': (image) => sharp(image).resize(1280, 1280).jpeg({ quality: 60 }).toBuffer(),
  'resized to 200 px, JPEG 60': (image) => sharp(image).resize(200, 200).jpeg({ quality: 60 }).toBuffer(),
  'WebP at 200 px': (image) => sharp(image).resize(200, 200).webp({ quality: 50 }).toBuffer(),
  // Stored turned 90° left with EXIF orientation 6: viewers (and the hash) turn it upright.
  'sideways with EXIF orientation': (image) => sharp(image).rotate(-90).jpeg({ quality: 80 }).withMetadata({ orientation: 6 }).toBuffer()
}

describe('perceptual hash on real decoded pixels', () => {
  it.each(Object.entries(SPECS).flatMap(([name, spec]) => Object.keys(REENCODES).map((how) => [name, how, spec] as const)))(
    'the %s portrait %s is the same picture',
    async (_name, how, spec) => {
      const original = png(spec)
      const copy = await REENCODES[how]!(original)
      const [a, b] = await Promise.all([hash(original), hash(copy)])
      expect(hammingDistance(a, b)).toBeLessThanOrEqual(4)
      expect(isSamePicture(a, b)).toBe(true)
    }
  )

  it.each(Object.keys(SPECS).filter((name) => name !== 'base'))('a portrait with %s is a different picture', async (name) => {
    const [a, b] = await Promise.all([hash(png(BASE)), hash(await sharp(png(SPECS[name]!)).jpeg({ quality: 60 }).toBuffer())])
    expect(isSamePicture(a, b)).toBe(false)
  })

  it('tells portraits apart by shape alone (colour aside), with room to spare', async () => {
    const base = await hash(png(BASE))
    for (const name of ['other initials, same backdrop', 'other pattern', 'other everything']) {
      expect(hammingDistance(base, await hash(png(SPECS[name]!))), name).toBeGreaterThan(SAME_PICTURE_MAX_DISTANCE + 3)
    }
  })

  it('tells portraits apart by colour when their shapes match', async () => {
    const [a, b] = await Promise.all([hash(png(BASE)), hash(png(SPECS['other colours, same shapes']!))])
    expect(hammingDistance(a, b)).toBeLessThanOrEqual(SAME_PICTURE_MAX_DISTANCE)
    expect(colourDifference(a, b)).toBeGreaterThan(20)
    expect(isSamePicture(a, b)).toBe(false)
  })

  it('treats a photo and its JPEG 60 thumbnail alike, and a portrait as something else', async () => {
    const photo = await photoLikeJpeg(1600, 1200, { seed: 3 })
    const small = await sharp(photo).resize(200).jpeg({ quality: 60 }).toBuffer()
    const [a, b, c] = await Promise.all([hash(photo), hash(small), hash(png(BASE))])
    expect(isSamePicture(a, b)).toBe(true)
    expect(isSamePicture(a, c)).toBe(false)
  })

  it('flattens transparency onto white', async () => {
    const transparent = await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer()
    const white = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#ffffff' } }).png().toBuffer()
    expect(isSamePicture(await hash(transparent), await hash(white))).toBe(true)
  })

  it('returns the image errors as values, never throws', async () => {
    expect(await perceptualHash(new TextEncoder().encode('not an image'))).toMatchObject({ ok: false, error: { code: 'image/unsupported' } })
    const truncated = (await sharp(png(BASE)).jpeg().toBuffer()).subarray(0, 400)
    expect(await perceptualHash(truncated)).toMatchObject({ ok: false, error: { code: 'image/corrupt' } })
    expect(await perceptualHash(new Uint8Array())).toMatchObject({ ok: false })
  })

  it('puts anything that is not a hash as far apart as possible', () => {
    expect(hammingDistance('', 'x')).toBe(256)
    expect(isSamePicture('a'.repeat(224), 'nope')).toBe(false)
  })
})
