/**
 * What the editor learns about a picked image before any pixel is decoded (photos:inspect): its
 * header, refused with the very checks preparation makes first, so the editor never opens an image
 * that could not be saved.
 */
import type { ImageSummary, Result } from '../../preload/contract'
import { checkDimensions, inspectImage, PHOTO_DEFAULTS } from './prepare-photo'

export async function inspectPhoto(bytes: Uint8Array): Promise<Result<ImageSummary>> {
  const header = await inspectImage(bytes)
  if (!header.ok) return header
  const problem = checkDimensions(header.value, PHOTO_DEFAULTS)
  if (problem) return { ok: false, error: problem }
  const { format, width, height, byteLength, frames, hasAlpha } = header.value
  return { ok: true, value: { format, width, height, byteLength, frames, hasAlpha } }
}
