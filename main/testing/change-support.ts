// Test support for photo changes against the emulator: sign-in, the emulator's stored bytes, colours.
import type { RunningPortal } from '../../emulator/types'
import type { Account } from '../../preload/contract'
import { BLUE, GREEN, RED, YELLOW, decode, isColour, meanColour } from './images/editor-test-images'
import { value, type Harness } from './harness'

export const MiB = 1024 * 1024
/** The green (top-right) quadrant of a 4:3 quadrants image, well inside its edges. */
export const GREEN_CROP = { x: 0.55, y: 0.05, width: 0.3, height: 0.4 }
export const BLUE_CROP = { x: 0.05, y: 0.55, width: 0.3, height: 0.4 }
export const WHOLE_SQUARE_4x3 = { x: 0.125, y: 0, width: 0.75, height: 1 }

let jobs = 0
export const jobId = (): string => `job-${++jobs}`

export async function signIn(h: Harness, p: RunningPortal, who: 'owner' | 'admin' | 'user'): Promise<Account> {
  const a = p.accounts[who]
  const outcome = value(await h.handlers['accounts:sign-in']({ method: 'password', portalUrl: p.url, email: a.email, password: a.password }))
  if (outcome.kind !== 'signed-in') throw new Error('expected signed-in')
  return outcome.account
}

export function stored(p: RunningPortal, userId: string, size: 'original' | 'small' | 'retina' = 'original'): Buffer | undefined {
  return p.storedPhoto(userId, size)
}

export function storedOrThrow(p: RunningPortal, userId: string, size: 'original' | 'small' | 'retina' = 'original'): Buffer {
  const bytes = p.storedPhoto(userId, size)
  if (!bytes) throw new Error(`no stored ${size} photo`)
  return bytes
}

/** Mean colours of the four quadrants of an image (top-left, top-right, bottom-left, bottom-right). */
export async function quadrantColours(bytes: Uint8Array): Promise<string[]> {
  const { width, height } = await decode(bytes)
  const w = Math.floor(width / 4)
  const h = Math.floor(height / 4)
  const at = async (left: number, top: number): Promise<string> => name(await meanColour(bytes, { left: Math.round(left), top: Math.round(top), width: w, height: h }))
  return [await at(w / 2, h / 2), await at(width / 2 + w / 2, h / 2), await at(w / 2, height / 2 + h / 2), await at(width / 2 + w / 2, height / 2 + h / 2)].map(String)
}

export function name(rgb: readonly [number, number, number]): string {
  for (const [label, colour] of [['red', RED], ['green', GREEN], ['blue', BLUE], ['yellow', YELLOW]] as const) if (isColour(rgb, colour)) return label
  return `rgb(${rgb.join(',')})`
}
