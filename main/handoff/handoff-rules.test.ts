// The pure rules of a hand-over: whose file a title names, the crop note, and the status decision.
import { describe, expect, it } from 'vitest'
import { centredSquare, cropFromNote, handoffNote, handoffTitle, isTitleFor } from './handoff-note'
import { decideState, type Observed } from './handoff-status'

const ME = '0e5a7d39-7c1f-4b4e-9d5a-000000000004'
const OTHER = '0e5a7d39-7c1f-4b4e-9d5a-000000000005'
const A = 'a'.repeat(64)
const B = 'b'.repeat(64)
const C = 'c'.repeat(64)

describe('titles', () => {
  it('names the person and accepts only their own photo files, the portal’s numbered copies included', () => {
    expect(handoffTitle(ME.toUpperCase(), 'image/png')).toBe(`avatar-for-${ME}.png`)
    expect(isTitleFor(`avatar-for-${ME}.jpg`, ME)).toBe(true)
    expect(isTitleFor(`avatar-for-${ME} (2).jpeg`, ME)).toBe(true)
    expect(isTitleFor(`avatar-for-${OTHER}.jpg`, ME)).toBe(false)
    expect(isTitleFor(`avatar-for-${ME}.svg`, ME)).toBe(false)
    expect(isTitleFor(`avatar-for-${ME}.jpg.exe`, ME)).toBe(false)
    expect(isTitleFor(`x-avatar-for-${ME}.jpg`, ME)).toBe(false)
  })
})

describe('the crop note', () => {
  it('round-trips within 255 characters and is read only for its person and inside the image', () => {
    const note = handoffNote(ME, { x: 0.55, y: 0.05, width: 0.3, height: 0.4 }, A)
    expect(note.length).toBeLessThanOrEqual(255)
    expect(cropFromNote(note, ME)).toEqual({ x: 0.55, y: 0.05, width: 0.3, height: 0.4 })
    expect(cropFromNote(note, OTHER)).toBeUndefined()
    expect(cropFromNote('Uploaded', ME)).toBeUndefined()
    expect(cropFromNote(JSON.stringify({ for: ME, crop: [0.9, 0, 0.5, 0.5] }), ME)).toBeUndefined()
    expect(cropFromNote(JSON.stringify({ for: ME, crop: [0, 0, 0, 0.5] }), ME)).toBeUndefined()
  })

  it('falls back to the centred square of the shorter side', () => {
    expect(centredSquare(640, 480)).toEqual({ x: 0.125, y: 0, width: 0.75, height: 1 })
  })
})

describe('decideState (never the ?hash= alone)', () => {
  const record = { state: 'waiting' as const, sha256: A, baselineRef: '/storage/userPhotos/root/x_orig_300-300.png?hash=1', baselineSha256: B }
  const seen = (o: Partial<Observed>): Observed => ({ originalRef: record.baselineRef, originalSha256: B, shareAccess: 2, fileExists: true, ...o })

  it('is applied when the stored original is the prepared file, even when the portal repeats the old hash', () => {
    expect(decideState(record, seen({ originalSha256: A }))).toBe('applied')
    expect(decideState(record, seen({ originalSha256: A, originalRef: '/storage/userPhotos/root/x_orig_640-480.jpeg?hash=2' }))).toBe('applied')
  })

  it('is not applied when only the hash changed (a profile save), nor superseded', () => {
    expect(decideState(record, seen({ originalRef: '/storage/userPhotos/root/x_orig_300-300.png?hash=9' }))).toBe('waiting')
  })

  it('is superseded when the person set other bytes, declined when their record reads 3, withdrawn when the file is gone', () => {
    expect(decideState(record, seen({ originalSha256: C }))).toBe('superseded')
    expect(decideState({ ...record, baselineSha256: undefined }, seen({ originalSha256: C }))).toBe('superseded')
    expect(decideState(record, seen({ shareAccess: 3 }))).toBe('declined')
    expect(decideState(record, seen({ fileExists: false, shareAccess: undefined }))).toBe('withdrawn')
    expect(decideState(record, seen({ originalSha256: undefined }))).toBe('waiting')
  })

  it('keeps a decided hand-over decided, but a declined one can still be applied', () => {
    expect(decideState({ ...record, state: 'applied' }, seen({ originalSha256: C }))).toBe('applied')
    expect(decideState({ ...record, state: 'withdrawn' }, seen({ originalSha256: A }))).toBe('withdrawn')
    expect(decideState({ ...record, state: 'declined' }, seen({ originalSha256: A }))).toBe('applied')
  })
})
