/**
 * Real pixel dimensions and format of image bytes, read from the bytes' header (PNG and JPEG in
 * JavaScript, anything else by sharp); never trusted from a file name or a Content-Type: stored
 * `.jpeg` sizes hold PNG data, CONTRACT.md §3.2.
 */
import sharp from 'sharp'
import type { Result } from '../../preload/contract'
import { headerSize } from './header-size'

export interface ImageInfo {
  readonly width: number
  readonly height: number
  readonly format: string
  readonly mime: string
}

const MIME: Readonly<Record<string, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  heif: 'image/heif',
  tiff: 'image/tiff',
  svg: 'image/svg+xml'
}

export async function imageInfo(bytes: Uint8Array): Promise<Result<ImageInfo>> {
  if (bytes.byteLength === 0) return { ok: false, error: { code: 'image/corrupt', message: 'the image is empty', facts: { imageProblem: 'empty' } } }
  // PNG and JPEG sizes come from their header in JavaScript (a bulk read-back asks six times a person).
  const header = headerSize(bytes)
  if (header) return { ok: true, value: header }
  try {
    const meta = await sharp(bytes).metadata()
    if (!meta.format || !meta.width || !meta.height) {
      return { ok: false, error: { code: 'image/unsupported', message: 'no format or size in the header', facts: { imageProblem: 'not-an-image' } } }
    }
    const mime = MIME[meta.format]
    if (!mime) return { ok: false, error: { code: 'image/unsupported', message: `no MIME type for format ${meta.format}`, detail: meta.format, facts: { imageProblem: 'not-an-image' } } }
    return { ok: true, value: { width: meta.width, height: meta.height, format: meta.format, mime } }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    // sharp says "unsupported image format" for bytes it cannot identify at all.
    const code = /unsupported image format/i.test(message) ? 'image/unsupported' : 'image/corrupt'
    const unsupported = code === 'image/unsupported'
    return {
      ok: false,
      error: { code, message: unsupported ? 'sharp cannot identify the format' : 'sharp cannot read the image (damaged)', detail: message, facts: { imageProblem: unsupported ? 'not-an-image' : 'damaged' } }
    }
  }
}
