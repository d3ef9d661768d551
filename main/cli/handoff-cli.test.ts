// The hand-over on the command line against the real emulator (3.7.2: nobody may change another
// person's photo): HR hands a folder over, each person sees theirs waiting and accepts or declines
// it, and HR's status says which — checked on what the portal stored.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal, type RunningPortal } from '../../emulator/index'
import type { Person } from '../../preload/contract'
import { MemorySecretStore } from '../secrets/memory-store'
import { removeDir, startMain, tempDir, value } from '../testing/harness'
import { GREEN, isColour, meanColour } from '../testing/images/editor-test-images'
import { fromRaw, quadrants } from '../testing/images/synthetic-images'
import { runCli } from './run-cli'

let portal: RunningPortal
let hrKey: string
const dirs: string[] = []
let hrData: string
let photos: string
let user: Person
let admin: Person

async function cli(argv: string[], key: string, dataDir: string): Promise<{ code: number; out: string[]; err: string[]; json: Record<string, unknown>[] }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli([...argv, '--portal', portal.url, '--data-dir', dataDir], { env: { DOCSPACE_API_KEY: key }, out: (l) => out.push(l), err: (l) => err.push(l) })
  const json = out.flatMap((l) => l.split('\n')).filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>)
  return { code, out, err, json }
}

async function dir(prefix: string): Promise<string> {
  const d = await tempDir(prefix)
  dirs.push(d)
  return d
}

beforeAll(async () => {
  portal = await startPortal({ version: '3.7.2', people: 30, seed: 21, quiet: true })
  hrKey = portal.createApiKey(portal.accounts.roomAdmin.id)
  hrData = await dir('dpm-cli-handoff-')
  const h = startMain({ dataDir: await dir('dpm-cli-handoff-list-'), secrets: new MemorySecretStore({ available: true }) })
  const signed = value(await h.handlers['accounts:sign-in']({ method: 'api-key', portalUrl: portal.url, apiKey: hrKey }))
  if (signed.kind !== 'signed-in') throw new Error('expected signed-in')
  const page = value(await h.handlers['people:page']({ accountId: signed.account.id, startIndex: 0, count: 100 }))
  await h.dispose()
  user = page.people.find((p) => p.id === portal.accounts.user.id)!
  admin = page.people.find((p) => p.id === portal.accounts.admin.id)!
  photos = await dir('dpm-cli-handoff-photos-')
  await mkdir(photos, { recursive: true })
  const green = await fromRaw(quadrants(480, 360, [GREEN, GREEN, GREEN, GREEN])).jpeg({ quality: 92 }).toBuffer()
  await writeFile(join(photos, `${user.email}.jpg`), green)
  await writeFile(join(photos, `${admin.email}.jpg`), green)
}, 60_000)

afterAll(async () => {
  await portal?.close()
  for (const d of dirs) await removeDir(d)
})

describe('hand-over on the command line (3.7.2)', () => {
  it('hands a folder over, the person accepts, another declines, and handoff-status says so', async () => {
    const handed = await cli(['handoff', photos, '--json'], hrKey, hrData)
    expect(handed.err.filter((l) => l.startsWith('error'))).toEqual([])
    expect(handed.code).toBe(0)
    expect(handed.json.map((j) => j.userId).sort()).toEqual([user.id, admin.id].sort())
    for (const line of handed.json) expect(line).toMatchObject({ state: 'waiting', fileId: expect.any(Number) })
    const fileOf = (id: string) => handed.json.find((j) => j.userId === id)?.fileId as number

    const userKey = portal.createApiKey(user.id)
    const userData = await dir('dpm-cli-handoff-user-')
    const waiting = await cli(['waiting', '--json'], userKey, userData)
    expect(waiting.code).toBe(0)
    expect(waiting.json).toEqual([expect.objectContaining({ fileId: fileOf(user.id), from: portal.accounts.roomAdmin.id })])
    const accepted = await cli(['accept', String(fileOf(user.id)), '--json'], userKey, userData)
    expect(accepted.json).toEqual([{ fileId: fileOf(user.id), result: 'ok' }])
    expect(accepted.code).toBe(0)
    expect(isColour(await meanColour(portal.storedPhoto(user.id, 'small')!), GREEN)).toBe(true)

    const adminKey = portal.createApiKey(admin.id)
    const declined = await cli(['decline', String(fileOf(admin.id))], adminKey, await dir('dpm-cli-handoff-admin-'))
    expect(declined.code).toBe(0)

    const status = await cli(['handoff-status', '--json'], hrKey, hrData)
    expect(status.code).toBe(0)
    const states = Object.fromEntries(status.json.map((j) => [j.userId as string, j.state]))
    expect(states).toEqual({ [user.id]: 'applied', [admin.id]: 'declined' })
    // Five runs of the command line, each a process of its own from sources: far over the default on a busy machine.
  }, 90_000)

  it('refuses a file id that is not waiting, and usage errors exit 2', async () => {
    const userKey = portal.createApiKey(user.id)
    const refused = await cli(['accept', '999999', '--json'], userKey, await dir('dpm-cli-handoff-x-'))
    expect(refused.code).toBe(1)
    expect(refused.json).toEqual([{ fileId: 999999, result: 'failed', error: 'handoff/not-waiting' }])
    expect((await cli(['accept', 'abc'], userKey, hrData)).code).toBe(2)
    expect((await cli(['handoff'], userKey, hrData)).code).toBe(2)
    expect((await cli(['waiting', 'extra'], userKey, hrData)).code).toBe(2)
  })
})
