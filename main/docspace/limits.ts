/**
 * The numbers the app takes from a portal, held to what a real portal can answer. A hostile or broken
 * portal's numbers (a total of 1e12, an upload limit of 1.5 bytes or 1e300) become a sane bound or a
 * clear failure, never an endless loop or a huge allocation.
 */

const KiB = 1024
const MiB = 1024 * KiB

/** The server's own default upload limit when settings say nothing usable (CONTRACT.md §3.3: 1 MiB in code). */
export const DEFAULT_UPLOAD_BYTES = MiB
/** Below this no portrait fits; a smaller claimed limit is raised to it (the portal then refuses with its own words). */
export const MIN_UPLOAD_BYTES = 64 * KiB
/** Above this a claimed limit is not believed: the shipped config is 5 MiB. */
export const MAX_UPLOAD_BYTES = 32 * MiB

/** A portal claiming more people than this is not believed (a list that long would not be usable either). */
export const MAX_PEOPLE_TOTAL = 200_000

/**
 * maxImageUploadSize as a whole number of bytes in [MIN_UPLOAD_BYTES, MAX_UPLOAD_BYTES]. Zero (an
 * anonymous caller, §3.3), negative, NaN or not a number at all mean "not said": the server's default.
 */
export function saneUploadLimit(raw: unknown): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw <= 0) return DEFAULT_UPLOAD_BYTES
  return Math.min(MAX_UPLOAD_BYTES, Math.max(MIN_UPLOAD_BYTES, Math.floor(raw)))
}

/**
 * The largest photo file the app downloads from a portal with this upload limit. The portal serves
 * what it stored from an upload under that limit; the headroom covers its re-encoding of a small,
 * highly compressed upload and the default images.
 */
export function photoBodyCap(uploadLimit: number): number {
  return 2 * uploadLimit + MiB
}

/** A header value a request can carry: printable ASCII, no space at either edge, so no CR/LF can split the request. */
export function isSendableSecret(secret: string): boolean {
  return /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(secret)
}
