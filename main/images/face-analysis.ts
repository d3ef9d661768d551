/**
 * Face framing and the quality check for one photo: decode it as preparation does (upright, EXIF
 * applied, HEIC through libheif), find the faces, frame the largest in the house style and say plainly
 * what makes the photo unfit to be a profile picture. Warnings never block anything.
 */
import sharp, { type Sharp } from 'sharp'
import type { FaceFraming, FaceWarning, FramingPreset, QuarterTurns } from '../../preload/contract'
import { eyeDistance, type DetectedFace, type FaceDetector, type RgbImage } from './face-detector'
import { frameFace } from './face-framing'
import { measureFace, QUALITY_THRESHOLDS } from './face-quality'
import { decodeUpright, type PrepareResult, type SourceFormat, type UprightPixels } from './prepare-photo'
import { PREVIEW_MAX_SIDE, previewOf, type EditorPreview } from './editor-preview'

/** Detection runs on the picture fitted within this many pixels: enough for a face the portal can use, quick to decode. */
export const DETECT_SIDE = 1024
/** The portal's largest stored size (retina avatar, CONTRACT.md §3.1): a crop with fewer source pixels gets enlarged. */
export const RETINA_SIDE = 360

export const FACE_LIMITS = {
  /** Faces whose eyes are closer than this share of the largest face's are background (posters, passers-by). */
  minRelativeEyeDistance: 0.3,
  /** The head under this share of the picture's shorter side: the person is far away and the crop zooms a long way in. */
  minHeadShare: 0.15,
  /** The eye line tilted more than this many degrees. */
  maxRollDegrees: 10
} as const

export interface FaceAnalysis {
  /** The editor's preview (editor-preview.ts) from the same decode, when asked for with `preview`. */
  readonly preview?: EditorPreview
  /** The upright source (EXIF applied), before any turn. */
  readonly image: { readonly format: SourceFormat; readonly width: number; readonly height: number }
  /** Faces in the upright source's pixels after `framing.turns`, largest first. */
  readonly faces: readonly DetectedFace[]
  readonly framing: FaceFraming
}

export interface AnalyseOptions {
  readonly detector: FaceDetector
  readonly preset: FramingPreset
  /** Also make the editor's preview: the source is then decoded once for both (at the preview's size). */
  readonly preview?: boolean
}

export async function analyseFaces(bytes: Uint8Array, options: AnalyseOptions): Promise<PrepareResult<FaceAnalysis>> {
  const decoded = await decodeUpright(bytes, { maxSide: options.preview ? PREVIEW_MAX_SIDE : DETECT_SIDE })
  if (!decoded.ok) return decoded
  const { header } = decoded.value
  const preview = options.preview ? await previewOf(decoded.value) : undefined
  const upright = preview ? { value: await fitted(decoded.value, DETECT_SIDE) } : decoded
  const raw = { width: upright.value.width, height: upright.value.height, channels: upright.value.channels }
  const rgb = await toRgb(sharp(upright.value.data, { raw }), 0)
  const image = { format: header.format, width: header.width, height: header.height }
  const withPreview = <T extends object>(analysis: T): T & { preview?: EditorPreview } => (preview ? { ...analysis, preview } : analysis)

  const found = await findUpright(options.detector, rgb, (turns) => toRgb(sharp(upright.value.data, { raw }), turns))
  if (!found) {
    return { ok: true, value: withPreview({ image, faces: [], framing: { crop: null, turns: 0, faces: 0, rollDegrees: null, warnings: [], detectorUnavailable: true } }) }
  }
  const { turns, pixels, faces } = found
  // Source pixels per detection pixel (turning swaps the sides, not the scale).
  const scale = header.width / upright.value.width
  const inSource = faces.map((f) => scaleFace(f, scale))
  const largest = faces[0]
  if (!largest) {
    return { ok: true, value: withPreview({ image, faces: [], framing: { crop: null, turns: 0, faces: 0, rollDegrees: null, warnings: [{ code: 'no-face' }] } }) }
  }

  // Framed in source pixels, so the square is square there (the fitted copy's sides are rounded).
  const [sourceWidth, sourceHeight] = turns % 2 === 1 ? [header.height, header.width] : [header.width, header.height]
  const framing = frameFace(inSource[0]!, sourceWidth, sourceHeight, options.preset)
  const warnings: FaceWarning[] = []
  if (turns !== 0) warnings.push({ code: 'not-upright', turns })
  const counted = faces.filter((f) => eyeDistance(f) >= FACE_LIMITS.minRelativeEyeDistance * eyeDistance(largest)).length
  if (counted > 1) warnings.push({ code: 'several-faces', faces: counted })
  if (framing.head.height < FACE_LIMITS.minHeadShare * Math.min(sourceWidth, sourceHeight)) warnings.push({ code: 'face-too-small' })
  const cropSide = Math.round(framing.square.width)
  if (cropSide < RETINA_SIDE) warnings.push({ code: 'upscaled', cropSide })
  const measures = await measureFace(pixels, largest.box)
  if (measures.sharpness < QUALITY_THRESHOLDS.minSharpness) warnings.push({ code: 'blurry' })
  if (measures.brightness < QUALITY_THRESHOLDS.minBrightness) warnings.push({ code: 'too-dark' })
  else if (measures.brightness > QUALITY_THRESHOLDS.maxBrightness) warnings.push({ code: 'too-bright' })
  const rollDegrees = round1(largest.rollDegrees)
  if (Math.abs(rollDegrees) > FACE_LIMITS.maxRollDegrees) warnings.push({ code: 'tilted', rollDegrees })

  return { ok: true, value: withPreview({ image, faces: inSource, framing: { crop: framing.crop, turns, faces: faces.length, rollDegrees, warnings } }) }
}

/** Pixels fitted within `side` (the detection size), channels kept. */
async function fitted(pixels: UprightPixels, side: number): Promise<{ data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 }> {
  const raw = { width: pixels.width, height: pixels.height, channels: pixels.channels }
  const { data, info } = await sharp(pixels.data, { raw })
    .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height, channels: info.channels }
}

interface Found {
  readonly turns: QuarterTurns
  readonly pixels: RgbImage
  readonly faces: readonly DetectedFace[]
}

/**
 * The detector finds faces turned by a quarter (it corrects roll itself), so the largest face's
 * up direction (chin to eyes) says which turn makes it upright; the picture is then turned and
 * detected again so every number is in upright pixels. Upside-down faces are often missed, so a
 * picture without any face is tried once more turned by half. Null when the detector cannot run.
 */
async function findUpright(detector: FaceDetector, rgb: RgbImage, turned: (turns: QuarterTurns) => Promise<RgbImage>): Promise<Found | null> {
  const first = await detector.detect(rgb)
  if (!first.ok) return null
  const face = first.value[0]
  if (!face) {
    const flipped = await turned(2)
    const again = await detector.detect(flipped)
    if (again.ok && again.value.length > 0) return { turns: 2, pixels: flipped, faces: again.value }
    return { turns: 0, pixels: rgb, faces: [] }
  }
  const turns = turnsToUpright(face)
  if (turns === 0) return { turns, pixels: rgb, faces: first.value }
  const pixels = await turned(turns)
  const again = await detector.detect(pixels)
  if (!again.ok || again.value.length === 0) return { turns: 0, pixels: rgb, faces: first.value }
  return { turns, pixels, faces: again.value }
}

/** Clockwise quarter turns after which the face's chin is below its eyes. */
export function turnsToUpright(face: DetectedFace): QuarterTurns {
  const eyeX = (face.leftEye.x + face.rightEye.x) / 2
  const eyeY = (face.leftEye.y + face.rightEye.y) / 2
  // 0° when the eyes are straight above the chin; positive when the face's top leans to the image's right.
  const up = (Math.atan2(eyeX - face.chin.x, face.chin.y - eyeY) * 180) / Math.PI
  const quarters = ((Math.round(up / 90) % 4) + 4) % 4
  return ((4 - quarters) % 4) as QuarterTurns
}

async function toRgb(pipeline: Sharp, turns: QuarterTurns): Promise<RgbImage> {
  const turned = turns === 0 ? pipeline : pipeline.rotate(turns * 90)
  const { data, info } = await turned.flatten({ background: '#ffffff' }).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true })
  if (info.channels !== 3) throw new Error(`expected RGB, got ${info.channels} channels`)
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height }
}

function scaleFace(face: DetectedFace, k: number): DetectedFace {
  const p = (q: { x: number; y: number }) => ({ x: round1(q.x * k), y: round1(q.y * k) })
  const { box } = face
  return {
    box: { x: round1(box.x * k), y: round1(box.y * k), width: round1(box.width * k), height: round1(box.height * k) },
    leftEye: p(face.leftEye),
    rightEye: p(face.rightEye),
    chin: p(face.chin),
    rollDegrees: round1(face.rollDegrees),
    score: Math.round(face.score * 100) / 100
  }
}

function round1(v: number): number {
  return Math.round(v * 10) / 10
}
