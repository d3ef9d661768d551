/**
 * Pixel measures of a face region for the quality check: sharpness (variance of the Laplacian) and
 * brightness. The region is resampled to a fixed size first, so the numbers do not depend on how big
 * the face is in the picture, and the Laplacian's variance is divided by the region's own contrast,
 * so a dark or washed-out but sharp face is not called blurry.
 */
import sharp from 'sharp'
import type { PixelBox, RgbImage } from './face-detector'

/** Thresholds tuned on the test photos (main/testing/photos): sharp faces scored 5-22, copies blurred by sigma 2 at most 1.8. */
export const QUALITY_THRESHOLDS = {
  minSharpness: 3,
  /** Mean luminance (0-255) of the face region: the sharp originals' faces were 104-160, darkened copies 31-47, brightened 205-228. */
  minBrightness: 70,
  maxBrightness: 195
} as const

const REGION_SIDE = 96

export interface FaceMeasures {
  /** 100 × Laplacian variance / grey-level variance of the face region at 96 × 96. */
  readonly sharpness: number
  /** Mean luminance 0..255. */
  readonly brightness: number
}

export async function measureFace(image: RgbImage, box: PixelBox): Promise<FaceMeasures> {
  const left = clampInt(box.x, 0, image.width - 1)
  const top = clampInt(box.y, 0, image.height - 1)
  const width = clampInt(box.width, 1, image.width - left)
  const height = clampInt(box.height, 1, image.height - top)
  const grey = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .extract({ left, top, width, height })
    .greyscale()
    .resize(REGION_SIDE, REGION_SIDE, { fit: 'fill' })
    .raw()
    .toBuffer()
  return { sharpness: sharpness(grey, REGION_SIDE), brightness: mean(grey) }
}

function mean(values: Uint8Array): number {
  let sum = 0
  for (const v of values) sum += v
  return sum / values.length
}

/** Variance of the 4-neighbour Laplacian over the grey level's variance, × 100. */
export function sharpness(grey: Uint8Array, side: number): number {
  const m = mean(grey)
  let variance = 0
  for (const v of grey) variance += (v - m) ** 2
  variance /= grey.length
  if (variance < 1) return 0 // a flat patch has no detail at all
  let sum = 0
  let squares = 0
  let n = 0
  for (let y = 1; y < side - 1; y++) {
    for (let x = 1; x < side - 1; x++) {
      const i = y * side + x
      const l = grey[i - 1]! + grey[i + 1]! + grey[i - side]! + grey[i + side]! - 4 * grey[i]!
      sum += l
      squares += l * l
      n++
    }
  }
  const lapVariance = squares / n - (sum / n) ** 2
  return (100 * lapVariance) / variance
}

function clampInt(value: number, min: number, max: number): number {
  return Math.round(Math.min(Math.max(value, min), Math.max(min, max)))
}
