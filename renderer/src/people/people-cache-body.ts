/**
 * The people of main's cache (CachedPeopleBody in preload/contract.ts, written by main's
 * people-cache-body.ts) back as Person rows. Main hands the bytes over unread, so everything is
 * checked here: a body of any other shape, a value of the wrong type, a position outside its table or
 * a status, role or refusal the app does not know makes the whole cache unusable (null), and the
 * list then loads as on a first start.
 */
import type { GroupRef, Person, PersonStatus, RefusalRule, Role } from '../../../preload/contract'

const STATUSES: ReadonlySet<string> = new Set(Object.keys({ active: 1, disabled: 1, pending: 1 } satisfies Record<PersonStatus, 1>))
const ROLES: ReadonlySet<string> = new Set(Object.keys({ owner: 1, admin: 1, 'room-admin': 1, user: 1, guest: 1 } satisfies Record<Role, 1>))
const REFUSALS: ReadonlySet<string> = new Set(['', ...Object.keys({ 'self-only': 1, owner: 1, 'other-admin': 1, terminated: 1, role: 1 } satisfies Record<RefusalRule, 1>)])

const utf8 = new TextDecoder('utf-8', { fatal: true })

function invalid(): never {
  throw new Error('not a cached people body')
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : invalid()
}

function array(value: unknown, length?: number): unknown[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) invalid()
  return value
}

function strings(value: unknown, length?: number): string[] {
  const list = array(value, length)
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== 'string') invalid()
  return list as string[]
}

/** Positions into a table of `size` entries. */
function positions(value: unknown, length: number, size: number): number[] {
  const list = array(value, length)
  for (let i = 0; i < list.length; i++) {
    const at = list[i]
    if (typeof at !== 'number' || !(at >= 0 && at < size) || at % 1 !== 0) invalid()
  }
  return list as number[]
}

/** A table's entries (each checked by `entry`) and each person's position among them. */
function table<T>(value: unknown, count: number, entry: (item: unknown) => T): { table: T[]; of: number[] } {
  const c = record(value)
  const entries = array(c['table']).map(entry)
  return { table: entries, of: positions(c['of'], count, entries.length) }
}

/** A table of strings as one value per person; only the distinct values need checking against `allowed`. */
function texts(value: unknown, count: number, allowed?: ReadonlySet<string>): string[] {
  const t = table(value, count, (s) => (typeof s === 'string' && (allowed === undefined || allowed.has(s)) ? s : invalid()))
  const out = new Array<string>(count)
  for (let i = 0; i < count; i++) out[i] = t.table[t.of[i] as number] as string
  return out
}

function decode(body: Record<string, unknown>): Person[] {
  const count = body['count']
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) invalid()
  const id = strings(body['id'], count)
  const displayName = strings(body['displayName'], count)
  const email = strings(body['email'], count)
  const firstName = texts(body['firstName'], count)
  const lastName = texts(body['lastName'], count)
  const title = texts(body['title'], count)
  const department = texts(body['department'], count)
  const status = texts(body['status'], count, STATUSES) as PersonStatus[]
  const role = texts(body['role'], count, ROLES) as Role[]
  const refusal = texts(body['refusal'], count, REFUSALS) as (RefusalRule | '')[]
  const photoPath = table(body['photoPath'], count, (pieces) => {
    const list = strings(pieces)
    return list.length > 0 ? list : invalid()
  })
  const photoQuery = strings(body['photoQuery'], count)
  const flags = positions(body['flags'], count, 4)
  // One object per group, and one list per combination of groups, shared by everyone in it: rows
  // only read them.
  const groupTable: GroupRef[] = array(body['groupTable']).map((g) => {
    const [groupId, name] = strings(g, 2) as [string, string]
    return Object.freeze({ id: groupId, name })
  })
  const groups = table(body['groups'], count, (list) => {
    const of = array(list)
    return Object.freeze(positions(of, of.length, groupTable.length).map((i) => groupTable[i] as GroupRef))
  })

  const people = new Array<Person>(count)
  for (let i = 0; i < count; i++) {
    const personId = id[i] as string
    const pieces = photoPath.table[photoPath.of[i] as number] as string[]
    const f = flags[i] as number
    const person: { -readonly [K in keyof Person]: Person[K] } = {
      id: personId,
      displayName: displayName[i] as string,
      firstName: firstName[i] as string,
      lastName: lastName[i] as string,
      email: email[i] as string,
      title: title[i] as string,
      department: department[i] as string,
      groups: groups.table[groups.of[i] as number] as readonly GroupRef[],
      status: status[i] as PersonStatus,
      role: role[i] as Role,
      hasPhoto: (f & 1) !== 0,
      smallPhoto: (pieces.length === 1 ? (pieces[0] as string) : pieces.join(personId)) + (photoQuery[i] as string),
      canEditPhoto: (f & 2) !== 0
    }
    const rule = refusal[i] as RefusalRule | ''
    if (rule !== '') person.refusal = rule
    people[i] = person
  }
  return people
}

/** The cached people from main's body (UTF-8 bytes); null for anything that is not such a body. */
export function parseCachedPeople(bytes: Uint8Array): Person[] | null {
  try {
    return decode(record(JSON.parse(utf8.decode(bytes))))
  } catch {
    // Not UTF-8, not JSON, or not this shape: no cache.
    return null
  }
}
