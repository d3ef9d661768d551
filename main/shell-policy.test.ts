import { describe, expect, it } from 'vitest'
import { createBulkNotifier, createCrashPolicy, shellText } from './shell-policy'

describe('createCrashPolicy', () => {
  it('reloads up to three crashes a minute, asks on the fourth, and reloads again once the minute has passed', () => {
    let now = 0
    const policy = createCrashPolicy({ now: () => now })
    expect(policy.decide({ reason: 'clean-exit' })).toEqual({ action: 'ignore' })
    for (const reason of ['crashed', 'oom', 'killed']) expect(policy.decide({ reason })).toEqual({ action: 'reload' })
    expect(policy.decide({ reason: 'crashed' })).toEqual({ action: 'ask' })
    now = 60_001
    expect(policy.decide({ reason: 'crashed' })).toEqual({ action: 'reload' })
  })
})

describe('createBulkNotifier', () => {
  const progress = (jobId: string, phase: string, done = 3) => ({ jobId, phase, done, total: 3, failed: 0, rows: [] })

  it('counts from the first applying event and speaks English unless the OS language is German', () => {
    let now = 0
    let locale = 'en-US'
    const notifier = createBulkNotifier({ now: () => now, text: () => shellText(locale) })
    expect(notifier.observe('bulk:progress', progress('j', 'applying'))).toBeUndefined()
    now = 10_000
    expect(notifier.observe('bulk:progress', progress('j', 'applying'))).toBeUndefined() // still from 0
    now = 20_000
    expect(notifier.observe('bulk:progress', progress('j', 'finished'))).toEqual({ title: 'Photo import finished', body: '3 of 3 photos done.' })
    // The job is forgotten once it ended: a repeated final event notifies nothing.
    expect(notifier.observe('bulk:progress', progress('j', 'finished'))).toBeUndefined()
    locale = 'de_AT'
    notifier.observe('bulk:progress', progress('k', 'undoing'))
    now = 45_000
    expect(notifier.observe('bulk:progress', progress('k', 'finished'))?.title).toBe('Fotoimport abgeschlossen')
  })

  it('ignores other channels and malformed payloads', () => {
    const notifier = createBulkNotifier({ now: () => 0, text: () => shellText('en'), minMs: 0 })
    for (const payload of [null, 'x', { jobId: 1, phase: 'finished' }, { jobId: 'j', phase: 'finished' }]) {
      expect(notifier.observe('bulk:progress', payload)).toBeUndefined()
    }
    expect(notifier.observe('photos:progress', progress('j', 'finished'))).toBeUndefined()
  })
})
