/**
 * The failures of a photo change, as facts: which step failed, what photo the person has now, which
 * rule refused it. The renderer words them; `message` here is English log text for the activity list.
 */
import type { AppError, ChangeStep, ErrorFacts, Person, PhotoNow } from '../../preload/contract'
import type { Session } from '../services/accounts-service'
import { fail } from '../core/result'
import { compareVersions } from '../docspace/portal-url'
import { refusalOf } from '../services/photo-policy'

/** From 3.7.1 the portal checks a photo address itself: https, public hosts only (CONTRACT.md §1.6). */
const CHECKS_ADDRESSES_SINCE = { major: 3, minor: 7, patch: 1 } as const

type Failed = { ok: false; error: AppError }

/** What a person has when a change stopped before the portal switched anything. */
export function unchanged(person: Pick<Person, 'hasPhoto'> | undefined): PhotoNow {
  return person?.hasPhoto === false ? 'none' : 'old'
}

function nowText(now: PhotoNow): string {
  switch (now) {
    case 'old':
      return 'keeps the old photo'
    case 'none':
      return 'still has no photo'
    case 'new':
      return 'has the new photo'
    case 'new-centred':
      return "has the new photo with the portal's centred crop"
    case 'removed':
      return 'has no photo any more'
    case 'unknown':
      return 'may have the old or the new photo'
  }
}

function withFacts(error: AppError, facts: ErrorFacts, message: string): AppError {
  return { ...error, message, facts: { ...error.facts, ...facts } }
}

/** Why the portal refuses the signed-in user a change to this person's photo (CONTRACT.md §2). */
function refusalFacts(session: Session, person: Person | undefined): ErrorFacts {
  const { user, policy } = session.account
  const refusal = refusalOf({ id: user.id, role: user.role }, person ? { id: person.id, role: person.role, status: person.status } : undefined, session.version)
  return { refusal, role: user.role, portalVersion: policy.portalVersion }
}

/** Refused before anything is sent: the portal would answer 403 or "Security error." (CONTRACT.md §2). */
export function refusedUpFront(session: Session, person: Person): Failed {
  const facts: ErrorFacts = { step: 'check', photoNow: unchanged(person), personName: person.displayName, ...refusalFacts(session, person) }
  return fail('portal/forbidden', `refused before sending: the ${facts.refusal} rule of DocSpace ${session.account.policy.portalVersion} (signed in as ${session.account.user.role})`, {
    facts
  })
}

/**
 * A failure before the point of no return (or of a one-step change the portal did not make): the
 * person keeps the photo they had. `maxUploadBytes` goes with a refused upload.
 */
export function beforeChange(error: AppError, ctx: { readonly session: Session; readonly person?: Person; readonly step: ChangeStep; readonly maxUploadBytes?: number }): AppError {
  const { person, step } = ctx
  const photoNow = unchanged(person)
  const facts: ErrorFacts = {
    step,
    photoNow,
    ...(person ? { personName: person.displayName } : {}),
    ...(error.code === 'portal/forbidden' ? refusalFacts(ctx.session, person) : {}),
    ...(ctx.maxUploadBytes !== undefined && error.code === 'portal/rejected' ? { maxUploadBytes: ctx.maxUploadBytes } : {})
  }
  return withFacts(error, facts, `${step}: ${error.message}; ${person?.displayName ?? 'the person'} ${nowText(photoNow)}`)
}

/** Cancelled by the user before the point of no return. */
export function cancelledChange(person: Person, step: ChangeStep): Failed {
  const photoNow = unchanged(person)
  return fail('app/cancelled', `cancelled during ${step}; ${person.displayName} ${nowText(photoNow)}`, { facts: { step, photoNow, personName: person.displayName } })
}

/**
 * The promotion failed and the photo could not be read back: the portal may or may not have switched.
 * The code stays the connection's; the facts say the outcome is unknown.
 */
export function promotionUnknown(error: AppError, person: Person): AppError {
  return withFacts(error, { step: 'promote', photoNow: 'unknown', personName: person.displayName }, `promote: ${error.message}; could not check which photo ${person.displayName} has now`)
}

/**
 * After the point of no return: the change is on the portal, a later step failed. A 401 keeps its
 * code, so the account still goes back to sign-in.
 */
export function partlyApplied(person: Person, step: 'crop' | 'verify', photoNow: 'new' | 'new-centred' | 'removed', error: AppError): Failed {
  const facts: ErrorFacts = { step, photoNow, personName: person.displayName, cause: error.code }
  const message = `${step} failed after the change (${error.message}); ${person.displayName} ${nowText(photoNow)}`
  if (error.code === 'auth/expired') return { ok: false, error: withFacts(error, facts, message) }
  return fail('photo/partly-applied', message, { detail: error.detail ?? error.code, ...(error.status ? { status: error.status } : {}), facts })
}

/** PUT from a URL refused (CONTRACT.md §1.6): from 3.7.1 on the portal checks the address itself. */
export function urlRefused(error: AppError, session: Session, person: Person): AppError {
  const base = beforeChange(error, { session, person, step: 'write' })
  const version = session.version
  const checksAddresses = version !== undefined && compareVersions(version, CHECKS_ADDRESSES_SINCE) >= 0
  const reason = error.facts?.portalReason
  const as = (portalReason: NonNullable<ErrorFacts['portalReason']>, what: string): AppError => {
    // The address was refused, not the person: no person rule applies.
    const { refusal: _refusal, role: _role, ...facts } = base.facts ?? {}
    const rule = portalReason === 'address-rule' ? { portalVersion: session.account.policy.portalVersion } : {}
    return { ...base, message: `${what}; ${base.message}`, facts: { ...facts, portalReason, ...rule } }
  }
  if (error.code === 'portal/forbidden' && reason === 'download-failed') return as('download-failed', `the portal could not download the address (${error.facts?.addressAnswer ?? 'no answer'})`)
  if (error.code === 'portal/forbidden' && checksAddresses) return as('address-rule', 'the portal refused the address (public https:// only)')
  if (error.code === 'portal/server-error' && reason === 'too-large') return as('too-large', 'the image at the address is over the portal limit')
  if (error.code === 'portal/server-error') return as('not-an-image', 'the portal could not use the file at the address')
  if (error.code === 'portal/bad-request') return as('bad-address', 'the portal says the address is empty or not valid')
  return base
}
