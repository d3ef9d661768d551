/**
 * The details column of the activity view, in the user's words: what a change did ("Cropped to a
 * square of 712 px", "Restored the photo of 3 March") or, for a failure, the very text the app showed
 * when it failed (photo-error-text.ts, from the code and facts the log kept). Never a backup id or an
 * error code. Entries written before the log kept facts are worded from their English note.
 */
import type { Account, ActivityEntry, ActivityError, AppError, ErrorCode, PhotoAction } from '../../../preload/contract'
import { dayText } from './dates'
import { describeError } from './error-text'
import { describePhotoError } from './photo-error-text'

type Translate = (key: string, named: Record<string, unknown>) => string

const PHOTO_ACTIONS: readonly string[] = ['replace', 'delete', 'set-from-url', 'restore', 'undo'] satisfies readonly PhotoAction[]

export function activityDetail(t: Translate, entry: ActivityEntry, locale: string, account?: Account): string {
  if (entry.people) return bulkDetail(t, entry, locale)
  return entry.result === 'failed' ? failedDetail(t, entry, account) : doneDetail(t, entry, locale)
}

function bulkDetail(t: Translate, entry: ActivityEntry, locale: string): string {
  const people = entry.people ?? []
  const ok = people.filter((p) => p.result === 'ok').length
  const failed = people.filter((p) => p.result === 'failed').length
  const n = new Intl.NumberFormat(locale)
  return t('activity.detail.bulk', { ok: n.format(ok), failed: n.format(failed), skipped: n.format(people.length - ok - failed) })
}

function failedDetail(t: Translate, entry: ActivityEntry, account: Account | undefined): string {
  const kept: ActivityError | undefined = entry.error ?? legacyError(entry.detail)
  if (!kept) return t('activity.detail.failed', {})
  const error: AppError = { ...kept, message: '' }
  try {
    // Without facts (an older line, a bulk job) nothing is known about the person's photo: the code's own message.
    if (!entry.error?.facts || !PHOTO_ACTIONS.includes(entry.action)) return describeError(t, error, entry.portalUrl).message
    const text = describePhotoError(t, error, {
      action: entry.action as PhotoAction,
      personName: entry.personName,
      hadPhoto: true,
      portalUrl: entry.portalUrl,
      policy: account?.policy ?? { rule: 'self-only', portalVersion: kept.facts?.portalVersion ?? '' },
      role: account?.user.role ?? kept.facts?.role ?? 'user'
    })
    return text.detail ? `${text.message} ${text.detail}` : text.message
  } catch {
    // A code this version of the app does not know (a newer app wrote the line).
    return t('activity.detail.failed', {})
  }
}

/** "net/timeout: upload: …" as older lines kept it: the code is enough for the generic message. */
function legacyError(detail: string | undefined): ActivityError | undefined {
  const code = /^([a-z]+\/[a-z-]+): /.exec(detail ?? '')?.[1]
  return code ? { code: code as ErrorCode } : undefined
}

function doneDetail(t: Translate, entry: ActivityEntry, locale: string): string {
  const change = entry.change ?? legacyChange(entry.detail)
  const parts: string[] = []
  if (change.restoredFrom) {
    const date = dayText(change.restoredFrom, locale)
    parts.push(t(change.restoredNone ? 'activity.detail.restoredNone' : 'activity.detail.restored', { date }))
  }
  if (entry.action === 'delete') parts.push(t('activity.detail.deleted', {}))
  if (change.urlHost) parts.push(t('activity.detail.fromHost', { host: change.urlHost }))
  if (change.cropSide) parts.push(t(change.faceFramed ? 'activity.detail.croppedFace' : 'activity.detail.cropped', { side: new Intl.NumberFormat(locale).format(change.cropSide) }))
  if (change.verified === false) parts.push(t('activity.detail.unverified', {}))
  return parts.join(' · ')
}

/** "crop 712×712 at 10,20; backup 0mx4…" as older lines kept it. */
function legacyChange(detail: string | undefined): NonNullable<ActivityEntry['change']> {
  const side = /crop (\d+)×/.exec(detail ?? '')?.[1]
  return side ? { cropSide: Number(side) } : {}
}
