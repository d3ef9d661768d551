// My documents: upload shapes per version, file info, the download handler and file delete with its
// operation, against a real portal on 127.0.0.1 (CONTRACT-ROOMS.md §4, §5, §7).

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal } from '../index'
import type { RunningPortal } from '../types'
import { call, fetchBytes, signIn, solidImage } from '../testing/helpers'

type Dto = Record<string, unknown> & { id: number; title: string; version: number }

function fileForm(bytes: Buffer, filename: string, field = 'file'): FormData {
  const form = new FormData()
  form.append(field, new Blob([new Uint8Array(bytes)]), filename)
  return form
}

for (const version of ['3.5.0', '3.6.1', '3.7.1', '3.7.2'] as const) {
  const modern = version === '3.7.1' || version === '3.7.2'
  describe(`My documents files (${version})`, () => {
    let portal: RunningPortal
    let user: string
    let admin: string
    let png: Buffer

    beforeAll(async () => {
      portal = await startPortal({ version, quiet: true, people: 40, maxFileSize: 200_000 })
      user = await signIn(portal, portal.accounts.user)
      admin = await signIn(portal, portal.accounts.admin)
      png = await solidImage(300, 200, [10, 200, 30])
    })
    afterAll(() => portal.close())

    const upload = async (form: FormData, token = user, query = ''): Promise<{ status: number; dto?: Dto; raw: unknown; text: string }> => {
      const r = await call<unknown>(portal, `/api/2.0/files/@my/upload${query}`, { token, form, method: 'POST' })
      const raw = r.body.response
      const dto = (Array.isArray(raw) ? raw[0] : raw) as Dto | undefined
      return { status: r.status, dto, raw, text: r.text }
    }

    it(`answers ${modern ? '[FileDto]' : 'one FileDto'} with int ids, a version and absolute viewUrl`, async () => {
      const r = await upload(fileForm(png, 'avatar-for-a.png'))
      expect(r.status).toBe(200)
      expect(Array.isArray(r.raw)).toBe(modern)
      const dto = r.dto as Dto
      expect(typeof dto.id).toBe('number')
      expect(typeof dto.folderId).toBe('number')
      expect(dto).toMatchObject({ title: 'avatar-for-a.png', version: 1, fileType: 4, fileExst: '.png', fileEntryType: 2, rootFolderType: 5, pureContentLength: png.length })
      expect(dto.viewUrl).toBe(`${portal.url}/filehandler.ashx?action=download&fileid=${dto.id}`)
      expect(typeof dto.contentLength).toBe('string')
      expect((dto.security as Record<string, boolean>).Read).toBe(true)
      expect(Object.keys(dto.availableShareRights as object)).toContain('User')
      // 3.6 adds dimensions, sharedBy and ownedBy.
      if (version === '3.5.0') expect(dto).not.toHaveProperty('dimensions')
      else expect(dto.dimensions).toEqual({ height: 200, width: 300 })
      expect(dto.security).toHaveProperty('Download', true)
    })

    it(`binds ${modern ? 'only the File part' : 'the first part of any name'}`, async () => {
      const r = await upload(fileForm(png, 'odd-part.png', 'photo'))
      if (modern) {
        expect(r.status).toBe(400)
        expect(r.text).toContain("Value cannot be null. (Parameter 'uploadModel.File')")
      } else {
        expect(r.status).toBe(200)
        expect(r.dto?.title).toBe('odd-part.png')
      }
    })

    it('turns the same title into a new version, and createNewIfExist into "name (1).ext"', async () => {
      const first = (await upload(fileForm(png, 'same.png'))).dto as Dto
      const again = (await upload(fileForm(png, 'same.png'))).dto as Dto
      expect(again.id).toBe(first.id)
      expect(again.version).toBe(2)
      expect(again.comment).toBe('Uploaded')
      const copy = (await upload(fileForm(png, 'same.png'), user, '?createNewIfExist=true')).dto as Dto
      expect(copy.id).not.toBe(first.id)
      expect(copy.title).toBe('same (1).png')
      const v1 = await call<Dto>(portal, `/api/2.0/files/file/${first.id}?version=1`, { token: user })
      expect(v1.body.response).toMatchObject({ id: first.id, version: 1 })
      expect(v1.body.response?.viewUrl).toContain('&version=1')
      expect((await call(portal, `/api/2.0/files/file/${first.id}?version=9`, { token: user })).status).toBe(404)
    })

    it('sanitises the title and refuses files over the limit with 402', async () => {
      const dto = (await upload(fileForm(png, 'a:b*c?.png'))).dto as Dto
      expect(dto.title).toBe('a_b_c_.png')
      const big = await upload(fileForm(Buffer.alloc(250_000, 1), 'big.bin'))
      expect(big.status).toBe(402)
      expect(big.text).toContain('The maximum file size is exceeded (195.31 KB).')
    })

    it('serves viewUrl with header or cookie auth and bare 403/404', async () => {
      const dto = (await upload(fileForm(png, 'download.png'))).dto as Dto
      const byHeader = await fetchBytes(portal, dto.viewUrl as string, user)
      expect(byHeader.status).toBe(200)
      expect(byHeader.bytes.equals(png)).toBe(true)
      expect(byHeader.headers.get('content-type')).toBe('image/png')
      expect(byHeader.headers.get('content-disposition')).toContain('download.png')
      const byCookie = await fetch(dto.viewUrl as string, { headers: { cookie: `asc_auth_key=${user}` } })
      expect(byCookie.status).toBe(200)
      const other = await fetchBytes(portal, dto.viewUrl as string, admin)
      expect(other.status).toBe(403)
      expect(other.bytes.length).toBe(0)
      expect((await fetchBytes(portal, dto.viewUrl as string)).status).toBe(403)
      expect((await fetchBytes(portal, `${portal.url}/filehandler.ashx?action=download&fileid=999999`, user)).status).toBe(404)
      const info = await call<Dto>(portal, `/api/2.0/files/file/${dto.id}`, { token: admin })
      expect(info.status).toBe(403)
      expect(info.body.error?.message).toBe("You don't have enough permission to view the file")
      expect((await call(portal, '/api/2.0/files/file/999999', { token: user })).status).toBe(404)
    })

    it(`deletes into a Delete operation polled with fileops; refusals are ${modern ? 'synchronous' : 'in the operation error'}`, async () => {
      const dto = (await upload(fileForm(png, 'delete-me.png'))).dto as Dto
      const refused = await call<Array<Record<string, unknown>>>(portal, `/api/2.0/files/file/${dto.id}`, { token: admin, method: 'DELETE', json: { deleteAfter: false, immediately: true } })
      if (modern) {
        expect(refused.status).toBe(403)
      } else {
        expect(refused.status).toBe(200)
        const op = refused.body.response?.at(-1) as Record<string, unknown>
        const polled = await call<Array<Record<string, unknown>>>(portal, `/api/2.0/files/fileops?id=${String(op.id)}`, { token: admin })
        expect(polled.body.response?.[0]).toMatchObject({ finished: true, error: "You don't have enough permission to delete the file" })
      }
      const r = await call<Array<Record<string, unknown>>>(portal, `/api/2.0/files/file/${dto.id}?returnSingleOperation=true`, { token: user, method: 'DELETE', json: { deleteAfter: false, immediately: true } })
      expect(r.status).toBe(200)
      const ops = r.body.response ?? []
      const op = ops.at(-1) as Record<string, unknown>
      expect(op.Operation).toBe(2)
      expect(op).not.toHaveProperty('operation')
      expect(op.finished).toBe(false)
      const polled = await call<Array<Record<string, unknown>>>(portal, `/api/2.0/files/fileops?id=${String(op.id)}`, { token: user })
      expect(polled.body.response).toHaveLength(1)
      expect(polled.body.response?.[0]).toMatchObject({ id: op.id, finished: true, progress: 100 })
      expect(polled.body.response?.[0]?.status).toBe(modern ? 2 : undefined)
      expect((await call(portal, `/api/2.0/files/file/${dto.id}`, { token: user })).status).toBe(404)
      const missing = await call(portal, '/api/2.0/files/file/999999', { token: user, method: 'DELETE', json: { immediately: true } })
      expect(missing.status).toBe(modern ? 404 : 200)
    })

    it('moves a file to the deleter trash unless immediately', async () => {
      const dto = (await upload(fileForm(png, 'to-trash.png'))).dto as Dto
      await call(portal, `/api/2.0/files/file/${dto.id}`, { token: user, method: 'DELETE', json: { deleteAfter: false, immediately: false } })
      const info = await call<Dto>(portal, `/api/2.0/files/file/${dto.id}`, { token: user })
      expect(info.status).toBe(200)
      expect(info.body.response?.rootFolderType).toBe(3)
    })

    it('checks files:* scopes on API keys', async () => {
      const readOnly = portal.createApiKey(portal.accounts.user.id, ['files:read'])
      const list = await call(portal, '/api/2.0/files/@my', { authorization: `Bearer ${readOnly}` })
      expect(list.status).toBe(200)
      const denied = await call(portal, '/api/2.0/files/@my/upload', { authorization: `Bearer ${readOnly}`, form: fileForm(png, 'x.png'), method: 'POST' })
      expect(denied.status).toBe(403)
      const people = portal.createApiKey(portal.accounts.user.id, ['accounts:read'])
      expect((await call(portal, '/api/2.0/files/@my', { authorization: `Bearer ${people}` })).status).toBe(403)
    })
  })
}
