import { describe, expect, it } from 'vitest'
import { mappingFor, parseMappingCsv } from './mapping-csv'

const targets = (csv: string | Uint8Array): [string, string, number][] =>
  parseMappingCsv(csv).mapping.entries.map((e) => [e.file, e.target, e.line])

describe('parseMappingCsv', () => {
  it.each([
    ['file,email', 'file,email\nanna.jpg,anna@example.com\n'],
    ['filename,user', 'filename,user\nanna.jpg,anna@example.com\n'],
    ['File name;E-Mail (Excel, German)', 'Dateiname;E-Mail\r\nanna.jpg;anna@example.com\r\n'],
    ['tab separated', 'file\tid\nanna.jpg\tanna@example.com\n'],
    ['no header', 'anna.jpg,anna@example.com\n'],
    ['columns the other way round', 'email,photo\nanna@example.com,anna.jpg\n'],
    ['one known header', 'person,whatever\nanna@example.com,anna.jpg\n']
  ])('reads %s', (_name, csv) => {
    expect(targets(csv)).toEqual([['anna.jpg', 'anna@example.com', 2 - (csv.startsWith('anna') ? 1 : 0)]])
    expect(parseMappingCsv(csv).problems).toEqual([])
  })

  it('reads a BOM, quoted values with separators and quotes inside, and blank lines', () => {
    const csv = '\ufefffile;user\n\n"Berg; Anna ""AB"".jpg";aberg\n"Berg, Anna.jpg" ; "anna@example.com"\n'
    expect(targets(csv)).toEqual([
      ['Berg; Anna "AB".jpg', 'aberg', 3],
      ['Berg, Anna.jpg', 'anna@example.com', 4]
    ])
  })

  it('prefers ";" over "," when the first line has both (an unquoted "Berg, Anna")', () => {
    expect(targets('Berg, Anna.jpg;anna@example.com\n')).toEqual([['Berg, Anna.jpg', 'anna@example.com', 1]])
  })

  it('takes the first filled person column when there are several', () => {
    expect(targets('file,id,email\na.jpg,,anna@example.com\nb.jpg,00000000-0000-4000-8000-000000000001,\n')).toEqual([
      ['a.jpg', 'anna@example.com', 2],
      ['b.jpg', '00000000-0000-4000-8000-000000000001', 3]
    ])
  })

  it('reports bad rows with their line numbers and keeps every good row around them', () => {
    const csv = [
      'file,email', //                      1
      'a.jpg,a@example.com', //             2
      ',b@example.com', //                  3 no file
      'c.jpg,', //                          4 no person
      'd.jpg,"d@example.com"x', //          5 text after the closing quote
      'e.jpg,e@example.com', //             6
      'a.jpg,other@example.com', //         7 conflict with line 2
      'A.JPG,a@example.com', //             8 same row again: fine
      ',', //                               9 empty row: ignored
      'f.jpg,"f@example.com', //           10 quote never closed
      'g.jpg,g@example.com' //             11 swallowed by the open quote
    ].join('\n')
    const { mapping, problems } = parseMappingCsv(csv)
    expect(problems).toEqual([
      { line: 3, reason: 'no-file' },
      { line: 4, reason: 'no-person' },
      { line: 5, reason: 'malformed' },
      { line: 7, reason: 'conflict', firstLine: 2 },
      { line: 10, reason: 'malformed' }
    ])
    expect(mapping.entries.map((e) => e.file)).toEqual(['a.jpg', 'e.jpg', 'g.jpg'])
  })

  it('says when a header has no file or no person column', () => {
    expect(parseMappingCsv('file,size,date\na.jpg,12,2024\n').problems).toEqual([{ line: 1, reason: 'no-columns' }])
  })

  it('never throws, whatever it is given', () => {
    for (const input of ['', '\n\n', '"', '""";', ',,,,', '\u0000\u0001', new Uint8Array([0xff, 0xfe, 0x00]), new Uint8Array([0xc3])]) {
      expect(() => parseMappingCsv(input)).not.toThrow()
    }
    expect(parseMappingCsv('').mapping.entries).toEqual([])
  })

  it('decodes Excel encodings: UTF-8 with BOM, UTF-16 with BOM, Windows-1252', () => {
    const text = 'file;email\nJosé Müller.jpg;jm@example.com\n'
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])])
    const cp1252 = new Uint8Array(Array.from(text).map((c) => c.charCodeAt(0)))
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])
    for (const bytes of [utf8, utf16, cp1252]) expect(targets(bytes)).toEqual([['José Müller.jpg', 'jm@example.com', 2]])
  })
})

describe('mappingFor', () => {
  const { mapping } = parseMappingCsv(
    ['file,email', 'Team/Anna.JPG,anna@example.com', 'berg.jpg,berg@example.com', 'a/same.jpg,one@example.com', 'b/same.jpg,two@example.com', 'zoe,zoe@example.com'].join('\n')
  )

  it('finds a row by path, by name in any folder, or by name without extension, ignoring case', () => {
    expect(mappingFor(mapping, 'team/anna.jpg')?.target).toBe('anna@example.com')
    expect(mappingFor(mapping, 'Team\\Anna.jpg')?.target).toBe('anna@example.com')
    expect(mappingFor(mapping, 'elsewhere/anna.jpg')?.target).toBe('anna@example.com')
    expect(mappingFor(mapping, 'zip/root/BERG.jpg')?.target).toBe('berg@example.com')
    expect(mappingFor(mapping, 'zoe.png')?.target).toBe('zoe@example.com')
    expect(mappingFor(mapping, 'Zoe\u0301.png')).toBeUndefined()
  })

  it('does not guess between two rows with the same name in different folders', () => {
    expect(mappingFor(mapping, 'a/same.jpg')?.target).toBe('one@example.com')
    expect(mappingFor(mapping, 'c/same.jpg')).toBeUndefined()
  })
})
