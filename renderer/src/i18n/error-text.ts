/**
 * What the user reads for each ErrorCode. The switch is exhaustive, so a new code in the contract
 * fails the typecheck until it has a message here (and in every locale, via MessageSchema). Main's
 * `message` is log text and never shown; specifics come from the failure's facts (fact-text.ts).
 */
import type { AnswerProblem, AppError, ErrorCode } from '../../../preload/contract'
import { handoffDetail, partlyDetail } from './fact-text'
import type { MessageSchema } from './messages-en'

export type ErrorKey = `errors.${keyof MessageSchema['errors']}`

export function errorKey(code: ErrorCode): ErrorKey {
  switch (code) {
    case 'auth/invalid-credentials':
      return 'errors.authInvalidCredentials'
    case 'auth/invalid-code':
      return 'errors.authInvalidCode'
    case 'auth/challenge-expired':
      return 'errors.authChallengeExpired'
    case 'auth/expired':
      return 'errors.authExpired'
    case 'auth/user-disabled':
      return 'errors.authUserDisabled'
    case 'auth/too-many-attempts':
      return 'errors.authTooManyAttempts'
    case 'auth/not-signed-in':
      return 'errors.authNotSignedIn'
    case 'portal/forbidden':
      return 'errors.portalForbidden'
    case 'portal/not-found':
      return 'errors.portalNotFound'
    case 'portal/bad-request':
      return 'errors.portalBadRequest'
    case 'portal/payment-required':
      return 'errors.portalPaymentRequired'
    case 'portal/rate-limited':
      return 'errors.portalRateLimited'
    case 'portal/server-error':
      return 'errors.portalServerError'
    case 'portal/rejected':
      return 'errors.portalRejected'
    case 'portal/unexpected':
      return 'errors.portalUnexpected'
    case 'url/invalid':
      return 'errors.urlInvalid'
    case 'url/insecure':
      return 'errors.urlInsecure'
    case 'net/unreachable':
      return 'errors.netUnreachable'
    case 'net/timeout':
      return 'errors.netTimeout'
    case 'net/connection-lost':
      return 'errors.netConnectionLost'
    case 'net/tls':
      return 'errors.netTls'
    case 'keychain/unavailable':
      return 'errors.keychainUnavailable'
    case 'image/unsupported':
      return 'errors.imageUnsupported'
    case 'image/corrupt':
      return 'errors.imageCorrupt'
    case 'image/too-large':
      return 'errors.imageTooLarge'
    case 'image/too-small':
      return 'errors.imageTooSmall'
    case 'photo/partly-applied':
      return 'errors.photoPartlyApplied'
    case 'photo/no-backup':
      return 'errors.photoNoBackup'
    case 'bulk/too-many-files':
      return 'errors.bulkTooManyFiles'
    case 'bulk/unknown-job':
      return 'errors.bulkUnknownJob'
    case 'bulk/busy':
      return 'errors.bulkBusy'
    case 'bulk/file-missing':
      return 'errors.bulkFileMissing'
    case 'handoff/not-allowed':
      return 'errors.handoffNotAllowed'
    case 'handoff/not-waiting':
      return 'errors.handoffNotWaiting'
    case 'handoff/unknown':
      return 'errors.handoffUnknown'
    case 'input/invalid':
      return 'errors.inputInvalid'
    case 'app/cancelled':
      return 'errors.appCancelled'
    case 'app/internal':
      return 'errors.appInternal'
    default:
      return assertNever(code)
  }
}

/** Codes whose `detail` is the portal's own words and worth showing under our message. */
export function showsPortalDetail(code: ErrorCode): boolean {
  return code === 'portal/rejected' || code === 'portal/bad-request' || code === 'portal/forbidden'
}

export interface ErrorText {
  readonly message: string
  readonly detail?: string
}

type Translate = (key: string, named: Record<string, unknown>) => string

/** Localized text for an AppError; `portal` names the portal the failure is about, when known. */
export function describeError(t: Translate, error: AppError, portal?: string): ErrorText {
  const portalName = portal ? displayPortal(portal) : t('errors.thePortal', {})
  const message = t(error.facts?.answerProblem ? answerKey(error.facts.answerProblem) : errorKey(error.code), { portal: portalName })
  const handoff = handoffDetail(t, error.facts, { portal: portalName, name: error.facts?.personName ?? '' })
  const detail =
    handoff !== undefined
      ? handoff
      : error.detail && showsPortalDetail(error.code)
      ? t('errors.portalSaid', { detail: error.detail })
      : error.code === 'photo/partly-applied'
        ? partlyDetail(t, error, { portal: portalName, name: error.facts?.personName ?? t('photoErrors.thePerson', {}) })
        : undefined
  return detail === undefined ? { message } : { message, detail }
}

/** What was wrong with a portal's answer (or a typed API key): says more than the code's generic message. */
export function answerKey(problem: AnswerProblem): ErrorKey {
  switch (problem) {
    case 'too-large':
      return 'errors.answerTooLarge'
    case 'people-count':
      return 'errors.answerPeopleCount'
    case 'token-characters':
      return 'errors.answerTokenCharacters'
    case 'key-characters':
      return 'errors.answerKeyCharacters'
    default:
      return assertNever(problem)
  }
}

/** "https://hr.example.com" -> "hr.example.com": what people call their portal. */
export function displayPortal(portalUrl: string): string {
  return portalUrl.replace(/^https?:\/\//i, '').replace(/\/+$/, '')
}

function assertNever(value: never): never {
  throw new Error(`Unhandled error code: ${String(value)}`)
}
