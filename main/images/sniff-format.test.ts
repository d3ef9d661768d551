import { describe, expect, it } from 'vitest'
import { sniffFormat } from './sniff-format'

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)))

/** An ISO-BMFF "ftyp" box with the given major and compatible brands. */
const ftyp = (major: string, ...compatible: string[]): Uint8Array => {
  const size = 16 + 4 * compatible.length
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], ...compatible, [0, 0, 0, 0])
}

describe('sniffFormat', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF')],
    ['png', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a])],
    ['gif', bytes('GIF89a', [1, 0, 1, 0])],
    ['gif', bytes('GIF87a', [1, 0, 1, 0])],
    ['webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
    ['tiff', bytes('II', [0x2a, 0, 8, 0, 0, 0])],
    ['tiff', bytes('MM', [0, 0x2a, 0, 0, 0, 8])],
    ['heif', ftyp('heic', 'mif1', 'heic')],
    ['heif', ftyp('avif', 'mif1', 'avif')],
    ['heif', ftyp('mif1', 'heic')]
  ])('recognises %s from its magic number', (container, input) => {
    expect(sniffFormat(input)).toEqual({ kind: 'decodable', container })
  })

  it.each([
    ['bmp', bytes('BM', [0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0])],
    ['svg', bytes('\uFEFF  <?xml version="1.0"?><!-- a drawing --><svg xmlns="http://www.w3.org/2000/svg"></svg>'.replace('\uFEFF', ''))],
    ['svg', bytes('<svg width="10" height="10"></svg>')],
    ['ico', bytes([0, 0, 1, 0, 1, 0, 16, 16])],
    ['psd', bytes('8BPS', [0, 1])],
    ['pdf', bytes('%PDF-1.7\n')],
    ['jxl', bytes([0xff, 0x0a, 0, 0])],
    ['jpeg2000', bytes([0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a])]
  ])('recognises %s and refuses it', (format, input) => {
    expect(sniffFormat(input)).toEqual({ kind: 'refused', format })
  })

  it.each([
    ['a text file renamed .jpg', bytes('Hello, this is not a photo.\n')],
    ['text that happens to start with "BM"', bytes('BMW service notes: the car is fine, nothing else to report here.')],
    ['an MP4 video (ISO-BMFF, but not HEIF)', ftyp('isom', 'isom', 'mp42')],
    ['HTML', bytes('<!doctype html><html><body>photo</body></html>')],
    ['one byte', bytes([0xff])],
    ['nothing', new Uint8Array(0)]
  ])('calls %s unknown', (_name, input) => {
    expect(sniffFormat(input)).toEqual({ kind: 'unknown' })
  })
})
