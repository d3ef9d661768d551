/**
 * Tells what an image really is from its first bytes (magic numbers), never from a file name or a
 * MIME type: a text file renamed `.jpg` must be caught here, and so must formats we refuse on purpose.
 */
import type { RefusedImageFormat } from '../../preload/contract'

/** Containers we decode. `heif` covers HEIC and AVIF: the codec inside (HEVC or AV1) is read from the header later. */
export type DecodableContainer = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'heif'

/**
 * Image formats we recognise but refuse:
 * - bmp, ico, psd, jxl, jpeg2000: the app's libvips build has no decoder for them;
 * - svg: a drawing, not a photo, and rasterising untrusted SVG widens the attack surface for nothing;
 * - pdf: a document, not a photo.
 */
export type RefusedFormat = RefusedImageFormat

export type Sniffed =
  | { readonly kind: 'decodable'; readonly container: DecodableContainer }
  | { readonly kind: 'refused'; readonly format: RefusedFormat }
  | { readonly kind: 'unknown' }

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis', 'mif2'])

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false
  return signature.every((b, i) => bytes[at + i] === b)
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)))
}

/** ISO base media file ("ftyp" box): HEIF/AVIF when the major or a compatible brand says so, else a video or other. */
function isHeifContainer(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return false
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0
  const end = Math.min(boxSize, bytes.length, 256)
  const brands = [ascii(bytes, 8, 12)]
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, at + 4))
  return brands.some((b) => HEIF_BRANDS.has(b))
}

/** SVG is text: allow a BOM, whitespace, an XML prolog, comments or a doctype before `<svg`. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart()
  if (!head.startsWith('<')) return false
  return /<svg[\s>]/i.test(head)
}

/** BMP: "BM" alone is too weak (a text file can start with it), so also check the DIB header size. */
function isBmp(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, [0x42, 0x4d]) || bytes.length < 18) return false
  const dibSize = bytes[14]! | (bytes[15]! << 8) | (bytes[16]! << 16) | (bytes[17]! << 24)
  return [12, 40, 52, 56, 64, 108, 124].includes(dibSize)
}

export function sniffFormat(bytes: Uint8Array): Sniffed {
  const decodable = (container: DecodableContainer): Sniffed => ({ kind: 'decodable', container })
  const refused = (format: RefusedFormat): Sniffed => ({ kind: 'refused', format })

  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return decodable('jpeg')
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return decodable('png')
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return decodable('gif')
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return decodable('webp')
  // TIFF little-endian, big-endian, and BigTIFF (both byte orders)
  if (
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) ||
    startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b])
  ) {
    return decodable('tiff')
  }
  if (isHeifContainer(bytes)) return decodable('heif')

  if (isBmp(bytes)) return refused('bmp')
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00]) || startsWith(bytes, [0x00, 0x00, 0x02, 0x00])) {
    // ICO / CUR: also require a non-zero image count so four zero-ish bytes are not enough
    if (bytes.length >= 6 && (bytes[4]! | (bytes[5]! << 8)) > 0) return refused('ico')
  }
  if (ascii(bytes, 0, 4) === '8BPS') return refused('psd')
  if (startsWith(bytes, [0xff, 0x0a]) || startsWith(bytes, [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20, 0x0d, 0x0a, 0x87, 0x0a])) {
    return refused('jxl')
  }
  if (startsWith(bytes, [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a]) || startsWith(bytes, [0xff, 0x4f, 0xff, 0x51])) {
    return refused('jpeg2000')
  }
  if (ascii(bytes, 0, 5) === '%PDF-') return refused('pdf')
  if (looksLikeSvg(bytes)) return refused('svg')
  return { kind: 'unknown' }
}
