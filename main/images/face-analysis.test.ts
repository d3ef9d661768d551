import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import type { FaceWarningCode } from '../../preload/contract'
import { realPhoto } from '../testing/real-photos'
import { analyseFaces, type FaceAnalysis } from './face-analysis'
import { HOUSE_STYLE, estimateHead } from './face-framing'
import { createHumanFaceDetector } from './human-face-detector'

// One detector for the file: loading the models takes a second or two.
const detector = createHumanFaceDetector()

async function analyse(bytes: Uint8Array, preset: 'tight' | 'standard' | 'loose' = 'standard'): Promise<FaceAnalysis> {
  const result = await analyseFaces(bytes, { detector, preset })
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const codes = (a: FaceAnalysis): FaceWarningCode[] => a.framing.warnings.map((w) => w.code)

/** The proposed crop in the upright source's pixels. */
function cropPixels(a: FaceAnalysis) {
  const c = a.framing.crop
  if (!c) throw new Error('no crop')
  const turned = a.framing.turns % 2 === 1
  const w = turned ? a.image.height : a.image.width
  const h = turned ? a.image.width : a.image.height
  return { x: c.x * w, y: c.y * h, side: c.width * w, sideY: c.height * h, w, h }
}

function expectFramedOn(a: FaceAnalysis, faceIndex = 0) {
  const face = a.faces[faceIndex]!
  const crop = cropPixels(a)
  expect(crop.side).toBeCloseTo(crop.sideY, 0) // square in pixels
  for (const eye of [face.leftEye, face.rightEye]) {
    expect(eye.x).toBeGreaterThan(crop.x)
    expect(eye.x).toBeLessThan(crop.x + crop.side)
  }
  const eyeY = (face.leftEye.y + face.rightEye.y) / 2
  expect((eyeY - crop.y) / crop.side).toBeCloseTo(HOUSE_STYLE.eyeLine, 1)
  const eyeX = (face.leftEye.x + face.rightEye.x) / 2
  expect(Math.abs(eyeX - (crop.x + crop.side / 2))).toBeLessThan(crop.side * 0.02) // centred
  const head = estimateHead(face)
  expect(head.y).toBeGreaterThanOrEqual(crop.y - 1) // the crown is inside
  expect(face.chin.y).toBeLessThan(crop.y + crop.side) // and the chin
  expect(face.box.x).toBeGreaterThanOrEqual(crop.x)
  expect(face.box.x + face.box.width).toBeLessThanOrEqual(crop.x + crop.side)
  return { crop, head }
}

describe('face framing on real photos', () => {
  it('frames a portrait: eyes at the set height, centred, the whole head inside, no warning but the small source', async () => {
    const a = await analyse(await realPhoto('astronaut'))
    expect(a.faces).toHaveLength(1)
    const { crop, head } = expectFramedOn(a)
    expect(head.height / crop.side).toBeGreaterThan(0.55)
    expect(head.height / crop.side).toBeLessThan(HOUSE_STYLE.maxHeadShare + 0.01)
    // 512 px source: the crop has fewer than 360 pixels, so the portal's retina size is enlarged.
    expect(codes(a)).toEqual(['upscaled'])
    expect(a.framing.rollDegrees).not.toBeNull()
    expect(Math.abs(a.framing.rollDegrees!)).toBeLessThan(10)
  })

  it('with the editor preview: one decode gives a 2048 px upright JPEG and the same framing as without', async () => {
    const big = await sharp(await realPhoto('astronaut')).resize(3000, 3000).jpeg({ quality: 90 }).toBuffer()
    const plain = await analyse(big)
    const result = await analyseFaces(big, { detector, preset: 'standard', preview: true })
    if (!result.ok) throw new Error(result.error.message)
    const { preview, ...framed } = result.value
    expect(plain.preview).toBeUndefined()
    expect(preview).toMatchObject({ mime: 'image/jpeg', width: 2048, height: 2048 })
    expect(await sharp(preview!.bytes).metadata()).toMatchObject({ format: 'jpeg', width: 2048, height: 2048 })
    expect(framed.faces).toHaveLength(1)
    expect(codes(framed)).toEqual(codes(plain))
    for (const k of ['x', 'y', 'width', 'height'] as const) expect(framed.framing.crop![k]).toBeCloseTo(plain.framing.crop![k], 2)
  })

  it('tight, standard and loose give the head a decreasing share of the square', async () => {
    const bytes = await sharp(await realPhoto('group')).extract({ left: 120, top: 0, width: 260, height: 346 })
      .extend({ top: 200, bottom: 200, left: 200, right: 200, background: '#808080' }) // room for the loose square
      .resize({ height: 1400 })
      .jpeg()
      .toBuffer()
    const sides = []
    for (const preset of ['tight', 'standard', 'loose'] as const) {
      const a = await analyse(new Uint8Array(bytes), preset)
      expectFramedOn(a)
      sides.push(cropPixels(a).side)
    }
    expect(sides[0]).toBeLessThan(sides[1]!)
    expect(sides[1]).toBeLessThan(sides[2]!)
  })

  it('says no-face for a landscape and proposes no crop', async () => {
    for (const name of ['rocket', 'coffee'] as const) {
      const a = await analyse(await realPhoto(name))
      expect(a.faces).toEqual([])
      expect(a.framing.crop).toBeNull()
      expect(codes(a)).toEqual(['no-face'])
    }
  })

  it('frames the largest face of a group photo and says several-faces', async () => {
    const a = await analyse(await realPhoto('group'))
    expect(a.faces.length).toBe(3)
    const sizes = a.faces.map((f) => f.box.width * f.box.height)
    expect(sizes[0]).toBe(Math.max(...sizes))
    expect(a.framing.warnings).toContainEqual({ code: 'several-faces', faces: 3 })
    const crop = cropPixels(a)
    const framed = a.faces[0]!
    expect(framed.leftEye.x).toBeGreaterThan(crop.x)
    expect(framed.rightEye.x).toBeLessThan(crop.x + crop.side)
  })

  it('a blurred copy gets the blur warning, the sharp original does not', async () => {
    const original = await realPhoto('group')
    const blurred = new Uint8Array(await sharp(original).blur(2).jpeg({ quality: 90 }).toBuffer())
    expect(codes(await analyse(original))).not.toContain('blurry')
    expect(codes(await analyse(blurred))).toContain('blurry')
  })

  it('a darkened copy is too dark, a washed-out copy too bright, neither is called blurry', async () => {
    const original = await realPhoto('astronaut')
    const dark = await analyse(new Uint8Array(await sharp(original).linear(0.3, 0).jpeg().toBuffer()))
    const bright = await analyse(new Uint8Array(await sharp(original).linear(0.5, 150).jpeg().toBuffer()))
    expect(codes(dark)).toContain('too-dark')
    expect(codes(bright)).toContain('too-bright')
    expect(codes(dark)).not.toContain('blurry')
    expect(codes(bright)).not.toContain('blurry')
    expect(codes(await analyse(original))).not.toContain('too-dark')
  })

  it('a picture lying on its side says not-upright with the turn that fixes it, and frames the turned picture', async () => {
    const original = await realPhoto('astronaut')
    for (const [angle, turns] of [[90, 3], [270, 1]] as const) {
      const a = await analyse(new Uint8Array(await sharp(original).rotate(angle).jpeg().toBuffer()))
      expect(a.framing.turns).toBe(turns)
      expect(a.framing.warnings).toContainEqual({ code: 'not-upright', turns })
      expectFramedOn(a)
    }
  })

  it('a small face in a wide picture says face-too-small; a tilted head is reported', async () => {
    const original = await realPhoto('astronaut')
    // The portrait pasted small into a big grey canvas: a far-away person.
    const small = await sharp(original).resize(300).toBuffer()
    const wide = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#777' } }).composite([{ input: small, left: 1000, top: 600 }]).jpeg().toBuffer()
    expect(codes(await analyse(new Uint8Array(wide)))).toContain('face-too-small')
    const tilted = await analyse(new Uint8Array(await sharp(original).rotate(20, { background: '#777' }).jpeg().toBuffer()))
    const warning = tilted.framing.warnings.find((w) => w.code === 'tilted')
    expect(warning?.rollDegrees).toBeGreaterThan(12)
  })
})
