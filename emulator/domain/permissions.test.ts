// The version-mode permission matrix of CONTRACT.md §2 and the visibility rule of §1.2, over real HTTP.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal } from '../index'
import type { DemoAccount, RunningPortal } from '../types'
import { call, signIn, solidImage, uploadForm } from '../testing/helpers'

type UploadResult = { success: boolean; message?: string }

interface Session {
  portal: RunningPortal
  tokens: Map<string, string>
  png: Buffer
}

async function session(version: string): Promise<Session> {
  const portal = await startPortal({ quiet: true, people: 80, version, allowLoopbackPhotoUrls: true })
  const tokens = new Map<string, string>()
  const a = portal.accounts
  for (const account of [a.owner, a.admin, a.roomAdmin, a.user, a.guest]) tokens.set(account.id, await signIn(portal, account))
  return { portal, tokens, png: await solidImage(64, 64, [10, 200, 30]) }
}

function ops(s: Session) {
  const t = (caller: DemoAccount) => s.tokens.get(caller.id) as string
  return {
    upload: (caller: DemoAccount, target: string) =>
      call<UploadResult>(s.portal, `/api/2.0/people/${target}/photo`, { token: t(caller), method: 'POST', form: uploadForm(s.png, { autosave: 'true' }) }),
    thumbnails: (caller: DemoAccount, target: string) =>
      call(s.portal, `/api/2.0/people/${target}/photo/thumbnails`, { token: t(caller), json: { x: 0, y: 0, width: 0, height: 0 } }),
    remove: (caller: DemoAccount, target: string) => call(s.portal, `/api/2.0/people/${target}/photo`, { token: t(caller), method: 'DELETE' }),
    put: (caller: DemoAccount, target: string) =>
      call(s.portal, `/api/2.0/people/${target}/photo`, { token: t(caller), method: 'PUT', json: { files: '/static/images/default_user_photo_size_82-82.png' } }),
    get: (caller: DemoAccount, target: string) => call(s.portal, `/api/2.0/people/${target}/photo`, { token: t(caller) }),
    profile: (caller: DemoAccount, target: string) => call<Record<string, unknown>>(s.portal, `/api/2.0/people/${target}`, { token: t(caller) })
  }
}

describe('legacy admin writes (3.5.0)', () => {
  let s: Session
  beforeAll(async () => {
    s = await session('3.5.0')
  })
  afterAll(() => s.portal.close())

  it('lets admins write other people\'s photos', async () => {
    const { admin, user } = s.portal.accounts
    const o = ops(s)
    expect((await o.upload(admin, user.id)).body.response).toMatchObject({ success: true })
    expect((await o.thumbnails(admin, user.id)).status).toBe(200)
    expect((await o.put(admin, user.id)).status).toBe(200)
    expect((await o.remove(admin, user.id)).status).toBe(200)
  })

  it('reproduces the owner, other-admin and terminated exceptions with their odd status codes', async () => {
    const { admin, owner, twoFactor, disabled, user } = s.portal.accounts
    const o = ops(s)
    const toOwner = await o.upload(admin, owner.id)
    expect(toOwner.status).toBe(200)
    expect(toOwner.body.response).toEqual({ success: false, message: 'No permissions to perform this action' })
    expect((await o.upload(admin, twoFactor.id)).body.response).toEqual({ success: false, message: 'No permissions to perform this action' })
    expect((await o.upload(owner, twoFactor.id)).body.response).toMatchObject({ success: true })
    const del = await o.remove(admin, owner.id)
    expect(del.status).toBe(500)
    expect(del.body.error).toMatchObject({ message: 'No permissions to perform this action', type: 'System.Exception' })
    expect((await o.put(admin, owner.id)).status).toBe(500)
    expect((await o.thumbnails(admin, owner.id)).status).toBe(200) // no owner exception for thumbnails
    const terminated = await o.remove(admin, disabled.id)
    expect(terminated.status).toBe(403)
    expect(terminated.body.error?.message).toBe('Access denied')
    expect((await o.remove(admin, user.id)).status).toBe(200)
  })

  it('denies room admins and users with 403, and success:false for uploads', async () => {
    const { roomAdmin, user, admin } = s.portal.accounts
    const o = ops(s)
    const up = await o.upload(roomAdmin, user.id)
    expect(up.status).toBe(200)
    expect(up.body.response?.success).toBe(false)
    expect(up.body.response?.message).toContain('access denied')
    for (const r of [await o.thumbnails(user, admin.id), await o.remove(roomAdmin, user.id), await o.put(user, admin.id)]) {
      expect(r.status).toBe(403)
      expect(r.body.error?.message).toBe('Access denied')
    }
  })

  it('treats a non-GUID upload target as the caller and lets anyone read any photo', async () => {
    const { user, guest, admin } = s.portal.accounts
    const o = ops(s)
    expect((await o.upload(user, '@self')).body.response).toMatchObject({ success: true })
    expect(s.portal.storedPhoto(user.id, 'small')).toBeDefined()
    expect((await o.get(guest, admin.id)).status).toBe(200)
    expect((await o.get(user, '@self')).status).toBe(200)
  })
})

describe('3.2.1 has no terminated check on DELETE', () => {
  it('lets an admin delete a terminated user\'s photo', async () => {
    const s = await session('3.2.1')
    try {
      expect((await ops(s).remove(s.portal.accounts.admin, s.portal.accounts.disabled.id)).status).toBe(200)
    } finally {
      await s.portal.close()
    }
  })
})

describe('self-only writes (3.6.1)', () => {
  let s: Session
  beforeAll(async () => {
    s = await session('3.6.1')
  })
  afterAll(() => s.portal.close())

  it('refuses every write on someone else, even by the owner', async () => {
    const { owner, admin, user } = s.portal.accounts
    const o = ops(s)
    for (const caller of [owner, admin]) {
      const up = await o.upload(caller, user.id)
      expect(up.status).toBe(200)
      expect(up.body.response).toEqual({ success: false, message: 'Security error.' })
      for (const r of [await o.thumbnails(caller, user.id), await o.remove(caller, user.id), await o.put(caller, user.id)]) {
        expect(r.status).toBe(403)
        expect(r.body.error).toMatchObject({ message: 'Access denied', type: 'System.Security.SecurityException' })
      }
    }
    expect((await o.upload(user, user.id)).body.response).toMatchObject({ success: true })
    expect((await o.upload(owner, owner.id)).body.response).toMatchObject({ success: true })
  })

  it('still lets anyone read any photo and profile; @self is a 404 on photo routes', async () => {
    const { guest, admin, user, owner } = s.portal.accounts
    const o = ops(s)
    expect((await o.get(guest, admin.id)).status).toBe(200)
    expect((await o.profile(user, admin.id)).status).toBe(200)
    expect((await o.get(user, '@self')).status).toBe(404)
    expect((await o.profile(admin, owner.id)).body.response?.isAdmin).toBe(true)
  })
})

describe('visibility rule (3.7.2)', () => {
  let s: Session
  beforeAll(async () => {
    s = await session('3.7.2')
  })
  afterAll(() => s.portal.close())

  it('lets users and guests see only themselves', async () => {
    const { user, guest, admin } = s.portal.accounts
    const o = ops(s)
    expect((await o.get(user, user.id)).status).toBe(200)
    expect((await o.get(user, admin.id)).status).toBe(403)
    expect((await o.get(guest, user.id)).status).toBe(403)
    expect((await o.profile(user, admin.id)).status).toBe(403)
    expect((await o.profile(user, user.id)).status).toBe(200)
  })

  it('lets admins see everyone and room admins see non-guests and their own guests', async () => {
    const { admin, roomAdmin, guest, user } = s.portal.accounts
    const o = ops(s)
    expect((await o.get(admin, guest.id)).status).toBe(200)
    expect((await o.get(roomAdmin, user.id)).status).toBe(200)
    expect((await o.get(roomAdmin, guest.id)).status).toBe(200) // invited by this room admin
    const guests = await call<Array<{ id: string; createdBy?: { id: string } }>>(s.portal, '/api/2.0/people/filter?employeeType=Guest&count=100', {
      token: s.tokens.get(admin.id)
    })
    const stranger = guests.body.response?.find((g) => g.createdBy?.id !== roomAdmin.id)
    expect(stranger).toBeDefined()
    const r = await o.get(roomAdmin, stranger?.id ?? '')
    expect(r.status).toBe(403)
    expect(r.body.error?.message).toBe('Access denied')
  })

  it('reports isAdmin false for the owner', async () => {
    const { admin, owner } = s.portal.accounts
    const dto = (await ops(s).profile(admin, owner.id)).body.response
    expect(dto).toMatchObject({ isOwner: true, isAdmin: false })
    expect((await ops(s).profile(owner, admin.id)).body.response).toMatchObject({ isOwner: false, isAdmin: true })
  })
})
