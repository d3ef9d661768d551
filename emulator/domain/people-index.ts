// Sorted views of the people list for /people and /people/filter. Each sort key is sorted once (and again only
// after a list-relevant change), so a page over 50,000 people is a filtered walk, not a sort per request.

import { fold } from './fold'
import type { UserRecord } from './model'
import type { PortalStore } from './store'

export type SortKey =
  | 'firstname'
  | 'lastname'
  | 'displayname'
  | 'type'
  | 'email'
  | 'department'
  | 'usedspace'
  | 'createdby'
  | 'registrationdate'

const SORT_KEYS: readonly SortKey[] = ['firstname', 'lastname', 'displayname', 'type', 'email', 'department', 'usedspace', 'createdby', 'registrationdate']

/** UserSortType parsing: case-insensitive, unknown values fall back to firstname. */
export function parseSortBy(raw: string | undefined): SortKey {
  const v = (raw ?? '').trim().toLowerCase()
  return (SORT_KEYS as readonly string[]).includes(v) ? (v as SortKey) : 'firstname'
}

/** sortOrder: "descending" or 1 means descending; anything else ascending (legacy: only the literal). */
export function parseDescending(raw: string | undefined, strict: boolean): boolean {
  const v = (raw ?? '').trim().toLowerCase()
  return v === 'descending' || (strict && v === '1')
}

function typeRank(u: UserRecord): number {
  if (u.isOwner) return 0
  switch (u.type) {
    case 'DocSpaceAdmin':
      return 1
    case 'RoomAdmin':
      return 2
    case 'User':
      return 3
    case 'Guest':
      return 4
  }
}

export interface PageRequest {
  sortBy: SortKey
  descending: boolean
  startIndex: number
  count: number
  filter?: (u: UserRecord) => boolean
  /**
   * Identifies `filter` (same key = same predicate). With it the matches are kept, so paging through one
   * filtered list walks the 50,000 people once, not once per page.
   */
  filterKey?: string
}

export interface Page {
  items: UserRecord[]
  total: number
}

const MAX_CACHED_FILTERS = 64

export class PeopleIndex {
  private readonly cache = new Map<SortKey, { revision: number; order: UserRecord[] }>()
  private readonly filtered = new Map<string, { revision: number; matches: UserRecord[] }>()

  constructor(private readonly store: PortalStore) {}

  sorted(key: SortKey): UserRecord[] {
    const hit = this.cache.get(key)
    if (hit && hit.revision === this.store.listRevision) return hit.order
    const order = this.sort(key)
    this.cache.set(key, { revision: this.store.listRevision, order })
    return order
  }

  page(request: PageRequest): Page {
    const order = this.sorted(request.sortBy)
    const { startIndex, count, filter } = request
    const n = order.length
    const at = (i: number): UserRecord => order[request.descending ? n - 1 - i : i] as UserRecord
    if (!filter) {
      const items: UserRecord[] = []
      for (let i = startIndex; i < Math.min(n, startIndex + count); i++) items.push(at(i))
      return { items, total: n }
    }
    if (request.filterKey !== undefined) {
      const matches = this.matches(order, request.descending, filter, `${request.sortBy}|${request.descending}|${request.filterKey}`)
      return { items: matches.slice(startIndex, startIndex + count), total: matches.length }
    }
    const items: UserRecord[] = []
    let total = 0
    for (let i = 0; i < n; i++) {
      const u = at(i)
      if (!filter(u)) continue
      if (total >= startIndex && items.length < count) items.push(u)
      total++
    }
    return { items, total }
  }

  private matches(order: UserRecord[], descending: boolean, filter: (u: UserRecord) => boolean, key: string): UserRecord[] {
    const hit = this.filtered.get(key)
    if (hit && hit.revision === this.store.listRevision) return hit.matches
    const matches: UserRecord[] = []
    const n = order.length
    for (let i = 0; i < n; i++) {
      const u = order[descending ? n - 1 - i : i] as UserRecord
      if (filter(u)) matches.push(u)
    }
    if (this.filtered.size >= MAX_CACHED_FILTERS) {
      const oldest = this.filtered.keys().next().value
      if (oldest !== undefined) this.filtered.delete(oldest)
    }
    this.filtered.set(key, { revision: this.store.listRevision, matches })
    return matches
  }

  private sort(key: SortKey): UserRecord[] {
    // Folded keys compared as plain strings: fast, and accent-insensitive like the database collation.
    const keyOf = this.keyFunction(key)
    const decorated = this.store.users.map((u) => ({ u, k: keyOf(u), tie: `${u.firstFolded}\u0000${u.lastFolded}\u0000${u.id}` }))
    decorated.sort((a, b) => {
      if (a.k < b.k) return -1
      if (a.k > b.k) return 1
      return a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0
    })
    return decorated.map((d) => d.u)
  }

  private keyFunction(key: SortKey): (u: UserRecord) => string | number {
    switch (key) {
      case 'firstname':
      case 'displayname': // display-name format "FirstName LastName" sorts by first name
        return (u) => u.firstFolded
      case 'lastname':
        return (u) => u.lastFolded
      case 'type':
        return typeRank
      case 'email':
        return (u) => u.email.toLowerCase()
      case 'department':
        return (u) => {
          const g = u.groupIds[0] ? this.store.groupById(u.groupIds[0]) : undefined
          return g ? fold(g.name) : ''
        }
      case 'usedspace':
        return (u) => u.usedSpace
      case 'createdby':
        return (u) => {
          const c = u.createdBy ? this.store.userById(u.createdBy) : undefined
          return c ? fold(`${c.firstName} ${c.lastName}`) : ''
        }
      case 'registrationdate':
        return (u) => u.registrationMs
    }
  }
}
