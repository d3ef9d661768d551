import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { headerSize } from './header-size'
import { imageInfo } from './image-info'

const canvas = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#3a7' } })

describe('headerSize', () => {
  it('reads what sharp reads for PNGs and JPEGs (baseline, progressive, with EXIF, ICC and comments)', async () => {
    const samples = [
      await canvas(37, 21).png().toBuffer(),
      await canvas(360, 360).png({ compressionLevel: 9 }).toBuffer(),
      await canvas(64, 48).jpeg().toBuffer(),
      await canvas(1280, 960).jpeg({ progressive: true }).toBuffer(),
      await canvas(300, 200).withMetadata({ orientation: 6 }).withIccProfile('srgb').jpeg({ mozjpeg: true }).toBuffer()
    ]
    const withComment = Buffer.from(samples[2] as Buffer)
    const note = Buffer.from('bench copy 7')
    samples.push(Buffer.concat([withComment.subarray(0, 2), Buffer.from([0xff, 0xfe, 0, note.length + 2]), note, withComment.subarray(2)]))
    for (const bytes of samples) {
      const info = await imageInfo(bytes)
      expect(info.ok).toBe(true)
      expect(headerSize(bytes)).toEqual(info.ok ? info.value : undefined)
    }
  })

  it('leaves anything it cannot read with certainty to sharp', async () => {
    const png = await canvas(20, 10).png().toBuffer()
    const badCrc = Buffer.from(png)
    badCrc[17] = (badCrc[17] as number) ^ 0xff
    const jpeg = await canvas(20, 10).jpeg().toBuffer()
    expect(headerSize(badCrc)).toBeUndefined()
    expect(headerSize(png.subarray(0, 20))).toBeUndefined()
    expect(headerSize(jpeg.subarray(0, 30))).toBeUndefined()
    expect(headerSize(new TextEncoder().encode('<html>Access denied</html>'))).toBeUndefined()
    expect(headerSize(new Uint8Array())).toBeUndefined()
    expect(headerSize(await canvas(20, 10).webp().toBuffer())).toBeUndefined()
  })
})
