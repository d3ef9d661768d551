/**
 * Photo preparation in main, before anything is sent to the portal (CONTRACT.md §1.4, §3):
 * the portal accepts only PNG/JPEG bytes, fits the original into 1280×1280 itself, does NOT apply EXIF
 * orientation, and refuses uploads over `maxImageUploadSize`. So we: sniff the real format, refuse
 * decompression bombs from the header, decode (HEIC through libheif-js), apply the EXIF orientation,
 * convert to sRGB and drop every metadata block (EXIF with GPS, XMP, IPTC, ICC), fit within 1280×1280
 * without enlarging, and encode JPEG (PNG when the picture has real transparency) under the byte limit.
 *
 * Failures are values with their own code and facts (the renderer words them); nothing partial is ever returned.
 */
import sharp, { type Metadata, type Sharp } from 'sharp'
import type { AppError, ErrorCode, ErrorFacts, QuarterTurns } from '../../preload/contract'
import { formatBytes } from '../core/bytes'
import { decodeHeic } from './heic-decoder'
import { sniffFormat, type DecodableContainer } from './sniff-format'
import { useImageThreads } from './sharp-threads'

// Every image path of the app goes through this module (in main and in the workers).
useImageThreads()

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export type SourceFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'avif' | 'heic'

export type PrepareErrorCode = Extract<ErrorCode, `image/${string}`>

/** The contract's AppError with an image/* code, so a handler can return it as is. `detail` is technical (decoder message, sizes). */
export interface PrepareFailure extends AppError {
  readonly code: PrepareErrorCode
}

export type PrepareResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: PrepareFailure }

/** What the header says, read without decoding pixels. */
export interface ImageHeader {
  readonly format: SourceFormat
  /** As the photo is meant to be seen: after the EXIF orientation (HEIC/AVIF: after irot/imir). */
  readonly width: number
  readonly height: number
  /** EXIF orientation tag 1..8 when present; null when absent or irrelevant (HEIC/AVIF carry their own transform). */
  readonly orientation: number | null
  /** width × height of the first frame: what decoding would allocate. */
  readonly pixelCount: number
  /** Frames or pages; only the first is used. */
  readonly frames: number
  /** Has an alpha channel (it may still be fully opaque). */
  readonly hasAlpha: boolean
  readonly byteLength: number
}

export interface PreparedPhoto {
  readonly bytes: Uint8Array
  readonly mime: 'image/jpeg' | 'image/png'
  readonly width: number
  readonly height: number
  readonly sourceFormat: SourceFormat
  /** Upright size of the source (see ImageHeader.width). */
  readonly sourceWidth: number
  readonly sourceHeight: number
  /** The EXIF orientation (2..8) that was applied to the pixels, or null when none was needed. */
  readonly orientationApplied: number | null
  /** Always true: the output carries no EXIF, GPS, XMP, IPTC or ICC data (colours converted to sRGB). */
  readonly metadataStripped: true
}

export interface PrepareOptions {
  /** The portal's `maxImageUploadSize` from GET /api/2.0/settings (CONTRACT.md §3.3). Output bytes stay at or under it. */
  readonly maxUploadBytes: number
  /** Longest side of the output; the portal stores originals fitted to 1280 (CONTRACT.md §3.1). */
  readonly maxSide?: number
  /** Refuse sources whose header declares more pixels than this, before decoding. */
  readonly maxInputPixels?: number
  /** Refuse sources whose shorter side is below this. */
  readonly minSide?: number
  /** Clockwise quarter turns chosen in the editor, applied after the EXIF orientation in the same pass. */
  readonly rotate?: QuarterTurns
}

export const PHOTO_DEFAULTS = {
  maxSide: 1280,
  // 120 MP admits 108 MP phone cameras (12000×9000) while a 30000×30000 bomb (900 MP) is refused.
  maxInputPixels: 120_000_000,
  // The portal's smallest stored size is 32×32 (CONTRACT.md §3.1).
  minSide: 32
} as const

/** When the byte limit forces shrinking, never go below the portal's largest thumbnail (retina, 360 px). */
const MIN_SHRUNK_SIDE = 360
const JPEG_QUALITIES = [88, 80, 72, 64, 56] as const
const SHRINK_STEPS = [1, 0.8, 0.64, 0.5] as const

// ---------------------------------------------------------------------------------------------
// Failures: English log text plus the facts the renderer words them from
// ---------------------------------------------------------------------------------------------

function failure(code: PrepareErrorCode, message: string, facts: ErrorFacts, detail?: string): PrepareFailure {
  return { code, message, facts, ...(detail === undefined ? {} : { detail }) }
}

function fail(code: PrepareErrorCode, message: string, facts: ErrorFacts, detail?: string): { ok: false; error: PrepareFailure } {
  return { ok: false, error: failure(code, message, facts, detail) }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function megapixels(pixels: number): number {
  return pixels / 1_000_000
}

function mpText(pixels: number): string {
  return `${Number(megapixels(pixels).toFixed(1))}`
}

// ---------------------------------------------------------------------------------------------
// Header
// ---------------------------------------------------------------------------------------------

interface Header extends ImageHeader {
  readonly container: DecodableContainer
}

async function readHeader(input: Uint8Array): Promise<PrepareResult<Header>> {
  if (input.byteLength === 0) return fail('image/unsupported', 'the file is empty', { imageProblem: 'empty' })

  const sniffed = sniffFormat(input)
  switch (sniffed.kind) {
    case 'unknown':
      return fail('image/unsupported', 'not an image: no known image signature', { imageProblem: 'not-an-image' })
    case 'refused':
      return fail('image/unsupported', `${sniffed.format} is recognised and refused`, { imageProblem: 'refused-format', refusedFormat: sniffed.format }, `format: ${sniffed.format}`)
    case 'decodable':
      break
    default:
      return assertNever(sniffed)
  }

  let meta: Metadata
  try {
    // Header only; the pixel limit is ours to check (sharp would refuse above 268 MP with a vague message).
    meta = await sharp(input, { limitInputPixels: false }).metadata()
  } catch (error) {
    return fail('image/corrupt', 'the image header does not decode (damaged)', { imageProblem: 'damaged' }, errorText(error))
  }

  const container = sniffed.container
  let format: SourceFormat
  if (container === 'heif') {
    if (meta.compression === 'av1') format = 'avif'
    else if (meta.compression === 'hevc') format = 'heic'
    else {
      return fail('image/unsupported', `HEIF with an unsupported compression (${String(meta.compression)})`, { imageProblem: 'heif-compression' }, `compression: ${String(meta.compression)}`)
    }
  } else {
    format = container
  }

  // HEIF: libheif applies the container's own rotation and reports upright sizes; EXIF orientation there is informative only.
  const isHeif = container === 'heif'
  const orientation = !isHeif && meta.orientation !== undefined && meta.orientation >= 1 && meta.orientation <= 8 ? meta.orientation : null
  const width = isHeif ? meta.width : meta.autoOrient.width
  const height = isHeif ? meta.height : meta.autoOrient.height
  if (!(width > 0 && height > 0)) return fail('image/corrupt', 'the image header has no size (damaged)', { imageProblem: 'damaged' }, `header size ${width}x${height}`)

  return {
    ok: true,
    value: {
      container,
      format,
      width,
      height,
      orientation,
      pixelCount: width * height,
      frames: meta.pages ?? 1,
      hasAlpha: meta.hasAlpha,
      byteLength: input.byteLength
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Decode: upright, sRGB, 8-bit, fitted within maxSide
// ---------------------------------------------------------------------------------------------

interface Pixels {
  readonly data: Buffer
  readonly width: number
  readonly height: number
  readonly channels: 1 | 2 | 3 | 4
}

interface Limits {
  readonly maxUploadBytes: number
  readonly maxSide: number
  readonly maxInputPixels: number
  readonly minSide: number
}

const CORRUPT = 'the pixels do not decode: the image is damaged or incomplete'

async function toFittedPixels(pipeline: Sharp, maxSide: number, turns: QuarterTurns): Promise<Pixels> {
  // sharp applies rotate(angle) after autoOrient() whatever the call order.
  const turned = turns === 0 ? pipeline : pipeline.rotate(turns * 90)
  const { data, info } = await turned
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height, channels: info.channels }
}

type DecodeLimits = Pick<Limits, 'maxSide' | 'maxInputPixels'>

async function decode(input: Uint8Array, header: Header, limits: DecodeLimits, turns: QuarterTurns): Promise<PrepareResult<Pixels>> {
  if (header.format === 'heic') {
    const heic = await decodeHeic(input, limits.maxInputPixels)
    if (!heic.ok) {
      switch (heic.reason) {
        case 'unavailable':
          return fail('image/unsupported', 'HEIC cannot be decoded on this computer', { imageProblem: 'heic-unavailable' }, heic.detail)
        case 'corrupt':
          return fail('image/corrupt', CORRUPT, { imageProblem: 'incomplete' }, heic.detail)
        case 'too-large':
          return { ok: false, error: { ...tooManyPixels(header, limits), detail: heic.detail } }
        default:
          return assertNever(heic.reason)
      }
    }
    const pixels = await toFittedPixels(sharp(heic.rgba, { raw: { width: heic.width, height: heic.height, channels: 4 } }), limits.maxSide, turns)
    return { ok: true, value: pixels }
  }

  try {
    // failOn 'truncated': refuse cut-off files, but accept the harmless warnings many cameras produce.
    // limitInputPixels again as a second guard; page 0 only (first frame of GIF/WebP/TIFF).
    let pipeline = sharp(input, { limitInputPixels: limits.maxInputPixels, failOn: 'truncated', page: 0, pages: 1 })
    if (header.container !== 'heif') pipeline = pipeline.autoOrient()
    return { ok: true, value: await toFittedPixels(pipeline, limits.maxSide, turns) }
  } catch (error) {
    return fail('image/corrupt', CORRUPT, { imageProblem: 'incomplete' }, errorText(error))
  }
}

function hasRealTransparency(pixels: Pixels): boolean {
  if (pixels.channels !== 2 && pixels.channels !== 4) return false
  const { data, channels } = pixels
  for (let i = channels - 1; i < data.length; i += channels) {
    if (data[i]! < 255) return true
  }
  return false
}

// ---------------------------------------------------------------------------------------------
// Encode under the byte limit
// ---------------------------------------------------------------------------------------------

interface Encoded {
  readonly bytes: Buffer
  readonly mime: 'image/jpeg' | 'image/png'
  readonly width: number
  readonly height: number
}

type EncodeAttempt = (image: Sharp) => Sharp

function attemptsFor(transparent: boolean): readonly EncodeAttempt[] {
  if (transparent) {
    return [
      (i) => i.png({ compressionLevel: 6, adaptiveFiltering: true }),
      (i) => i.png({ palette: true, colours: 256, dither: 1 }),
      (i) => i.png({ palette: true, colours: 64, dither: 1 })
    ]
  }
  return JPEG_QUALITIES.map((quality) => (i: Sharp) => i.removeAlpha().jpeg({ quality, chromaSubsampling: '4:2:0' }))
}

/** Lowers quality step by step, then the size (never below 360 px on the shorter side), until the bytes fit. */
async function encodeUnderLimit(pixels: Pixels, transparent: boolean, maxBytes: number): Promise<Encoded | { smallest: number }> {
  const mime = transparent ? 'image/png' : 'image/jpeg'
  const attempts = attemptsFor(transparent)
  let smallest = Number.POSITIVE_INFINITY

  for (const step of SHRINK_STEPS) {
    const width = Math.max(1, Math.round(pixels.width * step))
    const height = Math.max(1, Math.round(pixels.height * step))
    if (step < 1 && Math.min(width, height) < MIN_SHRUNK_SIDE) break
    const raw = { width: pixels.width, height: pixels.height, channels: pixels.channels }
    const scaled = step === 1 ? pixels.data : await sharp(pixels.data, { raw }).resize(width, height, { fit: 'fill' }).raw().toBuffer()
    const scaledRaw = { width, height, channels: pixels.channels }

    for (const attempt of attempts) {
      const bytes = await attempt(sharp(scaled, { raw: scaledRaw })).toBuffer()
      if (bytes.byteLength <= maxBytes) return { bytes, mime, width, height }
      smallest = Math.min(smallest, bytes.byteLength)
    }
  }
  return { smallest }
}

// ---------------------------------------------------------------------------------------------
// Public functions
// ---------------------------------------------------------------------------------------------

function resolveLimits(options: PrepareOptions): Limits {
  const limits: Limits = {
    maxUploadBytes: options.maxUploadBytes,
    maxSide: options.maxSide ?? PHOTO_DEFAULTS.maxSide,
    maxInputPixels: options.maxInputPixels ?? PHOTO_DEFAULTS.maxInputPixels,
    minSide: options.minSide ?? PHOTO_DEFAULTS.minSide
  }
  for (const [name, value] of Object.entries(limits)) {
    // A bug in the caller (e.g. an anonymous /settings answer gives maxImageUploadSize 0), not a user error.
    if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`preparePhoto: ${name} must be a positive integer, got ${String(value)}`)
  }
  return limits
}

function tooManyPixels(header: ImageHeader, limits: Pick<Limits, 'maxInputPixels'>): PrepareFailure {
  const { width, height, pixelCount } = header
  return failure(
    'image/too-large',
    `${width} × ${height} pixels (${mpText(pixelCount)} megapixels), over the limit of ${mpText(limits.maxInputPixels)} megapixels`,
    { imageProblem: 'too-many-pixels', width, height, megapixels: megapixels(pixelCount), maxMegapixels: megapixels(limits.maxInputPixels) },
    `${width}x${height}`
  )
}

/** The header checks every use of an image makes first: the decompression-bomb guard and the smallest usable size. */
export function checkDimensions(header: ImageHeader, limits: Pick<Limits, 'maxInputPixels' | 'minSide'>): PrepareFailure | null {
  if (header.pixelCount > limits.maxInputPixels) return tooManyPixels(header, limits)
  const { width, height } = header
  if (Math.min(width, height) < limits.minSide) {
    return failure('image/too-small', `only ${width} × ${height} pixels; at least ${limits.minSide} on each side are needed`, { imageProblem: 'too-small', width, height, minSide: limits.minSide }, `${width}x${height}`)
  }
  return null
}

/** Reads the header only (format, upright size, orientation, pixel count) for the editor UI. Decodes nothing. */
export async function inspectImage(input: Uint8Array): Promise<PrepareResult<ImageHeader>> {
  const header = await readHeader(input)
  if (!header.ok) return header
  const { container: _container, ...info } = header.value
  return { ok: true, value: info }
}

/** The source as preparation sees it: upright (EXIF or HEIF transforms applied), sRGB, 8-bit, fitted. */
export interface UprightPixels extends Pixels {
  readonly header: ImageHeader
}

/**
 * Decodes like preparePhoto does, without the user's turns and without encoding: header checks first
 * (the decompression-bomb guard refuses from the header's pixel count before any pixel is decoded),
 * then HEIC through libheif or everything else through sharp, EXIF-oriented, fitted within `maxSide`.
 * The editor's preview (editor-preview.ts) uses it, so the editor crops the very image main prepares.
 */
export async function decodeUpright(
  input: Uint8Array,
  options: { readonly maxSide: number; readonly maxInputPixels?: number; readonly minSide?: number }
): Promise<PrepareResult<UprightPixels>> {
  const limits = {
    maxSide: options.maxSide,
    maxInputPixels: options.maxInputPixels ?? PHOTO_DEFAULTS.maxInputPixels,
    minSide: options.minSide ?? PHOTO_DEFAULTS.minSide
  }
  const header = await readHeader(input)
  if (!header.ok) return header
  const problem = checkDimensions(header.value, limits)
  if (problem) return { ok: false, error: problem }
  const pixels = await decode(input, header.value, limits, 0)
  if (!pixels.ok) return pixels
  const { container: _container, ...info } = header.value
  return { ok: true, value: { ...pixels.value, header: info } }
}

/**
 * Turns any accepted image into bytes the portal will take: upright, metadata-free sRGB JPEG (PNG when
 * transparent), within `maxSide`, at most `maxUploadBytes`. Throws only on invalid options (a bug).
 */
export async function preparePhoto(input: Uint8Array, options: PrepareOptions): Promise<PrepareResult<PreparedPhoto>> {
  const limits = resolveLimits(options)

  const header = await readHeader(input)
  if (!header.ok) return header
  const problem = checkDimensions(header.value, limits)
  if (problem) return { ok: false, error: problem }

  const pixels = await decode(input, header.value, limits, options.rotate ?? 0)
  if (!pixels.ok) return pixels

  const encoded = await encodeUnderLimit(pixels.value, hasRealTransparency(pixels.value), limits.maxUploadBytes)
  if (!('bytes' in encoded)) {
    return fail(
      'image/too-large',
      `cannot be encoded under the upload limit of ${formatBytes(limits.maxUploadBytes)} without losing too much detail`,
      { imageProblem: 'over-byte-limit', maxUploadBytes: limits.maxUploadBytes },
      `smallest attempt: ${encoded.smallest} bytes`
    )
  }

  const { orientation } = header.value
  return {
    ok: true,
    value: {
      bytes: new Uint8Array(encoded.bytes.buffer, encoded.bytes.byteOffset, encoded.bytes.byteLength),
      mime: encoded.mime,
      width: encoded.width,
      height: encoded.height,
      sourceFormat: header.value.format,
      sourceWidth: header.value.width,
      sourceHeight: header.value.height,
      orientationApplied: orientation !== null && orientation > 1 ? orientation : null,
      metadataStripped: true
    }
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`)
}
