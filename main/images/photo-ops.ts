/**
 * Pixel work the photo editor needs on top of preparePhoto (prepare-photo.ts): a small JPEG preview of
 * a backed-up photo for the history list. (Quarter turns happen inside preparePhoto, in one pass.)
 */
import sharp from 'sharp'
import type { CropPixels } from '../../preload/contract'

export interface EncodedPhoto {
  readonly bytes: Uint8Array
  readonly mime: 'image/jpeg' | 'image/png'
  readonly width: number
  readonly height: number
}

/**
 * A small square JPEG of the crop (or the centred square when the crop is unknown), for the history
 * list. Undefined when the bytes do not decode: a backup without a preview is still a backup.
 */
export async function photoPreview(bytes: Uint8Array, crop: CropPixels | undefined, side = 96): Promise<Uint8Array | undefined> {
  try {
    const meta = await sharp(bytes).metadata()
    if (!meta.width || !meta.height) return undefined
    const area = crop ? clampSquare(crop, meta.width, meta.height) : centredSquare(meta.width, meta.height)
    const out = await sharp(bytes)
      .extract({ left: area.x, top: area.y, width: area.width, height: area.height })
      .resize(side, side, { fit: 'cover' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer()
    return new Uint8Array(out)
  } catch {
    return undefined
  }
}

function centredSquare(width: number, height: number): CropPixels {
  const side = Math.min(width, height)
  return { x: Math.floor((width - side) / 2), y: Math.floor((height - side) / 2), width: side, height: side }
}

function clampSquare(crop: CropPixels, width: number, height: number): CropPixels {
  const w = Math.max(1, Math.min(crop.width, width))
  const h = Math.max(1, Math.min(crop.height, height))
  return { x: Math.min(Math.max(crop.x, 0), width - w), y: Math.min(Math.max(crop.y, 0), height - h), width: w, height: h }
}
