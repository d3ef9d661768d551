// The one CSV writer of main's exports (activity, bulk plan and report, hand-overs) and the renderer's
// people list (OWASP CSV injection).
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { toSafeCsv } from './safe-csv'

const cell = (value: string): string => toSafeCsv([[value]]).slice(0, -'\r\n'.length)

describe('toSafeCsv', () => {
  it.each([
    ['plain', '"plain"'],
    ['', '""'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+2', `"'=1+2"`],
    ['+49 30 1234', `"'+49 30 1234"`],
    ['-5', `"'-5"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=cmd', `"'\t=cmd"`],
    ['\r=cmd', `"'\r=cmd"`],
    ['\n=cmd', `"'\n=cmd"`],
    [' =cmd', `"' =cmd"`],
    ['\u00A0=cmd', `"'\u00A0=cmd"`],
    ['\u3000=cmd', `"'\u3000=cmd"`],
    ['\u200B=cmd', `"'\u200B=cmd"`],
    ['\u202E=cmd', `"'\u202E=cmd"`],
    ['\uFEFF=cmd', `"'\uFEFF=cmd"`],
    ['\uFF1D1+1', `"'\uFF1D1+1"`],
    ['\uFF0Bcmd', `"'\uFF0Bcmd"`],
    ['\uFF0Dcmd', `"'\uFF0Dcmd"`],
    ['\uFF20SUM(A1)', `"'\uFF20SUM(A1)"`],
    ['\u2212' + '1', `"'\u22121"`],
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    // A separator inside a quoted cell cannot start a new cell, whichever separator the app uses.
    ['name;=1+1', '"name;=1+1"'],
    ['name,=1+1', '"name,=1+1"'],
    ['Zoë = Ålander', '"Zoë = Ålander"']
  ])('%j -> %j', (input, expected) => {
    expect(cell(input)).toBe(expected)
  })

  it('reads back as the same cells, formulas as text, with CRLF records and an optional BOM', () => {
    const rows = [['Name', 'Detail'], ['=1+1', 'said "no", then;\nleft'], ['Anna', '']]
    const csv = toSafeCsv(rows, { bom: true })
    expect(csv.startsWith('\uFEFF"Name","Detail"\r\n')).toBe(true)
    expect(parse(csv, { bom: true })).toEqual([['Name', 'Detail'], ["'=1+1", 'said "no", then;\nleft'], ['Anna', '']])
    // Read with ";" as a German spreadsheet would: the quoted cell still holds together.
    expect(parse(toSafeCsv([['name;=1+1']]), { delimiter: ';' })).toEqual([['name;=1+1']])
  })

  it('writes exactly what csv-stringify wrote before it (quoted, CRLF, BOM), so exports read as they did', () => {
    const rows = [['Name', 'Detail'], ['=1+1', 'said "no", then;\nleft'], ['', 'Zoë']]
    for (const bom of [false, true]) {
      const before = stringify(rows.map((r) => r.map((c) => (/^[=+\-@]/.test(c) ? `'${c}` : c))), { bom, record_delimiter: 'windows', quoted: true, quoted_empty: true })
      expect(toSafeCsv(rows, { bom })).toBe(before)
    }
    expect(toSafeCsv([])).toBe('')
  })
})
