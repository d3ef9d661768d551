/**
 * The specifics of a failure, worded from main's facts (which step failed, what the person has now,
 * which limit was hit): the detail line under the message. Undefined where the facts say nothing
 * the message does not already say.
 */
import type { AppError, ErrorFacts, PhotoNow } from '../../../preload/contract'

type Translate = (key: string, named: Record<string, unknown>) => string
type Named = Record<string, unknown>

/** "{name} keeps the old photo." or "{name} still has no photo.", from the facts or else the caller's guess. */
export function keepsText(t: Translate, photoNow: PhotoNow | undefined, hadPhoto: boolean, named: Named): string {
  const has = photoNow === 'none' ? false : photoNow === 'old' ? true : hadPhoto
  return t(has ? 'photoErrors.keepsOld' : 'photoErrors.keepsNone', named)
}

/** After the point of no return: what the person has now, and which later step did not finish. */
export function partlyDetail(t: Translate, error: AppError, named: Named): string | undefined {
  const facts = error.facts
  if (!facts) return undefined
  const withCause = { ...named, cause: error.detail ? ` (${error.detail})` : '' }
  if (facts.step === 'crop' || facts.photoNow === 'new-centred') return t('photoErrors.partlyCrop', withCause)
  if (facts.photoNow === 'removed') return t('photoErrors.partlyRemoved', withCause)
  if (facts.step === 'verify' || facts.photoNow === 'new') return t('photoErrors.partlyVerify', withCause)
  return undefined
}

/** A lost connection: at which step, and what the person has now. */
export function connectionDetail(t: Translate, error: AppError, named: Named, keeps: string): string | undefined {
  const facts = error.facts
  if (!facts?.step) return undefined
  if (facts.photoNow === 'unknown') return t('photoErrors.lostUnknown', named)
  if (error.code === 'net/tls') return `${t('photoErrors.tlsDetail', named)} ${keeps}`
  const lost = lostKey(facts.step)
  return lost ? `${t(lost, named)} ${keeps} ${t('photoErrors.checkConnection', named)}` : undefined
}

function lostKey(step: NonNullable<ErrorFacts['step']>): string | undefined {
  switch (step) {
    case 'upload':
      return 'photoErrors.lostUpload'
    case 'promote':
      return 'photoErrors.lostPromote'
    case 'write':
      return 'photoErrors.lostWrite'
    case 'check':
    case 'read':
    case 'prepare':
    case 'backup':
      return 'photoErrors.lostBefore'
    case 'crop':
    case 'verify':
      return undefined
  }
}

/** A 5xx or 429 during a change: the portal did not take it; when to try again. */
export function serverDetail(t: Translate, error: AppError, named: Named, keeps: string, fromAddress: boolean): string | undefined {
  const facts = error.facts
  if (!facts?.step) return undefined
  if (fromAddress && facts.portalReason === 'not-an-image') return `${t('photoErrors.urlNotImage', named)} ${keeps}`
  if (fromAddress && facts.portalReason === 'too-large') return `${t('photoErrors.urlTooLarge', named)} ${keeps}`
  const again = facts.retryAfterSeconds !== undefined ? t('photoErrors.tryAgainIn', { seconds: facts.retryAfterSeconds }) : t('photoErrors.tryAgainSoon', named)
  return `${t('photoErrors.serverProblem', { ...named, status: error.status ?? '5xx' })} ${keeps} ${again}`
}

/** Set from an address and refused: the 3.7.1 address rule, or what the address answered. */
export function addressDetail(t: Translate, facts: ErrorFacts | undefined, named: Named): string | undefined {
  if (facts?.portalReason === 'address-rule') return t('photoErrors.addressRule', named)
  if (facts?.portalReason === 'download-failed') return t('photoErrors.downloadFailed', { ...named, answer: facts.addressAnswer ?? '?' })
  return undefined
}

/** What to do about upload's success:false, from what main made of the portal's words. */
export function rejectedAdvice(t: Translate, facts: ErrorFacts | undefined, named: Named): string {
  switch (facts?.portalReason) {
    case 'too-large':
      return facts.maxUploadBytes ? t('photoErrors.adviceSmallerLimit', { ...named, limit: formatBytes(facts.maxUploadBytes) }) : t('photoErrors.adviceSmaller', named)
    case 'format':
      return t('photoErrors.adviceFormat', named)
    case 'security':
      return t('photoErrors.advicePermission', named)
    case 'not-found':
      return t('photoErrors.adviceRefresh', named)
    default:
      return t('photoErrors.adviceGeneric', named)
  }
}

/** What exactly is wrong with an image: the format, the pixels, the limit. */
export function imageDetail(t: Translate, facts: ErrorFacts | undefined, named: Named): string | undefined {
  switch (facts?.imageProblem) {
    case undefined:
      return undefined
    case 'empty':
      return t('photoErrors.image.empty', named)
    case 'not-an-image':
      return t('photoErrors.image.notAnImage', named)
    case 'refused-format':
      return facts.refusedFormat ? t(`photoErrors.formats.${facts.refusedFormat}`, named) : undefined
    case 'heic-unavailable':
      return t('photoErrors.image.heic', named)
    case 'heif-compression':
      return t('photoErrors.image.heif', named)
    case 'damaged':
      return t('photoErrors.image.damaged', named)
    case 'incomplete':
      return t('photoErrors.image.incomplete', named)
    case 'too-many-pixels':
      return t('photoErrors.image.pixels', { ...named, ...size(facts), megapixels: decimal(facts.megapixels), max: decimal(facts.maxMegapixels) })
    case 'over-byte-limit':
      return t('photoErrors.image.bytes', { ...named, limit: facts.maxUploadBytes ? formatBytes(facts.maxUploadBytes) : '?' })
    case 'too-small':
      return t('photoErrors.image.small', { ...named, ...size(facts), min: facts.minSide ?? 32 })
  }
}

/** Why a shared file is not a photo waiting for the signed-in person, or was not shared. */
export function handoffDetail(t: Translate, facts: ErrorFacts | undefined, named: Named): string | undefined {
  switch (facts?.handoffProblem) {
    case undefined:
      return undefined
    case 'not-shared':
      return t('errors.handoff.notShared', named)
    case 'not-named-for-you':
      return t('errors.handoff.notNamedForYou', named)
    case 'from-yourself':
      return t('errors.handoff.fromYourself', named)
    case 'too-large':
      return t('errors.handoff.tooLarge', { ...named, limit: facts.maxUploadBytes ? formatBytes(facts.maxUploadBytes) : '?' })
    case 'dropped':
      return t('errors.handoff.dropped', named)
  }
}

/** A photo address the app refused before sending it. */
export function urlDetail(t: Translate, facts: ErrorFacts | undefined, named: Named): string | undefined {
  switch (facts?.urlProblem) {
    case undefined:
      return undefined
    case 'not-a-url':
      return t('photoErrors.url.notAUrl', named)
    case 'not-http':
      return t('photoErrors.url.notHttp', named)
    case 'credentials':
      return t('photoErrors.url.credentials', named)
    case 'not-https':
      return t('photoErrors.url.notHttps', { ...named, host: facts.urlHost ?? '' })
    case 'private-address':
      return t('photoErrors.url.privateAddress', { ...named, host: facts.urlHost ?? '' })
    case 'unresolved':
      return t('photoErrors.url.unresolved', { ...named, host: facts.urlHost ?? '' })
  }
}

/** The pixel size main reported, when it did. */
export function size(facts: ErrorFacts | undefined): { width: number; height: number } | undefined {
  return facts?.width !== undefined && facts.height !== undefined ? { width: facts.width, height: facts.height } : undefined
}

/** 1048576 -> "1 MB", 4000 -> "4 KB" (the portal's limits are whole binary megabytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${decimal(bytes / (1024 * 1024))} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

function decimal(n: number | undefined): string {
  return n === undefined ? '?' : `${Number(n.toFixed(1))}`
}
