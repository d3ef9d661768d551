import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { imageInfo } from './image-info'

describe('imageInfo', () => {
  it('reads real dimensions and format from the bytes, not from a name', async () => {
    const png = await sharp({ create: { width: 37, height: 21, channels: 3, background: '#08f' } }).png().toBuffer()
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#f80' } }).jpeg().toBuffer()
    expect(await imageInfo(png)).toEqual({ ok: true, value: { width: 37, height: 21, format: 'png', mime: 'image/png' } })
    expect(await imageInfo(jpeg)).toEqual({ ok: true, value: { width: 64, height: 48, format: 'jpeg', mime: 'image/jpeg' } })
  })
  it('answers typed failures for non-images and empty input', async () => {
    const html = await imageInfo(new TextEncoder().encode('<html>Access denied</html>'))
    expect(!html.ok && html.error.code).toBe('image/unsupported')
    const empty = await imageInfo(new Uint8Array())
    expect(!empty.ok && empty.error.code).toBe('image/corrupt')
  })
})
