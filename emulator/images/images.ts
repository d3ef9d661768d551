// Image work behind the photo endpoints (CONTRACT.md §3: uploads must sniff as PNG or JPEG, the original
// fits 1280x1280, every size is a PNG, EXIF orientation is not applied), on sharp standing in for ImageMagick.

import sharp, { type Sharp } from 'sharp'

export type ThumbSize = 'retina' | 'max' | 'big' | 'medium' | 'small'

export const THUMB_PIXELS: Readonly<Record<ThumbSize, number>> = { retina: 360, max: 200, big: 82, medium: 48, small: 32 }
export const THUMB_SIZES: readonly ThumbSize[] = ['retina', 'max', 'big', 'medium', 'small']

/** The stored original fits inside this square (SaveOrUpdatePhoto / SaveTempPhoto). */
const MAX_ORIGINAL = 1280

export interface Crop {
  x: number
  y: number
  w: number
  h: number
}

/** Why an image could not be used; `tooLarge` is ImageSizeLimitException ("Image size is too large"). */
export class ImageError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false
  ) {
    super(message)
    this.name = 'ImageError'
  }
}

/** CheckImgFormat: the upload must be detected as PNG or JPEG by content; name and Content-Type don't matter. */
export function sniffUploadFormat(bytes: Uint8Array): 'png' | 'jpeg' | undefined {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png'
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  return undefined
}

/** Lower-case ImageMagick format name for sharp's detected format (used as the stored file extension). */
function magickFormatName(format: string | undefined): string {
  switch (format) {
    case undefined:
      return 'unknown'
    case 'heif':
      return 'heic'
    case 'jp2':
      return 'jp2'
    default:
      return format
  }
}

export interface Probed {
  width: number
  height: number
  format: string
}

function toImageError(e: unknown): ImageError {
  const message = e instanceof Error ? e.message : String(e)
  return new ImageError(message, /pixel limit/i.test(message))
}

export async function probe(bytes: Buffer): Promise<Probed> {
  try {
    const meta = await sharp(bytes).metadata()
    if (!meta.width || !meta.height) throw new ImageError('Image has no dimensions')
    return { width: meta.width, height: meta.height, format: magickFormatName(meta.format) }
  } catch (e) {
    throw e instanceof ImageError ? e : toImageError(e)
  }
}

export interface Fitted {
  bytes: Buffer
  width: number
  height: number
  /** Detected format of the input; the stored file keeps this extension even when re-encoded as PNG. */
  format: string
}

/** Keeps the bytes as they are when the image fits 1280x1280; otherwise downscales and re-encodes as PNG (§3.2). */
export async function fitWithin(bytes: Buffer, max = MAX_ORIGINAL): Promise<Fitted> {
  const info = await probe(bytes)
  if (info.width <= max && info.height <= max) return { bytes, width: info.width, height: info.height, format: info.format }
  try {
    // No .rotate(): the server does not apply EXIF orientation.
    const { data, info: out } = await sharp(bytes).resize(max, max, { fit: 'inside' }).png().toBuffer({ resolveWithObject: true })
    return { bytes: data, width: out.width, height: out.height, format: info.format }
  } catch (e) {
    throw toImageError(e)
  }
}

/** SetUserPhotoThumbnailSettingsAsync: a centred square of the shorter side. */
export function centredSquare(width: number, height: number): Crop {
  const side = Math.min(width, height)
  return { x: Math.floor((width - side) / 2), y: Math.floor((height - side) / 2), w: side, h: side }
}

/** Keeps a crop inside the image: 0 width/height means the whole side, the point moves in to fit. */
export function clampCrop(crop: Crop, width: number, height: number): Crop {
  const w = Math.min(crop.w === 0 ? width : crop.w, width)
  const h = Math.min(crop.h === 0 ? height : crop.h, height)
  const x = Math.min(Math.max(crop.x, 0), width - w)
  const y = Math.min(Math.max(crop.y, 0), height - h)
  return { x, y, w, h }
}

/**
 * Quirk (c), SaveThumbnail: each size of a non-square crop is named by the size it really has
 * (`<uid>_size_360-270.<ext>`), in the order retina .. small; the real server files each under the
 * cache key "Original" (ToCache), so `original` ends up naming the last one.
 */
export async function renderRealSizeThumbnails(original: Buffer, crop: Crop, ext: string, userId: string): Promise<Array<{ name: string; bytes: Buffer }>> {
  try {
    const sized = await renderSizes(await decodeRegion(original, crop), crop)
    return THUMB_SIZES.map((size) => ({ name: `${userId}_size_${sized[size].width}-${sized[size].height}.${ext}`, bytes: sized[size].bytes }))
  } catch (e) {
    throw toImageError(e)
  }
}

/** Every sized thumbnail: crop, resize to fit the target with the aspect kept, encode as PNG. */
export async function renderThumbnails(original: Buffer, crop: Crop): Promise<Record<ThumbSize, Buffer>> {
  try {
    const sized = await renderSizes(await decodeRegion(original, crop), crop)
    return Object.fromEntries(THUMB_SIZES.map((size) => [size, sized[size].bytes])) as Record<ThumbSize, Buffer>
  } catch (e) {
    throw toImageError(e)
  }
}

interface Sized {
  bytes: Buffer
  width: number
  height: number
}

/**
 * Each size fitted inside its square and encoded as PNG. A square region larger than the biggest
 * size is reduced to it once, and the smaller sizes are reduced from that: a lanczos reduction of a
 * reduction, within a level or two of reducing the region itself, for a third less CPU (the emulator
 * shares this machine with the app under test). Other regions are reduced size by size, so each
 * size has the very dimensions reducing the region gives. The PNGs are deflated at level 1: the
 * portal's bytes are its own (ImageMagick's), only their pixels and sizes are the contract.
 */
async function renderSizes(region: () => Sharp, crop: Crop): Promise<Record<ThumbSize, Sized>> {
  const largest = THUMB_PIXELS.retina
  let from = region
  if (crop.w === crop.h && crop.w > largest) {
    const { data, info } = await region().resize(largest, largest, { fit: 'inside' }).raw().toBuffer({ resolveWithObject: true })
    from = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
  }
  const out: Partial<Record<ThumbSize, Sized>> = {}
  for (const size of THUMB_SIZES) {
    const px = THUMB_PIXELS[size]
    const image = from !== region && px === largest ? from() : from().resize(px, px, { fit: 'inside' })
    const encoded = await image.png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true })
    out[size] = { bytes: encoded.data, width: encoded.info.width, height: encoded.info.height }
  }
  return out as Record<ThumbSize, Sized>
}

/**
 * Fails as renderThumbnails would on these bytes, for the cost of the decode alone. The pixels it
 * decoded are kept a short while (see Decoded), so the re-crop that usually follows an upload does
 * not decode the same file again.
 */
export async function checkDecodes(original: Buffer, crop: Crop): Promise<void> {
  try {
    const decoded = await decodeRaw(original, crop)
    if (decoded.data.length === decoded.width * decoded.height * decoded.channels) remember(original, { crop, ...decoded })
  } catch (e) {
    throw toImageError(e)
  }
}

/** Raw 8-bit pixels of `crop` of one original, as decodeRegion makes them. */
interface Decoded {
  readonly crop: Crop
  readonly data: Buffer
  readonly width: number
  readonly height: number
  readonly channels: 1 | 2 | 3 | 4
}

/**
 * The last few uploads' decoded pixels, by the very Buffer the store keeps as the original (so a
 * new upload, even of equal bytes, is a new key). Bounded: a 1280×960 region is 3.7 MB, and only
 * the uploads whose re-crop is still to come are worth keeping (at most 15 writes are in flight).
 */
const recent = new Map<Buffer, Decoded>()
const RECENT_MAX = 16

function remember(original: Buffer, decoded: Decoded): void {
  recent.delete(original)
  recent.set(original, decoded)
  for (const key of recent.keys()) {
    if (recent.size <= RECENT_MAX) break
    recent.delete(key)
  }
}

/**
 * The crop's pixels from pixels decoded already, when they cover it: the same pixels as decoding
 * again. The cut is part of each size's pipeline (a view, not a copy of megabytes of pixels).
 */
function fromRecent(original: Buffer, crop: Crop): (() => Sharp) | undefined {
  const got = recent.get(original)
  if (!got) return undefined
  const left = crop.x - got.crop.x
  const top = crop.y - got.crop.y
  if (left < 0 || top < 0 || left + crop.w > got.crop.w || top + crop.h > got.crop.h) return undefined
  recent.delete(original)
  const raw = { raw: { width: got.width, height: got.height, channels: got.channels } }
  if (left === 0 && top === 0 && crop.w === got.crop.w && crop.h === got.crop.h) return () => sharp(got.data, raw)
  return () => sharp(got.data, raw).extract({ left, top, width: crop.w, height: crop.h })
}

async function decodeRaw(original: Buffer, crop: Crop): Promise<Omit<Decoded, 'crop'>> {
  const { data, info } = await sharp(original)
    .extract({ left: crop.x, top: crop.y, width: crop.w, height: crop.h })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height, channels: info.channels }
}

/**
 * The crop decoded once, as raw pixels each size starts from: the same pixels as decoding the
 * original again for every size (as the server does), at a fifth of the CPU, so the emulator, which
 * shares this machine with the app under test, does not stand in for a slow server. For the same
 * reason the pixels an upload's checkDecodes decoded serve the re-crop that follows (cut from them
 * when the crop lies inside): the server decodes the file again, to the same pixels.
 */
async function decodeRegion(original: Buffer, crop: Crop): Promise<() => Sharp> {
  const reused = fromRecent(original, crop)
  if (reused) return reused
  const decoded = await decodeRaw(original, crop)
  return () => sharp(decoded.data, { raw: { width: decoded.width, height: decoded.height, channels: decoded.channels } })
}
