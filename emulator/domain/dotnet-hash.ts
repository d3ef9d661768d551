// .NET time arithmetic the server leaks into its wire format (CONTRACT.md §1.1, §0.1: a photo URL's ?hash=
// is the hash code of the user's last-modified time in .NET ticks; dates are ApiDateTime strings).

/** Ticks (100 ns units since 0001-01-01) at the Unix epoch. */
const UNIX_EPOCH_TICKS = 621355968000000000n
const TICKS_PER_MS = 10000n

export function ticksFromUnixMs(ms: number): bigint {
  return BigInt(Math.floor(ms)) * TICKS_PER_MS + UNIX_EPOCH_TICKS
}

function unixMsFromTicks(ticks: bigint): number {
  return Number((ticks - UNIX_EPOCH_TICKS) / TICKS_PER_MS)
}

/** DateTime.GetHashCode(): (int)ticks ^ (int)(ticks >> 32). */
export function dateTimeHashCode(ticks: bigint): number {
  const low = Number(BigInt.asIntN(32, ticks))
  const high = Number(BigInt.asIntN(32, ticks >> 32n))
  return low ^ high
}

/** The `?hash=` cache key: Math.Abs(user.LastModified.GetHashCode()). */
export function photoHash(lastModifiedTicks: bigint): number {
  return Math.abs(dateTimeHashCode(lastModifiedTicks))
}

/** `yyyy-MM-ddTHH:mm:ss.fffffff` + offset (`Z` when zero), the ApiDateTime wire format. */
export function formatApiDateTime(ticks: bigint, utcOffsetMinutes: number): string {
  const shifted = ticks + BigInt(utcOffsetMinutes) * 60n * 1000n * TICKS_PER_MS
  const ms = unixMsFromTicks(shifted)
  const fraction = ((shifted - UNIX_EPOCH_TICKS) % 10000000n + 10000000n) % 10000000n
  const iso = new Date(ms).toISOString().slice(0, 19)
  return `${iso}.${fraction.toString().padStart(7, '0')}${formatOffset(utcOffsetMinutes)}`
}

/** A UTC DateTime as System.Text.Json writes it (`...fffffffZ`), used for token `expires`. */
export function formatUtcDateTime(ticks: bigint): string {
  return formatApiDateTime(ticks, 0)
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z'
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}
