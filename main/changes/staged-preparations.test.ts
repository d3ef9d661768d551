import { describe, expect, it } from 'vitest'
import { preparePhoto, type PrepareOptions } from '../images/prepare-photo'
import { quadrantsJpeg } from '../testing/images/editor-test-images'
import { StagedPreparations } from './staged-preparations'

const LIMIT: PrepareOptions = { maxUploadBytes: 1024 * 1024, rotate: 0 }

function counting() {
  const calls: PrepareOptions[] = []
  return { calls, prepare: (bytes: Uint8Array, o: PrepareOptions) => (calls.push(o), preparePhoto(bytes, o)) }
}

describe('StagedPreparations', () => {
  it('hands Save the staged preparation of the same bytes once, without preparing again', async () => {
    const c = counting()
    const staged = new StagedPreparations({ prepare: c.prepare })
    const bytes = await quadrantsJpeg(640, 480)
    staged.stage('acc', bytes, LIMIT)
    staged.stage('acc', Uint8Array.from(bytes), LIMIT)
    const taken = await staged.take('acc', Uint8Array.from(bytes), LIMIT)
    expect(taken?.ok && taken.value).toMatchObject({ width: 640, height: 480, mime: 'image/jpeg' })
    expect(c.calls).toHaveLength(1)
    expect(await staged.take('acc', bytes, LIMIT)).toBeUndefined()
  })

  it('gives nothing for other bytes, another account, another limit or a turn', async () => {
    const staged = new StagedPreparations({ prepare: preparePhoto })
    const bytes = await quadrantsJpeg(640, 480)
    staged.stage('acc', bytes, LIMIT)
    expect(await staged.take('acc', await quadrantsJpeg(480, 640), LIMIT)).toBeUndefined()
    expect(await staged.take('other', bytes, LIMIT)).toBeUndefined()
    expect(await staged.take('acc', bytes, { ...LIMIT, maxUploadBytes: 5 * 1024 * 1024 })).toBeUndefined()
    expect(await staged.take('acc', bytes, { ...LIMIT, rotate: 1 })).toBeUndefined()
    expect(staged.size).toBe(1)
  })

  it('keeps only the newest few, lets old ones go, and never reuses a failed one', async () => {
    let now = 0
    const staged = new StagedPreparations({ prepare: preparePhoto, max: 2, ttlMs: 1000, now: () => now })
    const [a, b, c] = await Promise.all([quadrantsJpeg(640, 480), quadrantsJpeg(480, 640), quadrantsJpeg(400, 400)])
    staged.stage('acc', a, LIMIT)
    staged.stage('acc', b, LIMIT)
    staged.stage('acc', c, LIMIT)
    expect(await staged.take('acc', a, LIMIT)).toBeUndefined()
    expect((await staged.take('acc', b, LIMIT))?.ok).toBe(true)
    now = 5000
    expect(await staged.take('acc', c, LIMIT)).toBeUndefined()

    const junk = new TextEncoder().encode('not an image')
    staged.stage('acc', junk, LIMIT)
    expect(await staged.take('acc', junk, LIMIT)).toBeUndefined()
  })
})
