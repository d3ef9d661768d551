/**
 * Opening a picked picture for the editor in one decode (photos:open): the header checks of
 * photos:inspect, then the preparation Save will upload. The prepared photo (upright, sRGB, fitted
 * within the 1280 px the portal stores) is also what the editor shows and what the face framing looks
 * at, so a 12 MP source crosses to a worker once and is decoded once, instead of once each for the
 * inspection, the framing with its preview, and the staged preparation.
 */
import type { ImageSummary, Result } from '../../preload/contract'
import { inspectPhoto } from './inspect-photo'
import { preparePhoto, type PreparedPhoto, type PrepareOptions, type PrepareResult } from './prepare-photo'

export interface OpenedPhoto {
  readonly summary: ImageSummary
  /** Save's preparation, or why it failed (the editor still opens: Save then reports it). */
  readonly prepared: PrepareResult<PreparedPhoto>
}

/** Refused like photos:inspect when the header is not acceptable; otherwise the summary and the preparation. */
export async function openPhoto(bytes: Uint8Array, options: PrepareOptions): Promise<Result<OpenedPhoto>> {
  const summary = await inspectPhoto(bytes)
  if (!summary.ok) return summary
  return { ok: true, value: { summary: summary.value, prepared: await preparePhoto(bytes, options) } }
}
