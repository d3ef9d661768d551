/**
 * The house style for portraits, applied to a detected face: the face centred horizontally, the eyes
 * at a set height, the head a set share of the square, so a whole department looks alike whoever took
 * the pictures. Pure geometry in the pixels of the image the face was found in; the crop comes back
 * as fractions (CropFraction), which do not depend on that image's size.
 */
import type { CropFraction, FramingPreset } from '../../preload/contract'
import type { DetectedFace, PixelBox } from './face-detector'

export const HOUSE_STYLE = {
  /** The eye line sits this far down the square (a circle avatar shows the face, not the shoulders). */
  eyeLine: 0.42,
  /** Head height (crown to chin) as a share of the square's side. */
  headShare: { tight: 0.72, standard: 0.6, loose: 0.48 } satisfies Record<FramingPreset, number>,
  /** Near an edge the square may shrink to keep the eyes at their height, until the head fills this much (above about 0.77 the eye line at 0.42 would cut the crown). */
  maxHeadShare: 0.75
} as const

/**
 * Head height from the eyes and chin: on an adult the eye line is near the middle of the head, so
 * crown to chin is about 2.2 times eyes to chin (hair included; the mesh itself stops at the brow).
 */
const HEAD_PER_EYES_TO_CHIN = 2.2

export interface Framing {
  readonly crop: CropFraction
  /** The square in the image's pixels. */
  readonly square: PixelBox
  /** Crown to chin, estimated, in the image's pixels. */
  readonly head: PixelBox
  /** Where the eye line ended up, as a share of the square from its top (HOUSE_STYLE.eyeLine unless an edge was in the way). */
  readonly eyeHeight: number
}

export function estimateHead(face: DetectedFace): PixelBox {
  const eyeY = (face.leftEye.y + face.rightEye.y) / 2
  const eyeX = (face.leftEye.x + face.rightEye.x) / 2
  const eyesToChin = Math.max(1, Math.hypot(face.chin.x - eyeX, face.chin.y - eyeY))
  const height = eyesToChin * HEAD_PER_EYES_TO_CHIN
  const top = face.chin.y - height
  const width = Math.max(face.box.width, height * 0.75)
  return { x: eyeX - width / 2, y: top, width, height }
}

/** The proposed square crop for `face` in an image of `width` × `height` pixels. */
export function frameFace(face: DetectedFace, width: number, height: number, preset: FramingPreset): Framing {
  const head = estimateHead(face)
  const eyeX = (face.leftEye.x + face.rightEye.x) / 2
  const eyeY = (face.leftEye.y + face.rightEye.y) / 2
  const { eyeLine } = HOUSE_STYLE

  let side = Math.min(head.height / HOUSE_STYLE.headShare[preset], width, height)
  // The largest square that keeps the eyes centred and at their height inside the picture.
  const fits = Math.min(2 * eyeX, 2 * (width - eyeX), eyeY / eyeLine, (height - eyeY) / (1 - eyeLine))
  if (side > fits) side = Math.max(fits, Math.min(head.height / HOUSE_STYLE.maxHeadShare, width, height))
  side = Math.max(1, Math.min(side, width, height))

  const x = clamp(eyeX - side / 2, 0, width - side)
  const y = clamp(eyeY - eyeLine * side, 0, height - side)
  return {
    crop: { x: x / width, y: y / height, width: side / width, height: side / height },
    square: { x, y, width: side, height: side },
    head,
    eyeHeight: (eyeY - y) / side
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max))
}
