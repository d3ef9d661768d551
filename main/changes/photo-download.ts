/**
 * Downloads a photo address in the app, so the person sees the picture and crops it before anything is
 * set. The same address rules as "set from URL" (photo-url.ts) apply, and the connection goes only to
 * the addresses that were checked (got's DNS lookup answers with them, so no second lookup can point
 * elsewhere). Redirects are not followed (a checked address could redirect to a private one); the body
 * is capped.
 */
import type { DownloadProblem, Result } from '../../preload/contract'
import { fail, ok } from '../core/result'
import { HttpClient } from '../docspace/http'
import { checkPhotoAddress, type PhotoUrlPolicy } from './photo-url'

export interface DownloadOptions {
  readonly policy: PhotoUrlPolicy
  readonly maxBytes: number
  readonly timeoutMs?: number
  /** The HTTP client (got); by default one that does not retry: the person is waiting for the picture. */
  readonly http?: HttpClient
}

export interface DownloadedPhoto {
  readonly url: URL
  readonly bytes: Uint8Array
  /** The last path segment, for the editor's title ("portrait.jpg"), or the host. */
  readonly fileName: string
}

const TIMEOUT_MS = 20_000
const DEFAULT_IMAGE = /default_user_photo_size_\d+-\d+\.[a-z]+$/i

/** True for an address of a DocSpace portal's "no photo" image (CONTRACT.md §3.1: under /static/images/). */
export function isPortalDefaultImage(url: URL): boolean {
  return DEFAULT_IMAGE.test(url.pathname)
}

export async function downloadPhoto(raw: string, options: DownloadOptions): Promise<Result<DownloadedPhoto>> {
  const checked = await checkPhotoAddress(raw, options.policy)
  if (!checked.ok) return checked
  const url = new URL(checked.value.url)
  const urlHost = url.hostname
  if (isPortalDefaultImage(url)) return fail('url/invalid', 'the address is a portal’s default "no photo" image', { facts: { urlProblem: 'default-image', urlHost } })
  const failed = (downloadProblem: DownloadProblem, message: string, status?: number): Result<never> =>
    fail('url/download-failed', `could not download the photo address: ${message}`, { ...(status ? { status } : {}), facts: { downloadProblem, urlHost } })

  const http = options.http ?? new HttpClient({ retries: 0 })
  const answer = await http.request({
    method: 'GET',
    url: url.href,
    headers: { accept: 'image/*' },
    addresses: checked.value.addresses,
    maxBodyBytes: options.maxBytes,
    timeoutMs: options.timeoutMs ?? TIMEOUT_MS
  })
  if (!answer.ok) {
    const { code, detail, facts } = answer.error
    if (facts?.answerProblem === 'too-large') return failed('too-large', `more than ${options.maxBytes} bytes`)
    if (code === 'net/timeout') return failed('timeout', 'no answer in time')
    return failed(code === 'net/tls' ? 'tls' : 'unreachable', detail ?? code)
  }
  const { status, body } = answer.value
  if (status >= 300 && status < 400) return failed('redirect', `it redirects (${status})`, status)
  if (status < 200 || status > 299) return failed('status', `it answered ${status}`, status)
  if (body.byteLength === 0) return failed('empty', 'it answered nothing')
  const name = decodeURIComponent(url.pathname.split('/').pop() ?? '').trim()
  return ok({ url, bytes: body, fileName: name || urlHost })
}
