// The files and sharing client against the real emulator: both upload answer shapes (an object up to
// 3.6.1, [object] from 3.7.1), download only on the portal's own origin, share records, @share,
// DELETE share (the record reads 3) and delete with its operation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal } from '../../emulator/index'
import { signIn } from '../../emulator/testing/helpers'
import type { RunningPortal } from '../../emulator/types'
import { solidPng } from '../testing/handoff-support'
import { DocSpaceClient } from './client'
import { FilesClient, recordUserId } from './files-client'
import { FILE_SHARE } from './files-dto'
import { HttpClient } from './http'

for (const version of ['3.6.1', '3.7.2'] as const) {
  describe(`FilesClient on ${version}`, () => {
    let portal: RunningPortal
    let hr: FilesClient
    let person: FilesClient
    const http = new HttpClient({ retries: 0, timeoutMs: 10_000 })

    beforeAll(async () => {
      portal = await startPortal({ version, people: 20, quiet: true })
      const client = (token: string) => new FilesClient(new DocSpaceClient({ origin: portal.url, http, credential: { kind: 'token', token } }))
      hr = client(await signIn(portal, portal.accounts.roomAdmin))
      person = client(await signIn(portal, portal.accounts.user))
    })
    afterAll(() => portal.close())

    it('uploads to My documents whatever the answer shape, and the same title becomes a new version of the same file', async () => {
      const png = await solidPng(40, 40, [10, 200, 10])
      const first = await hr.uploadToMy('shape.png', png, 'image/png')
      if (!first.ok) throw new Error(first.error.message)
      expect(first.value).toMatchObject({ title: 'shape.png', version: 1, pureContentLength: png.byteLength })
      const again = await hr.uploadToMy('shape.png', png, 'image/png')
      expect(again.ok && again.value.id).toBe(first.value.id)
      expect(again.ok && again.value.version).toBe(2)
    })

    it('shares with one person, who finds it in @share, downloads it, and removes it from their view', async () => {
      const png = await solidPng(32, 32, [0, 0, 255])
      const file = await hr.uploadToMy(`avatar-for-${portal.accounts.user.id}.png`, png, 'image/png')
      if (!file.ok) throw new Error(file.error.message)
      expect((await hr.share(file.value.id, { userId: portal.accounts.user.id, access: FILE_SHARE.read, notify: true, message: 'hello' })).ok).toBe(true)
      const inbox = await person.sharedWithMe()
      const mine = inbox.ok ? inbox.value.find((f) => f.id === file.value.id) : undefined
      expect(mine?.createdBy?.id).toBe(portal.accounts.roomAdmin.id)
      const bytes = await person.download(mine!, 1024 * 1024)
      expect(bytes.ok && Buffer.from(bytes.value).equals(Buffer.from(png))).toBe(true)
      // A cap below the file's size stops the download.
      expect((await person.download(mine!, 10)).ok).toBe(false)

      expect((await person.removeShares([file.value.id])).ok).toBe(true)
      const records = await hr.shares(file.value.id)
      const record = records.ok ? records.value.find((r) => recordUserId(r) === portal.accounts.user.id) : undefined
      expect(record?.access).toBe(FILE_SHARE.restrict)
      const after = await person.sharedWithMe()
      expect(after.ok && after.value.some((f) => f.id === file.value.id)).toBe(false)
    })

    it('never sends the credential to another host, whatever viewUrl says', async () => {
      const refused = await person.download({ id: 1, title: 'x.png', viewUrl: 'http://127.0.0.2:9/filehandler.ashx?action=download&fileid=1' }, 1024)
      expect(refused.ok ? 'sent' : refused.error.code).toBe('input/invalid')
      const sneaky = await person.download({ id: 1, title: 'x.png', viewUrl: `http://user:pw@${new URL(portal.url).host}/filehandler.ashx` }, 1024)
      expect(sneaky.ok ? 'sent' : sneaky.error.code).toBe('input/invalid')
    })

    it('deletes a file and follows its operation; a person without the right is refused', async () => {
      const file = await hr.uploadToMy('to-delete.png', await solidPng(20, 20, [1, 2, 3]), 'image/png')
      if (!file.ok) throw new Error(file.error.message)
      await hr.share(file.value.id, { userId: portal.accounts.user.id, access: FILE_SHARE.read, notify: false })
      expect((await person.deleteFile(file.value.id)).ok).toBe(false)
      expect((await hr.deleteFile(file.value.id)).ok).toBe(true)
      const gone = await hr.file(file.value.id)
      expect(gone.ok ? 'still there' : gone.error.code).toBe('portal/not-found')
    })
  })
}
