// The row and panel photos after a change: the files the read-back checked are kept, so showing
// the new photo downloads nothing again; a later change of the person still forgets them.
import { describe, expect, it } from 'vitest'
import type { Result } from '../../preload/contract'
import { quadrantsPng } from '../testing/images/editor-test-images'
import type { AccountsService } from './accounts-service'
import { PhotosService } from './photos-service'

const PORTAL = 'http://127.0.0.1:9'
const USER = '0e5a7d39-7c1f-4b4e-9d5a-000000000002'
const SMALL = `/storage/userPhotos/root/${USER}_size_32-32.png?hash=7`

/** Sessions on a portal that is never reached: every download is counted and fails. */
function accountsCountingDownloads(): { accounts: AccountsService; downloads: string[] } {
  const downloads: string[] = []
  const session = {
    account: { id: 'acc', portalUrl: PORTAL },
    client: {
      fetchFile: async (url: string): Promise<Result<never>> => {
        downloads.push(url)
        return { ok: false, error: { code: 'net/unreachable', message: 'not reachable in this test' } }
      }
    }
  }
  const accounts = {
    session: async () => ({ ok: true, value: session }),
    call: async <T>(_id: string, run: (s: typeof session) => Promise<T>) => run(session)
  }
  return { accounts: accounts as unknown as AccountsService, downloads }
}

describe('PhotosService.remember', () => {
  it('serves files the read-back checked without downloading them, until the person changes again', async () => {
    const { accounts, downloads } = accountsCountingDownloads()
    const photos = new PhotosService({ accounts })
    const bytes = new Uint8Array(await quadrantsPng(32, 32))
    photos.forgetPerson('acc', USER)
    await photos.remember('acc', [{ ref: SMALL, bytes }])

    const shown = await photos.image({ accountId: 'acc', ref: SMALL })
    expect(shown.ok && shown.value).toMatchObject({ mime: 'image/png', width: 32, height: 32 })
    expect(downloads).toEqual([])

    photos.forgetPerson('acc', USER)
    expect((await photos.image({ accountId: 'acc', ref: SMALL })).ok).toBe(false)
    expect(downloads).toHaveLength(1)
  })

  it('keeps nothing that is not a photo path on the portal, or not an image', async () => {
    const { accounts, downloads } = accountsCountingDownloads()
    const photos = new PhotosService({ accounts })
    await photos.remember('acc', [
      { ref: 'http://elsewhere.example/storage/userPhotos/x.png', bytes: new Uint8Array(await quadrantsPng(32, 32)) },
      { ref: SMALL, bytes: new TextEncoder().encode('not an image') }
    ])
    expect(photos.cachedFiles).toBe(0)
    expect((await photos.image({ accountId: 'acc', ref: SMALL })).ok).toBe(false)
    expect(downloads).toHaveLength(1)
  })
})
