/**
 * A JPEG the editor can show for sources the browser cannot display (HEIC, TIFF). It comes from the
 * same decoding as preparePhoto (decodeUpright: bomb guard, libheif for HEIC, EXIF orientation), so
 * the crop the user draws on it, as fractions, lands on the same pixels main prepares and uploads.
 */
import sharp from 'sharp'
import { decodeUpright, type PrepareResult, type UprightPixels } from './prepare-photo'

/** Sharp enough for a 1000 px wide editor on a HiDPI screen, small enough to cross IPC quickly. */
export const PREVIEW_MAX_SIDE = 2048
const PREVIEW_QUALITY = 85

export interface EditorPreview {
  readonly bytes: Uint8Array
  readonly mime: 'image/jpeg'
  readonly width: number
  readonly height: number
}

export async function previewPhoto(
  input: Uint8Array,
  options: { readonly maxSide?: number; readonly maxInputPixels?: number } = {}
): Promise<PrepareResult<EditorPreview>> {
  const upright = await decodeUpright(input, { maxSide: options.maxSide ?? PREVIEW_MAX_SIDE, ...(options.maxInputPixels === undefined ? {} : { maxInputPixels: options.maxInputPixels }) })
  if (!upright.ok) return upright
  return { ok: true, value: await previewOf(upright.value) }
}

/** The preview JPEG of pixels decodeUpright gave (face analysis makes it from its own decode). */
export async function previewOf(pixels: Pick<UprightPixels, 'data' | 'width' | 'height' | 'channels'>): Promise<EditorPreview> {
  const { data, width, height, channels } = pixels
  // JPEG has no alpha: transparent parts show on white.
  const jpeg = await sharp(data, { raw: { width, height, channels } })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: PREVIEW_QUALITY })
    .toBuffer({ resolveWithObject: true })
  return {
    bytes: new Uint8Array(jpeg.data.buffer, jpeg.data.byteOffset, jpeg.data.byteLength),
    mime: 'image/jpeg',
    width: jpeg.info.width,
    height: jpeg.info.height
  }
}
