/**
 * How a hand-over names its file and carries its crop. DocSpace has no metadata per file
 * (CONTRACT-ROOMS.md §4.9), so the title says whom the photo is for (`avatar-for-<guid>.png`, the
 * safe characters of §4.9) and the version comment carries a short JSON note (at most 255
 * characters) with the crop as fractions of the prepared image. Both are read back as untrusted.
 */
import { z } from 'zod'
import type { CropFraction } from '../../preload/contract'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function handoffTitle(userId: string, mime: 'image/jpeg' | 'image/png'): string {
  return `avatar-for-${userId.toLowerCase()}.${mime === 'image/png' ? 'png' : 'jpg'}`
}

/**
 * Whether a title names a photo for this person: exactly `avatar-for-<their id>.png|.jpg|.jpeg`,
 * or the portal's ` (n)` variant of it (§4.1: a title the uploader may not edit gets a number).
 */
export function isTitleFor(title: string, userId: string): boolean {
  if (!GUID.test(userId)) return false
  const match = /^avatar-for-([0-9a-f-]{36})(?: \(\d{1,4}\))?\.(?:png|jpe?g)$/i.exec(title)
  return match !== null && match[1]!.toLowerCase() === userId.toLowerCase()
}

const fraction = z.number().finite().min(0).max(1)
const noteSchema = z.object({
  for: z.string().max(100),
  crop: z.tuple([fraction, fraction, fraction, fraction])
})

/** The version comment: `{"for":"<guid>","crop":[x,y,w,h],"sha256":"<first 16>"}`, well under 255 characters. */
export function handoffNote(userId: string, crop: CropFraction, sha256: string): string {
  const r = (v: number): number => Math.round(v * 10_000) / 10_000
  return JSON.stringify({ for: userId.toLowerCase(), crop: [r(crop.x), r(crop.y), r(crop.width), r(crop.height)], sha256: sha256.slice(0, 16) })
}

/** The crop from a file's comment, when it is a note for this person with a crop inside the image. */
export function cropFromNote(comment: string | undefined, userId: string): CropFraction | undefined {
  if (!comment || comment.length > 255) return undefined
  let raw: unknown
  try {
    raw = JSON.parse(comment)
  } catch {
    return undefined
  }
  const note = noteSchema.safeParse(raw)
  if (!note.success || note.data.for.toLowerCase() !== userId.toLowerCase()) return undefined
  const [x, y, width, height] = note.data.crop
  if (width <= 0 || height <= 0 || x + width > 1 + 1e-6 || y + height > 1 + 1e-6) return undefined
  return { x, y, width: Math.min(width, 1 - x), height: Math.min(height, 1 - y) }
}

/** The portal's own choice when no crop is known: the centred square of the shorter side (CONTRACT.md §3.4). */
export function centredSquare(width: number, height: number): CropFraction {
  const side = Math.min(width, height)
  return { x: (width - side) / 2 / width, y: (height - side) / 2 / height, width: side / width, height: side / height }
}
