/**
 * Pixel work the photo editor needs on top of preparePhoto (prepare-photo.ts):
 * - turning a prepared photo by the quarter turns the user chose in the editor (after EXIF orientation,
 *   which preparePhoto already applied), re-encoded in the same format and still under the upload limit;
 * - a small JPEG preview of a backed-up photo for the history list.
 */
import sharp, { type Sharp } from 'sharp'
import type { CropPixels, QuarterTurns } from '../../preload/contract'
import { formatBytes, type PrepareResult } from './prepare-photo'

export interface EncodedPhoto {
  readonly bytes: Uint8Array
  readonly mime: 'image/jpeg' | 'image/png'
  readonly width: number
  readonly height: number
}

/** High first: the photo was already JPEG-encoded once, so a second pass should add as little loss as it can. */
const JPEG_QUALITIES = [92, 86, 80, 72, 64] as const

/**
 * Turns a prepared photo clockwise by `turns` quarter turns. 0 returns it untouched. The output keeps
 * the format (PNG stays PNG, so transparency survives) and stays at or under `maxBytes`.
 */
export async function rotateQuarterTurns(photo: EncodedPhoto, turns: QuarterTurns, maxBytes: number): Promise<PrepareResult<EncodedPhoto>> {
  if (turns === 0) return { ok: true, value: photo }
  const swap = turns % 2 === 1
  const width = swap ? photo.height : photo.width
  const height = swap ? photo.width : photo.height
  try {
    const raw = await sharp(photo.bytes).rotate(turns * 90).raw().toBuffer({ resolveWithObject: true })
    const base = (): Sharp => sharp(raw.data, { raw: { width: raw.info.width, height: raw.info.height, channels: raw.info.channels } })
    const attempts: readonly (() => Promise<Buffer>)[] =
      photo.mime === 'image/png'
        ? [() => base().png({ compressionLevel: 6, adaptiveFiltering: true }).toBuffer(), () => base().png({ palette: true, colours: 256, dither: 1 }).toBuffer()]
        : JPEG_QUALITIES.map((quality) => () => base().removeAlpha().jpeg({ quality, chromaSubsampling: '4:2:0' }).toBuffer())
    let smallest = Number.POSITIVE_INFINITY
    for (const attempt of attempts) {
      const bytes = await attempt()
      if (bytes.byteLength <= maxBytes) return { ok: true, value: { bytes: new Uint8Array(bytes), mime: photo.mime, width, height } }
      smallest = Math.min(smallest, bytes.byteLength)
    }
    return {
      ok: false,
      error: {
        code: 'image/too-large',
        message: `The turned photo cannot be made smaller than the portal's upload limit of ${formatBytes(maxBytes)}. Crop it or save it at a lower quality and try again.`,
        detail: `smallest attempt: ${smallest} bytes`
      }
    }
  } catch (error) {
    return { ok: false, error: { code: 'image/corrupt', message: 'The image could not be turned.', detail: error instanceof Error ? error.message : String(error) } }
  }
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
