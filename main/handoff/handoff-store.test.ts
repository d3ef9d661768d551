// The hand-over records in the data folder: one file per account, written atomically, one change at
// a time; a file that does not read as records is set aside, not trusted and not lost.
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../core/logger'
import { removeDir, tempDir } from '../testing/harness'
import { HandoffStore, publicHandoff, type HandoffRecord } from './handoff-store'

const dirs: string[] = []
afterEach(async () => {
  for (const d of dirs.splice(0)) await removeDir(d)
})

const record = (userId: string, fileId: number): HandoffRecord => ({
  userId,
  personName: 'Anna Berg',
  state: 'waiting',
  fileId,
  title: `avatar-for-${userId}.jpg`,
  sha256: 'a'.repeat(64),
  width: 640,
  height: 480,
  crop: { x: 0.1, y: 0.1, width: 0.5, height: 0.5 },
  preparedAt: '2026-12-01T10:00:00.000Z',
  baselineRef: '/storage/userPhotos/root/x_orig_200-200.png?hash=1'
})

describe('HandoffStore', () => {
  it('keeps one record per person, across instances, and never shows the baseline to the renderer', async () => {
    const dataDir = await tempDir('dpm-handoff-store-')
    dirs.push(dataDir)
    const a = new HandoffStore({ dataDir, log: silentLogger })
    await Promise.all([a.put('acc1', record('u1', 1)), a.put('acc1', record('u2', 2)), a.put('acc1', { ...record('u1', 3), state: 'declined' })])
    const read = await new HandoffStore({ dataDir, log: silentLogger }).read('acc1')
    expect(read.handoffs.map((h) => [h.userId, h.fileId, h.state]).sort()).toEqual([['u1', 3, 'declined'], ['u2', 2, 'waiting']])
    expect(publicHandoff(read.handoffs[0]!)).not.toHaveProperty('baselineRef')
    expect((await a.read('other')).handoffs).toEqual([])
  })

  it('sets an unreadable file aside and starts empty', async () => {
    const dataDir = await tempDir('dpm-handoff-store-')
    dirs.push(dataDir)
    await mkdir(join(dataDir, 'handoffs'), { recursive: true })
    await writeFile(join(dataDir, 'handoffs', 'acc1.json'), '{"version":1,"handoffs":[{"userId":1}]}')
    const store = new HandoffStore({ dataDir, log: silentLogger })
    expect((await store.read('acc1')).handoffs).toEqual([])
    expect((await readdir(join(dataDir, 'handoffs'))).some((n) => n.startsWith('acc1.json.unreadable-'))).toBe(true)
  })
})
