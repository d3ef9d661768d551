import { appendFile, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../testing/harness'
import { Journal, parseJournal } from './journal'

let dir: string
let path: string

beforeEach(async () => {
  dir = await tempDir('dpm-journal-')
  path = join(dir, 'jobs', 'j1', 'journal.jsonl')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('Journal', () => {
  it('keeps every appended line, in order, across a reopen', async () => {
    const { journal } = await Journal.open(path)
    await journal.append({ t: 'created', n: 0 })
    await journal.appendMany([
      { t: 'file', n: 1 },
      { t: 'file', n: 2, name: 'line\nbreak.jpg' }
    ])
    await journal.close()
    const { journal: again, replay } = await Journal.open(path)
    expect(replay.lines.map((l) => l['n'])).toEqual([0, 1, 2])
    expect(replay.lines[2]?.['name']).toBe('line\nbreak.jpg')
    expect(replay).toMatchObject({ skipped: 0, torn: false })
    await again.close()
  })

  it('drops a torn last line after a kill, and the next line starts on its own line', async () => {
    const { journal } = await Journal.open(path)
    await journal.appendMany([
      { t: 'a', n: 1 },
      { t: 'b', n: 2 }
    ])
    await journal.close()
    // A kill in the middle of a write: half a line, no line break.
    await appendFile(path, '{"t":"apply-result","rowId":"r0')

    const read = await Journal.read(path)
    expect(read.torn).toBe(true)
    expect(read.lines.map((l) => l.t)).toEqual(['a', 'b'])

    const { journal: reopened, replay } = await Journal.open(path)
    expect(replay.torn).toBe(true)
    await reopened.append({ t: 'c', n: 3 })
    await reopened.close()
    const text = await readFile(path, 'utf8')
    expect(text.endsWith('{"t":"c","n":3}\n')).toBe(true)
    expect(text).not.toContain('apply-result')
    const after = await Journal.read(path)
    expect(after).toMatchObject({ skipped: 0, torn: false })
    expect(after.lines.map((l) => l.t)).toEqual(['a', 'b', 'c'])
  })

  it('skips and counts garbage lines in the middle instead of failing', () => {
    const text = ['{"t":"a"}', 'not json at all', '[1,2,3]', '{"no":"type"}', '', '{"t":"b"}', ''].join('\n')
    const replay = parseJournal(Buffer.from(text))
    expect(replay.lines.map((l) => l.t)).toEqual(['a', 'b'])
    expect(replay.skipped).toBe(3)
    expect(replay.torn).toBe(false)
  })

  it('a missing journal reads as empty', async () => {
    expect(await Journal.read(join(dir, 'nope.jsonl'))).toMatchObject({ lines: [], skipped: 0, torn: false })
  })

  it('shares one sync among lines appended while a flush runs (group commit), and each promise means durable', async () => {
    let syncs = 0
    const { journal } = await Journal.open(path, { onSync: () => syncs++ })
    const appends = Array.from({ length: 200 }, (_, n) => journal.append({ t: 'x', n }))
    await Promise.all(appends)
    expect(syncs).toBeGreaterThan(0)
    expect(syncs).toBeLessThan(20)
    await journal.close()
    expect((await Journal.read(path)).lines.map((l) => l['n'])).toEqual(Array.from({ length: 200 }, (_, n) => n))
  })

  it('measures one durable append at a time (printed: the cost each apply row pays twice)', async () => {
    const { journal } = await Journal.open(path)
    const n = 100
    const started = performance.now()
    for (let i = 0; i < n; i++) await journal.append({ t: 'apply-result', rowId: `r${i}`, ok: true, at: new Date().toISOString() })
    const perLine = (performance.now() - started) / n
    console.info(`[journal] durable append: ${perLine.toFixed(2)} ms per line (write + fdatasync, one at a time)`)
    await journal.close()
    expect((await Journal.read(path)).lines.filter((l) => l['t'] === 'apply-result')).toHaveLength(n)
  })

  it('refuses appends after close', async () => {
    const { journal } = await Journal.open(path)
    await journal.close()
    await expect(journal.append({ t: 'late' })).rejects.toThrow(/closed/)
  })
})
