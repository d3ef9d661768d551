/**
 * What the signed-in account may do with photos, said up front (CONTRACT.md §2: from 3.6 a person
 * may change only their own photo; up to 3.5 the owner and admins may change others', with
 * exceptions): the banner's text per rule, why a row is read-only, why a drop is refused. Main
 * decides the rule and each person's canEditPhoto; this only chooses the words.
 */
import type { Account, PhotoRule, RefusalRule, Role } from '../../../preload/contract'
import type { MessageSchema } from '../i18n/messages-en'

type CapabilityKey = `capability.${keyof MessageSchema['capability']}`

export interface CapabilityText {
  readonly tone: 'restricted' | 'allowed'
  readonly titleKey: CapabilityKey
  readonly bodyKey: CapabilityKey
  /** Whether "rows with a lock are read-only" applies: not when the list holds only the user's own row. */
  readonly mentionsLockedRows: boolean
}

/** Whose rows the people view can load for this role. */
export type ListScope = 'everyone' | 'self'

/**
 * CONTRACT.md §2.3: the portal answers the people list (`/people`, `/people/filter`, …) with 403 to
 * Users and Guests, in v3.5.0 and at HEAD alike. They may still read their own profile and change
 * their own photo, so the view loads just their own row instead of failing.
 */
export function listScope(role: Role): ListScope {
  switch (role) {
    case 'owner':
    case 'admin':
    case 'room-admin':
      return 'everyone'
    case 'user':
    case 'guest':
      return 'self'
    default:
      return assertNever(role)
  }
}

export function capabilityText(account: Pick<Account, 'policy' | 'user'>): CapabilityText {
  const rule: PhotoRule = account.policy.rule
  // Both self-scoped rules (3.6+ self-only, 3.5 own-only-by-role) come down to "your own photo only" here.
  if (listScope(account.user.role) === 'self') {
    return { tone: 'restricted', titleKey: 'capability.selfOnlyTitle', bodyKey: 'capability.selfListBody', mentionsLockedRows: false }
  }
  switch (rule) {
    case 'self-only':
      return { tone: 'restricted', titleKey: 'capability.selfOnlyTitle', bodyKey: 'capability.selfOnlyBody', mentionsLockedRows: true }
    case 'admin-may-edit-others':
      // CONTRACT.md §2.2: the owner passes every check; other admins are refused for the owner and other admins.
      return account.user.role === 'owner'
        ? { tone: 'allowed', titleKey: 'capability.ownerTitle', bodyKey: 'capability.ownerBody', mentionsLockedRows: true }
        : { tone: 'allowed', titleKey: 'capability.adminTitle', bodyKey: 'capability.adminBody', mentionsLockedRows: true }
    case 'own-only-by-role':
      return { tone: 'restricted', titleKey: 'capability.ownOnlyTitle', bodyKey: 'capability.ownOnlyBody', mentionsLockedRows: true }
    default:
      return assertNever(rule)
  }
}

/**
 * The tooltip of a locked row: why this account cannot change that person's photo. The person's own
 * refusal (from main) names the exception; without one, the account-wide rule is all there is to say.
 */
export function lockReasonKey(rule: PhotoRule, refusal?: RefusalRule): CapabilityKey {
  switch (refusal) {
    case 'owner':
      return 'capability.lockOwner'
    case 'other-admin':
      return 'capability.lockOtherAdmin'
    case 'terminated':
      return 'capability.lockTerminated'
    case 'self-only':
      return 'capability.lockSelfOnly'
    case 'role':
      if (rule === 'own-only-by-role') return 'capability.lockOwnOnly'
      break
    case undefined:
      break
    default:
      return assertNever(refusal)
  }
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
  throw new Error(`Unhandled value: ${String(value)}`)
}
