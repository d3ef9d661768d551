// photos:inspect: the header of a picked image, refused with the checks preparation makes first.
import { describe, expect, it } from 'vitest'
import { decompressionBombPng, quadrantsPng, sidewaysJpeg } from '../testing/images/editor-test-images'
import { inspectPhoto } from './inspect-photo'

describe('inspectPhoto', () => {
  it('reads the header: the upright size of an EXIF-6 JPEG', async () => {
    const summary = await inspectPhoto(await sidewaysJpeg(400, 200))
    expect(summary).toMatchObject({ ok: true, value: { format: 'jpeg', width: 200, height: 400, frames: 1, hasAlpha: false } })
  })

  it('refuses a 30000×30000 PNG from its header, a 20 px image, and text, with the facts to say why', async () => {
    const bomb = await inspectPhoto(decompressionBombPng(30_000))
    expect(bomb).toMatchObject({ ok: false, error: { code: 'image/too-large', facts: { imageProblem: 'too-many-pixels', width: 30_000, height: 30_000, megapixels: 900 } } })
    const small = await inspectPhoto(await quadrantsPng(20, 20))
    expect(small).toMatchObject({ ok: false, error: { code: 'image/too-small', facts: { width: 20, height: 20, minSide: 32 } } })
    const text = await inspectPhoto(new TextEncoder().encode('hello, not a photo'))
    expect(text).toMatchObject({ ok: false, error: { code: 'image/unsupported', facts: { imageProblem: 'not-an-image' } } })
  })
})
