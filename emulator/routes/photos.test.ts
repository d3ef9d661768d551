// The five photo endpoints against a real portal on 127.0.0.1, checked down to the stored pixels.

import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { startPortal } from '../index'
import { photoHash } from '../domain/dotnet-hash'
import { renderThumbnails, THUMB_SIZES } from '../images/images'
import type { RunningPortal } from '../types'
import {
  BLUE,
  call,
  fetchBytes,
  GREEN,
  imageInfo,
  near,
  pixel,
  PNG_SIGNATURE,
  quadrantImage,
  RED,
  signIn,
  solidImage,
  uploadForm,
  YELLOW
} from '../testing/helpers'

type Thumbs = Record<'original' | 'retina' | 'max' | 'big' | 'medium' | 'small', string>
type UploadResult = { success: boolean; data?: Record<string, string> | string; message?: string }

const hashOf = (url: string): string => new URL(url, 'http://x').searchParams.get('hash') ?? ''

describe('photo endpoints (3.7.2)', () => {
  let portal: RunningPortal
  let token: string
  let me: string

  beforeAll(async () => {
    portal = await startPortal({ quiet: true, people: 60, allowLoopbackPhotoUrls: true })
    token = await signIn(portal, portal.accounts.user)
    me = portal.accounts.user.id
  })
  afterAll(() => portal.close())

  const upload = (userId: string, form: FormData, t = token) =>
    call<UploadResult>(portal, `/api/2.0/people/${userId}/photo`, { token: t, form, method: 'POST' })
  const thumbnails = (userId: string, json: unknown, t = token) =>
    call<Thumbs>(portal, `/api/2.0/people/${userId}/photo/thumbnails`, { token: t, json })

  it('stores a 2000x1000 JPEG as 1280x640 with PNG bytes in .jpeg files and answers `main`', async () => {
    const jpeg = await quadrantImage(2000, 1000, 'jpeg')
    const r = await upload(me, uploadForm(jpeg, { autosave: 'true' }))
    expect(r.status).toBe(200)
    const data = r.body.response?.data as Record<string, string>
    expect(r.body.response?.success).toBe(true)
    expect(Object.keys(data).sort()).toEqual(['big', 'main', 'max', 'medium', 'retina', 'small'])
    expect(data.main).toMatch(new RegExp(`^/storage/userPhotos/root/${me}_orig_1280-640\\.jpeg\\?hash=\\d+$`))
    expect(data.small).toMatch(new RegExp(`^/storage/userPhotos/root/${me}_size_32-32\\.jpeg\\?hash=\\d+$`))

    const original = portal.storedPhoto(me, 'original')
    expect(original).toBeDefined()
    expect(await imageInfo(original as Buffer)).toEqual({ width: 1280, height: 640, format: 'png' }) // re-encoded as PNG
    const small = portal.storedPhoto(me, 'small') as Buffer
    expect(small.subarray(0, 4).equals(PNG_SIGNATURE)).toBe(true)
    expect(await imageInfo(small)).toMatchObject({ width: 32, height: 32 })
    // Centred square of the 2:1 image: left half red/blue, right half green/yellow.
    expect(near(await pixel(small, 2, 2), RED)).toBe(true)
    expect(near(await pixel(small, 29, 29), YELLOW)).toBe(true)

    const served = await fetchBytes(portal, data.small as string, token)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
    expect(served.headers.get('cache-control')).toBe('must-revalidate, no-transform, immutable, max-age=31536000, private')
    expect(served.bytes.equals(small)).toBe(true)
  })

  it('keeps a small original byte for byte', async () => {
    const png = await quadrantImage(400, 300)
    const r = await upload(me, uploadForm(png, { autosave: 'true' }))
    expect((r.body.response?.data as Record<string, string>).main).toContain('_orig_400-300.png?hash=')
    expect(portal.storedPhoto(me, 'original')?.equals(png)).toBe(true)
  })

  it('does not apply EXIF orientation', async () => {
    const raw = await quadrantImage(400, 200, 'jpeg')
    const rotatedTag = await sharp(raw).withMetadata({ orientation: 6 }).jpeg({ quality: 95 }).toBuffer()
    const r = await upload(me, uploadForm(rotatedTag, { autosave: 'true' }))
    expect((r.body.response?.data as Record<string, string>).main).toContain('_orig_400-200.jpeg')
    // Unrotated centred square: red top-left. A 90° rotation would put blue there.
    expect(near(await pixel(portal.storedPhoto(me, 'small') as Buffer, 2, 2), RED)).toBe(true)
  })

  it('crops the stored original when no tmpFile is sent, giving the quadrant colour in the 32 px file', async () => {
    await upload(me, uploadForm(await quadrantImage(400, 400), { autosave: 'true' }))
    const cases: Array<[{ x: number; y: number; width: number; height: number }, typeof RED]> = [
      [{ x: 0, y: 0, width: 200, height: 200 }, RED],
      [{ x: 200, y: 0, width: 200, height: 200 }, GREEN],
      [{ x: 0, y: 200, width: 200, height: 200 }, BLUE],
      // Clamped: the crop moves back inside the image, onto the yellow quadrant.
      [{ x: 390, y: 390, width: 200, height: 200 }, YELLOW]
    ]
    for (const [crop, colour] of cases) {
      const r = await thumbnails(me, crop)
      expect(r.status).toBe(200)
      const small = portal.storedPhoto(me, 'small') as Buffer
      expect(await imageInfo(small)).toMatchObject({ width: 32, height: 32 })
      expect(near(await pixel(small, 16, 16), colour)).toBe(true)
      expect(near(await pixel(small, 1, 30), colour)).toBe(true)
    }
    // The original itself is untouched by a re-crop.
    expect(await imageInfo(portal.storedPhoto(me, 'original') as Buffer)).toMatchObject({ width: 400, height: 400 })
  })

  it('serves an upload\'s sizes, made when first read, byte-identical to rendering them at upload; to the test handle too', async () => {
    const original = await quadrantImage(300, 400, 'jpeg')
    const fresh = await renderThumbnails(original, { x: 0, y: 50, w: 300, h: 300 })
    const first = await upload(me, uploadForm(original, { autosave: 'true' }))
    const data = first.body.response?.data as Record<string, string>
    const served = await Promise.all(THUMB_SIZES.map((size) => fetchBytes(portal, data[size] as string, token)))
    THUMB_SIZES.forEach((size, i) => expect(served[i]?.bytes.equals(fresh[size])).toBe(true))
    await upload(me, uploadForm(original, { autosave: 'true' }))
    for (const size of THUMB_SIZES) expect(portal.storedPhoto(me, size)?.equals(fresh[size])).toBe(true)
  })

  it('refuses an upload whose picture does not decode, as when every size was rendered at once', async () => {
    const whole = await quadrantImage(400, 400, 'jpeg')
    const before = portal.storedPhoto(me, 'original')
    const r = await upload(me, uploadForm(whole.subarray(0, Math.floor(whole.length / 2)), { autosave: 'true' }))
    expect(r.body.response?.success).toBe(false)
    expect(portal.storedPhoto(me, 'original')).toBe(before)
  })

  it('re-cropping to the centred square an upload already made serves byte-identical files, and a new crop still renders', async () => {
    const original = await quadrantImage(400, 300, 'jpeg')
    await upload(me, uploadForm(original, { autosave: 'true' }))
    const centred = { x: 50, y: 0, w: 300, h: 300 }
    const fresh = await renderThumbnails(original, centred)
    const r = await thumbnails(me, { x: centred.x, y: centred.y, width: centred.w, height: centred.h })
    expect(r.status).toBe(200)
    for (const size of THUMB_SIZES) expect(portal.storedPhoto(me, size)?.equals(fresh[size])).toBe(true)
    const served = await fetchBytes(portal, r.body.response?.small as string, token)
    expect(served.bytes.equals(fresh.small)).toBe(true)
    await thumbnails(me, { x: 0, y: 0, width: 150, height: 150 })
    expect(near(await pixel(portal.storedPhoto(me, 'small') as Buffer, 16, 16), RED)).toBe(true)
  })

  it('a re-crop right after an upload (pixels kept from its decode) serves the bytes a render from the file makes, inside the centred square or not', async () => {
    for (const [width, height, crop] of [
      [400, 300, { x: 60, y: 20, w: 200, h: 200 }],
      [300, 400, { x: 0, y: 10, w: 120, h: 120 }],
      [400, 300, { x: 7, y: 3, w: 151, h: 99 }]
    ] as const) {
      const original = await quadrantImage(width, height, 'jpeg')
      await upload(me, uploadForm(original, { autosave: 'true' }))
      const fresh = await renderThumbnails(Buffer.from(original), crop)
      const r = await thumbnails(me, { x: crop.x, y: crop.y, width: crop.w, height: crop.h })
      expect(r.status).toBe(200)
      const served = await Promise.all(THUMB_SIZES.map((size) => fetchBytes(portal, r.body.response?.[size] as string, token)))
      THUMB_SIZES.forEach((size, i) => expect(served[i]?.bytes.equals(fresh[size])).toBe(true))
    }
  })

  it('treats width/height 0/0 as the whole image and accepts numbers sent as strings', async () => {
    await upload(me, uploadForm(await quadrantImage(400, 400), { autosave: 'true' }))
    const r = await thumbnails(me, { X: '0', y: 0, Width: '0', HEIGHT: 0 })
    expect(r.status).toBe(200)
    const max = portal.storedPhoto(me, 'max') as Buffer
    expect(near(await pixel(max, 10, 10), RED)).toBe(true)
    expect(near(await pixel(max, 190, 190), YELLOW)).toBe(true)
  })

  it('rejects a negative width with a 400 validation envelope and a non-JSON body with an empty 415', async () => {
    const bad = await thumbnails(me, { width: -5, height: 10 })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ status: 1, statusCode: 400, response: { status: 400 } })
    const r = await call(portal, `/api/2.0/people/${me}/photo/thumbnails`, { token, method: 'POST', json: 'x=1', headers: { 'content-type': 'text/plain' } })
    expect(r.status).toBe(415)
    expect(r.text).toBe('')
    const empty = await call(portal, `/api/2.0/people/${me}/photo/thumbnails`, { token, method: 'POST', json: '' })
    expect(empty.status).toBe(400)
  })

  it('uploads to a temp file (Autosave missing = false on 3.7.1+), then promotes it as a centred square', async () => {
    const before = portal.storedPhoto(me, 'original')
    const r = await upload(me, uploadForm(await quadrantImage(600, 300)))
    expect(r.body.response?.success).toBe(true)
    const temp = r.body.response?.data as string
    expect(temp).toMatch(/^\/storage\/userPhotos\/temp\/[0-9a-f-]{36}\.png$/)
    expect(portal.storedPhoto(me, 'original')).toBe(before) // avatar unchanged

    expect((await fetchBytes(portal, temp)).status).toBe(403) // temp files need auth too
    const tempFile = await fetchBytes(portal, temp, token)
    expect(tempFile.status).toBe(200)

    // The crop sent is overwritten by the centred square (CONTRACT §1.5 Branch A).
    const t = await thumbnails(me, { tmpFile: `${portal.url}${temp}`, x: 0, y: 0, width: 100, height: 100 })
    expect(t.status).toBe(200)
    expect(t.body.response?.original).toContain('_orig_600-300.png?hash=')
    const small = portal.storedPhoto(me, 'small') as Buffer
    expect(near(await pixel(small, 2, 2), RED)).toBe(true)
    expect(near(await pixel(small, 29, 2), GREEN)).toBe(true)

    // The temp file is gone: a second promotion is a 404 FileNotFoundException.
    const again = await thumbnails(me, { tmpFile: temp.split('/').pop() })
    expect(again.status).toBe(404)
    expect(again.body.error?.type).toBe('System.IO.FileNotFoundException')
    expect((await fetchBytes(portal, temp, token)).status).toBe(404)
  })

  it('downscales temp uploads to fit 1280 and keeps the uploaded format as extension', async () => {
    const r = await upload(me, uploadForm(await solidImage(3000, 1500, BLUE, 'jpeg'), { autosave: 'false' }))
    const temp = r.body.response?.data as string
    expect(temp).toMatch(/\.jpeg$/)
    const file = await fetchBytes(portal, temp, token)
    expect(await imageInfo(file.bytes)).toEqual({ width: 1280, height: 640, format: 'png' })
  })

  it('refuses GIF, text and empty parts as "Unknown image file type" with HTTP 200', async () => {
    for (const bytes of [await solidImage(50, 50, RED, 'gif'), Buffer.from('hello, this is not an image'), Buffer.alloc(0)]) {
      const r = await upload(me, uploadForm(bytes, { autosave: 'true', filename: 'x.png' }))
      expect(r.status).toBe(200)
      expect(r.body.response).toEqual({ success: false, message: 'Unknown image file type' })
    }
  })

  it('answers success:false for a missing file part and an oversized file', async () => {
    const none = await upload(me, uploadForm(undefined, { autosave: 'true' }))
    expect(none.body.response).toEqual({ success: false, message: 'The uploaded file could not be found' })
    const wrongName = await upload(me, uploadForm(await solidImage(10, 10, RED), { autosave: 'true', field: 'photo' }))
    expect(wrongName.body.response?.message).toBe('The uploaded file could not be found')
    const big = Buffer.concat([await solidImage(10, 10, RED), Buffer.alloc(5 * 1024 * 1024)])
    const r = await upload(me, uploadForm(big, { autosave: 'true' }))
    expect(r.status).toBe(200)
    expect(r.body.response).toEqual({ success: false, message: 'The maximum file size is exceeded (5 MB).' })
  })

  it('gives a 400 validation envelope for a non-boolean Autosave on 3.7.1+', async () => {
    const r = await upload(me, uploadForm(await solidImage(10, 10, RED), { autosave: 'yes' }))
    expect(r.status).toBe(400)
    expect(r.body).toMatchObject({ status: 1, statusCode: 400, response: { errors: { Autosave: [expect.any(String)] } } })
  })

  it('changes the hash on every write and DELETE answers the default images', async () => {
    const seen = new Set<string>()
    const png = await quadrantImage(100, 100)
    const u = await upload(me, uploadForm(png, { autosave: 'true' }))
    seen.add(hashOf((u.body.response?.data as Record<string, string>).main as string))
    seen.add(hashOf((await thumbnails(me, { x: 0, y: 0, width: 50, height: 50 })).body.response?.small as string))
    const d = await call<Thumbs>(portal, `/api/2.0/people/${me}/photo`, { token, method: 'DELETE' })
    expect(d.status).toBe(200)
    const h = hashOf(d.body.response?.original as string)
    seen.add(h)
    expect(d.body.response).toEqual({
      original: `/static/images/default_user_photo_size_200-200.png?hash=${h}`,
      retina: `/static/images/default_user_photo_size_360-360.png?hash=${h}`,
      max: `/static/images/default_user_photo_size_200-200.png?hash=${h}`,
      big: `/static/images/default_user_photo_size_82-82.png?hash=${h}`,
      medium: `/static/images/default_user_photo_size_48-48.png?hash=${h}`,
      small: `/static/images/default_user_photo_size_32-32.png?hash=${h}`
    })
    expect(portal.storedPhoto(me, 'original')).toBeUndefined()
    seen.add(hashOf((await call<Thumbs>(portal, `/api/2.0/people/${me}/photo`, { token, method: 'DELETE' })).body.response?.small as string))
    expect(seen.size).toBe(4)
    // The default images are public PNGs of the named size.
    const def = await fetchBytes(portal, '/static/images/default_user_photo_size_82-82.png')
    expect(def.status).toBe(200)
    expect(await imageInfo(def.bytes)).toEqual({ width: 82, height: 82, format: 'png' })
    // GET reports the same hash as the last write.
    const g = await call<Thumbs>(portal, `/api/2.0/people/${me}/photo`, { token })
    expect(seen.has(hashOf(g.body.response?.big as string))).toBe(true)
  })

  it('serves stored files only to signed-in callers and 404s stale names', async () => {
    await upload(me, uploadForm(await quadrantImage(300, 300), { autosave: 'true' }))
    const urls = (await call<Thumbs>(portal, `/api/2.0/people/${me}/photo`, { token })).body.response as Thumbs
    const anonymous = await fetchBytes(portal, urls.original)
    expect(anonymous.status).toBe(403)
    expect(anonymous.bytes.length).toBe(0)
    const noHash = await fetchBytes(portal, urls.original.split('?')[0] as string, token)
    expect(noHash.status).toBe(200)
    expect(noHash.headers.get('cache-control')).toBeNull()
    expect((await fetchBytes(portal, `/storage/userPhotos/root/${me}_orig_999-999.png`, token)).status).toBe(404)
  })

  it('uses the ?hash= of .NET ticks: the served hash matches LastModified semantics', () => {
    expect(photoHash(638855802000000000n)).toBe(1674186761)
  })

  it('sets the photo from a URL (loopback allowed by the test switch), accepting any decodable format', async () => {
    const other = portal.accounts.admin.id // the admin's seeded portrait, fetched with a token-less GET
    const adminToken = await signIn(portal, portal.accounts.admin)
    // A public default image is a valid source.
    const r = await call<Thumbs>(portal, `/api/2.0/people/${me}/photo`, { token, method: 'PUT', json: { files: '/static/images/default_user_photo_size_360-360.png' } })
    expect(r.status).toBe(200)
    expect(r.body.response?.original).toContain('_orig_360-360.png?hash=')
    expect(await imageInfo(portal.storedPhoto(me, 'original') as Buffer)).toMatchObject({ width: 360, height: 360 })
    // Stored avatars need auth, and the server-side fetch carries none: 403 "Failed to download photo: Forbidden".
    const adminPhoto = (await call<Thumbs>(portal, `/api/2.0/people/${other}/photo`, { token: adminToken })).body.response as Thumbs
    const forbidden = await call(portal, `/api/2.0/people/${me}/photo`, { token, method: 'PUT', json: { files: adminPhoto.original } })
    expect(forbidden.status).toBe(403)
    expect(forbidden.body.error?.message).toBe('Failed to download photo: Forbidden')
    const missing = await call(portal, `/api/2.0/people/${me}/photo`, { token, method: 'PUT', json: { files: '/static/images/nope.png' } })
    expect(missing.body.error?.message).toBe('Failed to download photo: NotFound')
  })

  it('PUT accepts formats the upload refuses (a GIF from a URL)', async () => {
    const gif = await solidImage(90, 60, BLUE, 'gif')
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/gif' })
      res.end(gif)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const r = await call<Thumbs>(portal, `/api/2.0/people/${me}/photo`, { token, method: 'PUT', json: { files: `http://127.0.0.1:${port}/p.gif` } })
      expect(r.status).toBe(200)
      expect(r.body.response?.original).toContain('_orig_90-60.gif?hash=')
      expect(portal.storedPhoto(me, 'original')?.equals(gif)).toBe(true)
      expect(near(await pixel(portal.storedPhoto(me, 'small') as Buffer, 16, 16), BLUE)).toBe(true)
    } finally {
      server.close()
    }
  })

  it('PUT with the current original URL (no hash) re-saves without downloading; empty files is a 400 on 3.7.1+', async () => {
    await upload(me, uploadForm(await quadrantImage(120, 120), { autosave: 'true' }))
    const current = (await call<Thumbs>(portal, `/api/2.0/people/${me}/photo`, { token })).body.response as Thumbs
    const bytes = portal.storedPhoto(me, 'original')
    const r = await call<Thumbs>(portal, `/api/2.0/people/${me}/photo`, { token, method: 'PUT', json: { Files: current.original.split('?')[0] } })
    expect(r.status).toBe(200)
    expect(hashOf(r.body.response?.original as string)).not.toBe(hashOf(current.original))
    expect(portal.storedPhoto(me, 'original')).toBe(bytes)
    const empty = await call(portal, `/api/2.0/people/${me}/photo`, { token, method: 'PUT', json: { files: '' } })
    expect(empty.status).toBe(400)
    expect(empty.body.error?.message).toBe('The uploaded file could not be found')
  })

  it('answers 404 for unknown users and for @self on photo routes from 3.6.0', async () => {
    const unknown = await call(portal, '/api/2.0/people/00000000-1111-4222-8333-444444444444/photo', { token })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error?.message).toBe('The user could not be found')
    expect((await call(portal, '/api/2.0/people/@self/photo', { token })).status).toBe(404)
    // A username works where a GUID is expected.
    expect((await call(portal, '/api/2.0/people/user/photo', { token })).status).toBe(200)
  })
})

describe('PUT from URL checks on 3.7.1+ without the loopback switch', () => {
  let portal: RunningPortal
  beforeAll(async () => {
    portal = await startPortal({ quiet: true, people: 20 })
  })
  afterAll(() => portal.close())

  it('refuses loopback and private sources with 403 "Access denied"', async () => {
    const token = await signIn(portal, portal.accounts.user)
    for (const files of ['/static/images/default_user_photo_size_82-82.png', 'http://10.1.2.3/a.png', 'http://[::1]/a.png', 'ftp://example.invalid/a.png']) {
      const r = await call(portal, `/api/2.0/people/${portal.accounts.user.id}/photo`, { token, method: 'PUT', json: { files } })
      expect(r.status).toBe(403)
      expect(r.body.error?.message).toBe('Access denied')
    }
  })
})

describe('legacy upload binding (3.6.1)', () => {
  let portal: RunningPortal
  let token: string
  beforeAll(async () => {
    portal = await startPortal({ quiet: true, people: 20, version: '3.6.1', maxImageUploadSize: 1024 * 1024 })
    token = await signIn(portal, portal.accounts.user)
  })
  afterAll(() => portal.close())

  const upload = (form: FormData, userId = portal.accounts.user.id) =>
    call<UploadResult>(portal, `/api/2.0/people/${userId}/photo`, { token, form, method: 'POST' })

  it('answers 400 "Value cannot be null" when Autosave is missing and 500 when it is not a boolean', async () => {
    const png = await solidImage(20, 20, GREEN)
    const missing = await upload(uploadForm(png))
    expect(missing.status).toBe(400)
    expect(missing.body.error).toMatchObject({ message: "Value cannot be null. (Parameter 'value')", type: 'System.ArgumentNullException' })
    const bad = await upload(uploadForm(png, { autosave: '1' }))
    expect(bad.status).toBe(500)
    expect(bad.body.error?.type).toBe('System.FormatException')
  })

  it('takes the first file part whatever its field name, and accepts "True"', async () => {
    const r = await upload(uploadForm(await solidImage(20, 20, GREEN), { autosave: 'True', field: 'anything' }))
    expect(r.body.response?.success).toBe(true)
    expect(near(await pixel(portal.storedPhoto(portal.accounts.user.id, 'small') as Buffer, 5, 5), GREEN)).toBe(true)
  })

  it('uses the configured size limit in the message and keeps PUT with empty files a no-op', async () => {
    const big = Buffer.concat([await solidImage(10, 10, RED), Buffer.alloc(1024 * 1024)])
    const r = await upload(uploadForm(big, { autosave: 'true' }))
    expect(r.body.response).toEqual({ success: false, message: 'The maximum file size is exceeded (1 MB).' })
    const put = await call<Thumbs>(portal, `/api/2.0/people/${portal.accounts.user.id}/photo`, { token, method: 'PUT', json: { files: '' } })
    expect(put.status).toBe(200)
    expect(put.body.response?.original).toContain(portal.accounts.user.id)
  })
})

/** A non-loopback address of this machine: a request to it stays here, yet it is not loopback. */
/** TEST-NET-1 (RFC 5737): an address outside this computer that the tests name but never reach. */
const OFF_MACHINE = '192.0.2.1'

describe('PUT from URL downloads only from this computer, in every version mode', () => {
  let hits: string[]
  let server: Server
  let port: number
  /** Downloads the portal tried to start elsewhere than 127.0.0.1: refused by the spy, never connected. */
  let elsewhere: string[]
  const realFetch = globalThis.fetch
  beforeAll(async () => {
    hits = []
    const png = await solidImage(40, 40, GREEN)
    server = createServer((req, res) => {
      hits.push(req.url ?? '')
      if (req.url === '/to-elsewhere') {
        res.writeHead(302, { location: `http://${OFF_MACHINE}:${port}/p.png` })
        res.end()
        return
      }
      res.writeHead(200, { 'content-type': 'image/png' })
      res.end(png)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  beforeEach(() => {
    // The portal runs in this process: every download it starts goes through this fetch. Anything
    // not on 127.0.0.1 fails here, so even a broken gate could not send traffic off this machine.
    elsewhere = []
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input))
      if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
        elsewhere.push(url.host)
        return Promise.reject(new TypeError('fetch failed'))
      }
      return realFetch(input, init)
    })
  })
  afterEach(() => vi.restoreAllMocks())
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  for (const version of ['3.5.0', '3.6.1']) {
    it(`${version}: a source off this computer (or a redirect to one) is a failed download, 500, and nothing is sent to it`, async () => {
      const portal = await startPortal({ quiet: true, people: 10, version })
      try {
        const token = await signIn(portal, portal.accounts.user)
        const put = (files: string) => call(portal, `/api/2.0/people/${portal.accounts.user.id}/photo`, { token, method: 'PUT', json: { files } })
        hits.length = 0
        const direct = await put(`http://${OFF_MACHINE}:${port}/p.png`)
        expect(direct.status).toBe(500)
        expect(direct.body.error?.type).toBe('System.Exception')
        const redirected = await put(`http://127.0.0.1:${port}/to-elsewhere`)
        expect(redirected.status).toBe(500)
        expect(hits).toEqual(['/to-elsewhere'])
        expect(elsewhere).toEqual([])
        // Loopback itself still works, as the tests of set-from-URL need.
        expect((await put(`http://127.0.0.1:${port}/p.png`)).status).toBe(200)
        expect(portal.storedPhoto(portal.accounts.user.id, 'original')).toBeDefined()
      } finally {
        await portal.close()
      }
    })
  }

  it('3.7.2: a public address passes the validator but is answered as a failed download, without a connection', async () => {
    const portal = await startPortal({ quiet: true, people: 10, version: '3.7.2', allowLoopbackPhotoUrls: true })
    try {
      const token = await signIn(portal, portal.accounts.user)
      // 192.0.2.1 is a documentation address (TEST-NET-1): public for the validator, reachable by no one.
      const r = await call(portal, `/api/2.0/people/${portal.accounts.user.id}/photo`, { token, method: 'PUT', json: { files: `http://${OFF_MACHINE}/a.png` } })
      expect(r.status).toBe(500)
      expect(r.body.error?.type).toBe('System.Exception')
      // The refusal of the download gate, not a connection error from trying.
      expect(r.body.error?.message).toContain('downloads only from this computer')
      expect(elsewhere).toEqual([])
    } finally {
      await portal.close()
    }
  })
})
