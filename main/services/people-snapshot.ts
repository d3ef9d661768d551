/**
 * Gathers the pages of one full people load as main serves them, so the cache is saved from the
 * portal's own answers (never from what the renderer sends back) without the list crossing IPC twice.
 * A load starts with the page at index 0; it is complete when its pages cover the list without a
 * gap: up to the portal's total, or up to a page that came back shorter than asked (the list ended
 * there, as the renderer's loader also decides).
 */
import type { Person } from '../../preload/contract'

interface Load {
  readonly total: number
  readonly pages: Map<number, { readonly asked: number; readonly people: readonly Person[] }>
  /**
   * Where the pages from 0 stop covering the list. Moved forward as pages arrive, so noting a page
   * costs its own length: walking every page again on each one was quadratic (50,000 people in 500
   * pages: 12 million steps on main's thread during the load).
   */
  covered: number
}

export class PeopleSnapshots {
  readonly #loads = new Map<string, Load>()

  /**
   * Notes one answered page; returns everyone (in portal order, each id once) when this page
   * completed the load, else null.
   */
  add(accountId: string, page: { readonly startIndex: number; readonly asked: number; readonly total: number; readonly people: readonly Person[] }): readonly Person[] | null {
    if (page.startIndex === 0) this.#loads.set(accountId, { total: page.total, pages: new Map(), covered: 0 })
    const load = this.#loads.get(accountId)
    if (!load) return null
    load.pages.set(page.startIndex, { asked: page.asked, people: page.people })
    if (!advance(load)) return null
    this.#loads.delete(accountId)
    return everyone(load)
  }

  drop(accountId: string): void {
    this.#loads.delete(accountId)
  }
}

/** Moves `covered` over the pages that continue it; true once they reach the end of the list. */
function advance(load: Load): boolean {
  for (;;) {
    if (load.covered >= load.total && load.covered > 0) return true
    const page = load.pages.get(load.covered)
    if (!page) return false
    // A short or empty page: the list ended there.
    if (page.people.length < page.asked || page.people.length === 0) return true
    load.covered += page.people.length
  }
}

/** The pages of a complete load from 0, each person once. */
function everyone(load: Load): Person[] {
  const out: Person[] = []
  const seen = new Set<string>()
  let cursor = 0
  for (;;) {
    const page = load.pages.get(cursor)
    if (!page) return out
    for (const person of page.people) {
      if (seen.has(person.id)) continue
      seen.add(person.id)
      out.push(person)
    }
    if (page.people.length < page.asked || page.people.length === 0) return out
    cursor += page.people.length
    if (cursor >= load.total) return out
  }
}
