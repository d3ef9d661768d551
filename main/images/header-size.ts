/**
 * The pixel size of a PNG or baseline/progressive JPEG from its header, read in JavaScript: what
 * sharp's metadata() reads for these two formats, without a trip through libvips (about a
 * millisecond of main's thread each, which a bulk job's read-back pays six times a person).
 * Anything else, or a header that does not parse cleanly, is `undefined`: imageInfo then asks sharp.
 */
import { crc32 } from 'node:zlib'
import type { ImageInfo } from './image-info'

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const

export function headerSize(bytes: Uint8Array): ImageInfo | undefined {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return pngHeader(bytes)
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegHeader(bytes)
  return undefined
}

/** IHDR must be the first chunk, 13 bytes long, with a CRC that checks (as libspng demands). */
function pngHeader(bytes: Uint8Array): ImageInfo | undefined {
  if (bytes.length < 33) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.getUint32(8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined
  if (crc32(bytes.subarray(12, 29)) !== view.getUint32(29)) return undefined
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  if (width === 0 || height === 0) return undefined
  return { width, height, format: 'png', mime: 'image/png' }
}

/** Walks the marker segments to the first start-of-frame (SOF0..SOF15 but DHT, JPG and DAC). */
function jpegHeader(bytes: Uint8Array): ImageInfo | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined
    const marker = bytes[at + 1] as number
    // Fill bytes before a marker.
    if (marker === 0xff) {
      at += 1
      continue
    }
    // Markers without a length: none may come before the frame header but these.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2
      continue
    }
    if (marker === 0xd9 || marker === 0xda) return undefined
    const length = view.getUint16(at + 2)
    if (length < 2 || at + 2 + length > bytes.length) return undefined
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (isFrame) {
      if (length < 8) return undefined
      const height = view.getUint16(at + 5)
      const width = view.getUint16(at + 7)
      if (width === 0 || height === 0) return undefined
      return { width, height, format: 'jpeg', mime: 'image/jpeg' }
    }
    at += 2 + length
  }
  return undefined
}
