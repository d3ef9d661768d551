/**
 * Errors by name (issue 4, item 7): turns a failed portal call during a photo change into a message
 * that says what happened to the person's photo and what to do next. The code stays the portal's
 * (the renderer may map it to its own i18n text); `detail` keeps the portal's own words.
 */
import type { Account, AppError, Person, Role } from '../../preload/contract'
import { formatBytes } from '../core/bytes'
import { compareVersions, parseVersion } from '../docspace/portal-url'

/** Where in a change the failure happened: it decides what the person's photo is now. */
export type ChangeStage =
  | 'read' // reading the person or the current photo: nothing was changed
  | 'backup' // saving the current photo locally: nothing was changed
  | 'upload' // sending the new photo as a temp file: the person keeps the old photo
  | 'promote' // asking the portal to switch to the temp file, which it provably did not do
  | 'write' // a one-step change (delete, set from URL): the portal either did it or not

const ROLE_TEXT: { readonly [R in Role]: string } = {
  owner: 'the owner',
  admin: 'a DocSpace admin',
  'room-admin': 'a room admin',
  user: 'a user',
  guest: 'a guest'
}

/** Why the portal refuses to let the signed-in user change this person's photo (CONTRACT.md §2). */
export function forbiddenExplanation(account: Account, person: Pick<Person, 'displayName' | 'role' | 'status'> | undefined): string {
  const version = account.policy.portalVersion
  const name = person?.displayName || 'this person'
  switch (account.policy.rule) {
    case 'self-only':
      return (
        `DocSpace ${version} lets each person change only their own photo, and that applies to the owner and admins too. ` +
        `Only ${name} can change this photo, signed in as themselves.`
      )
    case 'admin-may-edit-others': {
      const why =
        person?.status === 'disabled'
          ? `${name} is disabled, and the portal does not change disabled people's photos.`
          : person?.role === 'owner'
            ? `only the owner may change the owner's photo.`
            : person?.role === 'admin' && account.user.role !== 'owner'
              ? `only the owner may change another admin's photo.`
              : `you are signed in as ${ROLE_TEXT[account.user.role]}.`
      return `On DocSpace ${version} the owner and admins may change other people's photos, with exceptions; here ${why}`
    }
    case 'own-only-by-role':
      return (
        `On DocSpace ${version} only the owner and DocSpace admins may change other people's photos, and you are signed in as ` +
        `${ROLE_TEXT[account.user.role]}. Ask an admin, or ask ${name} to change it.`
      )
  }
}

export function personGone(): string {
  return 'This person is no longer on the portal. Refresh the list.'
}

/**
 * The message for a failure before the point of no return: the person keeps the photo they had.
 * `keeps` names what they keep ("the old photo", "no photo").
 */
export function beforeChangeFailure(error: AppError, ctx: { readonly account: Account; readonly person?: Person; readonly stage: ChangeStage; readonly maxUploadBytes?: number }): AppError {
  const name = ctx.person?.displayName || 'The person'
  const keeps = ctx.person?.hasPhoto === false ? `${name} still has no photo.` : `${name} keeps the old photo.`
  const withMessage = (message: string): AppError => ({ ...error, message })
  switch (error.code) {
    case 'auth/expired':
      return withMessage(`The session on this portal has expired. Sign in again and repeat the change. ${keeps}`)
    case 'portal/forbidden':
      return withMessage(`${forbiddenExplanation(ctx.account, ctx.person)} ${keeps}`)
    case 'portal/not-found':
      return withMessage(personGone())
    case 'portal/rejected':
      return withMessage(rejectedMessage(error.detail, ctx.maxUploadBytes, keeps))
    case 'net/connection-lost':
    case 'net/timeout':
    case 'net/unreachable':
      return withMessage(`${lostMessage(ctx.stage)} ${keeps} Check the connection and try again.`)
    case 'portal/server-error':
    case 'portal/rate-limited':
      return withMessage(`The portal had a problem (${error.status ?? 'error'}) and did not take the change. ${keeps} Try again in a moment.`)
    case 'app/cancelled':
      return withMessage(`Cancelled. ${keeps}`)
    default:
      return withMessage(`${error.message} ${keeps}`)
  }
}

/** Upload's 200 success:false (CONTRACT.md §1.4): the portal's words plus what to do about them. */
function rejectedMessage(portalText: string | undefined, maxUploadBytes: number | undefined, keeps: string): string {
  const said = portalText ? `The portal refused the photo: "${portalText}".` : 'The portal refused the photo.'
  let advice = 'Try again; if it keeps failing, try another image or ask the portal administrator.'
  if (portalText && /maximum file size|size is too large/i.test(portalText)) {
    advice = `Use a smaller image${maxUploadBytes ? ` (the portal takes up to ${formatBytes(maxUploadBytes)})` : ''}.`
  } else if (portalText && /unknown image file type/i.test(portalText)) {
    advice = 'Save the photo as JPEG or PNG and try again.'
  } else if (portalText && /security error|access denied|no permissions/i.test(portalText)) {
    advice = 'The signed-in user may not change this photo.'
  } else if (portalText && /could not be found/i.test(portalText)) {
    advice = 'Refresh the list: the person may have been removed.'
  }
  return `${said} ${advice} ${keeps}`
}

function lostMessage(stage: ChangeStage): string {
  switch (stage) {
    case 'upload':
      return 'The connection to the portal was lost while uploading the photo.'
    case 'promote':
      return 'The connection to the portal was lost while it was switching to the new photo, and it did not switch.'
    case 'read':
    case 'backup':
      return 'The connection to the portal was lost before anything was changed.'
    case 'write':
      return 'The connection to the portal was lost, and the change was not made.'
  }
}

/** PUT from a URL refused (CONTRACT.md §1.6): from 3.7.1 the portal checks the address itself. */
export function urlRefusedMessage(error: AppError, account: Account, person: Person | undefined): AppError {
  const keeps = person?.hasPhoto === false ? `${person.displayName} still has no photo.` : `${person?.displayName ?? 'The person'} keeps the old photo.`
  const download = error.detail ? /Failed to download photo:\s*(.+)$/i.exec(error.detail) : null
  if (error.code === 'portal/forbidden' && download) {
    return {
      ...error,
      message: `The portal could not download the image: the address answered "${download[1]}". Use a direct link to the image file that opens without signing in and without redirects. ${keeps}`
    }
  }
  const version = parseVersion(account.policy.portalVersion)
  const checksUrls = version !== undefined && compareVersions(version, { major: 3, minor: 7, patch: 1 }) >= 0
  if (error.code === 'portal/forbidden' && checksUrls) {
    return {
      ...error,
      message:
        `DocSpace ${account.policy.portalVersion} refused the address. It only fetches photos from public https:// addresses: ` +
        'no http:// (on an https portal), and no private, loopback or link-local addresses (such as 10.x, 172.16–31.x, 192.168.x, 127.x or 169.254.x). ' +
        `Use a public https link to the image. ${keeps}`
    }
  }
  if (error.code === 'portal/server-error' && error.detail && /too large/i.test(error.detail)) {
    return { ...error, message: `The image at that address is larger than the portal accepts. Use a smaller image. ${keeps}` }
  }
  if (error.code === 'portal/server-error') {
    return { ...error, message: `The portal could not use the file at that address (it may not be an image). ${keeps}` }
  }
  if (error.code === 'portal/bad-request') {
    return { ...error, message: `The portal says the address is empty or not valid. ${keeps}` }
  }
  return beforeChangeFailure(error, { account, ...(person ? { person } : {}), stage: 'write' })
}
