// insert, rename, version comment, the download handler's ranges and ETags, and the room quota, against a
// real portal on 127.0.0.1 (CONTRACT-ROOMS.md §4.1, §4.2, §4.6, §4.7, §4.9).

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal } from '../index'
import type { RunningPortal } from '../types'
import { call, signIn, solidImage } from '../testing/helpers'

type Dto = Record<string, unknown> & { id: number; title: string; version: number; viewUrl: string }

describe('file edits and download details (3.7.2)', () => {
  let portal: RunningPortal
  let hr: string
  let user: string
  let png: Buffer

  beforeAll(async () => {
    portal = await startPortal({ quiet: true, people: 40 })
    hr = await signIn(portal, portal.accounts.roomAdmin)
    user = await signIn(portal, portal.accounts.user)
    png = await solidImage(40, 40, [1, 2, 3])
  })
  afterAll(() => portal.close())

  const insertRaw = (query: string, bytes: Buffer, token = hr) =>
    fetch(`${portal.url}/api/2.0/files/@my/insert${query}`, { method: 'POST', headers: { authorization: token, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) })

  it('insert takes the raw body and the title only from `title`, answering one FileDto', async () => {
    const r = await insertRaw('?title=raw.png', png)
    expect(r.status).toBe(200)
    const body = (await r.json()) as { response: Dto }
    expect(Array.isArray(body.response)).toBe(false)
    expect(body.response).toMatchObject({ title: 'raw.png', pureContentLength: png.length })
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)]), 'ignored-name.png')
    const noTitle = await call(portal, '/api/2.0/files/@my/insert', { token: hr, method: 'POST', form })
    expect(noTitle.status).toBe(400)
    expect(noTitle.body.error?.message).toBe("Value cannot be null. (Parameter 'title')")
  })

  it('renames keeping the old extension; only those allowed may', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)]), 'before.png')
    const dto = ((await call<Dto[]>(portal, '/api/2.0/files/@my/upload', { token: hr, method: 'POST', form })).body.response ?? [])[0] as Dto
    const r = await call<Dto>(portal, `/api/2.0/files/file/${dto.id}`, { token: hr, method: 'PUT', json: { title: 'after', lastVersion: 0 } })
    expect(r.body.response?.title).toBe('after.png')
    await call(portal, `/api/2.0/files/file/${dto.id}/share`, { token: hr, method: 'PUT', json: { share: [{ shareTo: portal.accounts.user.id, access: 2 }] } })
    const byReader = await call(portal, `/api/2.0/files/file/${dto.id}`, { token: user, method: 'PUT', json: { title: 'mine' } })
    expect(byReader.status).toBe(403)
    expect(byReader.body.error?.message).toBe('Access denied')
  })

  it('stores a version comment of at most 255 characters; readers and unknown versions are refused', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)]), 'noted.png')
    const dto = ((await call<Dto[]>(portal, '/api/2.0/files/@my/upload', { token: hr, method: 'POST', form })).body.response ?? [])[0] as Dto
    const note = JSON.stringify({ for: portal.accounts.user.id, crop: [0, 0, 40, 40] }) + 'x'.repeat(300)
    const r = await call<string>(portal, `/api/2.0/files/file/${dto.id}/comment`, { token: hr, method: 'PUT', json: { version: 1, comment: note } })
    expect(r.status).toBe(200)
    const info = await call<Dto>(portal, `/api/2.0/files/file/${dto.id}`, { token: hr })
    expect(info.body.response?.comment).toBe(note.slice(0, 255))
    const unknown = await call(portal, `/api/2.0/files/file/${dto.id}/comment`, { token: hr, method: 'PUT', json: { version: 7, comment: 'x' } })
    expect(unknown.status).toBe(403)
    expect(unknown.body.error?.message).toBe('The required file was not found')
    await call(portal, `/api/2.0/files/file/${dto.id}/share`, { token: hr, method: 'PUT', json: { share: [{ shareTo: portal.accounts.user.id, access: 2 }] } })
    expect((await call(portal, `/api/2.0/files/file/${dto.id}/comment`, { token: user, method: 'PUT', json: { version: 1, comment: 'x' } })).status).toBe(403)
  })

  it('answers ranges with 206, a matching ETag with 304, and anonymous file info with 403', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)]), 'ranged.png')
    const dto = ((await call<Dto[]>(portal, '/api/2.0/files/@my/upload', { token: hr, method: 'POST', form })).body.response ?? [])[0] as Dto
    const part = await fetch(dto.viewUrl, { headers: { authorization: hr, range: 'bytes=0-7' } })
    expect(part.status).toBe(206)
    expect(Buffer.from(await part.arrayBuffer()).equals(png.subarray(0, 8))).toBe(true)
    const etag = (await fetch(dto.viewUrl, { headers: { authorization: hr } })).headers.get('etag') as string
    expect((await fetch(dto.viewUrl, { headers: { authorization: hr, 'if-none-match': etag } })).status).toBe(304)
    const anonymous = await call(portal, `/api/2.0/files/file/${dto.id}`)
    expect(anonymous.status).toBe(403)
    expect(anonymous.body.error?.message).toBe("You don't have enough permission to view the file")
  })

  it('refuses room uploads beyond twice the room quota with 402', async () => {
    const room = (await call<{ id: number; quota?: number }>(portal, '/api/2.0/files/rooms', { token: hr, json: { title: 'Small', roomType: 5, quota: 100 } })).body.response as { id: number }
    const upload = (size: number) => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(Buffer.alloc(size, 7))]), `f${size}.bin`)
      return call(portal, `/api/2.0/files/${room.id}/upload`, { token: hr, method: 'POST', form })
    }
    expect((await upload(150)).status).toBe(200) // soft: 150 of 100 is within twice the quota
    const over = await upload(10)
    expect(over.status).toBe(402)
    expect(over.body.error?.message).toBe('Room space quota exceeded (100 bytes).')
  })
})
