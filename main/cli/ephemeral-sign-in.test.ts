// The command line signed in with DOCSPACE_API_KEY leaves the desktop app's saved accounts, its active account and the keychain as they were.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal } from '../../emulator/index'
import type { RunningPortal } from '../../emulator/types'
import { ACCOUNTS_FILE } from '../services/accounts-file'
import { MemorySecretStore } from '../secrets/memory-store'
import { SECRET_SERVICE, secretAccount } from '../secrets/secret-store'
import { quadrantsJpeg } from '../testing/images/editor-test-images'
import { allFileText, removeDir, startMain, tempDir, value } from '../testing/harness'
import { runCli } from './run-cli'

describe('npm run cli with DOCSPACE_API_KEY', () => {
  let portal: RunningPortal
  let dir: string
  beforeAll(async () => {
    portal = await startPortal({ version: '3.5.0', people: 20, seed: 3, quiet: true })
    dir = await tempDir('dpm-cli-')
  })
  afterAll(async () => {
    await portal.close()
    await removeDir(dir)
  })

  it('signs in for the run only: the saved account of the same user, the active account and the keychain stay as they were', async () => {
    const dataDir = join(dir, 'data')
    const photos = join(dir, 'photos')
    await mkdir(photos, { recursive: true })
    const admin = portal.accounts.admin
    const { email, password } = portal.accounts.user
    await writeFile(join(photos, `${email.split('@')[0]}.jpg`), await quadrantsJpeg(300, 300))

    // The desktop app has the admin saved (password sign-in, token in the keychain) and the user active.
    const secrets = new MemorySecretStore({ available: true })
    const app = startMain({ dataDir, secrets })
    value(await app.handlers['accounts:sign-in']({ method: 'password', portalUrl: portal.url, email: admin.email, password: admin.password }))
    const active = value(await app.handlers['accounts:sign-in']({ method: 'password', portalUrl: portal.url, email, password }))
    await app.dispose()
    if (active.kind !== 'signed-in') throw new Error('expected a sign-in')
    const before = await readFile(join(dataDir, ACCOUNTS_FILE), 'utf8')
    const tokenBefore = value(await secrets.get(SECRET_SERVICE, secretAccount(portal.url, admin.id)))

    const out: string[] = []
    const err: string[] = []
    const env = { DOCSPACE_API_KEY: portal.createApiKey(admin.id) }
    const code = await runCli(['plan', photos, '--portal', portal.url, '--data-dir', dataDir, '--json'], { env, out: (l) => out.push(l), err: (l) => err.push(l), secrets })
    expect(err).toEqual([])
    expect(code).toBe(0)
    expect(out.map((l) => JSON.parse(l) as { state: string; userId?: string })).toEqual([expect.objectContaining({ file: 'user.jpg', userId: portal.accounts.user.id, rule: 'email-local' })])

    // Nothing of the key's sign-in is on disk: the file is byte for byte what the app wrote, and
    // the admin's saved token was neither replaced by the key nor deleted.
    expect(await readFile(join(dataDir, ACCOUNTS_FILE), 'utf8')).toBe(before)
    expect(JSON.parse(before).activeAccountId).toBe(active.account.id)
    expect(value(await secrets.get(SECRET_SERVICE, secretAccount(portal.url, admin.id)))).toBe(tokenBefore)
    expect(await allFileText(dataDir)).not.toContain(env.DOCSPACE_API_KEY)
  })
})
