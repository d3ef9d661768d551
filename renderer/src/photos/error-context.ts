/**
 * What a photo error message needs to know besides the error: whose photo, which portal and rule,
 * the user's role, the file. Shared by the editor (a file main could not read) and the changes.
 */
import type { Account, Person } from '../../../preload/contract'
import type { Translate } from '../api-context'
import type { PhotoErrorContext } from '../i18n/photo-error-text'

export interface ErrorSubject {
  readonly accountId: string
  readonly person: Person | null
  readonly fileName?: string
}

export function photoErrorContext(
  t: Translate,
  accounts: { readonly accounts: readonly Account[]; readonly activeAccount: Account | null },
  about: ErrorSubject,
  action: PhotoErrorContext['action']
): PhotoErrorContext {
  const account = accounts.accounts.find((a) => a.id === about.accountId) ?? accounts.activeAccount
  return {
    action,
    personName: about.person?.displayName ?? t('photoErrors.thePerson'),
    hadPhoto: about.person?.hasPhoto ?? true,
    portalUrl: account?.portalUrl ?? '',
    policy: account?.policy ?? { rule: 'self-only', portalVersion: '' },
    role: account?.user.role ?? 'user',
    ...(about.fileName === undefined ? {} : { fileName: about.fileName })
  }
}
