/**
 * Words for the plan: which rule matched, what will happen and why not, in the user's language.
 * Image and portal problems go through the same error texts as a single replace
 * (i18n/photo-error-text.ts), so a row says exactly what the editor would have said.
 */
import type { Account, BulkRow, MatchRule } from '../../../preload/contract'
import { describePhotoError } from '../i18n/photo-error-text'
import type { SkipReason } from './file-intake'
import { MAX_FILE_BYTES } from './file-intake'

type Translate = (key: string, named: Record<string, unknown>) => string

export function ruleKey(rule: MatchRule): string {
  switch (rule) {
    case 'mapping':
      return 'bulk.rules.mapping'
    case 'email':
      return 'bulk.rules.email'
    case 'email-local':
      return 'bulk.rules.emailLocal'
    case 'user-name':
      return 'bulk.rules.userName'
    case 'user-id':
      return 'bulk.rules.userId'
    case 'first-last':
      return 'bulk.rules.firstLast'
    case 'first.last':
      return 'bulk.rules.firstDotLast'
    case 'first_last':
      return 'bulk.rules.firstUnderscoreLast'
    case 'last-first':
      return 'bulk.rules.lastFirst'
    case 'last-comma-first':
      return 'bulk.rules.lastCommaFirst'
    case 'manual':
      return 'bulk.rules.manual'
  }
}

export function skipReasonText(t: Translate, reason: SkipReason): string {
  switch (reason) {
    case 'too-large':
      return t('bulk.intake.reasons.tooLarge', { mb: MAX_FILE_BYTES / (1024 * 1024) })
    case 'empty':
      return t('bulk.intake.reasons.empty', {})
    case 'unreadable':
      return t('bulk.intake.reasons.unreadable', {})
    case 'bad-zip':
      return t('bulk.intake.reasons.badZip', {})
    case 'ignored':
      return t('bulk.intake.reasons.ignored', {})
  }
}

/** The file's own name, without the folders it came in. */
export function baseName(path: string): string {
  const parts = path.split('/')
  return parts[parts.length - 1] || path
}

/**
 * Why a row will not be sent, or what happened when it was: the problem (invalid, refused) or the
 * result's error, through the single-replace texts. Null when there is nothing to explain.
 */
export function rowProblemText(t: Translate, row: BulkRow, account: Account | null, hadPhoto: boolean): { message: string; detail?: string } | null {
  const error = row.result === 'failed' ? row.resultError : row.state === 'invalid' || row.state === 'refused' ? row.problem : undefined
  if (!error) return null
  const text = describePhotoError(t, error, {
    action: row.state === 'invalid' ? 'inspect' : 'replace',
    personName: row.personName ?? t('photoErrors.thePerson', {}),
    hadPhoto,
    portalUrl: account?.portalUrl ?? '',
    policy: account?.policy ?? { rule: 'self-only', portalVersion: '' },
    role: account?.user.role ?? 'user',
    fileName: baseName(row.file)
  })
  return text.detail === undefined ? { message: text.message } : { message: text.message, detail: text.detail }
}

/** "3 minutes", "45 seconds": Intl's unit names, so no strings of our own. */
export function formatDuration(seconds: number, locale: string): string {
  const minutes = seconds / 60
  if (minutes >= 90) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 1 }).format(minutes / 60)
  if (seconds >= 90) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long', maximumFractionDigits: 0 }).format(minutes)
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long', maximumFractionDigits: 0 }).format(Math.max(1, seconds))
}
