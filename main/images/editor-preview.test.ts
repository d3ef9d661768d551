import { readFileSync } from 'node:fs'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { decompressionBombPng, isColour, meanColour } from '../testing/images/editor-test-images'
import { BLUE, GREEN, RED, YELLOW, fromRaw, halves, quadrants, type Rgb } from '../testing/images/synthetic-images'
import { previewPhoto, PREVIEW_MAX_SIDE, type EditorPreview } from './editor-preview'
import type { PrepareResult } from './prepare-photo'

function value(result: PrepareResult<EditorPreview>): EditorPreview {
  if (!result.ok) throw new Error(`expected a preview, got ${result.error.code}: ${result.error.message} (${result.error.detail})`)
  return result.value
}

/** The mean colour of the middle half of each quadrant (away from the edges JPEG blurs). */
async function quadrantColours(preview: EditorPreview): Promise<Rgb[]> {
  const { width: w, height: h } = preview
  const box = (col: number, row: number) => ({ left: Math.floor(col * (w / 2) + w / 8), top: Math.floor(row * (h / 2) + h / 8), width: Math.floor(w / 4), height: Math.floor(h / 4) })
  return Promise.all([box(0, 0), box(1, 0), box(0, 1), box(1, 1)].map((region) => meanColour(preview.bytes, region)))
}

async function expectJpeg(preview: EditorPreview, width: number, height: number): Promise<void> {
  expect(preview.mime).toBe('image/jpeg')
  const meta = await sharp(preview.bytes).metadata()
  expect(meta.format).toBe('jpeg')
  expect([meta.width, meta.height]).toEqual([width, height])
  expect([preview.width, preview.height]).toEqual([width, height])
}

describe('previewPhoto: a JPEG the editor can show for sources the browser cannot', () => {
  it('HEIC (HEVC, which Chromium cannot show) gives a JPEG with the quadrants where they are', async () => {
    // testing/images/quadrants.heic: 64×48, red/green/blue/yellow quadrants (see prepare-photo.test.ts).
    const input = readFileSync(new URL('../testing/images/quadrants.heic', import.meta.url))
    const preview = value(await previewPhoto(input))
    await expectJpeg(preview, 64, 48)
    const colours = await quadrantColours(preview)
    ;[RED, GREEN, BLUE, YELLOW].forEach((expected, i) => expect(isColour(colours[i]!, expected), `quadrant ${i}: ${JSON.stringify(colours[i])}`).toBe(true))
  })

  it('TIFF gives a JPEG with the quadrants where they are', async () => {
    const input = await fromRaw(quadrants(160, 120)).tiff().toBuffer()
    const preview = value(await previewPhoto(input))
    await expectJpeg(preview, 160, 120)
    const colours = await quadrantColours(preview)
    ;[RED, GREEN, BLUE, YELLOW].forEach((expected, i) => expect(isColour(colours[i]!, expected), `quadrant ${i}: ${JSON.stringify(colours[i])}`).toBe(true))
  })

  it('applies the EXIF orientation of a TIFF, as preparation does: the preview is upright', async () => {
    // Stored 200×100 with red on top, blue below; orientation 6 means "turn 90° clockwise to view":
    // upright it is 100×200 with red on the right.
    const input = await fromRaw(halves(200, 100, RED, BLUE)).withMetadata({ orientation: 6 }).tiff().toBuffer()
    expect((await sharp(input).metadata()).orientation).toBe(6)
    const preview = value(await previewPhoto(input))
    await expectJpeg(preview, 100, 200)
    expect(isColour(await meanColour(preview.bytes, { left: 70, top: 80, width: 20, height: 40 }), RED)).toBe(true)
    expect(isColour(await meanColour(preview.bytes, { left: 10, top: 80, width: 20, height: 40 }), BLUE)).toBe(true)
  })

  it(`fits a large source within ${PREVIEW_MAX_SIDE} px, keeping its shape`, async () => {
    const input = await fromRaw(quadrants(3000, 2000)).tiff({ compression: 'lzw' }).toBuffer()
    const preview = value(await previewPhoto(input))
    await expectJpeg(preview, 2048, 1365)
  })

  it('refuses a decompression bomb from its header, before decoding', async () => {
    const result = await previewPhoto(decompressionBombPng(30_000))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('image/too-large')
  })

  it('refuses what is not an image', async () => {
    const result = await previewPhoto(new TextEncoder().encode('not a photo at all'))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('image/unsupported')
  })
})
