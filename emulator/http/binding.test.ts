import { describe, expect, it } from 'vitest'
import { CiBody, dotnetBoolParse, parseGuid } from './binding'
import { fold } from '../domain/fold'
import { centredSquare, clampCrop } from '../images/images'
import { humanFileSize } from '../routes/photos'

describe('binding and small helpers', () => {
  it('binds JSON keys case-insensitively and numbers from strings', () => {
    const body = new CiBody({ TmpFile: 'a.png', X: '12', width: 5 })
    expect(body.string('tmpFile')).toBe('a.png')
    expect(body.int('x')).toBe(12)
    expect(() => body.int('width', { unsigned: true })).not.toThrow()
    expect(() => new CiBody({ width: -1 }).int('width', { unsigned: true })).toThrow()
    expect(() => new CiBody({ x: 'ten' }).int('x')).toThrow()
  })

  it('parses booleans like bool.Parse and GUIDs like Guid.TryParse', () => {
    expect(dotnetBoolParse(' True ')).toBe(true)
    expect(dotnetBoolParse('1')).toBeUndefined()
    expect(parseGuid('{0E5A7D39-7C1F-4B4E-9D5A-000000000001}')).toBe('0e5a7d39-7c1f-4b4e-9d5a-000000000001')
    expect(parseGuid('0e5a7d397c1f4b4e9d5a000000000001')).toBe('0e5a7d39-7c1f-4b4e-9d5a-000000000001')
    expect(parseGuid('@self')).toBeUndefined()
  })

  it('folds accents and special letters', () => {
    expect(fold('Łukasz Ærøskøbing Zoë José Straße')).toBe('lukasz aeroskobing zoe jose strasse')
  })

  it('crops like the server: centred square, clamped, 0 = whole side', () => {
    expect(centredSquare(2000, 1000)).toEqual({ x: 500, y: 0, w: 1000, h: 1000 })
    expect(clampCrop({ x: 390, y: -5, w: 200, h: 200 }, 400, 400)).toEqual({ x: 200, y: 0, w: 200, h: 200 })
    expect(clampCrop({ x: 10, y: 10, w: 0, h: 0 }, 300, 200)).toEqual({ x: 0, y: 0, w: 300, h: 200 })
    expect(clampCrop({ x: 0, y: 0, w: 5000, h: 50 }, 300, 200)).toEqual({ x: 0, y: 0, w: 300, h: 50 })
  })

  it('humanizes the upload limit', () => {
    expect(humanFileSize(5242880)).toBe('5 MB')
    expect(humanFileSize(1048576)).toBe('1 MB')
    expect(humanFileSize(1572864)).toBe('1.5 MB')
    expect(humanFileSize(800 * 1024)).toBe('800 KB')
  })
})
