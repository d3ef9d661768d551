/**
 * From the editor's crop (fractions of the upright, turned source) to the pixels the portal crops
 * with (CONTRACT.md §1.5 Branch B: pixels of the stored original, which is our prepared upload,
 * since it already fits 1280×1280 and the portal keeps such originals unchanged).
 */
import type { CropFraction, CropPixels } from '../../preload/contract'

/**
 * Integer pixels, square, inside the image. The side is the smaller of the two mapped sides (so it
 * never reaches outside what the user chose), and the square keeps the chosen area's centre, so
 * rounding cannot shift the face the user centred.
 */
export function cropToPixels(crop: CropFraction, width: number, height: number): CropPixels {
  const maxSide = Math.max(1, Math.min(width, height))
  const side = clamp(Math.round(Math.min(crop.width * width, crop.height * height)), 1, maxSide)
  const centreX = (crop.x + crop.width / 2) * width
  const centreY = (crop.y + crop.height / 2) * height
  const x = clamp(Math.round(centreX - side / 2), 0, width - side)
  const y = clamp(Math.round(centreY - side / 2), 0, height - side)
  return { x, y, width: side, height: side }
}

/**
 * Is this the crop the portal sets by itself whenever it saves new photo bytes
 * (SetUserPhotoThumbnailSettingsAsync, CONTRACT.md §3.4)? That is the centred square of the shorter
 * side, at least 32 px, its offset rounded down; the sizes the portal rendered then already show it.
 */
export function isPortalDefaultCrop(crop: CropPixels, width: number, height: number): boolean {
  const side = Math.max(Math.min(width, height), 32)
  const offset = Math.floor((Math.max(width, height, 32) - side) / 2)
  const [x, y] = width >= height ? [offset, 0] : [0, offset]
  return crop.x === x && crop.y === y && crop.width === side && crop.height === side
}

/** A crop of one image scaled onto the same image at another size (a restore that had to be re-prepared). */
export function scaleCrop(crop: CropPixels, from: { readonly width: number; readonly height: number }, to: { readonly width: number; readonly height: number }): CropPixels {
  const f = Math.min(to.width / from.width, to.height / from.height)
  const side = clamp(Math.round(Math.min(crop.width, crop.height) * f), 1, Math.max(1, Math.min(to.width, to.height)))
  return {
    x: clamp(Math.round(crop.x * f), 0, to.width - side),
    y: clamp(Math.round(crop.y * f), 0, to.height - side),
    width: side,
    height: side
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max))
}
