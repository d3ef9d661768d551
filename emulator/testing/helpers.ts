// Helpers shared by the emulator's tests: real HTTP against a started portal, and real images built with sharp.

import sharp from 'sharp'
import type { DemoAccount, RunningPortal } from '../types'

export interface Envelope<T = unknown> {
  response?: T
  count?: number
  total?: number
  links?: Array<{ href: string; action: string }>
  status?: number
  statusCode?: number
  error?: { message: string; type: string | null; stack: string | null; hresult: number }
}

export interface CallResult<T = unknown> {
  status: number
  headers: Headers
  text: string
  body: Envelope<T>
}

export interface CallOptions {
  method?: string
  token?: string
  /** Sent as `Authorization: <value>` verbatim. */
  authorization?: string
  cookie?: string
  json?: unknown
  form?: FormData
  headers?: Record<string, string>
}

export async function call<T = unknown>(portal: RunningPortal, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.authorization = options.token
  if (options.authorization) headers.authorization = options.authorization
  if (options.cookie) headers.cookie = options.cookie
  let body: string | FormData | undefined
  if (options.json !== undefined) {
    headers['content-type'] ??= 'application/json'
    body = typeof options.json === 'string' ? options.json : JSON.stringify(options.json)
  }
  if (options.form) body = options.form
  const response = await fetch(portal.url + path, { method: options.method ?? (body ? 'POST' : 'GET'), headers, body })
  const text = await response.text()
  let parsed: Envelope<T> = {}
  if (text !== '' && (response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text) as Envelope<T>
  return { status: response.status, headers: response.headers, text, body: parsed }
}

export async function signIn(portal: RunningPortal, account: Pick<DemoAccount, 'email' | 'password'>): Promise<string> {
  const r = await call<{ token: string }>(portal, '/api/2.0/authentication', { json: { userName: account.email, password: account.password } })
  const token = r.body.response?.token
  if (r.status !== 200 || !token) throw new Error(`sign-in failed for ${account.email}: ${r.status} ${r.text}`)
  return token
}

export function uploadForm(bytes: Buffer | undefined, options: { autosave?: string; field?: string; filename?: string } = {}): FormData {
  const form = new FormData()
  if (bytes) form.append(options.field ?? 'file', new Blob([new Uint8Array(bytes)]), options.filename ?? 'photo.bin')
  if (options.autosave !== undefined) form.append('Autosave', options.autosave)
  return form
}

export async function fetchBytes(portal: RunningPortal, url: string, token?: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(url.startsWith('http') ? url : portal.url + url, { headers: token ? { authorization: token } : {} })
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) }
}

export type Rgb = [number, number, number]

export const RED: Rgb = [255, 0, 0]
export const GREEN: Rgb = [0, 255, 0]
export const BLUE: Rgb = [0, 0, 255]
export const YELLOW: Rgb = [255, 255, 0]

/** A width x height image whose quadrants are red (top-left), green (top-right), blue (bottom-left), yellow. */
export async function quadrantImage(width: number, height: number, format: 'png' | 'jpeg' = 'png'): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = y < height / 2 ? (x < width / 2 ? RED : GREEN) : x < width / 2 ? BLUE : YELLOW
      raw.set(c, (y * width + x) * 3)
    }
  }
  const img = sharp(raw, { raw: { width, height, channels: 3 } })
  return format === 'png' ? img.png().toBuffer() : img.jpeg({ quality: 95 }).toBuffer()
}

export async function solidImage(width: number, height: number, colour: Rgb, format: 'png' | 'jpeg' | 'gif' | 'webp' = 'png'): Promise<Buffer> {
  const img = sharp({ create: { width, height, channels: 3, background: { r: colour[0], g: colour[1], b: colour[2] } } })
  switch (format) {
    case 'png':
      return img.png().toBuffer()
    case 'jpeg':
      return img.jpeg().toBuffer()
    case 'gif':
      return img.gif().toBuffer()
    case 'webp':
      return img.webp().toBuffer()
  }
}

export async function imageInfo(bytes: Buffer): Promise<{ width: number; height: number; format: string }> {
  const m = await sharp(bytes).metadata()
  return { width: m.width ?? 0, height: m.height ?? 0, format: m.format ?? '' }
}

/** The RGB of one pixel. */
export async function pixel(bytes: Buffer, x: number, y: number): Promise<Rgb> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const i = (y * info.width + x) * info.channels
  return [data[i] ?? -1, data[i + 1] ?? -1, data[i + 2] ?? -1]
}

/** Colour distance good enough to tell the four quadrant colours apart after resampling. */
export function near(actual: Rgb, expected: Rgb, tolerance = 40): boolean {
  return actual.every((v, i) => Math.abs(v - (expected[i] ?? 0)) <= tolerance)
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47])
