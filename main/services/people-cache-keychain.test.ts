// The people-list cache with its key in the REAL Secret Service (gnome-keyring in a private D-Bus
// session). Run through `.ci/with-keyring.sh npx vitest run main/services/people-cache-keychain.test.ts`.
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { afterAll, describe, expect, it } from 'vitest'
import type { Person } from '../../preload/contract'
import { silentLogger } from '../core/logger'
import { KeytarSecretStore } from '../secrets/keytar-store'
import { tempDir, value } from '../testing/harness'
import { parseCachedPeople } from '../../renderer/src/people/people-cache-body'
import { PEOPLE_CACHE_SERVICE, PeopleCache } from './people-cache'

const hasBus = Boolean(process.env['DBUS_SESSION_BUS_ADDRESS'])
if (!hasBus) console.warn('people-cache-keychain.test.ts: skipping the real-keychain test: DBUS_SESSION_BUS_ADDRESS is not set (run through .ci/with-keyring.sh)')

describe.skipIf(!hasBus)('PeopleCache with its key in the real Secret Service', () => {
  const store = new KeytarSecretStore()
  const accountId = randomBytes(8).toString('hex')
  afterAll(async () => {
    await store.delete(PEOPLE_CACHE_SERVICE, accountId)
  })

  it('keeps a 32-byte key in the keychain, reads the list back with a new instance, and drop removes both', async () => {
    const dataDir = await tempDir('dpm-people-cache-kc-')
    const people: Person[] = [
      { id: 'a1', displayName: 'Ingrid Bergström', firstName: 'Ingrid', lastName: 'Bergström', email: 'ingrid@hr.example.com', title: '', department: 'Legal', groups: [], status: 'active', role: 'user', hasPhoto: false, smallPhoto: '/x.png', canEditPhoto: true }
    ]
    expect(await new PeopleCache({ dataDir, secrets: store, log: silentLogger }).save(accountId, people)).toBe(true)
    const key = value(await store.get(PEOPLE_CACHE_SERVICE, accountId))
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32)

    const later = new PeopleCache({ dataDir, secrets: store, log: silentLogger })
    expect(parseCachedPeople((await later.read(accountId))?.body ?? new Uint8Array())).toEqual(people)
    expect((await readFile(later.pathOf(accountId))).includes(Buffer.from('ingrid'))).toBe(false)

    await later.drop(accountId)
    expect(value(await store.get(PEOPLE_CACHE_SERVICE, accountId))).toBeNull()
    await expect(readFile(later.pathOf(accountId))).rejects.toThrow()
  })
})
