/**
 * Photo bytes from the portal made safe to hand on: a portal can serve anything as a photo, and an
 * SVG may carry scripts and links. Raster formats pass as they are; an SVG is rendered to a PNG
 * (librsvg through sharp, from memory: no file or network access) no bigger than the portal's 1280 px
 * original, and says so in `convertedFrom`. Nothing else that sharp reads is active content.
 */
import { createHash } from 'node:crypto'
import sharp from 'sharp'
import type { Result } from '../../preload/contract'
import { fail, ok } from '../core/result'
import { imageInfo } from './image-info'

/** The portal's stored originals fit this square (CONTRACT.md §3.2), so a drawing needs no more. */
const MAX_SIDE = 1280
/** An SVG declaring a huge canvas is refused instead of rendered (librsvg renders at the declared size). */
const MAX_SVG_PIXELS = 40_000_000

export interface InertImage {
  readonly bytes: Uint8Array
  readonly mime: string
  readonly width: number
  readonly height: number
  /** SHA-256 (hex) of the bytes exactly as served, before any conversion: what "the same picture" compares. */
  readonly servedSha256: string
  /** Set when the served bytes were converted (an SVG rendered to PNG). */
  readonly convertedFrom?: 'svg'
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export async function inertImage(bytes: Uint8Array): Promise<Result<InertImage>> {
  const info = await imageInfo(bytes)
  if (!info.ok) return info
  const servedSha256 = sha256Hex(bytes)
  if (info.value.format !== 'svg') return ok({ bytes, mime: info.value.mime, width: info.value.width, height: info.value.height, servedSha256 })
  if (info.value.width * info.value.height > MAX_SVG_PIXELS) {
    return fail('image/unsupported', `the portal's SVG declares ${info.value.width}×${info.value.height} pixels, too many to render`, { detail: 'svg', facts: { imageProblem: 'not-an-image' } })
  }
  try {
    const { data, info: out } = await sharp(bytes, { limitInputPixels: MAX_SVG_PIXELS })
      .resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer({ resolveWithObject: true })
    return ok({ bytes: new Uint8Array(data), mime: 'image/png', width: out.width, height: out.height, servedSha256, convertedFrom: 'svg' })
  } catch (e) {
    return fail('image/corrupt', 'the portal served an SVG that does not render', { detail: e instanceof Error ? e.message : String(e), facts: { imageProblem: 'damaged' } })
  }
}
