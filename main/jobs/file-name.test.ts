import { describe, expect, it } from 'vitest'
import { fileNameKeys } from './file-name'

/** The most stripped word list of a file name: what is left of the name once the noise is gone. */
const cleanest = (file: string): string | undefined => fileNameKeys(file).names.at(-1)?.words.join(' ')

describe('fileNameKeys: the name inside studio and camera noise', () => {
  it.each([
    ['012_anna-berg_final (1).JPG', 'anna berg'],
    ['12 - Anna Berg - retouched v2.jpg', 'anna berg'],
    ['photos/2024/Anna Berg_edit.jpeg', 'anna berg'],
    ['Anna Berg copy.png', 'anna berg'],
    ['Copy of Anna Berg.jpg', 'anna berg'],
    ['Kopie von Anna Berg.jpg', 'anna berg'],
    ['anna_berg_2024-01-31.jpg', 'anna berg'],
    ['anna_berg_20240131_154501.jpg', 'anna berg'],
    ['Anna Berg -final-final (3).JPG', 'anna berg'],
    ['C:\\HR\\Fotos\\Berg, Anna.jpg', 'berg anna'],
    ['anna.m.berg.jpg', 'anna berg'],
    ['anna.berg.heic.jpg', 'anna berg'],
    ['PXL_20240101_123456789 Anna Berg.jpg', 'anna berg']
  ])('%s -> %s', (file, words) => {
    expect(cleanest(file)).toBe(words)
  })

  it.each(['IMG_1234.jpg', 'DSC_0042.JPG', 'DSCN0042.jpg', 'PXL_20240101_123456789.jpg', 'P1010001.JPG', 'IMG-20240101-WA0001.jpeg', '20240101_120000.jpg'])(
    'finds no name and no login in the camera name %s',
    (file) => {
      const keys = fileNameKeys(file)
      expect(keys.handles).toEqual([])
      // What is left is at most one camera word, which no name rule accepts alone.
      expect(keys.names.every((n) => n.words.length <= 1)).toBe(true)
    }
  )

  it('keeps the separators, so the matcher can tell first.last from first_last and "Last, First"', () => {
    expect(fileNameKeys('anna.berg.jpg').names[0]).toEqual({ words: ['anna', 'berg'], separators: ['.'], level: 0 })
    expect(fileNameKeys('Berg, Anna (2).jpg').names[0]).toEqual({ words: ['berg', 'anna'], separators: [','], level: 0 })
    expect(fileNameKeys('lena_berg-schmidt.jpg').names[0]?.separators).toEqual(['_', '-'])
  })

  it('keeps "Edit" as a first name when only the end is noise', () => {
    const names = fileNameKeys('Edit Kovacs - final.jpg').names.map((n) => n.words.join(' '))
    expect(names).toContain('edit kovacs')
  })

  it('gives the conventional spelling of umlauts as a second candidate', () => {
    const names = fileNameKeys('Müller, Hans.jpg').names.map((n) => n.words.join(' '))
    expect(names).toEqual(['muller hans', 'mueller hans'])
  })

  it('folds decomposed (macOS) and composed names alike', () => {
    expect(fileNameKeys('Jose\u0301 A\u0301lvarez.jpg').names).toEqual(fileNameKeys('José Álvarez.jpg').names)
  })
})

describe('fileNameKeys: emails, ids and logins', () => {
  it('keeps an email intact, folded, with its +tag removed, and offers its local part as a login', () => {
    const keys = fileNameKeys('Anna.Berg+Photo@Example.com.jpg')
    expect(keys.emails).toEqual(['anna.berg@example.com'])
    expect(keys.handles).toEqual(['anna.berg'])
    expect(keys.names[0]?.words).toEqual(['anna', 'berg'])
  })

  it('reads an email behind a numbering prefix or before a copy marker', () => {
    expect(fileNameKeys('012_anna@example.com.jpg').emails).toEqual(['012_anna@example.com', 'anna@example.com'])
    expect(fileNameKeys('anna.berg@example.com (1).jpg').emails).toEqual(['anna.berg@example.com'])
  })

  it('finds a user id with or without dashes, in any case', () => {
    const dashed = '3f2a1b4c-1234-4abc-8def-0123456789ab'
    expect(fileNameKeys(`${dashed.toUpperCase()}.jpg`).userId).toBe(dashed)
    expect(fileNameKeys(`photo_${dashed.replace(/-/g, '')}.png`).userId).toBe(dashed)
    expect(fileNameKeys('anna_berg.jpg').userId).toBeUndefined()
  })

  it('offers logins as written and without noise, never initials', () => {
    expect(fileNameKeys('aberg.jpg').handles).toEqual(['aberg'])
    expect(fileNameKeys('012_aberg_final (1).jpg').handles).toEqual(['aberg'])
    expect(fileNameKeys('aberg+hr.jpg').handles).toEqual(['aberg'])
    expect(fileNameKeys('ab.jpg').handles).toEqual([])
    expect(fileNameKeys('Anna Berg.jpg').handles).toEqual([])
  })
})
