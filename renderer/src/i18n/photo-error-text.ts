/**
 * Errors by name for photo changes (issue 4, item 7): what happened to the person's photo and what
 * to do, in the user's language. Main's own message (English, precise about the state) is kept as
 * the detail where it says more than the code does: which step failed, which limit was hit.
 */
import type { AppError, PhotoAction, PhotoPolicy, Role } from '../../../preload/contract'
import { describeError, displayPortal, type ErrorText } from './error-text'

/** What the failed call was about. */
export interface PhotoErrorContext {
  /** 'inspect' is reading a dropped file; 'read' is download or history. */
  readonly action: PhotoAction | 'inspect' | 'read'
  readonly personName: string
  /** Whether the person had a photo before: decides "keeps the old photo" or "still has no photo". */
  readonly hadPhoto: boolean
  readonly portalUrl: string
  readonly policy: PhotoPolicy
  readonly role: Role
  readonly fileName?: string
}

/** What the UI can offer next to the message. */
export type PhotoErrorRemedy = 'apply-crop-again' | 'refresh' | 'none'

export interface PhotoErrorText extends ErrorText {
  readonly remedy: PhotoErrorRemedy
  /** Cancelled is not a failure: shown as information. */
  readonly tone: 'error' | 'info'
}

type Translate = (key: string, named: Record<string, unknown>) => string

export function describePhotoError(t: Translate, error: AppError, ctx: PhotoErrorContext): PhotoErrorText {
  const named = {
    name: ctx.personName,
    portal: displayPortal(ctx.portalUrl),
    version: ctx.policy.portalVersion,
    role: t(`roles.${ctx.role}`, {}),
    file: ctx.fileName ?? t('photoErrors.theFile', {}),
    detail: error.detail ?? ''
  }
  const keeps = t(ctx.hadPhoto ? 'photoErrors.keepsOld' : 'photoErrors.keepsNone', named)
  const fromMain = mainDetail(error)
  const result = (message: string, extra: { detail?: string; remedy?: PhotoErrorRemedy; tone?: 'error' | 'info' } = {}): PhotoErrorText => ({
    message,
    remedy: extra.remedy ?? 'none',
    tone: extra.tone ?? 'error',
    ...(extra.detail !== undefined && extra.detail !== message ? { detail: extra.detail } : {})
  })
  const withMain = fromMain === undefined ? {} : { detail: fromMain }

  switch (error.code) {
    case 'auth/expired':
      return result(t('photoErrors.authExpired', named), { tone: 'info' })
    case 'portal/forbidden':
      if (ctx.action === 'set-from-url' && urlRuleApplies(ctx.policy.portalVersion)) return result(`${t('photoErrors.forbiddenUrl', named)} ${keeps}`, withMain)
      return result(`${t(forbiddenKey(ctx.policy), named)} ${keeps}`, withMain)
    case 'portal/not-found':
      return result(t('photoErrors.notFound', named), { remedy: 'refresh' })
    case 'portal/rejected': {
      const said = error.detail ? t('photoErrors.rejected', named) : t('photoErrors.rejectedNoDetail', named)
      return result(`${said} ${t(rejectedAdvice(error.detail), named)} ${keeps}`)
    }
    case 'photo/partly-applied':
      return result(t('photoErrors.partlyApplied', named), { ...withMain, remedy: ctx.action === 'replace' ? 'apply-crop-again' : 'none' })
    case 'net/connection-lost':
    case 'net/timeout':
    case 'net/unreachable':
    case 'net/tls':
      return result(t(ctx.hadPhoto ? 'photoErrors.netLost' : 'photoErrors.netLostNoPhoto', named), withMain)
    case 'image/unsupported':
      return result(t('photoErrors.imageUnsupported', named), withMain)
    case 'image/corrupt':
      return result(t('photoErrors.imageCorrupt', named), withMain)
    case 'image/too-large': {
      const size = pixelSize(error.detail)
      return result(size ? t('photoErrors.imageTooLarge', { ...named, ...size }) : t('photoErrors.imageTooLargeNoSize', named), withMain)
    }
    case 'image/too-small': {
      const size = pixelSize(error.detail)
      return result(size ? t('photoErrors.imageTooSmall', { ...named, ...size }) : t('photoErrors.imageTooSmallNoSize', named), withMain)
    }
    case 'app/cancelled':
      return result(`${t('photoErrors.cancelled', named)} ${keeps}`, { tone: 'info' })
    case 'photo/no-backup':
      return result(t(ctx.action === 'undo' ? 'photoErrors.nothingToUndo' : 'photoErrors.noBackup', named))
    case 'portal/server-error':
    case 'portal/rate-limited':
      return result(`${describeError(t, error, ctx.portalUrl).message} ${keeps}`, withMain)
    default: {
      const generic = describeError(t, error, ctx.portalUrl)
      return result(generic.message, generic.detail === undefined ? {} : { detail: generic.detail })
    }
  }
}

function forbiddenKey(policy: PhotoPolicy): string {
  switch (policy.rule) {
    case 'self-only':
      return 'photoErrors.forbiddenSelfOnly'
    case 'admin-may-edit-others':
      return 'photoErrors.forbiddenAdmin'
    case 'own-only-by-role':
      return 'photoErrors.forbiddenOwnOnly'
  }
}

/** From 3.7.1 the portal checks the address itself: https only, no private or local hosts (CONTRACT.md §1.6). */
export function urlRuleApplies(version: string): boolean {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map((p) => Number.parseInt(p, 10) || 0)
  return major > 3 || (major === 3 && (minor > 7 || (minor === 7 && patch >= 1)))
}

/** Upload's success:false messages (CONTRACT.md §1.4) and what to do about each. */
function rejectedAdvice(portalText: string | undefined): string {
  if (portalText && /maximum file size|size is too large/i.test(portalText)) return 'photoErrors.adviceSmaller'
  if (portalText && /unknown image file type/i.test(portalText)) return 'photoErrors.adviceFormat'
  if (portalText && /security error|access denied|no permissions/i.test(portalText)) return 'photoErrors.advicePermission'
  if (portalText && /could not be found/i.test(portalText)) return 'photoErrors.adviceRefresh'
  return 'photoErrors.adviceGeneric'
}

/** Main puts "WIDTHxHEIGHT" in detail for image/too-large and image/too-small. */
function pixelSize(detail: string | undefined): { width: string; height: string } | undefined {
  const m = detail ? /^(\d+)\s*x\s*(\d+)$/i.exec(detail.trim()) : null
  return m ? { width: m[1] as string, height: m[2] as string } : undefined
}

/** Main's sentence, when it is one (not just the code repeated). */
function mainDetail(error: AppError): string | undefined {
  const text = error.message.trim()
  return text === '' || text === error.code ? undefined : text
}
