import { describe, expect, it } from 'vitest'
import type { ActivityEntry } from '../../../preload/contract'
import { filterActivity, NO_FILTERS } from '../stores/activity-filter'
import { activityDetail } from './activity-text'
import { createAppI18n } from './create-i18n'
import { dayText } from './dates'
import { describePhotoError } from './photo-error-text'

const tr = (locale: 'en' | 'de') => createAppI18n(locale).global.t as (key: string, named?: Record<string, unknown>) => string
const en = tr('en')
const de = tr('de')

const entry = (over: Partial<ActivityEntry> = {}): ActivityEntry => ({
  at: '2026-03-03T10:00:00.000Z',
  portalUrl: 'https://hr.example.com',
  actor: 'hr@example.com',
  userId: 'u-1',
  personName: 'Agnieszka Nowak',
  action: 'replace',
  result: 'ok',
  ...over
})

describe('activity details in words', () => {
  it('says what a change did, never a backup id', () => {
    expect(activityDetail(en, entry({ detail: 'crop 712×712 at 10,20; backup 0mx4zzu81-1acd91ca', change: { cropSide: 712, verified: true } }), 'en')).toBe('Cropped to a square of 712 px')
    // Auto-frame's crop, untouched: said as cropped to the face, the number in the locale's own format.
    expect(activityDetail(en, entry({ change: { cropSide: 1712, faceFramed: true, verified: true } }), 'en')).toBe('Cropped to the face, 1,712 px')
    expect(activityDetail(de, entry({ change: { cropSide: 1712, faceFramed: true, verified: true } }), 'de')).toBe('Auf das Gesicht zugeschnitten, 1.712 px')
    const restored = entry({ action: 'restore', change: { restoredFrom: '2026-03-03T09:00:00.000Z', verified: true } })
    expect(activityDetail(en, restored, 'en')).toBe(`Restored the photo of ${dayText('2026-03-03T09:00:00.000Z', 'en')}`)
    expect(activityDetail(de, restored, 'de')).toBe(`Foto vom ${dayText('2026-03-03T09:00:00.000Z', 'de')} wiederhergestellt`)
    expect(activityDetail(en, entry({ action: 'set-from-url', change: { urlHost: 'images.example.org', verified: true } }), 'en')).toBe('Image from images.example.org')
    // Lines from before the log kept facts: the crop is read from the note, the backup id is not shown.
    expect(activityDetail(en, entry({ detail: 'crop 1,200×1200 at 0,0; backup abc' }), 'en')).not.toContain('backup')
    expect(activityDetail(en, entry({ detail: 'backup 0mx4zzu81-1acd91ca' }), 'en')).toBe('')
  })

  it('words a failure exactly as the app told it then, not its code', () => {
    const error = { code: 'net/connection-lost' as const, detail: 'ECONNRESET', facts: { step: 'upload' as const, photoNow: 'none' as const, personName: 'Agnieszka Nowak' } }
    const failed = entry({ result: 'failed', detail: 'net/connection-lost: upload: lost; Agnieszka Nowak still has no photo', error })
    const told = describePhotoError(en, { ...error, message: '' }, {
      action: 'replace',
      personName: 'Agnieszka Nowak',
      hadPhoto: false,
      portalUrl: 'https://hr.example.com',
      policy: { rule: 'self-only', portalVersion: '3.7.2' },
      role: 'admin'
    })
    expect(activityDetail(en, failed, 'en')).toBe(told.message)
    expect(activityDetail(en, failed, 'en')).not.toMatch(/net\/|upload:/)
    // An old line with only "code: message": the code's own message.
    expect(activityDetail(en, entry({ result: 'failed', detail: 'portal/server-error: promote: 500' }), 'en')).toBe('hr.example.com had an internal error. Try again later.')
    expect(activityDetail(en, entry({ result: 'failed', error: { code: 'made/up' as never } }), 'en')).toBe('The change did not go through.')
  })
})

describe('activity filters', () => {
  const entries = [
    entry({ at: '2026-03-01T12:00:00.000Z', personName: 'Anna Berg', actor: 'a@example.com', action: 'delete' }),
    entry({ at: '2026-03-03T12:00:00.000Z', personName: 'Ben Cole', actor: 'b@example.com' }),
    entry({ at: '2026-03-05T12:00:00.000Z', personName: '', action: 'bulk-import', people: [{ userId: 'u', personName: 'Anna Berg', file: 'a.jpg', result: 'ok' }] })
  ]
  const names = (f: Partial<typeof NO_FILTERS>) => filterActivity(entries, { ...NO_FILTERS, ...f }).map((e) => e.at.slice(8, 10))
  it('by person (a bulk job’s people too), change, who and day', () => {
    expect(names({})).toEqual(['01', '03', '05'])
    expect(names({ person: 'anna' })).toEqual(['01', '05'])
    expect(names({ action: 'delete' })).toEqual(['01'])
    expect(names({ actor: 'b@example.com' })).toEqual(['03'])
    expect(names({ from: '2026-03-02', to: '2026-03-04' })).toEqual(['03'])
  })
})
