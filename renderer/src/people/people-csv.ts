/**
 * The people list as CSV, exactly as filtered and sorted on screen, through the one writer main uses
 * too (shared/safe-csv.ts: every field quoted, formula starts defused), with a byte order mark so
 * spreadsheet apps read umlauts right.
 */
import type { Person } from '../../../preload/contract'
import { toSafeCsv } from '../../../shared/safe-csv'

export interface PeopleCsvWords {
  readonly header: readonly [name: string, email: string, department: string, title: string, groups: string, status: string, role: string, photo: string]
  readonly status: (person: Person) => string
  readonly role: (person: Person) => string
  readonly hasPhoto: string
  readonly noPhoto: string
}

export function peopleCsv(people: readonly Person[], words: PeopleCsvWords): string {
  const rows = people.map((p) => [
    p.displayName,
    p.email,
    p.department,
    p.title,
    p.groups.map((g) => g.name).join(', '),
    words.status(p),
    words.role(p),
    p.hasPhoto ? words.hasPhoto : words.noPhoto
  ])
  return toSafeCsv([words.header, ...rows], { bom: true })
}

/** "people-2026-12-01.csv": the day it was saved, in the file name a user keeps. */
export function peopleCsvFileName(now: Date, portalHost: string): string {
  const day = now.toISOString().slice(0, 10)
  const host = portalHost.replace(/[^A-Za-z0-9.-]+/g, '-')
  return `people-${host}-${day}.csv`
}
