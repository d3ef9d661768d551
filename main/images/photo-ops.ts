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
 * `width` and `height` are the bytes' stored size (inertImage has read it from the header already).
 */
export async function photoPreview(image: { readonly bytes: Uint8Array; readonly width: number; readonly height: number }, crop: CropPixels | undefined, side = 96): Promise<Uint8Array | undefined> {
  const { width, height } = image
  if (width < 1 || height < 1) return undefined
  const area = crop ? clampSquare(crop, width, height) : centredSquare(width, height)
  // The whole picture is scaled first and the square cut after: a JPEG is then decoded at 1/2, 1/4
  // or 1/8 of its size (libvips' shrink-on-load), which cutting first rules out. A bulk job makes one
  // preview per person with a photo, on main's threads, and a 1280 px original costs about half.
  const scaleX = side / area.width
  const scaleY = side / area.height
  const scaledWidth = Math.max(side, Math.round(width * scaleX))
  const scaledHeight = Math.max(side, Math.round(height * scaleY))
  try {
    const out = await sharp(image.bytes)
      .resize(scaledWidth, scaledHeight, { fit: 'fill' })
      .extract({
        left: Math.min(Math.round(area.x * scaleX), scaledWidth - side),
        top: Math.min(Math.round(area.y * scaleY), scaledHeight - side),
        width: side,
        height: side
      })
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
