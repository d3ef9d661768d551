// dataDir: a demo survives restarts (photos, hashes, tokens, API keys, temp files).

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startPortal } from '../index'
import { call, quadrantImage, signIn, uploadForm } from '../testing/helpers'

type Thumbs = Record<string, string>

describe('persistence', () => {
  const dirs: string[] = []
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true })
  })

  it('keeps state across a restart and starts fresh for another seed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portal-'))
    dirs.push(dir)
    const first = await startPortal({ quiet: true, people: 50, dataDir: dir })
    const token = await signIn(first, first.accounts.user)
    const png = await quadrantImage(300, 200)
    await call(first, `/api/2.0/people/${first.accounts.user.id}/photo`, { token, method: 'POST', form: uploadForm(png, { autosave: 'true' }) })
    const temp = await call<{ data: string }>(first, `/api/2.0/people/${first.accounts.user.id}/photo`, { token, method: 'POST', form: uploadForm(png) })
    const adminToken = await signIn(first, first.accounts.admin)
    await call(first, `/api/2.0/people/${first.accounts.admin.id}/photo`, { token: adminToken, method: 'DELETE' })
    const key = first.createApiKey(first.accounts.user.id, ['accounts:read'])
    const before = (await call<Thumbs>(first, `/api/2.0/people/${first.accounts.user.id}/photo`, { token })).body.response
    const small = first.storedPhoto(first.accounts.user.id, 'small')
    await first.close()

    const second = await startPortal({ quiet: true, people: 50, dataDir: dir })
    try {
      const after = await call<Thumbs>(second, `/api/2.0/people/${second.accounts.user.id}/photo`, { token })
      expect(after.status).toBe(200) // the old token still works
      expect(after.body.response).toEqual(before) // same files, same hash
      expect(second.storedPhoto(second.accounts.user.id, 'original')?.equals(png)).toBe(true)
      expect(second.storedPhoto(second.accounts.user.id, 'small')?.equals(small as Buffer)).toBe(true)
      expect(second.storedPhoto(second.accounts.admin.id, 'original')).toBeUndefined()
      expect((await call(second, '/api/2.0/people/@self', { authorization: `Bearer ${key}` })).status).toBe(200)
      const tempUrl = temp.body.response?.data as string
      expect((await fetch(`${second.url}${tempUrl}`, { headers: { authorization: token } })).status).toBe(200)
    } finally {
      await second.close()
    }

    const other = await startPortal({ quiet: true, people: 50, seed: 2, dataDir: dir })
    try {
      expect((await call(other, '/api/2.0/people/@self', { token })).status).toBe(401)
      expect(other.storedPhoto(other.accounts.admin.id, 'original')).toBeDefined()
    } finally {
      await other.close()
    }
  })

  it('keeps My-documents files, their versions and shares across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portal-files-'))
    dirs.push(dir)
    const first = await startPortal({ quiet: true, people: 50, dataDir: dir })
    const token = await signIn(first, first.accounts.roomAdmin)
    const png = await quadrantImage(64, 64)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)]), 'kept.png')
    const up = await call<Array<{ id: number; viewUrl: string }>>(first, '/api/2.0/files/@my/upload', { token, method: 'POST', form })
    const file = up.body.response?.[0] as { id: number; viewUrl: string }
    await call(first, `/api/2.0/files/file/${file.id}/share`, { token, method: 'PUT', json: { share: [{ shareTo: first.accounts.user.id, access: 2 }] } })
    await first.close()

    const second = await startPortal({ quiet: true, people: 50, dataDir: dir })
    try {
      const userToken = await signIn(second, second.accounts.user)
      const inbox = await call<{ files: Array<{ id: number; title: string; viewUrl: string }> }>(second, '/api/2.0/files/@share', { token: userToken })
      expect(inbox.body.response?.files.map((f) => [f.id, f.title])).toEqual([[file.id, 'kept.png']])
      const bytes = await fetch(inbox.body.response?.files[0]?.viewUrl as string, { headers: { authorization: userToken } })
      expect(Buffer.from(await bytes.arrayBuffer()).equals(png)).toBe(true)
      const form2 = new FormData()
      form2.append('file', new Blob([new Uint8Array(png)]), 'next.png')
      const next = await call<Array<{ id: number }>>(second, '/api/2.0/files/@my/upload', { token, method: 'POST', form: form2 })
      expect(next.body.response?.[0]?.id).toBe(file.id + 1)
    } finally {
      await second.close()
    }
  })
})
