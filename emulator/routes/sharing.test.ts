// Per-user sharing of My-documents files (CONTRACT-ROOMS.md §3.3): the sharer's PUT/GET file/{id}/share
// with notices, the recipient's @share, download and DELETE share, per version mode.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startPortal } from '../index'
import type { PortalNotice, RunningPortal } from '../types'
import { call, fetchBytes, signIn, solidImage } from '../testing/helpers'

type Dto = Record<string, unknown> & { id: number; title: string }
type Share = { access: number; isOwner: boolean; sharedToUser: { id: string } }

for (const version of ['3.5.0', '3.6.1', '3.7.2'] as const) {
  describe(`file share with one user (${version})`, () => {
    let portal: RunningPortal
    let hr: string
    let user: string
    let guest: string
    let png: Buffer

    beforeAll(async () => {
      portal = await startPortal({ version, quiet: true, people: 40 })
      hr = await signIn(portal, portal.accounts.roomAdmin)
      user = await signIn(portal, portal.accounts.user)
      guest = await signIn(portal, portal.accounts.guest)
      png = await solidImage(64, 64, [200, 20, 20])
    })
    afterAll(() => portal.close())
    beforeEach(() => portal.resetNotifications())

    const uploadAs = async (token: string, title: string): Promise<Dto> => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(png)]), title)
      const r = await call<unknown>(portal, '/api/2.0/files/@my/upload', { token, form, method: 'POST' })
      expect(r.status).toBe(200)
      return (Array.isArray(r.body.response) ? r.body.response[0] : r.body.response) as Dto
    }
    const share = (token: string, fileId: number, body: unknown) =>
      call<Share[]>(portal, `/api/2.0/files/file/${fileId}/share`, { token, method: 'PUT', json: body })

    it('shares read-only with notify, answers the changed records, and the file reaches @share', async () => {
      const file = await uploadAs(hr, `avatar-for-${portal.accounts.user.id}.png`)
      const r = await share(hr, file.id, { share: [{ shareTo: portal.accounts.user.id, access: 2 }], notify: true, sharingMessage: 'Open the app to apply it' })
      expect(r.status).toBe(200)
      expect(r.body.response).toHaveLength(1)
      expect(r.body.response?.[0]).toMatchObject({ access: 2, isOwner: false, sharedToUser: { id: portal.accounts.user.id } })
      expect(await share(hr, file.id, { share: [{ shareTo: portal.accounts.user.id, access: 2 }] })).toMatchObject({ body: { response: [] } })

      const notices: PortalNotice[] = portal.notifications()
      expect(notices).toHaveLength(1)
      expect(notices[0]).toMatchObject({ kind: 'file-share', recipientId: portal.accounts.user.id, sharerId: portal.accounts.roomAdmin.id, fileId: file.id, message: 'Open the app to apply it', access: 2 })
      const viaControl = (await (await fetch(`${portal.url}/__emulator/notifications`)).json()) as PortalNotice[]
      expect(viaControl[0]?.fileTitle).toBe(file.title)

      const inbox = await call<{ files: Dto[]; total: number; current: Dto }>(portal, '/api/2.0/files/@share', { token: user })
      expect(inbox.status).toBe(200)
      expect(inbox.body.count).toBe(1)
      const mine = inbox.body.response?.files.find((f) => f.id === file.id) as Dto
      expect(mine).toBeDefined()
      expect(mine.fileStatus).toBe(2)
      expect(mine.access).toBe(2)
      expect(inbox.body.response?.current.folderType).toBe(6)
      if (version !== '3.5.0') expect(mine.sharedBy).toMatchObject({ id: portal.accounts.roomAdmin.id })
      else expect(mine).not.toHaveProperty('sharedBy')

      const bytes = await fetchBytes(portal, mine.viewUrl as string, user)
      expect(bytes.status).toBe(200)
      expect(bytes.bytes.equals(png)).toBe(true)
      const after = await call<Dto>(portal, `/api/2.0/files/file/${file.id}`, { token: user })
      expect(after.body.response?.fileStatus).toBe(0)
      expect((after.body.response?.security as Record<string, boolean>).Delete).toBe(false)
    })

    it('applies only 2, 1, 3 and 0 to images; an invalid access value removes the share', async () => {
      const file = await uploadAs(hr, 'access-values.png')
      const id = portal.accounts.user.id
      expect((await share(hr, file.id, { share: [{ shareTo: id, access: 5 }] })).body.response).toEqual([])
      expect((await share(hr, file.id, { share: [{ shareTo: id, access: 1 }] })).body.response?.[0]?.access).toBe(1)
      const removed = await share(hr, file.id, { share: [{ shareTo: id, access: 'Owner?' }] })
      expect(removed.body.response?.[0]?.access).toBe(0)
      const list = await call<Share[]>(portal, `/api/2.0/files/file/${file.id}/share`, { token: hr })
      expect(list.body.response?.map((s) => s.sharedToUser.id)).toEqual([portal.accounts.roomAdmin.id])
    })

    it('changing two subjects answers four records', async () => {
      const file = await uploadAs(hr, 'two.png')
      const r = await share(hr, file.id, { share: [{ shareTo: portal.accounts.user.id, access: 2 }, { shareTo: portal.accounts.admin.id, access: 2 }] })
      expect(r.body.response).toHaveLength(4)
    })

    it('the decline sets the record to Restrict: the sharer sees 3 and @share no longer lists it', async () => {
      const file = await uploadAs(hr, 'decline.png')
      await share(hr, file.id, { share: [{ shareTo: portal.accounts.user.id, access: 2 }] })
      const r = await call<boolean>(portal, '/api/2.0/files/share', { token: user, method: 'DELETE', json: { fileIds: [file.id], folderIds: [] } })
      expect(r.status).toBe(200)
      expect(r.body.response).toBe(true)
      const list = await call<Share[]>(portal, `/api/2.0/files/file/${file.id}/share`, { token: hr })
      expect(list.body.total).toBe(2)
      expect(list.body.response?.[0]).toMatchObject({ isOwner: true, sharedToUser: { id: portal.accounts.roomAdmin.id } })
      expect(list.body.response?.[1]).toMatchObject({ access: 3, sharedToUser: { id: portal.accounts.user.id } })
      const inbox = await call<{ files: Dto[] }>(portal, '/api/2.0/files/@share', { token: user })
      expect(inbox.body.response?.files.some((f) => f.id === file.id)).toBe(false)
      expect((await fetchBytes(portal, `${portal.url}/filehandler.ashx?action=download&fileid=${file.id}`, user)).status).toBe(403)
    })

    it('refuses guests and non-owners, and rejects long messages', async () => {
      const file = await uploadAs(hr, 'others.png')
      await share(hr, file.id, { share: [{ shareTo: portal.accounts.user.id, access: 1 }] })
      const byRecipient = await share(user, file.id, { share: [{ shareTo: portal.accounts.admin.id, access: 2 }] })
      expect(byRecipient.status).toBe(403)
      expect(byRecipient.body.error?.message).toBe('Access denied')
      const gUpload = await call(portal, '/api/2.0/files/@my', { token: guest })
      expect(gUpload.status).toBe(403)
      const long = await share(hr, file.id, { share: [{ shareTo: portal.accounts.admin.id, access: 2 }], sharingMessage: 'x'.repeat(256) })
      expect(long.status).toBe(400)
    })

    it(`${version === '3.7.2' ? 'drops' : 'accepts'} a guest the sharer is not related to`, async () => {
      const file = await uploadAs(user, 'for-guest.png')
      const r = await share(user, file.id, { share: [{ shareTo: portal.accounts.guest.id, access: 2 }] })
      expect(r.status).toBe(200)
      expect(r.body.response).toHaveLength(version === '3.7.2' ? 0 : 1)
      // The guest's inviter is related to them and may share in every version.
      const own = await uploadAs(hr, 'for-my-guest.png')
      expect((await share(hr, own.id, { share: [{ shareTo: portal.accounts.guest.id, access: 2 }] })).body.response).toHaveLength(1)
      // A guest holding ReadWrite still cannot share or read the share list.
      await share(hr, own.id, { share: [{ shareTo: portal.accounts.guest.id, access: 1 }] })
      const byGuest = await share(guest, own.id, { share: [{ shareTo: portal.accounts.user.id, access: 2 }] })
      expect(byGuest.status).toBe(403)
      expect((await call(portal, `/api/2.0/files/file/${own.id}/share`, { token: guest })).status).toBe(403)
      // The download handler checks no API-key scope.
      const key = portal.createApiKey(portal.accounts.guest.id, ['accounts:read'])
      const viaKey = await fetch(`${portal.url}/filehandler.ashx?action=download&fileid=${own.id}`, { headers: { authorization: `Bearer ${key}` } })
      expect(viaKey.status).toBe(200)
    })
  })
}
