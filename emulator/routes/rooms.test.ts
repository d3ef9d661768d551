// Rooms against a real portal on 127.0.0.1 (CONTRACT-ROOMS.md §1-§3, §4.1, §4.4): who may create, find,
// invite and leave, role tables, dropped invitees per version, uploads and listings inside rooms.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal } from '../index'
import type { RunningPortal } from '../types'
import { call, fetchBytes, signIn, solidImage } from '../testing/helpers'

type Folder = Record<string, unknown> & { id: number; title: string; createdBy: { id: string } }
type Content = { folders: Folder[]; files: Array<Record<string, unknown> & { id: number; title: string }>; current: Folder; total: number; pathParts: Array<Record<string, unknown>> }
type Member = { access: number; isOwner: boolean; sharedToUser: { id: string } }

for (const version of ['3.5.0', '3.6.1', '3.7.2'] as const) {
  const v371 = version === '3.7.2'
  describe(`rooms (${version})`, () => {
    let portal: RunningPortal
    let hr: string
    let admin: string
    let user: string
    let guest: string
    let png: Buffer
    let unrelatedGuest: string

    beforeAll(async () => {
      portal = await startPortal({ version, quiet: true, people: 80 })
      hr = await signIn(portal, portal.accounts.roomAdmin)
      admin = await signIn(portal, portal.accounts.admin)
      user = await signIn(portal, portal.accounts.user)
      guest = await signIn(portal, portal.accounts.guest)
      png = await solidImage(48, 48, [0, 0, 255])
      const guests = await call<Array<{ id: string; createdBy?: { id: string } }>>(portal, '/api/2.0/people/filter?employeeType=2&employeeStatus=1&count=100', { token: admin })
      const other = guests.body.response?.find((g) => g.createdBy?.id !== portal.accounts.roomAdmin.id && g.id !== portal.accounts.guest.id)
      if (!other) throw new Error('the seed has no guest unrelated to the room admin')
      unrelatedGuest = other.id
    })
    afterAll(() => portal.close())

    const createRoom = (token: string, body: unknown) => call<Folder>(portal, '/api/2.0/files/rooms', { token, json: body })
    const invite = (token: string, roomId: number, invitations: unknown[], extra: Record<string, unknown> = {}) =>
      call<{ members: Member[]; error: number }>(portal, `/api/2.0/files/rooms/${roomId}/share`, { token, method: 'PUT', json: { invitations, ...extra } })
    const uploadTo = async (token: string, folderId: number, title: string) => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(png)]), title)
      return call<unknown>(portal, `/api/2.0/files/${folderId}/upload`, { token, form, method: 'POST' })
    }
    const fileOf = (r: { body: { response?: unknown } }) => (Array.isArray(r.body.response) ? r.body.response[0] : r.body.response) as { id: number; viewUrl: string; availableShareRights?: Record<string, string[]> }

    it('lets room admins and admins create rooms, not users or guests', async () => {
      const r = await createRoom(hr, { title: '  Avatar handover  ', roomType: 5, private: false, tags: ['avatar-handover'] })
      expect(r.status).toBe(200)
      expect(r.body.response).toMatchObject({ title: 'Avatar handover', roomType: 5, folderType: 19, rootFolderType: 14, createdBy: { id: portal.accounts.roomAdmin.id }, tags: ['avatar-handover'], inRoom: true })
      expect(typeof r.body.response?.id).toBe('number')
      const again = await createRoom(hr, { title: 'Avatar handover', roomType: 'CustomRoom' })
      expect(again.status).toBe(200)
      expect(again.body.response?.id).not.toBe(r.body.response?.id)
      for (const token of [user, guest]) {
        const refused = await createRoom(token, { title: 'Mine', roomType: 5 })
        expect(refused.status).toBe(403)
        expect(refused.body.error?.message).toBe("You don't have enough permission to create")
      }
      expect((await createRoom(admin, { title: 'Admin room', roomType: 2 })).status).toBe(200)
    })

    it('checks titles, room types and private rooms', async () => {
      expect((await createRoom(hr, { title: '   ', roomType: 5 })).status).toBe(400)
      expect((await createRoom(hr, { roomType: 5 })).status).toBe(400)
      const long = await createRoom(hr, { title: 'x'.repeat(171), roomType: 5 })
      expect(long.status).toBe(400)
      expect(JSON.stringify(long.body.response)).toContain('maximum length of 170')
      expect((await createRoom(hr, { title: 'Bad type', roomType: 3 })).status).toBe(400)
      const priv = await createRoom(hr, { title: 'Secret', roomType: 5, private: true })
      expect(priv.status).toBe(400)
      expect(priv.body.error?.message).toBe("Value cannot be null. (Parameter 'shares')")
    })

    it('finds rooms by substring, type, tags and area; envelope count 1 and the DTO total', async () => {
      await createRoom(hr, { title: 'Find me please', roomType: 5, tags: ['find-tag'] })
      const q = (token: string, query: string) => call<Content>(portal, `/api/2.0/files/rooms?${query}`, { token })
      const found = await q(hr, 'type=5&searchArea=0&filterValue=ME%20PLEASE&count=100')
      expect(found.body.count).toBe(1)
      expect(found.body.response?.total).toBe(1)
      expect(found.body.response?.folders[0]?.title).toBe('Find me please')
      expect(found.body.response?.current.folderType).toBe(14)
      const byTag = await q(hr, `tags=${encodeURIComponent('["find-tag"]')}`)
      expect(byTag.body.response?.folders.map((f) => f.title)).toEqual(['Find me please'])
      expect((await q(hr, 'tags=[oops')).status).toBe(500)
      expect((await q(hr, 'count=101')).status).toBe(400)
      expect((await q(hr, 'type=2')).body.response?.folders).toEqual([])
      // The admin sees every room; a user sees none until invited.
      expect((await q(admin, 'filterValue=Find%20me')).body.response?.total).toBe(1)
      expect((await q(user, '')).body.response?.total).toBe(0)
    })

    it('invites with the role tables, skips repeats, and lets any member read the member list', async () => {
      const room = (await createRoom(hr, { title: 'Roles', roomType: 5 })).body.response as Folder
      const r = await invite(hr, room.id, [{ id: portal.accounts.user.id, access: 2 }], { notify: true, message: 'ignored' })
      expect(r.status).toBe(200)
      expect(r.body.response).toMatchObject({ error: 0, members: [{ access: 2, sharedToUser: { id: portal.accounts.user.id } }] })
      const notice = portal.notifications().find((n) => n.roomId === room.id)
      expect(notice).toMatchObject({ kind: 'room-invite', recipientId: portal.accounts.user.id })
      expect(notice?.message).toBeUndefined()
      portal.resetNotifications()
      await invite(hr, room.id, [{ id: portal.accounts.user.id, access: 2 }], { notify: true })
      expect(portal.notifications()).toEqual([])
      const manager = await invite(hr, room.id, [{ id: portal.accounts.user.id, access: 9 }])
      expect(manager.status).toBe(403)
      expect(manager.body.error?.message).toBe('The role is not available for this user type')
      const fillForms = await invite(hr, room.id, [{ id: portal.accounts.admin.id, access: 7 }])
      expect(fillForms.body.error?.message).toBe('The role is not available for this user type')
      expect((await invite(user, room.id, [{ id: portal.accounts.admin.id, access: 2 }])).status).toBe(403)
      expect((await invite(hr, room.id, [])).body.response).toEqual({ error: 0 })

      const members = await call<Member[]>(portal, `/api/2.0/files/rooms/${room.id}/share`, { token: user })
      expect(members.status).toBe(200)
      expect(members.body.total).toBe(2)
      expect(members.body.count).toBe(2)
      expect(members.body.response?.[0]).toMatchObject({ access: 1, isOwner: true, sharedToUser: { id: portal.accounts.roomAdmin.id } })
      const past = await call<Member[]>(portal, `/api/2.0/files/rooms/${room.id}/share?startIndex=5&count=10`, { token: user })
      expect(past.body.count).toBe(-3)
    })

    it(`${v371 ? 'drops' : 'accepts'} invitees the room admin cannot view`, async () => {
      const room = (await createRoom(hr, { title: 'Visibility', roomType: 5 })).body.response as Folder
      const r = await invite(hr, room.id, [{ id: unrelatedGuest, access: 2 }, { id: portal.accounts.guest.id, access: 2 }])
      const ids = r.body.response?.members.map((m) => m.sharedToUser.id)
      expect(ids).toContain(portal.accounts.guest.id)
      expect(ids?.includes(unrelatedGuest)).toBe(!v371)
    })

    it('uploads for managers only, lists images by filter, refuses user shares on room files, and lets members leave', async () => {
      const room = (await createRoom(hr, { title: 'Handover files', roomType: 5 })).body.response as Folder
      await invite(hr, room.id, [{ id: portal.accounts.user.id, access: 2 }])
      const up = await uploadTo(hr, room.id, `avatar-for-${portal.accounts.user.id}.png`)
      expect(up.status).toBe(200)
      const file = fileOf(up)
      expect(file.availableShareRights).not.toHaveProperty('User')
      await uploadTo(hr, room.id, 'notes.txt')
      const readUpload = await uploadTo(user, room.id, 'mine.png')
      expect(readUpload.status).toBe(403)
      expect(readUpload.body.error?.message).toBe('Access denied')
      const rooms = await call<Content>(portal, '/api/2.0/files/rooms', { token: hr })
      const rootId = rooms.body.response?.current.id as number
      expect((await uploadTo(hr, rootId, 'root.png')).status).toBe(403)

      const listing = await call<Content>(portal, `/api/2.0/files/${room.id}?filterType=7&filterValue=${portal.accounts.user.id}&count=100`, { token: user })
      expect(listing.status).toBe(200)
      expect(listing.body.response?.files.map((f) => f.title)).toEqual([`avatar-for-${portal.accounts.user.id}.png`])
      const parts = listing.body.response?.pathParts ?? []
      expect(parts.map((p) => p.id)).toEqual([rootId, room.id])
      if (version === '3.5.0') expect(parts[0]).not.toHaveProperty('folderType')
      else expect(parts[1]).toMatchObject({ roomType: 5, folderType: 19 })
      expect((await fetchBytes(portal, file.viewUrl, user)).status).toBe(200)
      const outsider = await call(portal, `/api/2.0/files/${room.id}`, { token: guest })
      expect(outsider.status).toBe(403)
      expect(outsider.body.error?.message).toBe("You don't have enough permission to view the folder content")
      expect((await call(portal, `/api/2.0/files/rooms/${room.id}`)).status).toBe(401)
      expect((await call(portal, `/api/2.0/files/${room.id}`)).status).toBe(403)

      const userShare = await call(portal, `/api/2.0/files/file/${file.id}/share`, { token: hr, method: 'PUT', json: { share: [{ shareTo: portal.accounts.user.id, access: 2 }] } })
      expect(userShare.status).toBe(403)
      expect(userShare.body.error?.message).toBe('The role is not available for this user type')

      const leave = await invite(user, room.id, [{ id: portal.accounts.user.id, access: 0 }])
      expect(leave.status).toBe(200)
      const members = await call<Member[]>(portal, `/api/2.0/files/rooms/${room.id}/share?filterType=16`, { token: hr })
      expect(members.body.response?.map((m) => m.sharedToUser.id)).toEqual([portal.accounts.roomAdmin.id])
      expect((await call(portal, `/api/2.0/files/${room.id}`, { token: user })).status).toBe(403)
    })

    it('marks room uploads new for members and keeps images downloadable under denyDownload', async () => {
      const room = (await createRoom(hr, { title: 'No downloads', roomType: 5, denyDownload: true })).body.response as Folder
      expect(room.denyDownload).toBe(true)
      await invite(hr, room.id, [{ id: portal.accounts.user.id, access: 2 }])
      const image = fileOf(await uploadTo(hr, room.id, 'photo.png'))
      const text = fileOf(await uploadTo(hr, room.id, 'notes.txt'))
      const listed = await call<Content>(portal, `/api/2.0/files/${room.id}`, { token: user })
      expect(listed.body.response?.files.find((f) => f.id === image.id)?.fileStatus).toBe(2)
      expect((await fetchBytes(portal, image.viewUrl, user)).status).toBe(200)
      expect((await fetchBytes(portal, text.viewUrl, user)).status).toBe(403)
      expect((await fetchBytes(portal, text.viewUrl, hr)).status).toBe(200)
      const after = await call<Content>(portal, `/api/2.0/files/${room.id}`, { token: user })
      expect(after.body.response?.files.find((f) => f.id === image.id)?.fileStatus).toBe(0)
    })

    it('DELETE share with a room id leaves the room', async () => {
      const room = (await createRoom(hr, { title: 'Leave by delete', roomType: 2 })).body.response as Folder
      await invite(hr, room.id, [{ id: portal.accounts.user.id, access: 2 }])
      await call(portal, '/api/2.0/files/share', { token: user, method: 'DELETE', json: { fileIds: [], folderIds: [room.id] } })
      expect((await call(portal, `/api/2.0/files/rooms/${room.id}`, { token: user })).status).toBe(403)
    })

    it('archives with a Move operation and deletes permanently', async () => {
      const room = (await createRoom(hr, { title: 'To archive', roomType: 5 })).body.response as Folder
      const archived = await call<Record<string, unknown>>(portal, `/api/2.0/files/rooms/${room.id}/archive`, { token: hr, method: 'PUT', json: { deleteAfter: false } })
      expect(archived.body.response).toMatchObject({ Operation: 0, finished: true })
      expect((await uploadTo(hr, room.id, 'late.png')).status).toBe(403)
      const inArchive = await call<Content>(portal, '/api/2.0/files/rooms?searchArea=1&filterValue=To%20archive', { token: hr })
      expect(inArchive.body.response?.folders.map((f) => f.id)).toEqual([room.id])
      const refused = await call(portal, `/api/2.0/files/rooms/${room.id}`, { token: user, method: 'DELETE', json: { deleteAfter: false } })
      expect(refused.status).toBe(v371 ? 403 : 200)
      const deleted = await call<Record<string, unknown>>(portal, `/api/2.0/files/rooms/${room.id}`, { token: hr, method: 'DELETE', json: { deleteAfter: false } })
      expect(deleted.status).toBe(200)
      expect(deleted.body.response?.Operation).toBe(2)
      expect((await call(portal, `/api/2.0/files/rooms/${room.id}`, { token: hr })).status).toBe(404)
    })

    it('answers 402 beyond the room limit', async () => {
      const small = await startPortal({ version, quiet: true, people: 10, maxRooms: 1 })
      try {
        const token = await signIn(small, small.accounts.roomAdmin)
        expect((await call(small, '/api/2.0/files/rooms', { token, json: { title: 'One', roomType: 5 } })).status).toBe(200)
        const second = await call(small, '/api/2.0/files/rooms', { token, json: { title: 'Two', roomType: 5 } })
        expect(second.status).toBe(402)
        expect(second.body.error?.message).toBe('The number of rooms should not exceed 1')
      } finally {
        await small.close()
      }
    })

    it('checks rooms:* scopes on API keys', async () => {
      const filesOnly = portal.createApiKey(portal.accounts.roomAdmin.id, ['files:write'])
      expect((await call(portal, '/api/2.0/files/rooms', { authorization: `Bearer ${filesOnly}` })).status).toBe(403)
      const roomsRead = portal.createApiKey(portal.accounts.roomAdmin.id, ['rooms:read'])
      expect((await call(portal, '/api/2.0/files/rooms', { authorization: `Bearer ${roomsRead}` })).status).toBe(200)
      expect((await call(portal, '/api/2.0/files/rooms', { authorization: `Bearer ${roomsRead}`, json: { title: 'k', roomType: 5 } })).status).toBe(403)
    })
  })
}
