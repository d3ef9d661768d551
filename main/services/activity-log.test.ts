// The activity log on disk: append-only lines, newest first, per account, CSV that a spreadsheet cannot run.
import { appendFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Account } from '../../preload/contract'
import { ACTIVITY_FILE, ActivityLog, activityCsv, activityScope, type ActivityRecord } from './activity-log'
import { recordingLogger, removeDir, tempDir } from '../testing/harness'

let dir: string
let lines: string[]
beforeEach(async () => {
  dir = await tempDir('dpm-activity-')
  lines = []
})
afterEach(() => removeDir(dir))

const record = (n: number, extra: Partial<ActivityRecord> = {}): ActivityRecord => ({
  at: `2026-01-0${n}T10:00:00.000Z`,
  accountId: 'acc-a',
  portalUrl: 'https://hr.example',
  actor: 'hr@example.com',
  userId: `user-${n}`,
  personName: `Person ${n}`,
  action: 'replace',
  result: 'ok',
  ...extra
})

describe('ActivityLog', () => {
  it('appends JSON lines and lists them newest first, filtered by account and limited', async () => {
    const log = new ActivityLog({ dataDir: dir, log: recordingLogger(lines) })
    await Promise.all([record(1), record(2, { accountId: 'acc-b' }), record(3, { result: 'failed', detail: 'net/timeout: slow' })].map((r) => log.append(r)))
    const text = await readFile(join(dir, ACTIVITY_FILE), 'utf8')
    expect(text.trimEnd().split('\n')).toHaveLength(3)
    expect((await log.list()).map((e) => e.userId)).toEqual(['user-3', 'user-2', 'user-1'])
    expect((await log.list({ accountId: 'acc-a' })).map((e) => e.userId)).toEqual(['user-3', 'user-1'])
    expect((await log.list({ limit: 1 }))[0]).toEqual({
      at: '2026-01-03T10:00:00.000Z',
      portalUrl: 'https://hr.example',
      actor: 'hr@example.com',
      userId: 'user-3',
      personName: 'Person 3',
      action: 'replace',
      result: 'failed',
      detail: 'net/timeout: slow'
    })
  })

  it('survives a line cut short by a crash, and a new run keeps appending', async () => {
    await new ActivityLog({ dataDir: dir, log: recordingLogger(lines) }).append(record(1))
    await appendFile(join(dir, ACTIVITY_FILE), '{"at":"2026-01-02T1')
    const again = new ActivityLog({ dataDir: dir, log: recordingLogger(lines) })
    await again.append(record(3))
    // the cut line is skipped; the new entry did not get glued onto it
    expect((await again.list()).map((e) => e.userId)).toEqual(['user-3', 'user-1'])
    expect(lines.join('\n')).toContain('skipped unreadable activity lines')
  })

  it('exports every entry as CSV with a dated file name', async () => {
    const log = new ActivityLog({ dataDir: dir, log: recordingLogger(lines) })
    await log.append(record(1))
    await log.append(record(2, { personName: '=HYPERLINK("http://evil.example","click")', detail: 'said "no", then, left\nearly' }))
    const { csv, fileName } = await log.exportCsv(new Date('2026-03-04T12:00:00Z'))
    expect(fileName).toBe('photo-activity-2026-03-04.csv')
    expect(csv).toBe(
      '"When","Portal","Signed in as","Person ID","Person","Action","Result","Detail"\r\n' +
        '"2026-01-01T10:00:00.000Z","https://hr.example","hr@example.com","user-1","Person 1","replace","ok",""\r\n' +
        `"2026-01-02T10:00:00.000Z","https://hr.example","hr@example.com","user-2","'=HYPERLINK(""http://evil.example"",""click"")","replace","ok","said ""no"", then, left\nearly"\r\n`
    )
  })
})

describe('activityCsv', () => {
  it('an empty log is just the header', () => {
    expect(activityCsv([])).toBe('"When","Portal","Signed in as","Person ID","Person","Action","Result","Detail"\r\n')
  })
})

describe('what the log keeps for the view, and whose entries a person sees', () => {
  const account = (role: Account['user']['role'], email: string): Account =>
    ({ id: 'acc-a', portalUrl: 'https://hr.example', user: { id: 'u', email, role, displayName: 'X' }, state: 'signed-in' }) as unknown as Account

  it('keeps a failure’s code and facts and a change’s facts, so the view can word them', async () => {
    const log = new ActivityLog({ dataDir: dir, log: recordingLogger(lines) })
    const error = { code: 'net/connection-lost' as const, detail: 'ECONNRESET', facts: { step: 'upload' as const, photoNow: 'old' as const, personName: 'Person 1' } }
    await log.append(record(1, { result: 'failed', detail: 'upload: lost', error }))
    await log.append(record(2, { change: { cropSide: 712, verified: true } }))
    const [second, first] = await log.list()
    expect(first?.error).toEqual(error)
    expect(second?.change).toEqual({ cropSide: 712, verified: true })
  })

  it('shows an owner or admin every entry and anyone else only their own on that portal', async () => {
    const log = new ActivityLog({ dataDir: dir, log: recordingLogger(lines) })
    await log.append(record(1, { actor: 'hr@example.com' }))
    await log.append(record(2, { actor: 'Anna@example.com' }))
    await log.append(record(3, { actor: 'anna@example.com', portalUrl: 'https://other.example' }))
    expect(activityScope(account('admin', 'hr@example.com'))).toEqual({})
    expect(activityScope(undefined)).toEqual({})
    const own = activityScope(account('user', 'anna@example.com'))
    expect((await log.list(own)).map((e) => e.userId)).toEqual(['user-2'])
    expect((await log.list(activityScope(account('owner', 'x@example.com')))).map((e) => e.userId)).toEqual(['user-3', 'user-2', 'user-1'])
    const csv = await log.exportCsv(new Date('2026-02-01T00:00:00Z'), own)
    expect(csv.csv.trim().split(/\r?\n/)).toHaveLength(2)
  })
})
