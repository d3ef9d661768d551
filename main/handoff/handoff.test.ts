// The hand-over route end to end through the real handlers against the REAL emulator, in 3.6.1 and
// 3.7.2 modes (3.7.1+ answer uploads as [object]): HR (a room admin) hands a photo over, the person
// sees it waiting, applies it, and HR's status says so — checked on the emulator's stored bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal } from '../../emulator/index'
import { call, signIn as tokenFor } from '../../emulator/testing/helpers'
import type { RunningPortal } from '../../emulator/types'
import type { Account } from '../../preload/contract'
import { decode, meanColour } from '../testing/images/editor-test-images'
import { MemorySecretStore } from '../secrets/memory-store'
import { failure, removeDir, startMain, tempDir, value, type Harness } from '../testing/harness'
import { BLUE_CROP, GREEN_CROP, jobId, MiB, name } from '../testing/change-support'
import { handoffCalls, solidPng } from '../testing/handoff-support'

for (const version of ['3.6.1', '3.7.2'] as const) {
  describe(`hand-over through My documents on ${version}`, () => {
    let portal: RunningPortal
    let h: Harness
    let dataDir: string
    let hr: Account
    let person: Account
    let other: Account

    const { signIn, prepare, statusOf } = handoffCalls(() => ({ h, portal, hr }))

    beforeAll(async () => {
      portal = await startPortal({ version, people: 30, seed: 13, quiet: true, maxImageUploadSize: MiB })
      dataDir = await tempDir('dpm-handoff-')
      h = startMain({ dataDir, secrets: new MemorySecretStore({ available: true }) })
      hr = await signIn(portal.accounts.roomAdmin)
      person = await signIn(portal.accounts.user)
      other = await signIn(portal.accounts.admin)
    })
    afterAll(async () => {
      await h.dispose()
      await portal.close()
      await removeDir(dataDir)
    })

    it('HR hands over; the person sees it waiting, applies it with the chosen crop, and HR reads "applied"; the backup restores byte for byte', async () => {
      const me = portal.accounts.user.id
      // The person's own photo first, so there is something to back up and to restore.
      value(await h.handlers['photos:replace']({ accountId: person.id, userId: me, jobId: jobId(), bytes: await solidPng(300, 300, [255, 0, 0]), rotate: 0, crop: { x: 0, y: 0, width: 1, height: 1 } }))
      const before = portal.storedPhoto(me, 'original')!
      portal.resetNotifications()

      const handed = value(await prepare(me))
      // The whole prepared photo travels, its crop in the version comment.
      expect(handed).toMatchObject({ userId: me, state: 'waiting', title: `avatar-for-${me}.jpg`, width: 640, height: 480, crop: GREEN_CROP })
      const notice = portal.notifications().find((n) => n.recipientId === me)
      expect(notice).toMatchObject({ kind: 'file-share', sharerId: portal.accounts.roomAdmin.id, fileId: handed.fileId, access: 2 })
      expect(notice?.message).toContain('Use this photo')

      const waiting = value(await h.handlers['handoff:waiting']({ accountId: person.id }))
      expect(waiting).toHaveLength(1)
      expect(waiting[0]).toMatchObject({ fileId: handed.fileId, from: { id: portal.accounts.roomAdmin.id }, crop: GREEN_CROP })
      const image = value(await h.handlers['handoff:image']({ accountId: person.id, fileId: handed.fileId }))
      expect(image.mime).toBe('image/jpeg')

      const change = value(await h.handlers['handoff:accept']({ accountId: person.id, fileId: handed.fileId }))
      expect(change.verified).toBe(true)
      expect(name(await meanColour(portal.storedPhoto(me, 'small')!))).toBe('green')
      expect(await statusOf(me)).toBe('applied')
      // Applied once: no longer waiting.
      expect(value(await h.handlers['handoff:waiting']({ accountId: person.id }))).toEqual([])

      const history = value(await h.handlers['photos:history']({ accountId: person.id, userId: me }))
      value(await h.handlers['photos:restore']({ accountId: person.id, userId: me, entryId: history[0]!.id }))
      expect(portal.storedPhoto(me, 'original')!.equals(before)).toBe(true)
      // A decided hand-over stays decided.
      expect(await statusOf(me)).toBe('applied')
    })

    it('"No thanks" removes it from the person’s view and HR reads "declined"', async () => {
      const them = portal.accounts.admin.id
      const before = portal.storedPhoto(them, 'original')
      const handed = value(await prepare(them))
      expect(value(await h.handlers['handoff:decline']({ accountId: other.id, fileId: handed.fileId }))).toEqual({ declined: true })
      expect(value(await h.handlers['handoff:waiting']({ accountId: other.id }))).toEqual([])
      expect(await statusOf(them)).toBe('declined')
      expect(portal.storedPhoto(them, 'original')).toEqual(before)
      // Preparing again shares it again: the same file, waiting once more.
      const again = value(await prepare(them, BLUE_CROP))
      expect(again.fileId).toBe(handed.fileId)
      expect(await statusOf(them)).toBe('waiting')
      expect(value(await h.handlers['handoff:waiting']({ accountId: other.id }))).toHaveLength(1)
      portal.resetNotifications()
      const reminded = value(await h.handlers['handoff:remind']({ accountId: hr.id, userId: them }))
      expect(reminded.remindedAt).toBeDefined()
      expect(portal.notifications().filter((n) => n.recipientId === them && n.fileId === handed.fileId)).toHaveLength(1)
    })

    it('a share from someone else that is a text file named .jpg, an oversize photo, or a file named for someone else changes nothing', async () => {
      const them = portal.accounts.admin.id
      const owner = await tokenFor(portal, portal.accounts.owner)
      const shareAs = async (title: string, bytes: Uint8Array, to = them): Promise<number> => {
        const form = new FormData()
        form.append('file', new Blob([new Uint8Array(bytes)]), title)
        const up = await call<unknown>(portal, '/api/2.0/files/@my/upload?createNewIfExist=false', { token: owner, form, method: 'POST' })
        const file = (Array.isArray(up.body.response) ? up.body.response[0] : up.body.response) as { id: number }
        await call(portal, `/api/2.0/files/file/${file.id}/share`, { token: owner, method: 'PUT', json: { share: [{ shareTo: to, access: 2 }], notify: true } })
        return file.id
      }
      const before = portal.storedPhoto(them, 'original')
      const text = await shareAs(`avatar-for-${them} (1).jpg`, new TextEncoder().encode('not a photo at all'))
      expect(failure(await h.handlers['handoff:accept']({ accountId: other.id, fileId: text })).code).toBe('image/unsupported')
      const big = await shareAs(`avatar-for-${them} (2).png`, await noisePng(1100))
      const refused = failure(await h.handlers['handoff:accept']({ accountId: other.id, fileId: big }))
      expect(refused).toMatchObject({ code: 'image/too-large', facts: { handoffProblem: 'too-large', maxUploadBytes: MiB } })
      const elsewhere = await shareAs(`avatar-for-${portal.accounts.roomAdmin.id}.png`, await solidPng(64, 64, [0, 0, 255]))
      expect(value(await h.handlers['handoff:waiting']({ accountId: other.id })).map((w) => w.fileId)).not.toContain(elsewhere)
      expect(failure(await h.handlers['handoff:accept']({ accountId: other.id, fileId: elsewhere }))).toMatchObject({ code: 'handoff/not-waiting', facts: { handoffProblem: 'not-shared' } })
      expect(portal.storedPhoto(them, 'original')).toEqual(before)
    })

    it('withdraw removes the share and the file; a person who sets another photo is "superseded"', async () => {
      const ownerId = portal.accounts.owner.id
      const owner = await signIn(portal.accounts.owner)
      const handed = value(await prepare(ownerId))
      value(await h.handlers['photos:replace']({ accountId: owner.id, userId: ownerId, jobId: jobId(), bytes: await solidPng(200, 200, [255, 255, 0]), rotate: 0, crop: { x: 0, y: 0, width: 1, height: 1 } }))
      expect(await statusOf(ownerId)).toBe('superseded')

      const withdrawn = value(await h.handlers['handoff:withdraw']({ accountId: hr.id, userId: ownerId }))
      expect(withdrawn.state).toBe('withdrawn')
      const token = await tokenFor(portal, portal.accounts.roomAdmin)
      expect((await call(portal, `/api/2.0/files/file/${handed.fileId}`, { token })).status).toBe(404)
      expect(value(await h.handlers['handoff:waiting']({ accountId: owner.id }))).toEqual([])
      const csv = value(await h.handlers['handoff:export-csv']({ accountId: hr.id })).csv
      expect(csv).toContain(`"${ownerId}",`)
      expect(csv).toContain('withdrawn')
    })

    it('a guest may not hand over; the person’s own id and unknown hand-overs are refused', async () => {
      const guest = await signIn(portal.accounts.guest)
      expect(failure(await prepare(portal.accounts.user.id, GREEN_CROP, guest))).toMatchObject({ code: 'handoff/not-allowed', facts: { role: 'guest' } })
      expect(failure(await h.handlers['handoff:ask']({ accountId: guest.id, userIds: [portal.accounts.user.id] })).code).toBe('handoff/not-allowed')
      expect(failure(await prepare(portal.accounts.roomAdmin.id)).code).toBe('input/invalid')
      expect(failure(await h.handlers['handoff:remind']({ accountId: hr.id, userId: portal.accounts.twoFactor.id })).code).toBe('handoff/unknown')
    })

    it(version === '3.7.2' ? 'a user may share but not see others on 3.7.1+: refused before anything is uploaded' : 'a user may hand over up to 3.6.1', async () => {
      const target = portal.accounts.twoFactor.id
      const result = await prepare(target, GREEN_CROP, person)
      if (version === '3.7.2') {
        expect(failure(result)).toMatchObject({ code: 'portal/forbidden', facts: { step: 'read' } })
        expect(value(await h.handlers['handoff:list']({ accountId: person.id }))).toEqual([])
      } else {
        expect(value(result).state).toBe('waiting')
      }
      // A guest related to the room admin (they invited them) may receive one in every version.
      expect(value(await prepare(portal.accounts.guest.id)).state).toBe('waiting')
    })

    it('where the note cannot be written, the chosen square itself is sent, and it still applies with that crop', async () => {
      const guestId = portal.accounts.guest.id
      const guest = await signIn(portal.accounts.guest)
      portal.faults.set({ failNext: [{ path: '/comment', method: 'PUT', kind: '500' }] })
      const handed = value(await prepare(guestId, BLUE_CROP))
      portal.faults.reset()
      expect(handed.crop).toEqual({ x: 0, y: 0, width: 1, height: 1 })
      expect(handed.width).toBe(handed.height)
      value(await h.handlers['handoff:accept']({ accountId: guest.id, fileId: handed.fileId }))
      expect(name(await meanColour(portal.storedPhoto(guestId, 'small')!))).toBe('blue')
      expect(await statusOf(guestId)).toBe('applied')
    })

    it('asks people for a photo with the portal’s notice and tracks who has one since', async () => {
      const them = portal.accounts.user.id
      portal.resetNotifications()
      const asked = value(await h.handlers['handoff:ask']({ accountId: hr.id, userIds: [them] }))
      expect(asked).toEqual([{ userId: them, ok: true }])
      expect(portal.notifications().find((n) => n.recipientId === them)).toMatchObject({ kind: 'file-share', sharerId: portal.accounts.roomAdmin.id })
      const requests = value(await h.handlers['handoff:asked']({ accountId: hr.id, refresh: true }))
      expect(requests[0]).toMatchObject({ userId: them, hasPhoto: true })
      expect(requests[0]?.photoSince).toBeDefined()
    })
  })
}

/** A PNG of random pixels: it does not compress, so it is over the 1 MiB limit. */
async function noisePng(side: number): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp')
  const raw = Buffer.alloc(side * side * 3)
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24
  const png = await sharp(raw, { raw: { width: side, height: side, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer()
  await decode(png)
  return new Uint8Array(png)
}
