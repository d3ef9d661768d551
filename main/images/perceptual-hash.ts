/**
 * A perceptual hash for "is this the picture the person already has?": the same picture re-encoded,
 * resized or stored as the portal's 200 px copy hashes within a few bits, a different portrait does not.
 *
 * Structure: a difference hash (dHash) over a 17x16 grayscale copy: bit = is this pixel brighter than
 * its right neighbour. Plain dHash flips at random where neighbours are nearly equal (flat studio
 * backdrops, JPEG noise), so each bit also records whether the step was clear (at least STEP levels);
 * the distance counts only differing bits where at least one image had a clear step.
 * Colour: grayscale cannot tell a red portrait from a green one of the same brightness, so the hash
 * also keeps the mean colour of a 4x4 grid.
 */
import sharp from 'sharp'
import type { Result } from '../../preload/contract'

/**
 * Lower-case hex: 256 gradient bits, 256 "clear step" bits, 48 colour bytes. Plain data that can be
 * journaled and sent over IPC.
 */
export type PerceptualHash = string

const WIDTH = 17
const HEIGHT = 16
const CELLS = (WIDTH - 1) * HEIGHT // 256
const BITS_HEX = CELLS / 4 // 64 hex digits per bit plane
const COLOUR_GRID = 4
const COLOUR_HEX = COLOUR_GRID * COLOUR_GRID * 3 * 2
const HASH_PATTERN = new RegExp(`^[0-9a-f]{${2 * BITS_HEX + COLOUR_HEX}}$`)
/** Brightness steps below this (of 255) are "flat": their direction is noise. */
const STEP = 8

/**
 * Two images are the same picture when at most this many clear gradient bits differ. Measured in
 * perceptual-hash.test.ts on generated portraits: JPEG quality 60 at full size, 1280 px and 200 px
 * stay at or under 4; a portrait that differs only in its initials starts at 12, another pattern at 29.
 */
export const SAME_PICTURE_MAX_DISTANCE = 7
/** ...and the 4x4 mean colours differ by at most this much on average (0-255). Re-encodes stay under 3. */
export const SAME_PICTURE_MAX_COLOUR_DIFFERENCE = 8

/**
 * Hashes any image sharp decodes (JPEG, PNG, WebP, GIF, AVIF, TIFF). HEIC needs heic-decoder.ts first:
 * hash the prepared photo (prepare-photo.ts output) rather than a raw HEIC upload.
 */
export async function perceptualHash(bytes: Uint8Array): Promise<Result<PerceptualHash>> {
  try {
    // EXIF orientation first, so a camera's rotated original equals its upright copy; transparent
    // pixels count as white, like on a light page. Cut-off files fail, as in prepare-photo.ts.
    const upright = sharp(bytes, { failOn: 'truncated', page: 0, pages: 1 }).rotate().flatten({ background: '#ffffff' }).removeAlpha()
    const [gray, colour] = await Promise.all([
      upright.clone().grayscale().resize(WIDTH, HEIGHT, { fit: 'fill', kernel: 'cubic' }).raw().toBuffer(),
      upright.clone().resize(COLOUR_GRID, COLOUR_GRID, { fit: 'fill' }).raw().toBuffer()
    ])
    return { ok: true, value: gradientBits(gray) + hex(colour) }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    const code = /unsupported image format/i.test(message) ? 'image/unsupported' : 'image/corrupt'
    return { ok: false, error: { code, message: code === 'image/unsupported' ? 'This is not an image format the app can read.' : 'The image is damaged.', detail: message } }
  }
}

/**
 * Differing gradient bits that count (at least one of the two had a clear step there), 0..256;
 * 256 when either is not a hash.
 */
export function hammingDistance(a: PerceptualHash, b: PerceptualHash): number {
  if (!HASH_PATTERN.test(a) || !HASH_PATTERN.test(b)) return CELLS
  let distance = 0
  for (let i = 0; i < BITS_HEX; i += 4) {
    const signs = word(a, i) ^ word(b, i)
    const clear = word(a, BITS_HEX + i) | word(b, BITS_HEX + i)
    distance += popcount(signs & clear)
  }
  return distance
}

/** Mean difference of the 4x4 grid's colour channels, 0..255; 255 when either is not a hash. */
export function colourDifference(a: PerceptualHash, b: PerceptualHash): number {
  if (!HASH_PATTERN.test(a) || !HASH_PATTERN.test(b)) return 255
  let sum = 0
  for (let i = 2 * BITS_HEX; i < a.length; i += 2) {
    sum += Math.abs(Number.parseInt(a.slice(i, i + 2), 16) - Number.parseInt(b.slice(i, i + 2), 16))
  }
  return sum / (COLOUR_HEX / 2)
}

export function isSamePicture(a: PerceptualHash, b: PerceptualHash): boolean {
  return hammingDistance(a, b) <= SAME_PICTURE_MAX_DISTANCE && colourDifference(a, b) <= SAME_PICTURE_MAX_COLOUR_DIFFERENCE
}

/** Sign bits (left brighter than right), then clear-step bits, each 256 bits as 64 hex digits. */
function gradientBits(gray: Uint8Array): string {
  const signs: number[] = []
  const clear: number[] = []
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH - 1; x++) {
      const step = (gray[y * WIDTH + x] ?? 0) - (gray[y * WIDTH + x + 1] ?? 0)
      signs.push(step > 0 ? 1 : 0)
      clear.push(Math.abs(step) >= STEP ? 1 : 0)
    }
  }
  return bitsHex(signs) + bitsHex(clear)
}

function bitsHex(bits: readonly number[]): string {
  let out = ''
  for (let i = 0; i < bits.length; i += 4) {
    out += (((bits[i] ?? 0) << 3) | ((bits[i + 1] ?? 0) << 2) | ((bits[i + 2] ?? 0) << 1) | (bits[i + 3] ?? 0)).toString(16)
  }
  return out
}

function hex(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}

/** 16 bits starting at hex digit `at`. */
function word(hash: string, at: number): number {
  return Number.parseInt(hash.slice(at, at + 4), 16)
}

function popcount(x: number): number {
  let n = 0
  for (let v = x; v !== 0; v &= v - 1) n++
  return n
}
