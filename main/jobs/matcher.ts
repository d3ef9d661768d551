/**
 * Matches dropped files to people of the portal (pure). The strongest rule that finds anyone decides:
 * mapping CSV, email, user id, email local part, user name, then names (full names before partial
 * ones like "Anna Berg" for Anna Maria Berg, written-apart before run-together). Several people under
 * the deciding rule make the file ambiguous; nobody under any rule leaves it unmatched.
 */
import type { BulkCandidate, MatchRule, Person } from '../../preload/contract'
import { fileNameKeys, type NameCandidate, type Separator } from './file-name'
import { mappingFor, type Mapping } from './mapping-csv'
import { emailKey, emailLocalKey, foldKey, foldVariants, keyWords } from './name-key'

/** What the matcher reads of a person. Person has no userName yet; pass it where the portal's DTO gave one. */
export type MatchPerson = Pick<Person, 'id' | 'displayName' | 'firstName' | 'lastName' | 'email' | 'department'> & {
  readonly userName?: string
}

export interface MatchFile {
  readonly rowId: string
  /** The file's path inside the dropped folder or ZIP ('/'-separated) or its name. */
  readonly file: string
}

export interface Match {
  readonly rowId: string
  readonly state: 'matched' | 'ambiguous' | 'unmatched'
  readonly userId?: string
  /** The rule that decided; also set when a mapping row names nobody of the portal ('unmatched'). */
  readonly rule?: MatchRule
  /** For 'ambiguous': everyone who fits under the deciding rule. */
  readonly candidates?: readonly BulkCandidate[]
}

/**
 * One way to write one person's name, packed in a number (an index holds hundreds of thousands):
 * person * 32 + 16 if last name first + how many of the file's words belong to the part written first.
 */
type NameEntry = number

function nameEntry(person: number, reverse: boolean, boundary: number): NameEntry {
  return person * 32 + (reverse ? 16 : 0) + Math.min(boundary, 15)
}
const personOf = (e: NameEntry): number => Math.floor(e / 32)
const isReverse = (e: NameEntry): boolean => (e & 16) !== 0
const boundaryOf = (e: NameEntry): number => e & 15

export interface PeopleIndex {
  readonly people: readonly MatchPerson[]
  readonly byId: ReadonlyMap<string, number>
  readonly byEmail: ReadonlyMap<string, number[]>
  readonly byLocal: ReadonlyMap<string, number[]>
  readonly byUserName: ReadonlyMap<string, number[]>
  readonly byDisplayName: ReadonlyMap<string, number[]>
  readonly fullNames: ReadonlyMap<string, NameEntry[]>
  readonly partialNames: ReadonlyMap<string, NameEntry[]>
  /** Run-together names ("annaberg"), looked at only when no written-apart name fits. */
  readonly compactNames: ReadonlyMap<string, NameEntry[]>
}

/** Run-together keys shorter than this are initials or nicknames, not names. */
const MIN_COMPACT = 4

/** Indexes people once, so each file is a few map look-ups (5,000 files against 50,000 people). */
export function indexPeople(people: readonly MatchPerson[]): PeopleIndex {
  const byId = new Map<string, number>()
  const byEmail = new Map<string, number[]>()
  const byLocal = new Map<string, number[]>()
  const byUserName = new Map<string, number[]>()
  const byDisplayName = new Map<string, number[]>()
  const fullNames = new Map<string, NameEntry[]>()
  const partialNames = new Map<string, NameEntry[]>()
  const compactNames = new Map<string, NameEntry[]>()
  // First and last names repeat a lot in a large organisation: fold each once.
  const folded = new Map<string, string[][]>()
  const words = (part: string): string[][] => {
    let hit = folded.get(part)
    if (hit === undefined) {
      // Single letters ("Anna M.") are initials: file names leave them out.
      hit = foldVariants(part)
        .map((v) => keyWords(v).filter((w) => w.length > 1))
        .filter((w) => w.length > 0)
      folded.set(part, hit)
    }
    return hit
  }
  people.forEach((p, i) => {
    byId.set(p.id.toLowerCase(), i)
    if (p.email.includes('@')) {
      push(byEmail, emailKey(p.email), i)
      push(byLocal, emailLocalKey(p.email), i)
    }
    if (p.userName) push(byUserName, foldKey(p.userName.trim()), i)
    const display = keyWords(foldKey(p.displayName)).join(' ')
    if (display !== '') push(byDisplayName, display, i)
    const add = (map: Map<string, NameEntry[]>, key: string, entry: NameEntry): void => {
      const list = map.get(key)
      if (!list) return void map.set(key, [entry])
      // This person's entries are at the end of the list: skip the same form met through another spelling.
      for (let j = list.length - 1; j >= 0 && personOf(list[j] ?? 0) === i; j--) if (list[j] === entry) return
      list.push(entry)
    }
    for (const [first, last] of nameParts(p, words)) {
      for (const [f, l, full] of nameForms(first, last)) {
        const map = full ? fullNames : partialNames
        add(map, [...f, ...l].join(' '), nameEntry(i, false, f.length))
        add(map, [...l, ...f].join(' '), nameEntry(i, true, l.length))
        if (f.length > 1 || l.length > 1) {
          add(map, `${f.join('')} ${l.join('')}`, nameEntry(i, false, 1))
          add(map, `${l.join('')} ${f.join('')}`, nameEntry(i, true, 1))
        }
        if (full) {
          add(compactNames, f.join('') + l.join(''), nameEntry(i, false, 0))
          add(compactNames, l.join('') + f.join(''), nameEntry(i, true, 0))
        }
      }
    }
  })
  return { people, byId, byEmail, byLocal, byUserName, byDisplayName, fullNames, partialNames, compactNames }
}

/** Matches every file against the same index. */
export function matchFiles(files: readonly MatchFile[], people: readonly MatchPerson[] | PeopleIndex, mapping?: Mapping): Match[] {
  const index = isIndex(people) ? people : indexPeople(people)
  return files.map((f) => matchFile(index, f, mapping))
}

export function matchFile(index: PeopleIndex, { rowId, file }: MatchFile, mapping?: Mapping): Match {
  const entry = mapping ? mappingFor(mapping, file) : undefined
  if (entry) return decide(index, rowId, resolveTarget(index, entry.target), 'mapping') ?? { rowId, state: 'unmatched', rule: 'mapping' }
  const keys = fileNameKeys(file)
  const byEmail = keys.emails.flatMap((e) => index.byEmail.get(e) ?? [])
  const id = keys.userId !== undefined ? index.byId.get(keys.userId) : undefined
  return (
    decide(index, rowId, byEmail, 'email') ??
    decide(index, rowId, id !== undefined ? [id] : [], 'user-id') ??
    firstDecided(keys.handles, (h) => decide(index, rowId, index.byLocal.get(h) ?? [], 'email-local')) ??
    firstDecided(keys.handles, (h) => decide(index, rowId, index.byUserName.get(h) ?? [], 'user-name')) ??
    matchName(index, rowId, keys.names) ?? { rowId, state: 'unmatched' }
  )
}

/**
 * Files matched to the same person, by user id (only people with two or more files). The caller
 * turns these into 'duplicate' rows; the order is the order of the matches.
 */
export function findDuplicates(matches: readonly Match[]): ReadonlyMap<string, readonly string[]> {
  const byUser = new Map<string, string[]>()
  for (const m of matches) if (m.state === 'matched' && m.userId !== undefined) push(byUser, m.userId, m.rowId)
  for (const [userId, rows] of byUser) if (rows.length < 2) byUser.delete(userId)
  return byUser
}

function matchName(index: PeopleIndex, rowId: string, names: readonly NameCandidate[]): Match | undefined {
  const levels = [0, 1, 2] as const
  const lookups: [ReadonlyMap<string, NameEntry[]>, boolean][] = [
    [index.fullNames, false],
    [index.partialNames, false],
    [index.compactNames, true]
  ]
  for (const [map, compact] of lookups) {
    for (const level of levels) {
      const hits = new Map<number, MatchRule>()
      for (const name of names) {
        if (name.level !== level) continue
        if (!compact && name.words.length < 2) continue
        const key = compact ? name.words.join('') : name.words.join(' ')
        if (compact && key.length < MIN_COMPACT) continue
        for (const e of map.get(key) ?? []) {
          const rule = nameRule(e, name.separators, compact)
          if (rule !== undefined && !hits.has(personOf(e))) hits.set(personOf(e), rule)
        }
      }
      const [first] = hits
      if (first === undefined) continue
      // An ambiguous row shows the rule that fitted its first candidate.
      return hits.size === 1 ? matched(index, rowId, first[0], first[1]) : ambiguous(index, rowId, [...hits.keys()], first[1])
    }
  }
  return undefined
}

/** The rule a name entry stands for, given how the file separated the two parts (undefined: does not fit). */
function nameRule(e: NameEntry, separators: readonly Separator[], compact: boolean): MatchRule | undefined {
  if (compact) return isReverse(e) ? 'last-first' : 'first-last'
  const between = separators[boundaryOf(e) - 1]
  // A comma means "Last, First" and nothing else.
  if (separators.includes(',')) return isReverse(e) && between === ',' ? 'last-comma-first' : undefined
  if (isReverse(e)) return 'last-first'
  if (between === '.') return 'first.last'
  if (between === '_') return 'first_last'
  return 'first-last'
}

function decide(index: PeopleIndex, rowId: string, people: readonly number[], rule: MatchRule): Match | undefined {
  const unique = [...new Set(people)]
  if (unique.length === 0) return undefined
  const [only] = unique
  if (unique.length === 1 && only !== undefined) return matched(index, rowId, only, rule)
  return ambiguous(index, rowId, unique, rule)
}

function matched(index: PeopleIndex, rowId: string, person: number, rule: MatchRule): Match {
  return { rowId, state: 'matched', userId: index.people[person]?.id ?? '', rule }
}

function ambiguous(index: PeopleIndex, rowId: string, people: readonly number[], rule: MatchRule): Match {
  const candidates = people.flatMap((i) => {
    const p = index.people[i]
    return p ? [{ userId: p.id, displayName: p.displayName, email: p.email, department: p.department }] : []
  })
  return { rowId, state: 'ambiguous', rule, candidates }
}

/** A mapping value is an email, a user id, a user name or login, or a display name, told apart by its shape. */
function resolveTarget(index: PeopleIndex, target: string): number[] {
  const value = target.trim()
  if (value.includes('@')) return index.byEmail.get(emailKey(value)) ?? []
  const id = index.byId.get(value.toLowerCase().replace(/^\{|\}$/g, ''))
  if (id !== undefined) return [id]
  const folded = foldKey(value)
  const byLogin = index.byUserName.get(folded) ?? index.byLocal.get(folded)
  if (byLogin) return byLogin
  return index.byDisplayName.get(keyWords(folded).join(' ')) ?? []
}

/** First name and last name as word lists, in each spelling variant ("Müller" and "Mueller"). */
function nameParts(p: MatchPerson, words: (part: string) => string[][]): [string[], string[]][] {
  let firstNames = p.firstName.trim()
  let lastNames = p.lastName.trim()
  if (firstNames === '' || lastNames === '') {
    // Only a display name: its last word is taken as the last name.
    const all = p.displayName.trim().split(/\s+/)
    if (all.length < 2) return []
    lastNames = all.pop() ?? ''
    firstNames = all.join(' ')
  }
  const out: [string[], string[]][] = []
  for (const first of words(firstNames)) for (const last of words(lastNames)) out.push([first, last])
  return out
}

/**
 * The full name, and for double names the forms people shorten them to: "Anna Maria Berg" -> "Anna
 * Berg", "José García López" -> "José García". The boolean says full.
 */
function nameForms(first: string[], last: string[]): [string[], string[], boolean][] {
  const forms: [string[], string[], boolean][] = [[first, last, true]]
  const f0 = first.slice(0, 1)
  const l0 = last.slice(0, 1)
  if (first.length > 1) forms.push([f0, last, false])
  if (last.length > 1) forms.push([first, l0, false])
  if (first.length > 1 && last.length > 1) forms.push([f0, l0, false])
  return forms
}

function firstDecided<T>(items: readonly T[], fn: (item: T) => Match | undefined): Match | undefined {
  for (const item of items) {
    const m = fn(item)
    if (m) return m
  }
  return undefined
}

function isIndex(x: readonly MatchPerson[] | PeopleIndex): x is PeopleIndex {
  return !Array.isArray(x)
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
