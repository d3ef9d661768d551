/**
 * The people cache's body: the list field by field (CachedPeopleBody in preload/contract.ts), as
 * ASCII-only JSON text. The renderer reads it back (renderer/src/people/people-cache-body.ts).
 */
import type { CachedPeopleBody, CachedTable, Person } from '../../preload/contract'

/** Distinct values in order of first appearance. */
class Distinct<T> {
  readonly values: T[] = []
  readonly #at = new Map<string, number>()

  positionOf(key: string, value: T): number {
    let position = this.#at.get(key)
    if (position === undefined) {
      position = this.values.length
      this.values.push(value)
      this.#at.set(key, position)
    }
    return position
  }
}

/** The distinct values of a field, and each person's position among them. */
function table<T>(people: readonly Person[], valueOf: (p: Person) => T, keyOf: (value: T) => string): CachedTable<T> {
  const distinct = new Distinct<T>()
  const of = people.map((p) => {
    const value = valueOf(p)
    return distinct.positionOf(keyOf(value), value)
  })
  return { table: distinct.values, of }
}

const itself = (s: string): string => s

function texts(people: readonly Person[], valueOf: (p: Person) => string): CachedTable<string> {
  return table(people, valueOf, itself)
}

/** Where the query (the photo's ?hash= key) starts, or the end. */
function queryAt(ref: string): number {
  const at = ref.indexOf('?')
  return at < 0 ? ref.length : at
}

/** Characters outside ASCII as JSON \u escapes (surrogate pairs as two), which JSON.parse reads back. */
function asciiOnly(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

export function encodePeopleBody(people: readonly Person[]): string {
  const groups = new Distinct<[string, string]>()
  const groupSets = table(
    people,
    (p) => p.groups.map((g) => groups.positionOf(JSON.stringify([g.id, g.name]), [g.id, g.name])),
    (positions) => positions.join()
  )
  const body: CachedPeopleBody = {
    count: people.length,
    id: people.map((p) => p.id),
    displayName: people.map((p) => p.displayName),
    email: people.map((p) => p.email),
    firstName: texts(people, (p) => p.firstName),
    lastName: texts(people, (p) => p.lastName),
    title: texts(people, (p) => p.title),
    department: texts(people, (p) => p.department),
    status: texts(people, (p) => p.status),
    role: texts(people, (p) => p.role),
    refusal: texts(people, (p) => p.refusal ?? ''),
    photoPath: table(
      people,
      (p) => {
        const path = p.smallPhoto.slice(0, queryAt(p.smallPhoto))
        return p.id === '' ? [path] : path.split(p.id)
      },
      (pieces) => JSON.stringify(pieces)
    ),
    photoQuery: people.map((p) => p.smallPhoto.slice(queryAt(p.smallPhoto))),
    flags: people.map((p) => (p.hasPhoto ? 1 : 0) | (p.canEditPhoto ? 2 : 0)),
    groupTable: groups.values,
    groups: groupSets
  }
  return asciiOnly(JSON.stringify(body))
}
