import { describe, expect, it } from 'vitest'
import type { Person } from '../../../preload/contract'
import { neutraliseCell, toSafeCsv } from '../../../shared/safe-csv'
import { peopleCsv, peopleCsvFileName } from './people-csv'

const WORDS = {
  header: ['Name', 'Email', 'Department', 'Title', 'Groups', 'Status', 'Role', 'Photo'] as const,
  status: (p: Person) => p.status,
  role: (p: Person) => p.role,
  hasPhoto: 'yes',
  noPhoto: 'no'
}

function person(over: Partial<Person>): Person {
  return {
    id: 'u1',
    displayName: 'Ada Lovelace',
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    title: '',
    department: 'HR',
    groups: [],
    status: 'active',
    role: 'user',
    hasPhoto: false,
    smallPhoto: { kind: 'default' } as never,
    canEditPhoto: true,
    ...over
  }
}

describe('people CSV', () => {
  it('writes the rows given, in their order, every cell quoted, with a BOM and CRLF', () => {
    const csv = peopleCsv([person({}), person({ displayName: 'Jörg "JJ" Müller', email: 'j@example.com', hasPhoto: true, groups: [{ id: 'g', name: 'A, B' }] as never })], WORDS)
    expect(csv).toBe(
      '\uFEFF"Name","Email","Department","Title","Groups","Status","Role","Photo"\r\n' +
        '"Ada Lovelace","ada@example.com","HR","","","active","user","no"\r\n' +
        '"Jörg ""JJ"" Müller","j@example.com","HR","","A, B","active","user","yes"\r\n'
    )
  })

  it('keeps a cell a spreadsheet would run as a formula as text', () => {
    for (const hostile of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\uFF1D1', ' =1', '\u200B=1']) expect(neutraliseCell(hostile)).toBe(`'${hostile}`)
    for (const plain of ['Ada', 'a=b', '1-2', 'hr@example.com']) expect(neutraliseCell(plain)).toBe(plain)
    expect(toSafeCsv([['=cmd|x']], { bom: true })).toBe('\uFEFF"\'=cmd|x"\r\n')
  })

  it('names the file after the portal and the day', () => {
    expect(peopleCsvFileName(new Date('2026-12-01T10:00:00Z'), 'hr.example.com:8443')).toBe('people-hr.example.com-8443-2026-12-01.csv')
  })
})
