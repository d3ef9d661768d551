// DocSpaceClient against the REAL local portal emulator (CONTRACT.md behaviour, on 127.0.0.1).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startPortal } from '../../emulator/index'
import type { RunningPortal } from '../../emulator/types'
import type { AppError, Result } from '../../preload/contract'
import { DocSpaceClient, resolvePhotoUrl } from './client'
import { HttpClient } from './http'

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected success, got ${r.error.code}: ${r.error.message} ${r.error.detail ?? ''}`)
  return r.value
}
function error(r: Result<unknown>): AppError {
  if (r.ok) throw new Error('expected a failure')
  return r.error
}

const http = new HttpClient({ retries: 2, baseDelayMs: 20, timeoutMs: 10_000 })

async function signedIn(portal: RunningPortal, who: keyof Omit<RunningPortal['accounts'], 'twoFactor'> = 'owner'): Promise<DocSpaceClient> {
  const anon = new DocSpaceClient({ origin: portal.url, http })
  const account = portal.accounts[who]
  const answer = value(await anon.signIn(account.email, account.password))
  if (answer.kind !== 'token') throw new Error('expected a token')
  return anon.withCredential({ kind: 'token', token: answer.token })
}

describe('DocSpaceClient on a 3.7.2 portal', () => {
  let portal: RunningPortal
  let owner: DocSpaceClient
  beforeAll(async () => {
    portal = await startPortal({ version: '3.7.2', people: 2000, seed: 7, quiet: true, allowLoopbackPhotoUrls: true })
    owner = await signedIn(portal)
  })
  afterAll(() => portal.close())
  beforeEach(() => portal.faults.reset())

  it('reads the build version anonymously', async () => {
    expect(value(await new DocSpaceClient({ origin: portal.url, http }).buildVersion())).toBe('3.7.2')
  })

  it('signs in with email and password and reads the signed-in user', async () => {
    const me = value(await owner.self())
    expect(me.id).toBe(portal.accounts.owner.id)
    expect(me.email).toBe(portal.accounts.owner.email)
    expect(me.isOwner).toBe(true)
    // CONTRACT.md §5.3: from 3.7.1 the owner's isAdmin is false
    expect(me.isAdmin).toBe(false)
  })

  it('answers a wrong password with auth/invalid-credentials', async () => {
    const anon = new DocSpaceClient({ origin: portal.url, http })
    const e = error(await anon.signIn(portal.accounts.owner.email, 'wrong password'))
    expect(e.code).toBe('auth/invalid-credentials')
    expect(e.status).toBe(401)
  })

  it('answers a disabled user with auth/user-disabled', async () => {
    const anon = new DocSpaceClient({ origin: portal.url, http })
    expect(error(await anon.signIn(portal.accounts.disabled.email, portal.accounts.disabled.password)).code).toBe('auth/user-disabled')
  })

  it('goes through the two-factor step: challenge without token, wrong code, right code', async () => {
    const anon = new DocSpaceClient({ origin: portal.url, http })
    const { email, password, code } = portal.accounts.twoFactor
    const answer = value(await anon.signIn(email, password))
    expect(answer.kind).toBe('two-factor')
    const wrong = code === '000000' ? '111111' : '000000'
    expect(error(await anon.verifyCode(email, password, wrong)).code).toBe('auth/invalid-code')
    const token = value(await anon.verifyCode(email, password, code))
    const me = value(await anon.withCredential({ kind: 'token', token }).self())
    expect(me.email).toBe(email)
  })

  it('uses an API key as a bearer credential; a bad key is auth/expired on a call', async () => {
    const key = portal.createApiKey(portal.accounts.admin.id)
    expect(key).toMatch(/^sk-[0-9a-f]{64}$/)
    const client = new DocSpaceClient({ origin: portal.url, http, credential: { kind: 'api-key', key } })
    expect(value(await client.self()).id).toBe(portal.accounts.admin.id)
    const bad = new DocSpaceClient({ origin: portal.url, http, credential: { kind: 'api-key', key: `sk-${'0'.repeat(64)}` } })
    expect(error(await bad.self()).code).toBe('auth/expired')
  })

  it('pages through 2,000 people with bounded concurrency and reads the total', async () => {
    const first = value(await owner.peoplePage({ startIndex: 0, count: 100 }))
    expect(first.total).toBeGreaterThanOrEqual(2000)
    expect(first.people).toHaveLength(100)
    const pages = Math.ceil(first.total / 100)
    const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, i) => owner.peoplePage({ startIndex: (i + 1) * 100, count: 100 })))
    const ids = new Set([...first.people, ...rest.flatMap((r) => value(r).people)].map((p) => p.id))
    expect(ids.size).toBe(first.total)
  })

  it('refuses a page size over 100 with portal/bad-request (3.2.1+ validation)', async () => {
    expect(error(await owner.peoplePage({ startIndex: 0, count: 101 })).code).toBe('portal/bad-request')
  })

  it('reads one person, and an unknown one is portal/not-found', async () => {
    expect(value(await owner.person(portal.accounts.user.id)).email).toBe(portal.accounts.user.email)
    expect(error(await owner.person('00000000-0000-4000-8000-000000000000')).code).toBe('portal/not-found')
  })

  it('reads the six photo refs with ?hash= and fetches a file with auth', async () => {
    const withPhoto = value(await owner.peoplePage({ startIndex: 0, count: 100 })).people.find((p) => p.hasAvatar && p.id !== portal.accounts.owner.id)
    expect(withPhoto).toBeDefined()
    const refs = value(await owner.photo(withPhoto!.id))
    for (const ref of Object.values(refs)) expect(ref).toMatch(/^\/storage\/userPhotos\/root\/.+\?hash=\d+$/)
    const file = value(await owner.fetchFile(refs.small))
    expect(Buffer.from(file.bytes).equals(portal.storedPhoto(withPhoto!.id, 'small')!)).toBe(true)
    // without a token the portal refuses the file (§3.6)
    const anonymous = await new DocSpaceClient({ origin: portal.url, http }).fetchFile(refs.small)
    expect(anonymous.ok).toBe(false)
  })

  it('fetchFile refuses anything but same-origin photo paths, before any request', async () => {
    for (const ref of ['/api/2.0/people/@self', 'http://127.0.0.2:1/storage/userPhotos/x.png', 'https://evil.example/static/images/a.png', '/storage/userPhotos/../../api/2.0/keys', '//evil.example/storage/userPhotos/a']) {
      expect(error(await owner.fetchFile(ref)).code).toBe('input/invalid')
    }
    expect(resolvePhotoUrl(portal.url, '/static/images/default_user_photo_size_32-32.png?hash=1')).toBe(`${portal.url}/static/images/default_user_photo_size_32-32.png?hash=1`)
  })

  it('retries a GET after a 503 and after a 429, but not a POST', async () => {
    portal.faults.set({ failNext: [{ path: '/people/@self', method: 'GET', kind: '503' }] })
    expect(value(await owner.self()).id).toBe(portal.accounts.owner.id)
    portal.faults.set({ failNext: [{ path: '/people/@self', method: 'GET', kind: '429' }] })
    expect(value(await owner.self()).id).toBe(portal.accounts.owner.id)

    const anon = new DocSpaceClient({ origin: portal.url, http })
    portal.faults.set({ failNext: [{ path: '/authentication', method: 'POST', kind: '503' }] })
    expect(error(await anon.signIn(portal.accounts.owner.email, portal.accounts.owner.password)).code).toBe('portal/server-error')
    portal.faults.set({ failNext: [{ path: '/authentication', method: 'POST', kind: '429' }] })
    expect(error(await anon.signIn(portal.accounts.owner.email, portal.accounts.owner.password)).code).toBe('portal/rate-limited')
    // each one-shot fault was used exactly once: the POSTs were not repeated
    expect(portal.faults.current().failNext).toEqual([])
  })

  it('reports portal/server-error once the GET retries are used up', async () => {
    const few = new HttpClient({ retries: 1, baseDelayMs: 10 })
    const client = new DocSpaceClient({ origin: portal.url, http: few, credential: { kind: 'api-key', key: portal.createApiKey(portal.accounts.owner.id) } })
    portal.faults.set({ failNext: [{ path: '/people/@self', kind: '503' }, { path: '/people/@self', kind: '503' }] })
    const e = error(await client.self())
    expect(e.code).toBe('portal/server-error')
    expect(e.status).toBe(503)
  })

  it('maps a reset connection to net/connection-lost', async () => {
    const anon = new DocSpaceClient({ origin: portal.url, http })
    portal.faults.set({ failNext: [{ path: '/authentication', method: 'POST', kind: 'reset' }] })
    expect(error(await anon.signIn(portal.accounts.owner.email, portal.accounts.owner.password)).code).toBe('net/connection-lost')
  })

  it('answers auth/expired once the portal expires the token', async () => {
    const user = await signedIn(portal, 'user')
    expect(value(await user.self()).id).toBe(portal.accounts.user.id)
    portal.expireTokens(portal.accounts.user.id)
    expect(error(await user.self()).code).toBe('auth/expired')
  })

  it('uploads (Autosave true/false), creates thumbnails, sets from URL and deletes its own photo', async () => {
    const me = await signedIn(portal, 'roomAdmin')
    const id = portal.accounts.roomAdmin.id
    const bytes = tinyPng()
    const stored = value(await me.uploadPhoto(id, bytes, { autosave: true, filename: 'me.png', mime: 'image/png' }))
    expect(stored.kind).toBe('stored')
    expect(portal.storedPhoto(id, 'original')).toBeDefined()

    const temp = value(await me.uploadPhoto(id, bytes, { autosave: false, filename: 'me.png', mime: 'image/png' }))
    if (temp.kind !== 'temp') throw new Error('expected a temp upload')
    expect(temp.tmpFile).toMatch(/^\/storage\/userPhotos\/temp\//)
    const thumbs = value(await me.createThumbnails(id, { tmpFile: temp.tmpFile, x: 0, y: 0, width: 0, height: 0 }))
    expect(thumbs.small).toMatch(/_size_32-32\./)

    const deleted = value(await me.deletePhoto(id))
    expect(deleted.original).toMatch(/^\/static\/images\/default_user_photo_size_200-200\.png\?hash=/)
    expect(portal.storedPhoto(id, 'original')).toBeUndefined()
  })

  it("turns upload's 200 success:false into portal/rejected with the portal's message", async () => {
    // 3.6.0+: nobody may change someone else's photo; upload says so with 200 success:false
    const e = error(await owner.uploadPhoto(portal.accounts.user.id, tinyPng(), { autosave: true }))
    expect(e.code).toBe('portal/rejected')
    expect(e.detail).toBe('Security error.')
    const junk = error(await owner.uploadPhoto(portal.accounts.owner.id, new TextEncoder().encode('not an image'), { autosave: true }))
    expect(junk.code).toBe('portal/rejected')
    expect(junk.detail).toBe('Unknown image file type')
  })
})

describe('DocSpaceClient on a 3.5.0 portal', () => {
  let portal: RunningPortal
  beforeAll(async () => {
    portal = await startPortal({ version: '3.5.0', people: 50, seed: 3, quiet: true })
  })
  afterAll(() => portal.close())

  it('lets the owner upload a photo for another user, and the owner flag comes with isAdmin true', async () => {
    const owner = await signedIn(portal)
    const me = value(await owner.self())
    expect(me.isOwner && me.isAdmin).toBe(true)
    const stored = value(await owner.uploadPhoto(portal.accounts.user.id, tinyPng(), { autosave: true }))
    expect(stored.kind).toBe('stored')
    expect(portal.storedPhoto(portal.accounts.user.id, 'original')).toBeDefined()
  })
})

describe('DocSpaceClient without a portal', () => {
  it('reports a refused connection as net/unreachable', async () => {
    const portal = await startPortal({ people: 1, quiet: true })
    const url = portal.url
    await portal.close()
    const e = error(await new DocSpaceClient({ origin: url, http }).buildVersion())
    expect(e.code).toBe('net/unreachable')
  })
})

describe('DocSpaceClient: person ids', () => {
  it('refuses ".", "..", slashes and other shapes before building a path, and sends nothing', async () => {
    const sent: string[] = []
    const recording = {
      request: async (req: { url: string }) => {
        sent.push(req.url)
        return { ok: true as const, value: { status: 200, headers: {}, body: Buffer.from('{"response":{}}') } }
      }
    } as unknown as HttpClient
    const client = new DocSpaceClient({ origin: 'https://hr.example.com', http: recording, credential: { kind: 'token', token: 't' } })
    for (const id of ['.', '..', '../settings', 'a/b', '%2e%2e', '', ' x', '@self']) {
      expect(error(await client.person(id)).code).toBe('input/invalid')
      expect(error(await client.photo(id)).code).toBe('input/invalid')
      expect(error(await client.deletePhoto(id)).code).toBe('input/invalid')
      expect(error(await client.setPhotoFromUrl(id, 'https://img.example/a.png')).code).toBe('input/invalid')
      expect(error(await client.uploadPhoto(id, tinyPng(), { autosave: true })).code).toBe('input/invalid')
      expect(error(await client.createThumbnails(id, { x: 0, y: 0, width: 1, height: 1 })).code).toBe('input/invalid')
    }
    expect(sent).toEqual([])
    // A GUID and a user name are sent, each as one path segment.
    await client.person('0f3a2b1c-1d2e-4f50-8a6b-7c8d9e0f1a2b')
    await client.person('jane.doe')
    expect(sent).toEqual(['https://hr.example.com/api/2.0/people/0f3a2b1c-1d2e-4f50-8a6b-7c8d9e0f1a2b', 'https://hr.example.com/api/2.0/people/jane.doe'])
  })
})

/** An 8x8 red PNG, built by hand so the test does not depend on an image library. */
function tinyPng(): Uint8Array {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC',
    'base64'
  )
}
