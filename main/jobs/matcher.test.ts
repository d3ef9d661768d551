import { describe, expect, it } from 'vitest'
import type { MatchRule } from '../../preload/contract'
import { parseMappingCsv } from './mapping-csv'
import { findDuplicates, indexPeople, matchFiles, type MatchPerson } from './matcher'

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

function person(n: number, firstName: string, lastName: string, email: string, extra: Partial<MatchPerson> = {}): MatchPerson {
  return { id: id(n), displayName: `${firstName} ${lastName}`, firstName, lastName, email, department: 'Sales', ...extra }
}

// A small portal with the names that trip matchers up.
const PEOPLE: readonly MatchPerson[] = [
  person(1, 'Anna', 'Berg', 'anna.berg@example.com'),
  person(2, 'Anna Maria', 'Berg', 'am.berg@example.com'),
  person(3, 'José', 'Álvarez', 'jalvarez@example.com'),
  person(4, 'Zoë', 'Martin', 'zmartin@example.com'),
  person(5, 'Łukasz', 'Wiśniewski', 'lwisniewski@example.com'),
  person(6, 'Søren', 'Ærøskøbing', 'sae@example.com'),
  person(7, 'Hans', 'Müller', 'hmu@example.com'),
  person(8, 'Eva', 'Müller', 'emu1@example.com'),
  person(9, 'Eva', 'Mueller', 'emu2@example.com'),
  person(10, 'Иван', 'Петров', 'ipetrov@example.com'),
  person(11, 'Olga', 'Smirnova', 'osmirnova@example.com'),
  person(12, 'Γιώργος', 'Παπαδόπουλος', 'gpap@example.com'),
  person(13, 'Eleni', 'Nikolaidou', 'enik@example.com'),
  person(14, 'Maria', 'Garcia', 'mgarcia@sales.example.com', { department: 'Sales' }),
  person(15, 'Maria', 'Garcia', 'mgarcia@hr.example.com', { department: 'HR' }),
  person(16, 'Lena', 'Berg-Schmidt', 'lbs@example.com'),
  person(17, 'Anna-Lena', 'Schulz', 'als@example.com'),
  person(18, 'Carmen', 'García López', 'cgl@example.com'),
  person(19, 'John', 'Doe', 'john.doe@example.com', { userName: 'jdoe' }),
  person(20, 'Edit', 'Kovács', 'ekovacs@example.com'),
  person(21, 'Seán', "O'Brien", 'sobrien@example.com'),
  person(22, 'Arne', 'Bakke', 'ab@example.com', { userName: 'ab' })
]

type Row = readonly [file: string, state: 'matched' | 'ambiguous' | 'unmatched', user: number | readonly number[] | null, rule: MatchRule | null]

// Each row: file name -> state, the person (or everyone listed when ambiguous), the rule that decided.
const TABLE: readonly Row[] = [
  // emails: full address (any case, +tag ignored) beats everything but a mapping
  ['anna.berg+photo@example.com.jpg', 'matched', 1, 'email'],
  ['ANNA.BERG@EXAMPLE.COM.png', 'matched', 1, 'email'],
  ['mgarcia@hr.example.com.jpg', 'matched', 15, 'email'],
  ['anna.berg@old-company.example.jpg', 'matched', 1, 'email-local'],
  ['anna.berg.jpg', 'matched', 1, 'email-local'],
  ['mgarcia.jpg', 'ambiguous', [14, 15], 'email-local'],
  ['jdoe.jpg', 'matched', 19, 'user-name'],
  [`${id(3)}.jpg`, 'matched', 3, 'user-id'],
  [`portrait_${id(3).toUpperCase()}.png`, 'matched', 3, 'user-id'],
  // the ways a name is written
  ['Anna Berg.jpg', 'matched', 1, 'first-last'],
  ['ANNA BERG.JPG', 'matched', 1, 'first-last'],
  ['anna-berg.jpg', 'matched', 1, 'first-last'],
  ['anna_berg.jpg', 'matched', 1, 'first_last'],
  ['Berg Anna.jpg', 'matched', 1, 'last-first'],
  ['Berg, Anna.jpg', 'matched', 1, 'last-comma-first'],
  ['HR/2024/Berg, Anna.jpeg', 'matched', 1, 'last-comma-first'],
  ['jose.alvarez.jpg', 'matched', 3, 'first.last'],
  ['AnnaBerg.jpg', 'matched', 1, 'first-last'],
  // studio and camera noise
  ['012_anna-berg_final (1).JPG', 'matched', 1, 'first-last'],
  ['12 - José Álvarez (retouched).jpg', 'matched', 3, 'first-last'],
  ['Copy of Anna Berg.jpg', 'matched', 1, 'first-last'],
  ['zoe_martin_edit_v2.jpg', 'matched', 4, 'first_last'],
  ['Zoe Martin copy 2024-03-01.jpg', 'matched', 4, 'first-last'],
  ['IMG_1234.jpg', 'unmatched', null, null],
  ['DSC_0042.JPG', 'unmatched', null, null],
  ['PXL_20240101_123456789.jpg', 'unmatched', null, null],
  // diacritics, either way round
  ['José Álvarez.jpg', 'matched', 3, 'first-last'],
  ['Alvarez, Jose.png', 'matched', 3, 'last-comma-first'],
  ['Zoë Martin.jpg', 'matched', 4, 'first-last'],
  ['ZOE_MARTIN.JPG', 'matched', 4, 'first_last'],
  ['Lukasz_Wisniewski.jpg', 'matched', 5, 'first_last'],
  ['Łukasz Wiśniewski.jpg', 'matched', 5, 'first-last'],
  ['Łukasz Wis\u0301niewski.jpg', 'matched', 5, 'first-last'],
  ['soren-aeroskobing.jpg', 'matched', 6, 'first-last'],
  ['soeren_aeroeskoebing.jpg', 'matched', 6, 'first_last'],
  ['hans_mueller.jpg', 'matched', 7, 'first_last'],
  ['hans.muller.jpg', 'matched', 7, 'first.last'],
  ['Müller, Hans.jpg', 'matched', 7, 'last-comma-first'],
  // Müller vs Mueller: "mueller" is how both are written in ASCII, "muller" only Müller
  ['eva_mueller.jpg', 'ambiguous', [8, 9], 'first_last'],
  ['eva_muller.jpg', 'matched', 8, 'first_last'],
  // other scripts
  ['ivan_petrov.jpg', 'matched', 10, 'first_last'],
  ['Иван Петров.jpg', 'matched', 10, 'first-last'],
  ['Петров Иван.jpg', 'matched', 10, 'last-first'],
  ['Ольга Смирнова.jpg', 'matched', 11, 'first-last'],
  ['giorgos_papadopoulos.jpg', 'matched', 12, 'first_last'],
  ['Γιώργος Παπαδόπουλος.jpg', 'matched', 12, 'first-last'],
  ['Ελένη Νικολαΐδου.jpg', 'matched', 13, 'first-last'],
  // two people, one name: both listed; an email still decides
  ['maria_garcia.jpg', 'ambiguous', [14, 15], 'first_last'],
  ['Garcia, Maria.jpg', 'ambiguous', [14, 15], 'last-comma-first'],
  ['mgarcia@sales.example.com.jpg', 'matched', 14, 'email'],
  // initials and half names are nobody (not even Arne Bakke, whose login is ab)
  ['ab.jpg', 'unmatched', null, null],
  ['AB.JPG', 'unmatched', null, null],
  ['a.b.jpg', 'unmatched', null, null],
  ['a_berg.jpg', 'unmatched', null, null],
  ['anna.jpg', 'unmatched', null, null],
  ['berg.jpg', 'unmatched', null, null],
  // double and hyphenated names
  ['anna_maria_berg.jpg', 'matched', 2, 'first_last'],
  ['Berg, Anna Maria.jpg', 'matched', 2, 'last-comma-first'],
  ['lena_berg-schmidt.jpg', 'matched', 16, 'first_last'],
  ['lena-berg-schmidt.jpg', 'matched', 16, 'first-last'],
  ['Berg-Schmidt, Lena.jpg', 'matched', 16, 'last-comma-first'],
  ['lena_bergschmidt.jpg', 'matched', 16, 'first_last'],
  ['lena_berg.jpg', 'matched', 16, 'first_last'],
  ['anna-lena_schulz.jpg', 'matched', 17, 'first_last'],
  ['annalena.schulz.jpg', 'matched', 17, 'first.last'],
  ['anna_schulz.jpg', 'matched', 17, 'first_last'],
  ['carmen_garcia.jpg', 'matched', 18, 'first_last'],
  ['García López Carmen.jpg', 'matched', 18, 'last-first'],
  // a first name that is also a studio word
  ['kovacs_edit.jpg', 'matched', 20, 'last-first'],
  ['Edit Kovacs - final.jpg', 'matched', 20, 'first-last'],
  // apostrophes
  ['sean_obrien.jpg', 'matched', 21, 'first_last'],
  ["Seán O'Brien.jpg", 'matched', 21, 'first-last'],
  ['Sean O’Brien.jpg', 'matched', 21, 'first-last']
]

describe('matchFiles: real-world file names', () => {
  const index = indexPeople(PEOPLE)

  it.each(TABLE)('%s -> %s %j by %s', (file, state, user, rule) => {
    const [m] = matchFiles([{ rowId: 'r', file }], index)
    expect(m?.state).toBe(state)
    expect(m?.rule).toBe(rule ?? undefined)
    if (state === 'matched') expect(m?.userId).toBe(id(user as number))
    else expect(m?.userId).toBeUndefined()
    if (state === 'ambiguous') {
      expect(m?.candidates?.map((c) => c.userId)).toEqual((user as number[]).map(id))
    } else {
      expect(m?.candidates).toBeUndefined()
    }
  })

  it('lists ambiguous candidates with what tells them apart', () => {
    const [m] = matchFiles([{ rowId: 'r', file: 'maria_garcia.jpg' }], index)
    expect(m?.candidates).toEqual([
      { userId: id(14), displayName: 'Maria Garcia', email: 'mgarcia@sales.example.com', department: 'Sales' },
      { userId: id(15), displayName: 'Maria Garcia', email: 'mgarcia@hr.example.com', department: 'HR' }
    ])
  })

  it('accepts the people list itself and keeps the order and row ids of the files', () => {
    const matches = matchFiles([{ rowId: 'a', file: 'IMG_1.jpg' }, { rowId: 'b', file: 'zoe_martin.jpg' }], PEOPLE)
    expect(matches.map((m) => [m.rowId, m.state])).toEqual([['a', 'unmatched'], ['b', 'matched']])
  })

  it('falls back to the display name when first and last name are empty', () => {
    const people = [{ id: id(99), displayName: 'Kim Larsen', firstName: '', lastName: '', email: '', department: '' }]
    expect(matchFiles([{ rowId: 'r', file: 'kim_larsen.jpg' }], people)[0]).toMatchObject({ state: 'matched', userId: id(99), rule: 'first_last' })
  })
})

describe('matchFiles with a mapping CSV', () => {
  const { mapping } = parseMappingCsv(
    [
      'file;person',
      `IMG_9999.jpg;jalvarez@example.com`,
      'photos/IMG_8888.jpg;jdoe',
      `IMG_7777;${id(4)}`,
      'IMG_6666.jpg;nobody@example.com',
      'anna_berg.jpg;Zoë Martin',
      'IMG_5555.jpg;mgarcia'
    ].join('\n')
  )
  const index = indexPeople(PEOPLE)
  const match = (file: string) => matchFiles([{ rowId: 'r', file }], index, mapping)[0]

  it('maps by email, user name, id or display name, before any name rule', () => {
    expect(match('IMG_9999.jpg')).toMatchObject({ state: 'matched', userId: id(3), rule: 'mapping' })
    expect(match('shoot/IMG_8888.JPG')).toMatchObject({ state: 'matched', userId: id(19), rule: 'mapping' })
    expect(match('IMG_7777.png')).toMatchObject({ state: 'matched', userId: id(4), rule: 'mapping' })
    expect(match('anna_berg.jpg')).toMatchObject({ state: 'matched', userId: id(4), rule: 'mapping' })
  })

  it('says so when the CSV names nobody of the portal, and does not guess from the file name instead', () => {
    expect(match('IMG_6666.jpg')).toEqual({ rowId: 'r', state: 'unmatched', rule: 'mapping' })
  })

  it('makes a mapping that fits two people ambiguous', () => {
    expect(match('IMG_5555.jpg')).toMatchObject({ state: 'ambiguous', rule: 'mapping' })
    expect(match('IMG_5555.jpg')?.candidates).toHaveLength(2)
  })

  it('leaves files the CSV does not mention to the other rules', () => {
    expect(match('zoe_martin.jpg')).toMatchObject({ state: 'matched', userId: id(4), rule: 'first_last' })
  })
})

describe('findDuplicates', () => {
  it('groups rows matched to the same person, in row order, and ignores everyone with one file', () => {
    const matches = matchFiles(
      [
        { rowId: '1', file: 'anna_berg.jpg' },
        { rowId: '2', file: 'zoe_martin.jpg' },
        { rowId: '3', file: 'Berg, Anna (2).jpg' },
        { rowId: '4', file: 'maria_garcia.jpg' },
        { rowId: '5', file: 'maria_garcia (1).jpg' },
        { rowId: '6', file: 'anna.berg@example.com.png' }
      ],
      PEOPLE
    )
    expect([...findDuplicates(matches)]).toEqual([[id(1), ['1', '3', '6']]])
  })
})
