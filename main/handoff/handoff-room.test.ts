// The room route of the hand-over through the real handlers against the REAL emulator, in 3.6.1 and
// 3.7.2 modes: HR (a room admin) chooses "room", the photo goes into one "Profile photos" room HR
// created, the person is invited with Read and notified, finds it waiting, applies it, and HR reads
// "applied"; leaving the room reads "declined"; withdraw deletes the file; a user may not use rooms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal } from '../../emulator/index'
import { call, signIn as tokenFor } from '../../emulator/testing/helpers'
import type { DemoAccount, RunningPortal } from '../../emulator/types'
import type { Account } from '../../preload/contract'
import { meanColour } from '../testing/images/editor-test-images'
import { MemorySecretStore } from '../secrets/memory-store'
import { failure, removeDir, startMain, tempDir, value, type Harness } from '../testing/harness'
import { BLUE_CROP, GREEN_CROP, MiB, name } from '../testing/change-support'
import { handoffCalls } from '../testing/handoff-support'
import { HANDOFF_ROOM_TITLE } from './handoff-room'

interface RoomList {
  readonly folders: readonly { readonly id: number; readonly title: string; readonly createdBy?: { readonly id: string } }[]
}

for (const version of ['3.6.1', '3.7.2'] as const) {
  describe(`hand-over through a room on ${version}`, () => {
    let portal: RunningPortal
    let h: Harness
    let dataDir: string
    let hr: Account

    const { signIn, prepare, statusOf } = handoffCalls(() => ({ h, portal, hr }))
    const roomsOf = async (who: DemoAccount) => {
      const res = await call<RoomList>(portal, `/api/2.0/files/rooms?filterValue=${encodeURIComponent(HANDOFF_ROOM_TITLE)}`, { token: await tokenFor(portal, who) })
      return (res.body.response?.folders ?? []).filter((f) => f.title === HANDOFF_ROOM_TITLE)
    }

    beforeAll(async () => {
      portal = await startPortal({ version, people: 30, seed: 13, quiet: true, maxImageUploadSize: MiB })
      dataDir = await tempDir('dpm-handoff-room-')
      h = startMain({ dataDir, secrets: new MemorySecretStore({ available: true }) })
      hr = await signIn(portal.accounts.roomAdmin)
      expect(value(await h.handlers['handoff:route']({ accountId: hr.id }))).toBe('private')
      expect(value(await h.handlers['handoff:route']({ accountId: hr.id, route: 'room' }))).toBe('room')
    })
    afterAll(async () => {
      await h.dispose()
      await portal.close()
      await removeDir(dataDir)
    })

    it('puts the photo in one room HR created, invites and notifies the person, who applies it; HR reads "applied"', async () => {
      const me = portal.accounts.user.id
      portal.resetNotifications()
      const handed = value(await prepare(me))
      expect(handed).toMatchObject({ userId: me, state: 'waiting', route: 'room', title: `avatar-for-${me}.jpg` })
      const rooms = await roomsOf(portal.accounts.roomAdmin)
      expect(rooms).toHaveLength(1)
      expect(rooms[0]).toMatchObject({ id: handed.roomId, createdBy: { id: portal.accounts.roomAdmin.id } })
      expect(portal.notifications().find((n) => n.recipientId === me)).toMatchObject({ kind: 'room-invite', roomId: handed.roomId, access: 2 })

      // A second person: the same room, found again rather than created twice.
      const second = value(await prepare(portal.accounts.guest.id, BLUE_CROP))
      expect(second.roomId).toBe(handed.roomId)
      expect(await roomsOf(portal.accounts.roomAdmin)).toHaveLength(1)

      const person = await signIn(portal.accounts.user)
      const waiting = value(await h.handlers['handoff:waiting']({ accountId: person.id }))
      // Only the photo named for them, though they see the other one in the room too.
      expect(waiting.map((w) => w.fileId)).toEqual([handed.fileId])
      expect(waiting[0]).toMatchObject({ from: { id: portal.accounts.roomAdmin.id }, crop: GREEN_CROP })
      value(await h.handlers['handoff:accept']({ accountId: person.id, fileId: handed.fileId }))
      expect(name(await meanColour(portal.storedPhoto(me, 'small')!))).toBe('green')
      expect(await statusOf(me)).toBe('applied')
      expect(value(await h.handlers['handoff:waiting']({ accountId: person.id }))).toEqual([])
    })

    it('"No thanks" leaves the room and HR reads "declined"; a reminder invites again; withdraw deletes the file', async () => {
      const guestId = portal.accounts.guest.id
      const guest = await signIn(portal.accounts.guest)
      const before = portal.storedPhoto(guestId, 'original')
      const [offer] = value(await h.handlers['handoff:waiting']({ accountId: guest.id }))
      expect(offer?.title).toBe(`avatar-for-${guestId}.jpg`)
      value(await h.handlers['handoff:decline']({ accountId: guest.id, fileId: offer!.fileId }))
      expect(await roomsOf(portal.accounts.guest)).toEqual([])
      expect(await statusOf(guestId)).toBe('declined')
      expect(portal.storedPhoto(guestId, 'original')).toEqual(before)

      portal.resetNotifications()
      expect(value(await h.handlers['handoff:remind']({ accountId: hr.id, userId: guestId })).state).toBe('waiting')
      expect(portal.notifications().filter((n) => n.recipientId === guestId && n.kind === 'room-invite')).toHaveLength(1)
      expect(await statusOf(guestId)).toBe('waiting')

      expect(value(await h.handlers['handoff:withdraw']({ accountId: hr.id, userId: guestId })).state).toBe('withdrawn')
      expect((await call(portal, `/api/2.0/files/file/${offer!.fileId}`, { token: await tokenFor(portal, portal.accounts.roomAdmin) })).status).toBe(404)
      expect(value(await h.handlers['handoff:waiting']({ accountId: guest.id }))).toEqual([])
    })

    it('a user may not hand over through a room (§1: users cannot create rooms); nothing is uploaded', async () => {
      const user = await signIn(portal.accounts.user)
      value(await h.handlers['handoff:route']({ accountId: user.id, route: 'room' }))
      expect(failure(await prepare(portal.accounts.admin.id, GREEN_CROP, user))).toMatchObject({ code: 'handoff/not-allowed', facts: { role: 'user' } })
      expect((await roomsOf(portal.accounts.user)).filter((r) => r.createdBy?.id === portal.accounts.user.id)).toEqual([])
    })

    it('switching back to the private route moves a waiting photo out of the room', async () => {
      const them = portal.accounts.admin.id
      const inRoom = value(await prepare(them))
      value(await h.handlers['handoff:route']({ accountId: hr.id, route: 'private' }))
      const shared = value(await prepare(them))
      expect(shared.route).toBeUndefined()
      expect(shared.fileId).not.toBe(inRoom.fileId)
      expect((await call(portal, `/api/2.0/files/file/${inRoom.fileId}`, { token: await tokenFor(portal, portal.accounts.roomAdmin) })).status).toBe(404)
      const admin = await signIn(portal.accounts.admin)
      expect(value(await h.handlers['handoff:waiting']({ accountId: admin.id })).map((w) => w.fileId)).toEqual([shared.fileId])
      value(await h.handlers['handoff:route']({ accountId: hr.id, route: 'room' }))
    })
  })
}
