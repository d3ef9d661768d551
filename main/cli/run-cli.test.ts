// The command line against the real emulator: a folder (and a ZIP) of photos planned and applied, signed in
// with an API key or with the desktop app's saved account, checked by what the portal stored.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal, type RunningPortal } from '../../emulator/index'
import type { Person } from '../../preload/contract'
import { MemorySecretStore } from '../secrets/memory-store'
import { removeDir, startMain, tempDir, value } from '../testing/harness'
import { BLUE, GREEN, RED, YELLOW, isColour, meanColour, type Rgb } from '../testing/images/editor-test-images'
import { fromRaw, quadrants } from '../testing/images/synthetic-images'
import { runCli, type CliIo } from './run-cli'

let portal: RunningPortal
let people: Person[]
let apiKey: string
const dirs: string[] = []

const flat = (c: Rgb, w = 480, h = 360): Promise<Buffer> => fromRaw(quadrants(w, h, [c, c, c, c])).jpeg({ quality: 92 }).toBuffer()

interface Run {
  readonly code: number
  readonly out: string[]
  readonly err: string[]
  readonly json: Record<string, unknown>[]
}

async function cli(argv: string[], io: Partial<CliIo> = {}): Promise<Run> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { env: {}, ...io, out: (l) => out.push(l), err: (l) => err.push(l) })
  const json = out.flatMap((l) => l.split('\n')).filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>)
  return { code, out, err, json }
}

async function dir(prefix: string): Promise<string> {
  const d = await tempDir(prefix)
  dirs.push(d)
  return d
}

/** People the admin may change, with names no one else shares, handed out once each so no test sees another's photo. */
let next = 0
function take(): Person {
  const p = people[next++]
  if (!p) throw new Error('out of people')
  return p
}

async function colourOf(userId: string): Promise<Rgb> {
  const small = portal.storedPhoto(userId, 'small')
  if (!small) throw new Error('no stored small photo')
  return meanColour(small)
}

beforeAll(async () => {
  portal = await startPortal({ version: '3.5.0', people: 60, quiet: true })
  apiKey = portal.createApiKey(portal.accounts.admin.id)
  const data = await dir('dpm-cli-list-')
  const h = startMain({ dataDir: data, secrets: new MemorySecretStore({ available: true }) })
  const signed = value(await h.handlers['accounts:sign-in']({ method: 'api-key', portalUrl: portal.url, apiKey }))
  if (signed.kind !== 'signed-in') throw new Error('expected signed-in')
  const page = value(await h.handlers['people:page']({ accountId: signed.account.id, startIndex: 0, count: 100 }))
  await h.dispose()
  const key = (p: Person) => `${p.firstName} ${p.lastName}`.toLowerCase()
  const count = new Map<string, number>()
  for (const p of page.people) count.set(key(p), (count.get(key(p)) ?? 0) + 1)
  people = page.people.filter(
    (p) => p.status === 'active' && p.canEditPhoto && count.get(key(p)) === 1 && /^\p{L}+$/u.test(p.firstName + p.lastName) && p.id !== portal.accounts.admin.id
  )
  expect(people.length).toBeGreaterThan(14)
}, 60_000)

afterAll(async () => {
  await portal?.close()
  for (const d of dirs) await removeDir(d)
})

describe('the command line', () => {
  it('--help lists the commands, options and exit codes', async () => {
    const run = await cli(['--help'])
    expect(run.code).toBe(0)
    const text = run.out.join('\n')
    for (const word of ['plan DIR', 'apply DIR', '--portal', '--account', '--data-dir', '--json', '--mapping', '--concurrency', 'DOCSPACE_API_KEY', 'Exit codes'])
      expect(text).toContain(word)
    expect(text).toMatch(/0 +everything/)
    expect(text).toMatch(/1 +some people failed/)
    expect(text).toMatch(/2 +usage error/)
  })

  it('answers usage errors with exit code 2 and a message on stderr', async () => {
    const env = { DOCSPACE_API_KEY: apiKey }
    const unknown = await cli(['frobnicate', '/tmp'])
    expect(unknown.code).toBe(2)
    expect(unknown.err.join('\n')).toContain('Unknown command "frobnicate"')
    const noDir = await cli(['plan', '--portal', portal.url], { env })
    expect(noDir.code).toBe(2)
    expect(noDir.err.join('\n')).toContain('needs a folder')
    const badOption = await cli(['plan', '/tmp', '--colour'])
    expect(badOption.code).toBe(2)
    expect(badOption.err.join('\n')).toContain('--colour')
    const missing = await cli(['plan', join(await dir('dpm-cli-none-'), 'nope'), '--portal', portal.url, '--data-dir', await dir('dpm-cli-data-')], { env })
    expect(missing.code).toBe(2)
    expect(missing.err.join('\n')).toMatch(/Cannot read .*nope/)
    const noPortal = await cli(['plan', '/tmp'], { env })
    expect(noPortal.code).toBe(2)
    expect(noPortal.err.join('\n')).toContain('--portal')
    expect(noDir.out.concat(unknown.out, missing.out)).toEqual([])
  })

  it('answers a bad sign-in with exit code 2', async () => {
    const photos = await dir('dpm-cli-photos-')
    await writeFile(join(photos, 'IMG_1.jpg'), await flat(RED))
    const data = await dir('dpm-cli-data-')
    const badKey = await cli(['plan', photos, '--portal', portal.url, '--data-dir', data], { env: { DOCSPACE_API_KEY: `sk-${'0'.repeat(64)}` } })
    expect(badKey.code).toBe(2)
    expect(badKey.err.join('\n')).toMatch(/Sign-in to .* failed/)
    const noAccount = await cli(['plan', photos, '--data-dir', data], { secrets: new MemorySecretStore({ available: true }) })
    expect(noAccount.code).toBe(2)
    expect(noAccount.err.join('\n')).toContain('No saved account')
  })

  it('plan --json prints one line per file with its state, person and rule, and changes nothing', async () => {
    const [byEmail, byName, textFile, inZipA, inZipB] = [take(), take(), take(), take(), take()]
    const photos = await dir('dpm-cli-photos-')
    await writeFile(join(photos, `${byEmail.email}.jpg`), await flat(RED))
    await writeFile(join(photos, `${byName.firstName} ${byName.lastName}.jpg`), await flat(GREEN))
    await writeFile(join(photos, 'IMG_1234.jpg'), await flat(BLUE))
    await writeFile(join(photos, `${textFile.email}.jpg`), 'not a picture, just some text\n')
    await writeFile(join(photos, 'empty.jpg'), '')
    const zip = zipSync({
      [`${inZipA.email}.jpg`]: await flat(YELLOW),
      [`team/${inZipB.lastName}, ${inZipB.firstName}.jpg`]: await flat(BLUE)
    })
    await mkdir(join(photos, 'more'))
    await writeFile(join(photos, 'more', 'batch.zip'), zip)
    const before = portal.storedPhoto(byEmail.id, 'small')

    const run = await cli(['plan', photos, '--json', '--portal', portal.url, '--data-dir', await dir('dpm-cli-data-')], { env: { DOCSPACE_API_KEY: apiKey } })
    expect(run.err).toEqual(['skipped empty.jpg: the file is empty'])
    expect(run.code).toBe(0)
    expect(run.json).toHaveLength(6)
    const row = (file: string) => run.json.find((r) => r.file === file)
    const sendable = (p: Person) => (p.hasPhoto ? 'replace' : 'new')
    expect(row(`${byEmail.email}.jpg`)).toMatchObject({ state: sendable(byEmail), userId: byEmail.id, rule: 'email' })
    expect(row(`${byName.firstName} ${byName.lastName}.jpg`)).toMatchObject({ state: sendable(byName), userId: byName.id, rule: 'first-last' })
    expect(row('IMG_1234.jpg')).toMatchObject({ state: 'unmatched' })
    expect(row('IMG_1234.jpg')?.userId).toBeUndefined()
    expect(row(`${textFile.email}.jpg`)).toMatchObject({ state: 'invalid', userId: textFile.id })
    expect(row(`more/batch.zip/${inZipA.email}.jpg`)).toMatchObject({ state: sendable(inZipA), userId: inZipA.id, rule: 'email' })
    expect(row(`more/batch.zip/team/${inZipB.lastName}, ${inZipB.firstName}.jpg`)).toMatchObject({
      state: sendable(inZipB),
      userId: inZipB.id,
      rule: 'last-comma-first'
    })
    expect(portal.storedPhoto(byEmail.id, 'small')?.equals(before ?? Buffer.alloc(0)) ?? before === undefined).toBe(true)

    // A ZIP given directly plans the same two files.
    const zipPath = join(await dir('dpm-cli-zip-'), 'photos.zip')
    await writeFile(zipPath, zip)
    const direct = await cli(['plan', zipPath, '--json', '--portal', portal.url, '--data-dir', await dir('dpm-cli-data-')], { env: { DOCSPACE_API_KEY: apiKey } })
    expect(direct.code).toBe(0)
    expect(direct.json.map((r) => [r.userId, r.state])).toEqual(
      expect.arrayContaining([
        [inZipA.id, sendable(inZipA)],
        [inZipB.id, sendable(inZipB)]
      ])
    )
    expect(direct.json).toHaveLength(2)
  }, 60_000)

  it('apply --json with an API key stores every photo and exits 0', async () => {
    const [a, b, c] = [take(), take(), take()]
    const photos = await dir('dpm-cli-photos-')
    await writeFile(join(photos, `${a.email}.jpg`), await flat(RED))
    await writeFile(join(photos, `${b.firstName} ${b.lastName}.jpg`), await flat(GREEN))
    await writeFile(join(photos, 'IMG_1234.jpg'), await flat(YELLOW))
    await writeFile(join(photos, 'people.zip'), zipSync({ [`${c.email}.jpg`]: await flat(BLUE) }))

    const run = await cli(['apply', photos, '--json', '--portal', portal.url, '--data-dir', await dir('dpm-cli-data-')], { env: { DOCSPACE_API_KEY: apiKey } })
    expect(run.err).toEqual([])
    expect(run.code).toBe(0)
    const results = run.json.filter((r) => 'result' in r)
    expect(results.map((r) => [r.userId, r.result]).sort()).toEqual([[a.id, 'ok'], [b.id, 'ok'], [c.id, 'ok']].sort())
    for (const r of results) expect(r.error).toBeUndefined()
    expect(isColour(await colourOf(a.id), RED)).toBe(true)
    expect(isColour(await colourOf(b.id), GREEN)).toBe(true)
    expect(isColour(await colourOf(c.id), BLUE)).toBe(true)
  }, 60_000)

  it('apply exits 1 when one person fails, names the error code, and still applies the others', async () => {
    const [a, b] = [take(), take()]
    const photos = await dir('dpm-cli-photos-')
    await writeFile(join(photos, `${a.email}.jpg`), await flat(GREEN))
    await writeFile(join(photos, `${b.email}.jpg`), await flat(YELLOW))
    // Every upload for b answers 500 (more than the retries), so b fails and a does not.
    const rule = { path: `/people/${b.id}/photo`, kind: '500' as const }
    portal.faults.set({ failNext: Array.from({ length: 12 }, () => ({ ...rule })) })
    try {
      const run = await cli(['apply', photos, '--json', '--portal', portal.url, '--data-dir', await dir('dpm-cli-data-')], { env: { DOCSPACE_API_KEY: apiKey } })
      expect(run.code).toBe(1)
      const byUser = new Map(run.json.filter((r) => 'result' in r).map((r) => [r.userId, r]))
      expect(byUser.get(a.id)).toMatchObject({ result: 'ok' })
      expect(byUser.get(b.id)).toMatchObject({ result: 'failed', error: 'portal/server-error' })
      expect(isColour(await colourOf(a.id), GREEN)).toBe(true)
      const bSmall = portal.storedPhoto(b.id, 'small')
      if (bSmall) expect(isColour(await meanColour(bSmall), YELLOW)).toBe(false)
    } finally {
      portal.faults.reset()
    }
  }, 90_000)

  it("apply with the desktop app's saved account (--data-dir, the app's keychain)", async () => {
    const [a, b] = [take(), take()]
    const data = await dir('dpm-cli-data-')
    const secrets = new MemorySecretStore({ available: true })
    const app = startMain({ dataDir: data, secrets })
    const admin = portal.accounts.admin
    const outcome = value(await app.handlers['accounts:sign-in']({ method: 'password', portalUrl: portal.url, email: admin.email, password: admin.password }))
    expect(outcome.kind).toBe('signed-in')
    await app.dispose()

    const photos = await dir('dpm-cli-photos-')
    await writeFile(join(photos, `${a.firstName}_${a.lastName}.jpg`), await flat(BLUE))
    await writeFile(join(photos, `${b.email}.jpg`), await flat(RED))
    const run = await cli(['apply', photos, '--json', '--data-dir', data], { secrets })
    expect(run.err).toEqual([])
    expect(run.code).toBe(0)
    const results = run.json.filter((r) => 'result' in r)
    expect(results.map((r) => [r.userId, r.result]).sort()).toEqual([[a.id, 'ok'], [b.id, 'ok']].sort())
    expect(isColour(await colourOf(a.id), BLUE)).toBe(true)
    expect(isColour(await colourOf(b.id), RED)).toBe(true)

    // The account picked by --account, and a table instead of JSON.
    const c = take()
    await writeFile(join(photos, `${c.email}.jpg`), await flat(YELLOW))
    const table = await cli(['apply', join(photos, `${c.email}.jpg`), '--account', admin.email, '--data-dir', data], { secrets })
    expect(table.code).toBe(0)
    expect(table.out.join('\n')).toMatch(/ok +.*←/)
    expect(isColour(await colourOf(c.id), YELLOW)).toBe(true)
    const wrong = await cli(['plan', photos, '--account', 'nobody@example.com', '--data-dir', data], { secrets })
    expect(wrong.code).toBe(2)
    expect(wrong.err.join('\n')).toContain('No saved account matches')
  }, 90_000)
})
