/**
 * Downloads a photo address in the app, so the person sees the picture and crops it before anything is
 * set. The same address rules as "set from URL" (photo-url.ts) apply, and the connection goes only to
 * the addresses that were checked (no second DNS lookup that could point elsewhere). Redirects are not
 * followed (a checked address could redirect to a private one); the body is capped.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import type { DownloadProblem, Result } from '../../preload/contract'
import { fail, ok } from '../core/result'
import { checkPhotoAddress, type PhotoUrlPolicy } from './photo-url'

export interface DownloadOptions {
  readonly policy: PhotoUrlPolicy
  readonly maxBytes: number
  readonly timeoutMs?: number
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

  const addresses = checked.value.addresses
  const lookup: LookupFunction = (_host, opts, callback) => {
    const all = addresses.map((address) => ({ address, family: isIP(address) }))
    if (opts.all) callback(null, all)
    else callback(null, all[0]?.address ?? '', all[0]?.family ?? 4)
  }
  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    const req = send(url, { method: 'GET', headers: { accept: 'image/*' }, lookup, timeout: options.timeoutMs ?? TIMEOUT_MS }, (res: IncomingMessage) => {
      const status = res.statusCode ?? 0
      if (status >= 300 && status < 400) {
        res.resume()
        resolve(failed('redirect', `it redirects (${status})`, status))
        return
      }
      if (status < 200 || status > 299) {
        res.resume()
        resolve(failed('status', `it answered ${status}`, status))
        return
      }
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > options.maxBytes) {
          req.destroy()
          resolve(failed('too-large', `more than ${options.maxBytes} bytes`))
          return
        }
        chunks.push(chunk)
      })
      res.on('error', () => resolve(failed('unreachable', 'the connection broke')))
      res.on('end', () => {
        if (size === 0) return resolve(failed('empty', 'it answered nothing'))
        const name = decodeURIComponent(url.pathname.split('/').pop() ?? '').trim()
        resolve(ok({ url, bytes: new Uint8Array(Buffer.concat(chunks)), fileName: name || urlHost }))
      })
    })
    req.on('timeout', () => {
      req.destroy()
      resolve(failed('timeout', 'no answer in time'))
    })
    req.on('error', (e: NodeJS.ErrnoException) => {
      const code = String(e.code ?? '')
      resolve(failed(/CERT|SSL|TLS/i.test(code) ? 'tls' : 'unreachable', code || e.message))
    })
    req.end()
  })
}
