/**
 * A second start: the list main cached on the last full load is shown at once, the portal's pages
 * load in the background, and only the differences are applied. Unchanged people keep their entry
 * objects (same identity), so Vue leaves their rows alone; the list keeps its length, scroll position
 * and selection except where people really came or went.
 */
import type { AppError, PeoplePage, Person, Result } from '../../../preload/contract'
import { loadAllPeople, PageAccumulator } from './page-loader'
import { indexPerson, type IndexedPerson } from './people-index'

export interface FreshList {
  readonly list: IndexedPerson[]
  readonly added: number
  readonly removed: number
  readonly changed: number
}

/**
 * The fresh list in portal order, reusing the entry of every person whose data did not change. An
 * unchanged person whose position moved (someone was added before them) keeps their entry too: its
 * `order`, only the sort's last tie-breaker, is updated in place, which Vue does not watch (entries
 * are never reactive: see indexPerson) and which the caller's new array makes the sort see.
 */
export function applyFresh(current: readonly IndexedPerson[], fresh: readonly Person[]): FreshList {
  const byId = new Map<string, IndexedPerson>()
  for (const entry of current) byId.set(entry.person.id, entry)
  const list: IndexedPerson[] = []
  let added = 0
  let changed = 0
  let kept = 0
  fresh.forEach((person, order) => {
    const old = byId.get(person.id)
    if (old && samePerson(old.person, person)) {
      if (old.order !== order) (old as { order: number }).order = order
      list.push(old)
      kept++
      return
    }
    if (old) changed++
    else added++
    list.push(indexPerson(person, order))
  })
  return { list, added, changed, removed: current.length - kept - changed }
}

/** Field by field: the cached copy went through JSON, so only values can be compared. */
export function samePerson(a: Person, b: Person): boolean {
  if (a === b) return true
  if (
    a.id !== b.id ||
    a.displayName !== b.displayName ||
    a.firstName !== b.firstName ||
    a.lastName !== b.lastName ||
    a.email !== b.email ||
    a.title !== b.title ||
    a.department !== b.department ||
    a.status !== b.status ||
    a.role !== b.role ||
    a.hasPhoto !== b.hasPhoto ||
    a.smallPhoto !== b.smallPhoto ||
    a.canEditPhoto !== b.canEditPhoto ||
    a.refusal !== b.refusal ||
    a.groups.length !== b.groups.length
  ) {
    return false
  }
  return a.groups.every((g, i) => g.id === b.groups[i]?.id && g.name === b.groups[i]?.name)
}

export interface RefreshOptions {
  readonly fetchPage: (startIndex: number, count: number) => Promise<Result<PeoplePage>>
  readonly signal: AbortSignal
}

/**
 * Everyone from the portal, gathered without showing partial pages (the cached list stays on screen
 * meanwhile); the same paging, bounds and checks as a first load.
 */
export async function fetchEveryone(options: RefreshOptions): Promise<Result<readonly Person[]>> {
  const pages = new PageAccumulator<Person>((p) => p.id)
  const result = await loadAllPeople({ signal: options.signal, fetchPage: options.fetchPage, onPage: (page) => pages.add(page.startIndex, page.people) })
  if (!result.ok) return result
  return { ok: true, value: pages.inPortalOrder() }
}

export const SUPERSEDED: AppError = { code: 'app/cancelled', message: 'Superseded by another load.' }
