// Test images and calls shared by the hand-over tests (both routes, every version mode).
import sharp from 'sharp'
import type { DemoAccount, RunningPortal } from '../../emulator/types'
import type { Account, CropFraction } from '../../preload/contract'
import { GREEN_CROP } from './change-support'
import { value, type Harness } from './harness'
import { quadrantsPng } from './images/editor-test-images'

export async function solidPng(width: number, height: number, rgb: readonly [number, number, number]): Promise<Uint8Array> {
  const png = await sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } }).png().toBuffer()
  return new Uint8Array(png)
}

/** Sign-in, prepare and status through the real handlers; `current` gives what beforeAll set up. */
export function handoffCalls(current: () => { readonly h: Harness; readonly portal: RunningPortal; readonly hr: Account }) {
  const signIn = async (who: DemoAccount): Promise<Account> => {
    const { h, portal } = current()
    const outcome = value(await h.handlers['accounts:sign-in']({ method: 'password', portalUrl: portal.url, email: who.email, password: who.password }))
    if (outcome.kind !== 'signed-in') throw new Error('expected signed-in')
    return outcome.account
  }
  const prepare = async (userId: string, crop: CropFraction = GREEN_CROP, as: Account = current().hr) =>
    current().h.handlers['handoff:prepare']({ accountId: as.id, userId, bytes: await quadrantsPng(640, 480), rotate: 0, crop })
  const statusOf = async (userId: string) =>
    value(await current().h.handlers['handoff:status']({ accountId: current().hr.id })).find((x) => x.userId === userId)?.state
  return { signIn, prepare, statusOf }
}
