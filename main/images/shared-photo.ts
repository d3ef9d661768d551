/**
 * A photo someone shared, made ready for the person's own profile. A share is untrusted input: the
 * name says nothing (a text file can be called `.jpg`), so the bytes are sniffed and decoded. A
 * PNG or JPEG that is already what preparePhoto makes (fits 1280×1280, under the portal's limit, no
 * EXIF, XMP, IPTC or ICC block) is kept byte for byte, so the portal stores exactly the prepared file
 * (CONTRACT.md §3.2) and the sharer can prove it was applied; anything else is prepared again.
 */
import sharp, { type Metadata } from 'sharp'
import type { CropPixels, Result } from '../../preload/contract'
import { fail, ok } from '../core/result'
import type { EncodedPhoto } from './photo-ops'
import { PHOTO_DEFAULTS, preparePhoto } from './prepare-photo'
import { sniffFormat } from './sniff-format'

export interface SharedPhoto extends EncodedPhoto {
  /** True when the shared bytes are uploaded unchanged. */
  readonly asShared: boolean
}

export async function sharedPhoto(bytes: Uint8Array, maxUploadBytes: number): Promise<Result<SharedPhoto>> {
  const sniffed = sniffFormat(bytes)
  const container = sniffed.kind === 'decodable' ? sniffed.container : undefined
  if (container !== 'jpeg' && container !== 'png') {
    return fail('image/unsupported', 'the shared file is not a PNG or JPEG photo', { facts: { imageProblem: 'not-an-image' } })
  }
  let meta: Metadata
  try {
    meta = await sharp(bytes, { limitInputPixels: PHOTO_DEFAULTS.maxInputPixels }).metadata()
  } catch (e) {
    return fail('image/corrupt', 'the shared file does not decode', { detail: e instanceof Error ? e.message : String(e), facts: { imageProblem: 'damaged' } })
  }
  const clean = !meta.exif && !meta.xmp && !meta.iptc && !meta.icc && (meta.orientation ?? 1) === 1 && (meta.pages ?? 1) === 1
  const fits = meta.width !== undefined && meta.height !== undefined && Math.max(meta.width, meta.height) <= PHOTO_DEFAULTS.maxSide
  if (clean && fits && bytes.byteLength <= maxUploadBytes) {
    return ok({ bytes, mime: container === 'png' ? 'image/png' : 'image/jpeg', width: meta.width!, height: meta.height!, asShared: true })
  }
  const prepared = await preparePhoto(bytes, { maxUploadBytes })
  if (!prepared.ok) return prepared
  const { mime, width, height } = prepared.value
  return ok({ bytes: prepared.value.bytes, mime, width, height, asShared: false })
}

/**
 * The square `crop` of a prepared photo as a photo of its own, same format, no metadata: for a portal
 * where no note can carry the crop, so the centred square the portal makes of it is the chosen one.
 * Undefined when it does not encode under the limit (the caller keeps the whole photo).
 */
export async function croppedPhoto(photo: EncodedPhoto, crop: CropPixels, maxUploadBytes: number): Promise<EncodedPhoto | undefined> {
  try {
    const image = sharp(photo.bytes).extract({ left: crop.x, top: crop.y, width: crop.width, height: crop.height })
    const encoded = photo.mime === 'image/png' ? image.png({ compressionLevel: 6, adaptiveFiltering: true }) : image.jpeg({ quality: 90, chromaSubsampling: '4:2:0' })
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true })
    if (data.byteLength > maxUploadBytes) return undefined
    return { bytes: new Uint8Array(data), mime: photo.mime, width: info.width, height: info.height }
  } catch {
    return undefined
  }
}
