// Downloading a photo address in the app: only checked addresses, no redirects, a capped body, and a
// reason for every failure. Every server here listens on 127.0.0.1 (test mode allows loopback).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpClient } from '../docspace/http'
import { downloadPhoto, isPortalDefaultImage } from './photo-download'

let server: Server
let base = ''
const JPEG = Buffer.from([255, 216, 255, 224, 0, 16, 74, 70, 73, 70])

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/me.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG)
    else if (req.url === '/moved.jpg') res.writeHead(302, { location: 'http://169.254.169.254/latest' }).end()
    else if (req.url === '/big.jpg') res.writeHead(200).end(Buffer.alloc(4096))
    else if (req.url === '/empty.jpg') res.writeHead(200).end()
    else res.writeHead(404).end('no')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const loopback = { policy: { allowLoopback: true }, maxBytes: 1024 }

describe('downloadPhoto', () => {
  it('downloads the bytes and names the file', async () => {
    const got = await downloadPhoto(`${base}/me.jpg`, loopback)
    expect(got.ok && Buffer.from(got.value.bytes).equals(JPEG)).toBe(true)
    expect(got.ok && got.value.fileName).toBe('me.jpg')
  })

  it('says why it could not: redirect, status, too large, empty, nothing listening', async () => {
    const problem = async (url: string) => {
      const got = await downloadPhoto(url, loopback)
      return got.ok ? 'ok' : `${got.error.code} ${got.error.facts?.downloadProblem} ${got.error.status ?? ''}`.trim()
    }
    expect(await problem(`${base}/moved.jpg`)).toBe('url/download-failed redirect 302')
    expect(await problem(`${base}/gone.jpg`)).toBe('url/download-failed status 404')
    expect(await problem(`${base}/big.jpg`)).toBe('url/download-failed too-large')
    expect(await problem(`${base}/empty.jpg`)).toBe('url/download-failed empty')
    // A port nothing listens on (the server above, closed at once).
    const dead = createServer()
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve))
    const port = (dead.address() as AddressInfo).port
    await new Promise<void>((resolve) => dead.close(() => resolve()))
    expect(await problem(`https://127.0.0.1:${port}/me.jpg`)).toBe('url/download-failed unreachable')
  })

  it('keeps the address rules: not a URL, loopback outside test mode, the portal’s default image', async () => {
    const notUrl = await downloadPhoto('not a url', loopback)
    expect(!notUrl.ok && notUrl.error.facts?.urlProblem).toBe('not-a-url')
    const outside = await downloadPhoto(`${base}/me.jpg`, { policy: {}, maxBytes: 1024 })
    expect(!outside.ok && outside.error.code).toBe('url/invalid')
    const grey = await downloadPhoto(`${base}/static/images/default_user_photo_size_200-200.png?hash=1`, loopback)
    expect(!grey.ok && grey.error.facts?.urlProblem).toBe('default-image')
    expect(isPortalDefaultImage(new URL('https://hr.example/static/images/default_user_photo_size_82-82.png'))).toBe(true)
    expect(isPortalDefaultImage(new URL('https://hr.example/storage/userPhotos/root/u_size_82-82.png'))).toBe(false)
  })

  it('connects only to the checked addresses: the host name is not looked up again', async () => {
    const http = new HttpClient({ retries: 0 })
    const port = new URL(base).port
    // "localhost" would resolve to 127.0.0.1, where the server listens; pinned elsewhere, it is not reached.
    const elsewhere = await http.request({ method: 'GET', url: `http://localhost:${port}/me.jpg`, addresses: ['127.0.0.3'] })
    expect(!elsewhere.ok && elsewhere.error.code).toBe('net/unreachable')
    // A name that resolves nowhere (RFC 6761) reaches the server through its pinned address.
    const pinned = await http.request({ method: 'GET', url: `http://photos.invalid:${port}/me.jpg`, addresses: ['127.0.0.1'] })
    expect(pinned.ok && Buffer.from(pinned.value.body).equals(JPEG)).toBe(true)
  })
})
