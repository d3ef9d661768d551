/**
 * The six stored photo sizes (CONTRACT.md §3.1) and how to tell a stored photo from the portal's
 * default image (§1.1: without a photo every size points at a default image under /static/images/).
 */
import type { PhotoSize } from '../../preload/contract'

/** Largest first, as the contract lists them. */
export const PHOTO_SIZES: readonly PhotoSize[] = ['original', 'retina', 'max', 'big', 'medium', 'small']

/** The square sizes' side in pixels (§3.1); the original keeps its own aspect, fitted within 1280. */
export const SQUARE_PIXELS: { readonly [S in Exclude<PhotoSize, 'original'>]: number } = { retina: 360, max: 200, big: 82, medium: 48, small: 32 }

/** Where the portal serves people's own photos from (§1.1). */
export const STORED_PHOTO_PATH = '/storage/userPhotos/'

/** True when the ref is a photo the person has, not the portal's default image. */
export function isStoredPhoto(ref: string | undefined): boolean {
  return ref !== undefined && ref.includes(STORED_PHOTO_PATH)
}
