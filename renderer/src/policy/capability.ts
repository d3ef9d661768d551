/**
 * What the signed-in account may do with photos, said up front (CONTRACT.md §2): the banner's
 * text per rule, and why a row is read-only. Main decides the rule and each person's canEditPhoto;
 * this only chooses the words.
 */
import type { Account, PhotoRule } from '../../../preload/contract'
import type { MessageSchema } from '../i18n/messages-en'

type CapabilityKey = `capability.${keyof MessageSchema['capability']}`

export interface CapabilityText {
  readonly tone: 'restricted' | 'allowed'
  readonly titleKey: CapabilityKey
  readonly bodyKey: CapabilityKey
}

export function capabilityText(account: Pick<Account, 'policy' | 'user'>): CapabilityText {
  const rule: PhotoRule = account.policy.rule
  switch (rule) {
    case 'self-only':
      return { tone: 'restricted', titleKey: 'capability.selfOnlyTitle', bodyKey: 'capability.selfOnlyBody' }
    case 'admin-may-edit-others':
      // The owner passes every check of §2.2; other admins are refused for the owner and other admins.
      return account.user.role === 'owner'
        ? { tone: 'allowed', titleKey: 'capability.ownerTitle', bodyKey: 'capability.ownerBody' }
        : { tone: 'allowed', titleKey: 'capability.adminTitle', bodyKey: 'capability.adminBody' }
    case 'own-only-by-role':
      return { tone: 'restricted', titleKey: 'capability.ownOnlyTitle', bodyKey: 'capability.ownOnlyBody' }
    default:
      return assertNever(rule)
  }
}

/** The tooltip of a locked row: why this account cannot change that person's photo. */
export function lockReasonKey(rule: PhotoRule): CapabilityKey {
  switch (rule) {
    case 'self-only':
      return 'capability.lockSelfOnly'
    case 'admin-may-edit-others':
      return 'capability.lockAdmin'
    case 'own-only-by-role':
      return 'capability.lockOwnOnly'
    default:
      return assertNever(rule)
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled photo rule: ${String(value)}`)
}
