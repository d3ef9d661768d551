/**
 * The people list as CSV, exactly as filtered and sorted on screen. The same OWASP CSV-injection rules
 * as main's writer (main/core/csv.ts), which the sandboxed renderer cannot import: every field quoted
 * (a ";" or "," cannot start a new cell in any locale), quotes doubled, CRLF between records, and a
 * cell a spreadsheet could run as a formula gets a leading apostrophe.
 */
import type { Person } from '../../../preload/contract'

/** = + - @, their full-width and small forms, the minus sign, or any leading whitespace, control or invisible character. */
const FORMULA_START = /^(?:[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\u2212]|[\s\p{Cc}\p{Cf}\u180E])/u

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/** Rows (the header first) as one CSV text with a byte order mark, so spreadsheet apps read umlauts right. */
export function toSafeCsv(rows: readonly (readonly string[])[]): string {
  const body = rows.map((row) => row.map((cell) => `"${neutraliseCell(cell).replace(/"/g, '""')}"`).join(',')).join('\r\n')
  return `\uFEFF${body}\r\n`
}

export interface PeopleCsvWords {
  readonly header: readonly [name: string, email: string, department: string, title: string, groups: string, status: string, role: string, photo: string]
  readonly status: (person: Person) => string
  readonly role: (person: Person) => string
  readonly hasPhoto: string
  readonly noPhoto: string
}

export function peopleCsv(people: readonly Person[], words: PeopleCsvWords): string {
  return toSafeCsv([
    words.header,
    ...people.map((p) => [
      p.displayName,
      p.email,
      p.department,
      p.title,
      p.groups.map((g) => g.name).join(', '),
      words.status(p),
      words.role(p),
      p.hasPhoto ? words.hasPhoto : words.noPhoto
    ])
  ])
}

/** "people-2026-12-01.csv": the day it was saved, in the file name a user keeps. */
export function peopleCsvFileName(now: Date, portalHost: string): string {
  const day = now.toISOString().slice(0, 10)
  const host = portalHost.replace(/[^A-Za-z0-9.-]+/g, '-')
  return `people-${host}-${day}.csv`
}
