import { readFileSync } from 'node:fs'
import sharp, { type Sharp } from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { BLUE, GREEN, RED, YELLOW, fromRaw, halves, photoLike, photoLikeJpeg, quadrants, type Rgb } from '../testing/images/synthetic-images'
import { inspectImage, preparePhoto, type PreparedPhoto, type PrepareFailure, type PrepareResult } from './prepare-photo'
import { decompressionBombPng, isColour, meanColour, quadrantsJpeg, quadrantsPng } from '../testing/images/editor-test-images'

const MiB = 1024 * 1024
const LIMIT = { maxUploadBytes: MiB }

async function pixelAt(bytes: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true })
  const at = (y * info.width + x) * info.channels
  return Array.from(data.subarray(at, at + info.channels))
}

function expectColour(actual: readonly number[], expected: Rgb, tolerance = 40): void {
  const rgb = actual.slice(0, 3)
  const close = rgb.every((v, i) => Math.abs(v - expected[i]!) <= tolerance)
  expect(close, `pixel ${JSON.stringify(rgb)} should be close to ${JSON.stringify(expected)}`).toBe(true)
}

function ok(result: PrepareResult<PreparedPhoto>): PreparedPhoto {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message} (${result.error.detail})`)
  return result.value
}

/** Samples the middle of each quadrant of the output and compares with red, green, blue, yellow. */
async function expectQuadrants(photo: PreparedPhoto): Promise<void> {
  const { width: w, height: h } = photo
  expectColour(await pixelAt(photo.bytes, Math.floor(w / 4), Math.floor(h / 4)), RED)
  expectColour(await pixelAt(photo.bytes, Math.floor((3 * w) / 4), Math.floor(h / 4)), GREEN)
  expectColour(await pixelAt(photo.bytes, Math.floor(w / 4), Math.floor((3 * h) / 4)), BLUE)
  expectColour(await pixelAt(photo.bytes, Math.floor((3 * w) / 4), Math.floor((3 * h) / 4)), YELLOW)
}


describe('preparePhoto: every accepted format decodes to the right colours', () => {
  const source = quadrants(160, 120)
  const encoders: Record<string, (s: Sharp) => Sharp> = {
    jpeg: (s) => s.jpeg({ quality: 90 }),
    png: (s) => s.png(),
    webp: (s) => s.webp({ quality: 90 }),
    gif: (s) => s.gif(),
    tiff: (s) => s.tiff(),
    avif: (s) => s.avif({ quality: 80 })
  }

  for (const [format, encode] of Object.entries(encoders)) {
    it(`${format} -> JPEG with the same quadrants`, async () => {
      const input = await encode(fromRaw(source)).toBuffer()
      const photo = ok(await preparePhoto(input, LIMIT))
      expect(photo.sourceFormat).toBe(format)
      expect(photo.mime).toBe('image/jpeg')
      expect([photo.width, photo.height]).toEqual([160, 120])
      expect((await sharp(photo.bytes).metadata()).format).toBe('jpeg')
      await expectQuadrants(photo)
    })
  }

  it('heic (iPhone format, HEVC) -> JPEG with the same quadrants, decoded through libheif-js', async () => {
    // testing/images/quadrants.heic: 64×48 quadrants red/green/blue/yellow, made here with
    // `heif-enc -q 90` (Debian libheif-examples + x265) from a PNG generated like `quadrants(64, 48)`.
    const input = readFileSync(new URL('../testing/images/quadrants.heic', import.meta.url))
    expect((await sharp(input).metadata()).compression).toBe('hevc') // sharp alone cannot decode it
    const photo = ok(await preparePhoto(input, LIMIT))
    expect(photo.sourceFormat).toBe('heic')
    expect(photo.mime).toBe('image/jpeg')
    expect([photo.width, photo.height]).toEqual([64, 48])
    await expectQuadrants(photo)
  })

  it('a CMYK JPEG comes out as sRGB with the right colour', async () => {
    const input = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 200, g: 100, b: 50 } } })
      .toColourspace('cmyk')
      .jpeg({ quality: 95 })
      .toBuffer()
    expect((await sharp(input).metadata()).space).toBe('cmyk')
    const photo = ok(await preparePhoto(input, LIMIT))
    const meta = await sharp(photo.bytes).metadata()
    expect([meta.space, meta.channels]).toEqual(['srgb', 3])
    expectColour(await pixelAt(photo.bytes, 32, 32), [200, 100, 50], 30)
  })

  it('a 16-bit PNG comes out as an 8-bit JPEG with the right colours', async () => {
    const input = await fromRaw(source).toColourspace('rgb16').png().toBuffer()
    expect((await sharp(input).metadata()).depth).toBe('ushort')
    await expectQuadrants(ok(await preparePhoto(input, LIMIT)))
  })

  it('an animated GIF gives its first frame (red), not the second (blue)', async () => {
    const frame = (colour: string) => sharp({ create: { width: 48, height: 48, channels: 3, background: colour } }).png().toBuffer()
    const gif = await sharp([await frame('#ff0000'), await frame('#0000ff')], { join: { animated: true } }).gif().toBuffer()
    expect((await sharp(gif).metadata()).pages).toBe(2)

    const photo = ok(await preparePhoto(gif, LIMIT))
    expect([photo.width, photo.height]).toEqual([48, 48])
    expectColour(await pixelAt(photo.bytes, 24, 24), RED)
    expect((await sharp(photo.bytes).metadata()).pages ?? 1).toBe(1)
    const info = await inspectImage(gif)
    expect(info.ok && info.value.frames).toBe(2)
  })
})

describe('preparePhoto: EXIF orientation is applied (the portal does not)', () => {
  // Stored pixels: 200×100, top half red, bottom half blue. A viewer honouring the tag shows:
  // 6 (rotate 90° clockwise): 100×200, the stored top row becomes the right-hand column -> red on the right;
  // 8 (rotate 90° counter-clockwise): red on the left; 3 (rotate 180°): red at the bottom.
  const stored = halves(200, 100, RED, BLUE)
  const cases = [
    { orientation: 6, size: [100, 200], red: [75, 100], blue: [25, 100] },
    { orientation: 8, size: [100, 200], red: [25, 100], blue: [75, 100] },
    { orientation: 3, size: [200, 100], red: [100, 75], blue: [100, 25] }
  ] as const

  for (const c of cases) {
    it(`orientation ${c.orientation}: pixels end up where the photographer saw them, with no tag left`, async () => {
      const input = await fromRaw(stored).withMetadata({ orientation: c.orientation }).jpeg({ quality: 95 }).toBuffer()
      const photo = ok(await preparePhoto(input, LIMIT))
      expect(photo.orientationApplied).toBe(c.orientation)
      expect([photo.width, photo.height]).toEqual(c.size)
      expect([photo.sourceWidth, photo.sourceHeight]).toEqual(c.size)
      expectColour(await pixelAt(photo.bytes, c.red[0], c.red[1]), RED)
      expectColour(await pixelAt(photo.bytes, c.blue[0], c.blue[1]), BLUE)
      // No orientation tag may survive, or a viewer would rotate the already upright pixels again.
      expect((await sharp(photo.bytes).metadata()).orientation).toBeUndefined()
    })
  }

  it('inspectImage reports the tag and the upright size without decoding', async () => {
    const input = await fromRaw(stored).withMetadata({ orientation: 6 }).jpeg().toBuffer()
    const info = await inspectImage(input)
    expect(info).toEqual({
      ok: true,
      value: { format: 'jpeg', width: 100, height: 200, orientation: 6, pixelCount: 20_000, frames: 1, hasAlpha: false, byteLength: input.byteLength }
    })
  })

  it('a photo without a tag reports orientationApplied null', async () => {
    const input = await fromRaw(stored).jpeg().toBuffer()
    expect(ok(await preparePhoto(input, LIMIT)).orientationApplied).toBeNull()
  })
})

describe('preparePhoto: metadata is stripped', () => {
  it('GPS, EXIF, XMP and the ICC profile are gone, and colours were converted to sRGB first', async () => {
    const srgb: Rgb = [200, 100, 50]
    const input = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: srgb[0], g: srgb[1], b: srgb[2] } } })
      .withIccProfile('p3') // converts the pixels to Display P3 and embeds that profile
      .withExif({
        IFD0: { Copyright: 'SECRET-EXIF-OWNER', Make: 'TestCam' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' }
      })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description>SECRET-XMP-NOTE</rdf:Description></rdf:RDF></x:xmpmeta>')
      .jpeg({ quality: 95 })
      .toBuffer()
    const before = await sharp(input).metadata()
    expect(before.exif?.includes('SECRET-EXIF-OWNER')).toBe(true)
    expect(before.exif?.includes(Buffer.from([0x88, 0x25])) || before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true) // GPS IFD pointer tag
    expect(before.xmpAsString).toContain('SECRET-XMP-NOTE')
    expect(before.icc).toBeDefined()
    const storedValues = await pixelAt(await sharp(input, { ignoreIcc: true }).png().toBuffer(), 32, 32)
    expect(storedValues.some((v, i) => Math.abs(v - srgb[i]!) > 8), 'the stored P3 values differ from the sRGB ones').toBe(true)

    const photo = ok(await preparePhoto(input, LIMIT))
    expect(photo.metadataStripped).toBe(true)
    const after = await sharp(photo.bytes).metadata()
    expect(after.exif).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    expect(after.iptc).toBeUndefined()
    expect(after.icc).toBeUndefined()
    const text = Buffer.from(photo.bytes).toString('latin1')
    expect(text).not.toContain('SECRET')
    expect(text).not.toContain('Exif\0')
    expect(text).not.toContain('TestCam')
    expectColour(await pixelAt(photo.bytes, 32, 32), srgb, 6)
  })
})

describe('preparePhoto: size and byte limits', () => {
  it('a 6000×4000 JPEG fits within 1280 px and under 1 MiB', async () => {
    const input = await photoLikeJpeg(6000, 4000)
    expect(input.byteLength).toBeGreaterThan(MiB) // so the limit really matters
    const photo = ok(await preparePhoto(input, LIMIT))
    expect([photo.width, photo.height]).toEqual([1280, 853])
    expect([photo.sourceWidth, photo.sourceHeight]).toEqual([6000, 4000])
    expect(photo.bytes.byteLength).toBeLessThanOrEqual(MiB)
    const meta = await sharp(photo.bytes).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1280, 853])
  })

  it('lowers the quality step by step to fit a tight limit, keeping the size', async () => {
    const input = await fromRaw(photoLike(1280, 1280, 7)).png().toBuffer()
    const firstTry = await fromRaw(photoLike(1280, 1280, 7)).jpeg({ quality: 88 }).toBuffer()
    const limit = Math.floor(firstTry.byteLength * 0.6)
    const photo = ok(await preparePhoto(input, { maxUploadBytes: limit }))
    expect(photo.bytes.byteLength).toBeLessThanOrEqual(limit)
    expect([photo.width, photo.height]).toEqual([1280, 1280])
  })

  it('shrinks the picture when quality alone is not enough, never below 360 px', async () => {
    const input = await fromRaw(photoLike(1280, 1280, 3)).png().toBuffer()
    const lowest = await fromRaw(photoLike(1280, 1280, 3)).jpeg({ quality: 56 }).toBuffer()
    const limit = Math.floor(lowest.byteLength * 0.7)
    const photo = ok(await preparePhoto(input, { maxUploadBytes: limit }))
    expect(photo.bytes.byteLength).toBeLessThanOrEqual(limit)
    expect(photo.width).toBeLessThan(1280)
    expect(Math.min(photo.width, photo.height)).toBeGreaterThanOrEqual(360)
  })

  it('fails clearly, with no bytes, when no quality or size fits the limit', async () => {
    const input = await photoLikeJpeg(1000, 800)
    const result = await preparePhoto(input, { maxUploadBytes: 4000 })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('image/too-large')
    expect(result.error.facts).toEqual({ imageProblem: 'over-byte-limit', maxUploadBytes: 4000 })
    expect(result).not.toHaveProperty('value')
  })

  it('never enlarges a small photo', async () => {
    const photo = ok(await preparePhoto(await fromRaw(quadrants(300, 200)).png().toBuffer(), LIMIT))
    expect([photo.width, photo.height]).toEqual([300, 200])
  })

  it('honours a smaller maxSide', async () => {
    const photo = ok(await preparePhoto(await fromRaw(quadrants(800, 400)).png().toBuffer(), { ...LIMIT, maxSide: 200 }))
    expect([photo.width, photo.height]).toEqual([200, 100])
    await expectQuadrants(photo)
  })

  it('refuses a picture smaller than 32 px with its size in the facts', async () => {
    const result = await preparePhoto(await fromRaw(quadrants(20, 20)).png().toBuffer(), LIMIT)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('image/too-small')
    expect(result.error.facts).toEqual({ imageProblem: 'too-small', width: 20, height: 20, minSide: 32 })
  })

  it('throws on nonsense options (a caller bug, e.g. maxImageUploadSize 0 from an anonymous /settings)', async () => {
    await expect(preparePhoto(Buffer.from('x'), { maxUploadBytes: 0 })).rejects.toThrow(RangeError)
  })
})

describe('preparePhoto: transparency', () => {
  const transparentRight = (): Buffer => {
    const w = 100
    const h = 80
    const data = Buffer.alloc(w * h * 4)
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set(x < w / 2 ? [255, 0, 0, 255] : [0, 0, 0, 0], (y * w + x) * 4)
    return data
  }

  it('real transparency gives a PNG that keeps it', async () => {
    const input = await sharp(transparentRight(), { raw: { width: 100, height: 80, channels: 4 } }).png().toBuffer()
    const photo = ok(await preparePhoto(input, LIMIT))
    expect(photo.mime).toBe('image/png')
    const meta = await sharp(photo.bytes).metadata()
    expect([meta.format, meta.hasAlpha]).toEqual(['png', true])
    const left = await pixelAt(photo.bytes, 20, 40)
    expectColour(left, RED, 0)
    expect(left[3]).toBe(255)
    expect((await pixelAt(photo.bytes, 80, 40))[3]).toBe(0)
  })

  it('an alpha channel that is fully opaque gives a JPEG', async () => {
    const input = await fromRaw(quadrants(100, 80)).ensureAlpha(1).png().toBuffer()
    expect((await sharp(input).metadata()).hasAlpha).toBe(true)
    const photo = ok(await preparePhoto(input, LIMIT))
    expect(photo.mime).toBe('image/jpeg')
    await expectQuadrants(photo)
  })
})

describe('preparePhoto: clear failures', () => {
  let bomb: Buffer
  beforeAll(() => {
    bomb = decompressionBombPng(30_000)
  })

  async function failure(input: Uint8Array): Promise<PrepareFailure> {
    const result = await preparePhoto(input, LIMIT)
    if (result.ok) throw new Error('expected a failure')
    expect(result).not.toHaveProperty('value')
    return result.error
  }

  it('a text file renamed .jpg is "not an image" (the name is never looked at)', async () => {
    const error = await failure(Buffer.from('Quarterly review notes\nAlice: photo missing\n'))
    expect(error.code).toBe('image/unsupported')
    expect(error.facts).toEqual({ imageProblem: 'not-an-image' })
  })

  it('an empty file says so', async () => {
    const error = await failure(new Uint8Array(0))
    expect(error.code).toBe('image/unsupported')
    expect(error.facts).toEqual({ imageProblem: 'empty' })
  })

  it('a truncated JPEG is reported as damaged', async () => {
    const whole = await photoLikeJpeg(400, 300)
    const error = await failure(whole.subarray(0, Math.floor(whole.byteLength * 0.6)))
    expect(error.code).toBe('image/corrupt')
    expect(error.facts).toEqual({ imageProblem: 'incomplete' })
  })

  it('a JPEG cut inside its header is reported as damaged', async () => {
    const error = await failure((await photoLikeJpeg(400, 300)).subarray(0, 40))
    expect(error.code).toBe('image/corrupt')
  })

  it('a truncated PNG is reported as damaged', async () => {
    const whole = await fromRaw(photoLike(300, 300)).png().toBuffer()
    const error = await failure(whole.subarray(0, Math.floor(whole.byteLength / 2)))
    expect(error.code).toBe('image/corrupt')
  })

  it('a truncated HEIC is reported as damaged', async () => {
    const whole = readFileSync(new URL('../testing/images/quadrants.heic', import.meta.url))
    const error = await failure(whole.subarray(0, 600))
    expect(error.code).toBe('image/corrupt')
  })

  it('a 30000×30000 PNG is refused from its header, quickly, with its dimensions', async () => {
    expect(bomb.byteLength).toBeLessThan(200_000) // tiny file, 900 MP once decoded
    const started = performance.now()
    const error = await failure(bomb)
    const elapsed = performance.now() - started
    expect(error.code).toBe('image/too-large')
    expect(error.facts).toEqual({ imageProblem: 'too-many-pixels', width: 30_000, height: 30_000, megapixels: 900, maxMegapixels: 120 })
    // Decoding 900 MP would take minutes and gigabytes; refused from the header it is far under this.
    expect(elapsed).toBeLessThan(15_000)

    const info = await inspectImage(bomb)
    expect(info.ok && [info.value.width, info.value.height, info.value.pixelCount]).toEqual([30_000, 30_000, 900_000_000])
  })

  it('SVG is refused as such', async () => {
    const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="red"/></svg>')
    const error = await failure(svg)
    expect(error.code).toBe('image/unsupported')
    expect(error.facts).toEqual({ imageProblem: 'refused-format', refusedFormat: 'svg' })
  })

  it('BMP is refused as such', async () => {
    // 2×2, 24-bit, bottom-up BMP
    const header = Buffer.alloc(54)
    header.write('BM', 0, 'latin1')
    header.writeUInt32LE(54 + 16, 2)
    header.writeUInt32LE(54, 10)
    header.writeUInt32LE(40, 14)
    header.writeInt32LE(2, 18)
    header.writeInt32LE(2, 22)
    header.writeUInt16LE(1, 26)
    header.writeUInt16LE(24, 28)
    const error = await failure(Buffer.concat([header, Buffer.alloc(16, 0x80)]))
    expect(error.code).toBe('image/unsupported')
    expect(error.facts).toEqual({ imageProblem: 'refused-format', refusedFormat: 'bmp' })
  })
})

describe('quarter turns chosen in the editor', () => {
  async function topLeftColour(bytes: Uint8Array) {
    const meta = await sharp(bytes).metadata()
    return meanColour(bytes, { left: 4, top: 4, width: Math.floor(meta.width / 2) - 8, height: Math.floor(meta.height / 2) - 8 })
  }

  it.each([
    [1, [300, 400], BLUE], // clockwise: the bottom-left quadrant comes to the top-left
    [2, [400, 300], YELLOW],
    [3, [300, 400], GREEN]
  ] as const)('%i quarter turn(s) give %j with the right quadrant top-left, in one encode', async (turns, size, colour) => {
    const r = await preparePhoto(new Uint8Array(await quadrantsJpeg(400, 300)), { maxUploadBytes: 1024 * 1024, rotate: turns })
    if (!r.ok) throw new Error(r.error.message)
    expect([r.value.width, r.value.height]).toEqual(size)
    expect(isColour(await topLeftColour(r.value.bytes), colour)).toBe(true)
  })

  it('PNG input is turned too', async () => {
    const r = await preparePhoto(new Uint8Array(await quadrantsPng(200, 100)), { maxUploadBytes: 1024 * 1024, rotate: 1 })
    if (!r.ok) throw new Error(r.error.message)
    expect([r.value.width, r.value.height]).toEqual([100, 200])
    expect(isColour(await topLeftColour(r.value.bytes), BLUE)).toBe(true)
  })
})
