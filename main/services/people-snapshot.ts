/**
 * Gathers the pages of one full people load as main serves them, so the cache is saved from the
 * portal's own answers (never from what the renderer sends back) without the list crossing IPC twice.
 * A load starts with the page at index 0; it is complete when its pages cover the list without a
 * gap: up to the portal's total, or up to a page that came back shorter than asked (the list ended
 * there, as the renderer's loader also decides).
 *
 * Main keeps only each page's size; the people go to an observer as each page joins a load (the
 * cache's worker thread, people-cache-worker.ts), which gathers them in the same order. At the end
 * only the load's number and its pages' order cross to it, never the whole list at once.
 */
import type { Person } from '../../preload/contract'

export interface SnapshotPage {
  readonly startIndex: number
  readonly asked: number
  readonly total: number
  readonly people: readonly Person[]
}

export interface LoadObserver {
  /** The page joined load `load` (a page at index 0 starts a new one). */
  page(load: number, page: SnapshotPage): void
  /** Load `load` will never complete: a new load replaced it, or it was dropped. */
  abandoned(load: number): void
}

/** A complete load: its number, and the start indices of the pages that cover it, in portal order. */
export interface CompleteLoad {
  readonly load: number
  readonly pages: readonly number[]
}

interface Load {
  readonly id: number
  readonly total: number
  readonly pages: Map<number, PageSize>
}

interface PageSize {
  readonly asked: number
  readonly count: number
}

export class PeopleSnapshots {
  readonly #loads = new Map<string, Load>()
  readonly #observer: LoadObserver
  #nextId = 1

  constructor(observer: LoadObserver) {
    this.#observer = observer
  }

  /** Notes one answered page; returns its load when this page completed it, else null. */
  add(accountId: string, page: SnapshotPage): CompleteLoad | null {
    if (page.startIndex === 0) {
      this.drop(accountId)
      this.#loads.set(accountId, { id: this.#nextId++, total: page.total, pages: new Map() })
    }
    const load = this.#loads.get(accountId)
    if (!load) return null
    load.pages.set(page.startIndex, { asked: page.asked, count: page.people.length })
    this.#observer.page(load.id, page)
    const pages = coveringPages(load.total, load.pages)
    if (pages === null) return null
    this.#loads.delete(accountId)
    return { load: load.id, pages }
  }

  drop(accountId: string): void {
    const load = this.#loads.get(accountId)
    if (!load) return
    this.#loads.delete(accountId)
    this.#observer.abandoned(load.id)
  }
}

/** The start indices of the pages that cover the list, in order, or null while there is a gap. */
function coveringPages(total: number, pages: ReadonlyMap<number, PageSize>): number[] | null {
  const out: number[] = []
  let cursor = 0
  for (;;) {
    if (cursor >= total && cursor > 0) return out
    const page = pages.get(cursor)
    if (!page) return null
    out.push(cursor)
    if (page.count < page.asked || page.count === 0) return out
    cursor += page.count
  }
}

/** Everyone on the given pages, in their order, each id once (the first time it appears). */
export function everyoneOn(pages: readonly (readonly Person[])[]): Person[] {
  const out: Person[] = []
  const seen = new Set<string>()
  for (const people of pages) {
    for (const person of people) {
      if (seen.has(person.id)) continue
      seen.add(person.id)
      out.push(person)
    }
  }
  return out
}
