// What the composition root wires between services: the shell's list of portal origins, and that
// signing out (or forgetting) an account drops what was cached for it.
import diagnostics from 'node:diagnostics_channel'
import type { ClientRequest } from 'node:http'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startPortal, type RunningPortal } from '../emulator/index'
import { MemorySecretStore } from './secrets/memory-store'
import { removeDir, startMain, tempDir, value, type Harness } from './testing/harness'

let portal: RunningPortal
beforeAll(async () => {
  portal = await startPortal({ version: '3.7.2', people: 20, seed: 5, quiet: true })
})
afterAll(() => portal.close())

let dataDir: string
let h: Harness
beforeEach(async () => {
  dataDir = await tempDir('dpm-compose-')
  h = startMain({ dataDir, secrets: new MemorySecretStore({ available: true }) })
})
afterEach(async () => {
  await h.dispose()
  await removeDir(dataDir)
})

async function signIn(): Promise<string> {
  const { email, password } = portal.accounts.admin
  const outcome = value(await h.handlers['accounts:sign-in']({ method: 'password', portalUrl: portal.url, email, password }))
  if (outcome.kind !== 'signed-in') throw new Error('expected signed-in')
  return outcome.account.id
}

/** Paths of the photo files main downloads from the portal while `work` runs. */
async function photoDownloads(work: () => Promise<unknown>): Promise<string[]> {
  const paths: string[] = []
  const onRequest = (message: unknown) => {
    const path = (message as { request: ClientRequest }).request.path
    if (path.startsWith('/storage/') || path.startsWith('/static/')) paths.push(path)
  }
  diagnostics.subscribe('http.client.request.start', onRequest)
  try {
    await work()
  } finally {
    diagnostics.unsubscribe('http.client.request.start', onRequest)
  }
  return paths
}

describe('createMain', () => {
  it('lists the portals of remembered accounts for the external-link allow-list', async () => {
    expect(await h.portalOrigins()).toEqual([])
    const accountId = await signIn()
    expect(await h.portalOrigins()).toEqual([portal.url])
    value(await h.handlers['accounts:sign-out']({ accountId }))
    expect(await h.portalOrigins()).toEqual([portal.url])
    value(await h.handlers['accounts:forget']({ accountId }))
    expect(await h.portalOrigins()).toEqual([])
  })

  it('serves a photo file from the cache until the account signs out', async () => {
    const accountId = await signIn()
    const me = value(await h.handlers['people:get']({ accountId, userId: portal.accounts.admin.id }))
    const load = () => h.handlers['photos:image']({ accountId, ref: me.smallPhoto }).then(value)

    expect(await photoDownloads(load)).toHaveLength(1)
    expect(await photoDownloads(load)).toEqual([])

    value(await h.handlers['accounts:sign-out']({ accountId }))
    await signIn()
    expect(await photoDownloads(load)).toHaveLength(1)
  })
})
