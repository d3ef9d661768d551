/**
 * Reading a change back: a change is reported as done only once the portal shows it and every stored
 * size (CONTRACT.md §3.1) downloads and decodes at the size it should have. The read is retried;
 * when it keeps failing the change is "partly applied": on the portal, but not checked.
 */
import type { CropPixels, PersonPhotos, PhotoChange, Result } from '../../preload/contract'
import type { DocSpaceClient } from '../docspace/client'
import type { ThumbnailsDataDto } from '../docspace/dto'
import { fail, ok } from '../core/result'
import { isStoredPhoto, PHOTO_SIZES, SQUARE_PIXELS } from '../docspace/photo-sizes'
import { imageInfo } from '../images/image-info'
import { partlyApplied } from './change-failures'
import type { Backup, ChangeContext, ChangeOutcome, CurrentPhoto } from './change-frame'
import { sha256Hex } from '../images/inert-image'
import { retrying, type RetryPolicy } from './retry'

/**
 * What the portal should show after the change; width and height are the stored original's, and
 * `sha256` its exact bytes when known (the portal stores an upload that fits 1280 px as it is, §3.2).
 * The `?hash=` in the refs is no proof: the real server can repeat the old one for 20 minutes after a
 * write and hashes the same photo differently in a write's answer and a later read (emulator README,
 * "Cache quirks"), so the new picture is recognised by its bytes.
 */
export interface ExpectedPhoto {
  readonly hasPhoto: boolean
  readonly width?: number
  readonly height?: number
  readonly sha256?: string
}

export class ReadBack {
  readonly #retry: RetryPolicy

  constructor(options: { readonly retry: RetryPolicy }) {
    this.#retry = options.retry
  }

  /**
   * Reads the photo back, checks every size, and builds the PhotoChange; otherwise partly applied.
   * `answer`: the refs the portal answered the last write with (see verify).
   */
  async finish(ctx: ChangeContext, backup: Backup, expected: ExpectedPhoto, crop: CropPixels | undefined, answer?: ThumbnailsDataDto): Promise<ChangeOutcome> {
    const { person } = ctx
    // The files checked, by path: the person's row and panel can show them without downloading them again.
    const checked = new Map<string, Uint8Array>()
    const verified = await retrying(this.#retry, () => {
      checked.clear()
      return this.verify(ctx.session.client, person.id, expected, answer, checked)
    })
    if (!verified.ok) {
      if (verified.error.code === 'portal/not-found') {
        return { ok: false, error: { ...verified.error, message: `verify: the person is gone (${verified.error.message})`, facts: { step: 'verify', personName: person.displayName } } }
      }
      return partlyApplied(person, 'verify', expected.hasPhoto ? 'new' : 'removed', verified.error)
    }
    const dto = verified.value
    const hasPhoto = isStoredPhoto(dto.original)
    const photos: PersonPhotos = { userId: person.id, hasPhoto, sizes: PHOTO_SIZES.map((size) => ({ size, ref: dto[size] })) }
    const change: PhotoChange = {
      action: ctx.action,
      userId: person.id,
      person: { ...person, hasPhoto, smallPhoto: dto.small },
      photos,
      verified: true,
      backupId: backup.entry.id
    }
    const note = [crop ? `crop ${crop.width}×${crop.height} at ${crop.x},${crop.y}` : undefined, `backup ${backup.entry.id}`].filter(Boolean).join('; ')
    const verifiedFiles = PHOTO_SIZES.flatMap((size) => {
      const bytes = checked.get(withoutQuery(dto[size]))
      return bytes && isStoredPhoto(dto[size]) ? [{ ref: dto[size], bytes }] : []
    })
    return { ok: true, value: change, note, change: { verified: true, ...(crop ? { cropSide: crop.width } : {}) }, verifiedFiles }
  }

  /**
   * One read of every size: the original at `expected`'s size (when given), each square at its side.
   * With the refs of the write's `answer`, their files download while the portal is asked for the refs:
   * when it names the same files (the `?hash=` aside) those were the ones checked, so the read costs
   * one round trip instead of two; otherwise the files it names are checked after all.
   */
  /** `checked`: gets the bytes of every file that passed, by its path without the query. */
  async verify(client: DocSpaceClient, userId: string, expected: ExpectedPhoto, answer?: ThumbnailsDataDto, checked?: Map<string, Uint8Array>): Promise<Result<ThumbnailsDataDto>> {
    if (!answer) {
      const photo = await client.photo(userId)
      if (!photo.ok) return photo
      return this.verifyFiles(client, photo.value, expected, checked)
    }
    const [photo, files] = await Promise.all([client.photo(userId), this.verifyFiles(client, answer, expected, checked)])
    if (!photo.ok) return photo
    if (PHOTO_SIZES.every((size) => withoutQuery(photo.value[size]) === withoutQuery(answer[size]))) return files.ok ? ok(photo.value) : files
    checked?.clear()
    return this.verifyFiles(client, photo.value, expected, checked)
  }

  /** Checks the files behind a set of refs (e.g. a thumbnails answer) without asking for them again. */
  async verifyFiles(client: DocSpaceClient, dto: ThumbnailsDataDto, expected: ExpectedPhoto, checked?: Map<string, Uint8Array>): Promise<Result<ThumbnailsDataDto>> {
    if (isStoredPhoto(dto.original) !== expected.hasPhoto) {
      return fail('portal/unexpected', expected.hasPhoto ? 'the portal still shows no photo' : 'the portal still shows a photo', {
        detail: expected.hasPhoto ? 'no photo' : 'still a photo'
      })
    }
    const checks = await Promise.all(
      PHOTO_SIZES.map(async (size): Promise<Result<true>> => {
        const file = await client.fetchFile(dto[size])
        if (!file.ok) return file
        const info = await imageInfo(file.value.bytes)
        if (!info.ok) return fail('portal/unexpected', `the ${size} photo does not load: ${info.error.message}`, { detail: `${size} does not decode` })
        if (size === 'original' && expected.hasPhoto && expected.sha256 !== undefined && sha256Hex(file.value.bytes) !== expected.sha256) {
          return fail('portal/unexpected', 'the stored original is not the picture that was uploaded', { detail: 'original differs from the upload' })
        }
        const want =
          size === 'original'
            ? expected.hasPhoto && expected.width !== undefined && expected.height !== undefined
              ? { width: expected.width, height: expected.height }
              : undefined
            : { width: SQUARE_PIXELS[size], height: SQUARE_PIXELS[size] }
        if (want && (info.value.width !== want.width || info.value.height !== want.height)) {
          const found = `${size} ${info.value.width}×${info.value.height}, expected ${want.width}×${want.height}`
          return fail('portal/unexpected', `the ${found}`, { detail: found })
        }
        checked?.set(withoutQuery(dto[size]), file.value.bytes)
        return ok(true)
      })
    )
    const failed = checks.find((c) => !c.ok)
    return failed && !failed.ok ? failed : ok(dto)
  }
}

function withoutQuery(ref: string): string {
  return ref.replace(/[?#].*$/, '')
}

/**
 * After a lost connection: is the person's photo still the one read before the change ('old'), another
 * one ('new'), or can that not be told ('unknown')? Decided by the original's bytes, never by the
 * `?hash=` (see ExpectedPhoto).
 */
export async function photoNow(client: DocSpaceClient, userId: string, before: CurrentPhoto): Promise<'old' | 'new' | 'unknown'> {
  const now = await client.photo(userId)
  if (!now.ok) return 'unknown'
  const stored = isStoredPhoto(now.value.original)
  if (!before.original || !stored) return stored === (before.original !== undefined) ? 'old' : 'new'
  const file = await client.fetchFile(now.value.original)
  if (!file.ok) return 'unknown'
  return sha256Hex(file.value.bytes) === before.original.servedSha256 ? 'old' : 'new'
}

/** After a lost connection: did the portal make the change anyway? */
export async function changedSince(client: DocSpaceClient, userId: string, before: CurrentPhoto): Promise<boolean> {
  return (await photoNow(client, userId, before)) === 'new'
}
