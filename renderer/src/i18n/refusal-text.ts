/**
 * The one explanation of "you may not change this photo" (CONTRACT.md §2), in three lengths: the
 * short reason on a drop, the sentence of a refused change, and the exception that applied (the
 * refusal main names in the failure's facts).
 */
import type { PhotoRule, RefusalRule } from '../../../preload/contract'

type Translate = (key: string, named: Record<string, unknown>) => string

function ruleKey(rule: PhotoRule): 'selfOnly' | 'admin' | 'ownOnly' {
  switch (rule) {
    case 'self-only':
      return 'selfOnly'
    case 'admin-may-edit-others':
      return 'admin'
    case 'own-only-by-role':
      return 'ownOnly'
  }
}

/**
 * A few words, e.g. on the drop overlay: "You can only change your own photo on DocSpace 3.6+". The
 * person's refusal, when known, names the exception instead of the account-wide rule.
 */
export function refusalReason(t: Translate, rule: PhotoRule, refusal?: RefusalRule): string {
  switch (refusal) {
    case 'owner':
      return t('refusal.short.owner', {})
    case 'other-admin':
      return t('refusal.short.otherAdmin', {})
    case 'terminated':
      return t('refusal.short.terminated', {})
    case 'self-only':
      return t('refusal.short.selfOnly', {})
    case 'role':
    case undefined:
      return t(`refusal.short.${ruleKey(rule)}`, {})
  }
}

/** The sentence of a refused change, from the account's rule. Named: portal, version, name, role. */
export function refusalExplanation(t: Translate, rule: PhotoRule, named: Record<string, unknown>): string {
  return t(`refusal.explain.${ruleKey(rule)}`, named)
}

/** Which exception refused it, from main's facts. Named: version, name, role. */
export function refusalSpecifics(t: Translate, refusal: RefusalRule, rule: PhotoRule, named: Record<string, unknown>): string {
  switch (refusal) {
    case 'self-only':
      return t('refusal.why.selfOnly', named)
    case 'owner':
      return t('refusal.why.owner', named)
    case 'other-admin':
      return t('refusal.why.otherAdmin', named)
    case 'terminated':
      return t('refusal.why.terminated', named)
    case 'role':
      return t(rule === 'admin-may-edit-others' ? 'refusal.why.roleAdmin' : 'refusal.why.roleOwnOnly', named)
  }
}
