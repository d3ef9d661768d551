/**
 * Where a hand-over stands, decided as CONTRACT-ROOMS.md §8 says, never from the `?hash=` alone (the
 * server can repeat an old hash after an upload):
 * - applied: the person's stored original is byte for byte the prepared file (an upload that fits
 *   1280 is kept unchanged, CONTRACT.md §3.2) and their photo changed since it was prepared;
 * - superseded: their photo changed, to other bytes;
 * - declined: their share record reads Restrict (3), which `DELETE share` sets (§3.3);
 * - withdrawn: the sharer withdrew it, or the file is gone;
 * - waiting: none of these.
 * Pure, so every rule is tested without a portal.
 */
import type { HandoffState } from '../../preload/contract'
import { FILE_SHARE } from '../docspace/files-dto'
import type { HandoffRecord } from './handoff-store'

/** What the portal says now about the person and the shared file. */
export interface Observed {
  /** The person's avatarOriginal ref now (with `?hash=`). */
  readonly originalRef: string
  /** SHA-256 of their stored original now; undefined when they have no photo. */
  readonly originalSha256: string | undefined
  /** The access of the person's share record; undefined when there is none. */
  readonly shareAccess: number | undefined
  /** False when the file itself is gone (404). */
  readonly fileExists: boolean
}

export function decideState(record: Pick<HandoffRecord, 'state' | 'sha256' | 'baselineRef' | 'baselineSha256'>, now: Observed): HandoffState {
  // Decisions that end a hand-over stay: a later change of photo does not undo "applied".
  if (record.state === 'withdrawn' || record.state === 'applied' || record.state === 'superseded') return record.state
  const sha = now.originalSha256
  const changed = sha !== undefined && (now.originalRef !== record.baselineRef || sha !== record.baselineSha256)
  if (sha !== undefined && sha === record.sha256 && (changed || record.baselineSha256 !== record.sha256)) return 'applied'
  // Other bytes than before: the person set a photo of their own. Removing the photo is not a choice of another one.
  if (sha !== undefined && record.baselineSha256 !== undefined && sha !== record.baselineSha256) return 'superseded'
  if (sha !== undefined && record.baselineSha256 === undefined) return 'superseded'
  if (!now.fileExists) return 'withdrawn'
  if (now.shareAccess === FILE_SHARE.restrict) return 'declined'
  return 'waiting'
}
