// Backups on disk: exact bytes back, newest first, bounded per person, atomic, no path tricks.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BACKUPS_DIR, BackupStore, safeSegment, sha256 } from './backup-store'
import { recordingLogger, removeDir, tempDir } from '../testing/harness'

let dir: string
let lines: string[]
beforeEach(async () => {
  dir = await tempDir('dpm-backups-')
  lines = []
})
afterEach(() => removeDir(dir))

const USER = '2b1d3c4e-0000-4000-8000-00000000abcd'
const bytes = (n: number): Uint8Array => new Uint8Array(Array.from({ length: 64 }, (_, i) => (i * 7 + n) % 256))

function store(keepPerPerson = 20): BackupStore {
  return new BackupStore({ dataDir: dir, log: recordingLogger(lines), keepPerPerson })
}

describe('BackupStore', () => {
  it('saves the exact original with its crop and preview, and gives it back', async () => {
    const s = store()
    const original = { bytes: bytes(1), mime: 'image/jpeg', width: 800, height: 600 }
    const entry = await s.save({ accountId: 'acc', userId: USER, before: 'replace', original, crop: { x: 1, y: 2, width: 300, height: 300 }, preview: bytes(9) })
    expect(entry).toMatchObject({ userId: USER, before: 'replace', hadPhoto: true, width: 800, height: 600, crop: { x: 1, y: 2, width: 300, height: 300 } })
    const back = await s.get('acc', USER, entry.id)
    expect(back?.original?.mime).toBe('image/jpeg')
    expect(Buffer.from(back!.original!.bytes).equals(Buffer.from(original.bytes))).toBe(true)
    expect(Buffer.from(back!.entry.preview!).equals(Buffer.from(bytes(9)))).toBe(true)
    // no temp files left behind by the atomic writes
    const files = await readdir(join(dir, BACKUPS_DIR, 'acc', USER))
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('records "no photo" as hadPhoto false, without bytes', async () => {
    const s = store()
    const entry = await s.save({ accountId: 'acc', userId: USER, before: 'set-from-url' })
    expect(entry).toEqual({ id: entry.id, userId: USER, savedAt: entry.savedAt, before: 'set-from-url', hadPhoto: false })
    expect((await s.get('acc', USER, entry.id))?.original).toBeUndefined()
  })

  it('lists newest first and keeps only the last N per person', async () => {
    const s = store(3)
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await s.save({ accountId: 'acc', userId: USER, before: 'replace', original: { bytes: bytes(i), mime: 'image/png', width: 10, height: 10 } })).id)
    expect((await s.list('acc', USER)).map((e) => e.id)).toEqual([ids[4], ids[3], ids[2]])
    expect(await s.get('acc', USER, ids[0]!)).toBeUndefined()
    const files = await readdir(join(dir, BACKUPS_DIR, 'acc', USER))
    expect(files.filter((f) => f.endsWith('.original'))).toHaveLength(3)
    expect(await s.list('acc', 'someone-else')).toEqual([])
  })

  it('refuses a damaged original rather than restoring garbage', async () => {
    const s = store()
    const entry = await s.save({ accountId: 'acc', userId: USER, before: 'delete', original: { bytes: bytes(1), mime: 'image/png', width: 10, height: 10 } })
    await writeFile(join(dir, BACKUPS_DIR, 'acc', USER, `${entry.id}.original`), bytes(2))
    expect(await s.get('acc', USER, entry.id)).toBeUndefined()
    expect(lines.join('\n')).toContain('damaged')
  })

  it('skips an unreadable entry file in the list', async () => {
    const s = store()
    const good = await s.save({ accountId: 'acc', userId: USER, before: 'delete' })
    await writeFile(join(dir, BACKUPS_DIR, 'acc', USER, '000000001-deadbeef.json'), '{ not json')
    expect((await s.list('acc', USER)).map((e) => e.id)).toEqual([good.id])
  })

  it('keeps the last change per account across instances (undo after a restart)', async () => {
    await store().setLastChange('acc', { userId: USER, backupId: '00000000a-0123abcd', action: 'replace', at: '2026-01-01T00:00:00.000Z' })
    expect(await store().lastChange('acc')).toEqual({ userId: USER, backupId: '00000000a-0123abcd', action: 'replace', at: '2026-01-01T00:00:00.000Z' })
    expect(await store().lastChange('other')).toBeUndefined()
  })

  it('knows the applied crop only while the portal holds the same original', async () => {
    const s = store()
    await s.setAppliedCrop('acc', USER, sha256(bytes(1)), { x: 5, y: 6, width: 70, height: 70 })
    expect(await s.appliedCrop('acc', USER, bytes(1))).toEqual({ x: 5, y: 6, width: 70, height: 70 })
    expect(await s.appliedCrop('acc', USER, bytes(2))).toBeUndefined()
  })

  it('never lets an id reach outside its folder, and entry ids are checked', async () => {
    expect(safeSegment('acc-1_A')).toBe('acc-1_A')
    for (const evil of ['..', '../x', 'a/b', 'a\\b', '', 'x'.repeat(101)]) expect(safeSegment(evil)).toMatch(/^h-[0-9a-f]{32}$/)
    expect(safeSegment('../x')).not.toBe(safeSegment('..x'))
    const s = store()
    await s.save({ accountId: '../../etc', userId: '../passwd', before: 'delete' })
    const top = await readdir(join(dir, BACKUPS_DIR))
    expect(top).toHaveLength(1)
    expect(top[0]).toMatch(/^h-/)
    expect(await s.get('acc', USER, '../../accounts')).toBeUndefined()
    // nothing written next to the data folder
    expect((await readdir(dir)).sort()).toEqual([BACKUPS_DIR])
    expect(await readFile(join(dir, BACKUPS_DIR, top[0]!, safeSegment('../passwd'), (await readdir(join(dir, BACKUPS_DIR, top[0]!, safeSegment('../passwd'))))[0]!), 'utf8')).toContain('"hadPhoto": false')
  })
})
