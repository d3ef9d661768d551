/**
 * The activity view's filters: whose photo (any part of the name, a bulk job's people included),
 * which change, who made it, and from/to which day (local calendar days, inclusive).
 */
import type { ActivityAction, ActivityEntry } from '../../../preload/contract'
import { localDay } from '../i18n/dates'

export interface ActivityFilters {
  readonly person: string
  readonly action: ActivityAction | ''
  readonly actor: string
  /** YYYY-MM-DD or ''. */
  readonly from: string
  readonly to: string
}

export const NO_FILTERS: ActivityFilters = { person: '', action: '', actor: '', from: '', to: '' }

export function filterActivity(entries: readonly ActivityEntry[], f: ActivityFilters): ActivityEntry[] {
  const person = f.person.trim().toLocaleLowerCase()
  return entries.filter((e) => {
    if (f.action && e.action !== f.action) return false
    if (f.actor && e.actor !== f.actor) return false
    const day = localDay(e.at)
    if (f.from && day < f.from) return false
    if (f.to && day > f.to) return false
    if (person) {
      const names = [e.personName, ...(e.people ?? []).map((p) => p.personName)]
      if (!names.some((n) => n.toLocaleLowerCase().includes(person))) return false
    }
    return true
  })
}

/** The values a filter can take, from the entries themselves (sorted, each once). */
export function choices(entries: readonly ActivityEntry[]): { readonly actions: ActivityAction[]; readonly actors: string[] } {
  const actions = [...new Set(entries.map((e) => e.action))].sort()
  const actors = [...new Set(entries.map((e) => e.actor).filter((a) => a !== ''))].sort()
  return { actions, actors }
}
