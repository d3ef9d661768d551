/**
 * The mapping CSV HR may drop with the photos: which file is whose (file -> email, user name or id).
 * Header or not, ';' ',' or tab, BOM, quoted values, Excel's Windows-1252 or UTF-16. Bad rows come back
 * as problems with their line numbers; parsing never throws.
 */
import { parse } from 'csv-parse/sync'
import { foldKey } from './name-key'

export interface MappingEntry {
  /** The file as the CSV wrote it. */
  readonly file: string
  /** An email, a user id, a user name (or a display name); the matcher tells them apart by shape. */
  readonly target: string
  /** 1-based line of the row in the CSV. */
  readonly line: number
}

export interface Mapping {
  readonly entries: readonly MappingEntry[]
  readonly byPath: ReadonlyMap<string, MappingEntry>
  /** By file name without folder; null when rows in different folders share the name. */
  readonly byName: ReadonlyMap<string, MappingEntry | null>
  /** By file name without folder and extension; null when rows share it. */
  readonly byStem: ReadonlyMap<string, MappingEntry | null>
}

export type MappingProblemReason =
  | 'malformed' // not readable as CSV (an unclosed quote, text after a closing quote)
  | 'no-file' // a person but no file name
  | 'no-person' // a file name but no email, user name or id
  | 'conflict' // the file was already mapped to someone else (firstLine)
  | 'no-columns' // a header without a file column or without a person column

export interface MappingProblem {
  readonly line: number
  readonly reason: MappingProblemReason
  /** For 'conflict': the line that mapped the file first. */
  readonly firstLine?: number
}

export interface MappingParse {
  readonly mapping: Mapping
  readonly problems: readonly MappingProblem[]
}

// Header names, folded and without spaces or punctuation ("E-Mail" -> "email", "File name" -> "filename").
const FILE_HEADERS = new Set(['file', 'filename', 'filepath', 'path', 'photo', 'photofile', 'image', 'picture', 'datei', 'dateiname', 'bild', 'foto'])
const PERSON_HEADERS = new Set([
  'email', 'emailaddress', 'mail', 'user', 'username', 'login', 'id', 'userid', 'guid', 'person', 'employee', 'account',
  'benutzer', 'benutzername', 'mitarbeiter', 'emailadresse', 'kennung'
])
const DELIMITERS = ['\t', ';', ','] as const
const EXTENSION = /\.[a-z0-9]{1,5}$/

export function parseMappingCsv(input: string | Uint8Array): MappingParse {
  const text = (typeof input === 'string' ? input : decode(input)).replace(/^\ufeff/, '').replace(/\r\n?/g, '\n')
  const lines = text.split('\n')
  const delimiter = detectDelimiter(lines.find((l) => l.trim() !== '') ?? '')
  const problems: MappingProblem[] = []
  const rows = readRecords(lines, delimiter, problems)
  const entries: MappingEntry[] = []
  const first = rows[0]
  const columns = first ? headerColumns(first.cells) : undefined
  if (columns === 'unknown') {
    problems.push({ line: first?.line ?? 1, reason: 'no-columns' })
    return { mapping: buildMapping([]), problems }
  }
  const { file: fileCol, people: personCols } = columns ?? { file: 0, people: [1] }
  const byPath = new Map<string, MappingEntry>()
  for (const row of columns ? rows.slice(1) : rows) {
    const file = (row.cells[fileCol] ?? '').trim()
    const target = personCols.map((c) => (row.cells[c] ?? '').trim()).find((v) => v !== '') ?? ''
    if (file === '' && target === '') continue
    if (file === '') problems.push({ line: row.line, reason: 'no-file' })
    else if (target === '') problems.push({ line: row.line, reason: 'no-person' })
    else {
      const key = mappingFileKey(file)
      const before = byPath.get(key)
      if (before && before.target.toLowerCase() !== target.toLowerCase()) {
        problems.push({ line: row.line, reason: 'conflict', firstLine: before.line })
      } else if (!before) {
        const entry = { file, target, line: row.line }
        byPath.set(key, entry)
        entries.push(entry)
      }
    }
  }
  problems.sort((a, b) => a.line - b.line)
  return { mapping: buildMapping(entries), problems }
}

/** The mapping row for a dropped file: same path, else same name in any folder, else same name without extension. */
export function mappingFor(mapping: Mapping, file: string): MappingEntry | undefined {
  const key = mappingFileKey(file)
  return mapping.byPath.get(key) ?? mapping.byName.get(baseName(key)) ?? mapping.byStem.get(stemOf(baseName(key))) ?? undefined
}

/** How file names compare: '/' separated, no leading './', case and Unicode form ignored. */
export function mappingFileKey(file: string): string {
  return file
    .normalize('NFC')
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/|\/)+/, '')
    .toLowerCase()
}

export function emptyMapping(): Mapping {
  return buildMapping([])
}

function buildMapping(entries: readonly MappingEntry[]): Mapping {
  const byPath = new Map<string, MappingEntry>()
  const byName = new Map<string, MappingEntry | null>()
  const byStem = new Map<string, MappingEntry | null>()
  const once = (map: Map<string, MappingEntry | null>, key: string, e: MappingEntry): void => {
    const had = map.get(key)
    map.set(key, had === undefined || had?.target.toLowerCase() === e.target.toLowerCase() ? e : null)
  }
  for (const e of entries) {
    const key = mappingFileKey(e.file)
    byPath.set(key, e)
    once(byName, baseName(key), e)
    once(byStem, stemOf(baseName(key)), e)
  }
  return { entries, byPath, byName, byStem }
}

interface CsvRow {
  readonly line: number
  readonly cells: readonly string[]
}

/**
 * All records with the line each starts on. A record csv-parse cannot read becomes a 'malformed'
 * problem and reading goes on from the next line, so one stray quote does not lose the rest.
 */
function readRecords(lines: readonly string[], delimiter: string, problems: MappingProblem[]): CsvRow[] {
  const rows: CsvRow[] = []
  let offset = 0 // lines before the chunk being parsed
  while (offset < lines.length) {
    let lastEnd = offset
    try {
      parse(lines.slice(offset).join('\n'), {
        delimiter,
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
        on_record: (record: string[], context: { lines: number }) => {
          rows.push({ line: startLine(lines, lastEnd), cells: record })
          lastEnd = offset + context.lines
          return record
        }
      })
      return rows
    } catch {
      const bad = startLine(lines, lastEnd)
      problems.push({ line: bad, reason: 'malformed' })
      offset = bad
    }
  }
  return rows
}

/** The first non-blank line after `end` (1-based). */
function startLine(lines: readonly string[], end: number): number {
  let line = end + 1
  while (line < lines.length && (lines[line - 1] ?? '').trim() === '') line++
  return line
}

function headerColumns(cells: readonly string[]): { file: number; people: number[] } | 'unknown' | undefined {
  const names = cells.map((c) => foldKey(c).replace(/[^a-z0-9]/g, ''))
  let file = names.findIndex((n) => FILE_HEADERS.has(n))
  let people = names.flatMap((n, i) => (PERSON_HEADERS.has(n) && i !== file ? [i] : []))
  if (file < 0 && people.length === 0) return undefined
  // One known header and one other column: the other is the missing role.
  if (file < 0 && people.length === 1 && cells.length === 2) file = people[0] === 0 ? 1 : 0
  if (people.length === 0 && cells.length === 2) people = [file === 0 ? 1 : 0]
  return file < 0 || people.length === 0 ? 'unknown' : { file, people }
}

/** The separator that occurs most outside quotes on the first line; ';' and tab win ties (',' is common in "Berg, Anna"). */
function detectDelimiter(line: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]))
  let quoted = false
  for (const ch of line) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  }
  let best: string = ','
  let bestCount = 0
  for (const d of DELIMITERS) {
    const n = counts.get(d) ?? 0
    if (n > bestCount) {
      best = d
      bestCount = n
    }
  }
  return best
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Not UTF-8: Excel on Windows saves "CSV" in the system code page, which for the languages this app
    // serves is Windows-1252.
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

function baseName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1)
}

function stemOf(name: string): string {
  return name.replace(EXTENSION, '')
}
