/**
 * Errors by name for photo changes: what happened to the person's photo and what to do, in the
 * user's language, from the failure's code and main's facts (fact-text.ts words the specifics:
 * which step failed, which limit was hit). Main's own message is log text and never shown.
 */
import type { AppError, PhotoAction, PhotoPolicy, Role } from '../../../preload/contract'
import { describeError, displayPortal, type ErrorText } from './error-text'
import { addressDetail, connectionMessage, downloadText, imageDetail, keepsText, partlyDetail, rejectedAdvice, serverMessage, size, urlDetail } from './fact-text'
import { refusalExplanation, refusalSpecifics } from './refusal-text'

/** What the failed call was about. */
export interface PhotoErrorContext {
  /** 'inspect' is reading a dropped file; 'read' is download or history. */
  readonly action: PhotoAction | 'inspect' | 'read'
  readonly personName: string
  /** Whether the person had a photo before, when main's facts do not say what they have now. */
  readonly hadPhoto: boolean
  readonly portalUrl: string
  readonly policy: PhotoPolicy
  readonly role: Role
  readonly fileName?: string
}

/**
 * What the UI can offer next to the message: apply the crop again, reload the list (the person is
 * gone), send the same change again (nothing changed, the portal or the connection failed), or read
 * the person again (it is not known which photo they have).
 */
export type PhotoErrorRemedy = 'apply-crop-again' | 'refresh' | 'retry' | 'check-again' | 'none'

export interface PhotoErrorText extends ErrorText {
  readonly remedy: PhotoErrorRemedy
  /** Cancelled is not a failure: shown as information. */
  readonly tone: 'error' | 'info'
}

type Translate = (key: string, named: Record<string, unknown>) => string

export function describePhotoError(t: Translate, error: AppError, ctx: PhotoErrorContext): PhotoErrorText {
  const facts = error.facts
  const named = {
    name: facts?.personName ?? ctx.personName,
    portal: displayPortal(ctx.portalUrl),
    version: facts?.portalVersion ?? ctx.policy.portalVersion,
    role: t(`roles.${facts?.role ?? ctx.role}`, {}),
    file: ctx.fileName ?? t('photoErrors.theFile', {}),
    detail: error.detail ?? ''
  }
  const keeps = keepsText(t, facts?.photoNow, ctx.hadPhoto, named)
  const result = (message: string, extra: { detail?: string | undefined; remedy?: PhotoErrorRemedy; tone?: 'error' | 'info' } = {}): PhotoErrorText => ({
    message,
    remedy: extra.remedy ?? 'none',
    tone: extra.tone ?? 'error',
    ...(extra.detail !== undefined && extra.detail !== message ? { detail: extra.detail } : {})
  })

  if (error.code === 'auth/expired') return result(t('photoErrors.authExpired', named), { tone: 'info' })
  // Whatever broke, when main could not look, the one thing to say is that nobody knows yet.
  if (facts?.photoNow === 'unknown') return result(t('photoErrors.unknownNow', named), { remedy: 'check-again' })

  switch (error.code) {
    case 'portal/forbidden': {
      const address = addressDetail(t, facts, named)
      if (address !== undefined) return result(`${t('photoErrors.forbiddenUrl', named)} ${keeps}`, { detail: address })
      const why = facts?.refusal ? refusalSpecifics(t, facts.refusal, ctx.policy.rule, named) : undefined
      return result(`${refusalExplanation(t, ctx.policy.rule, named)} ${keeps}`, { detail: why })
    }
    case 'portal/not-found':
      if (ctx.action === 'read' && facts?.photoNow === 'none') return result(t('photoActions.downloadNone', named))
      return result(t('photoErrors.notFound', named), { remedy: 'refresh' })
    case 'portal/rejected': {
      const said = error.detail ? t('photoErrors.rejected', named) : t('photoErrors.rejectedNoDetail', named)
      return result(`${said} ${rejectedAdvice(t, facts, named)} ${keeps}`)
    }
    case 'photo/partly-applied':
      return result(t('photoErrors.partlyApplied', named), { detail: partlyDetail(t, error, named), remedy: ctx.action === 'replace' ? 'apply-crop-again' : 'none' })
    case 'net/connection-lost':
    case 'net/timeout':
    case 'net/unreachable':
    case 'net/tls': {
      const hasPhoto = facts?.photoNow === 'none' ? false : facts?.photoNow === 'old' ? true : ctx.hadPhoto
      const said = connectionMessage(t, error, named, keeps) ?? t(hasPhoto ? 'photoErrors.netLost' : 'photoErrors.netLostNoPhoto', named)
      return result(said, { remedy: error.code === 'net/tls' ? 'none' : 'retry' })
    }
    case 'image/unsupported': {
      // A detail that says which formats to use ("BMP … save it as JPEG or PNG") replaces the message's own list.
      const detail = imageDetail(t, facts, named)
      const namesFormats = detail !== undefined && (facts?.imageProblem === 'refused-format' || facts?.imageProblem === 'heic-unavailable' || facts?.imageProblem === 'heif-compression')
      return result(t(namesFormats ? 'layout.imageUnsupportedShort' : 'photoErrors.imageUnsupported', named), { detail })
    }
    case 'image/corrupt':
      return result(t('photoErrors.imageCorrupt', named), { detail: imageDetail(t, facts, named) })
    case 'image/too-large': {
      const pixels = facts?.imageProblem === 'over-byte-limit' ? undefined : size(facts)
      const message = pixels ? t('photoErrors.imageTooLarge', { ...named, ...pixels }) : t('photoErrors.imageTooLargeNoSize', named)
      return result(message, { detail: imageDetail(t, facts, named) })
    }
    case 'image/too-small': {
      const pixels = size(facts)
      const message = pixels ? t('photoErrors.imageTooSmall', { ...named, ...pixels }) : t('photoErrors.imageTooSmallNoSize', named)
      return result(message, { detail: imageDetail(t, facts, named) })
    }
    case 'app/cancelled':
      return result(`${t('photoErrors.cancelled', named)} ${keeps}`, { tone: 'info' })
    case 'photo/no-backup':
      return result(t(ctx.action === 'undo' ? 'photoErrors.nothingToUndo' : 'photoErrors.noBackup', named))
    case 'portal/server-error':
    case 'portal/rate-limited': {
      const said = serverMessage(t, error, named, keeps, ctx.action === 'set-from-url') ?? `${describeError(t, error, ctx.portalUrl).message} ${keeps}`
      return result(said, { remedy: 'retry' })
    }
    // A photo address: what is wrong with it is the whole message (not the portal-address wording).
    case 'url/invalid':
      return result(urlDetail(t, facts, named) ?? t('photoErrors.url.notAUrl', named))
    case 'url/download-failed':
      return result(downloadText(t, facts, named, error.status) ?? t('errors.urlDownloadFailed', named))
    case 'app/internal': {
      const generic = describeError(t, error, ctx.portalUrl)
      return result(generic.message, { detail: facts?.step === 'backup' ? t('photoErrors.backupFailed', named) : undefined })
    }
    default: {
      const generic = describeError(t, error, ctx.portalUrl)
      return result(generic.message, { detail: generic.detail })
    }
  }
}
