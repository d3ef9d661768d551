/**
 * The plan (pure): matches + prepared images + people + their current pictures + the user's
 * changes -> one row per file with the state that says what applying would do. Linear in the number
 * of rows, so it runs again in full after every reassignment.
 *
 * Precedence for a row with a person: invalid image, refused by the portal's rules, duplicate (two
 * files for one person: the user picks), unchanged (same picture), then new or replace.
 */
import type { AppError, BulkCandidate, BulkRowState, CropFraction, MatchRule, Person } from '../../preload/contract'
import type { PlanLine } from './bulk-entries'
import { centredSquare, type RowModel } from './bulk-job'
import type { MatchOutcome } from './bulk-ports'

export interface PlanInputs {
  /** Image rows, in job order. */
  readonly rows: readonly RowModel[]
  readonly matches: ReadonlyMap<string, MatchOutcome>
  readonly people: ReadonlyMap<string, Person>
  /** Stored pictures' perceptual hashes; a missing key = not known (then 'replace' is assumed). */
  readonly currentHash: ReadonlyMap<string, string | null>
  readonly isSamePicture: (current: string, candidate: string) => boolean
  readonly refusal: (person: Person) => AppError
}

interface Target {
  readonly userId?: string
  readonly rule?: MatchRule
  readonly candidates?: readonly BulkCandidate[]
  readonly state?: BulkRowState
}

const SENDABLE: ReadonlySet<BulkRowState> = new Set(['new', 'replace'])

export function derivePlan(inputs: PlanInputs): PlanLine[] {
  const targets = inputs.rows.map((row) => targetOf(row, inputs))
  const lines: PlanLine[] = inputs.rows.map((row, i) => firstPass(row, targets[i] ?? {}, inputs))

  // Two files for one person: neither is sent until the user keeps one (by reassigning the other).
  const byPerson = new Map<string, number[]>()
  lines.forEach((line, i) => {
    if (line.userId === undefined || !claimsPerson(line.state)) return
    const list = byPerson.get(line.userId)
    if (list) list.push(i)
    else byPerson.set(line.userId, [i])
  })
  for (const indexes of byPerson.values()) {
    if (indexes.length < 2) continue
    const ids = indexes.map((i) => lines[i]?.rowId ?? '')
    for (const i of indexes) {
      const line = lines[i]
      if (!line) continue
      lines[i] = { ...line, state: 'duplicate', duplicateOf: ids.filter((id) => id !== line.rowId) }
    }
  }

  return lines.map((line, i) => {
    const row = inputs.rows[i]
    const approved = row?.approved ?? true
    return { ...line, approved: SENDABLE.has(line.state) && approved }
  })
}

/** The people whose stored picture the plan would like to compare against (state new/replace, photo present). */
export function hashesWanted(lines: readonly PlanLine[], inputs: Pick<PlanInputs, 'people' | 'currentHash' | 'rows'>): string[] {
  const wanted = new Set<string>()
  lines.forEach((line, i) => {
    if (!SENDABLE.has(line.state) || line.userId === undefined) return
    const prepared = inputs.rows[i]?.prepared
    if (!prepared?.ok || prepared.pictureHash === undefined) return
    if (inputs.people.get(line.userId)?.hasPhoto && !inputs.currentHash.has(line.userId)) wanted.add(line.userId)
  })
  return [...wanted]
}

function targetOf(row: RowModel, inputs: PlanInputs): Target {
  if (row.assigned === null) return { rule: 'manual' }
  if (row.assigned !== undefined) return { userId: row.assigned, rule: 'manual' }
  const match = inputs.matches.get(row.file.rowId)
  if (!match || match.kind === 'unmatched') return {}
  if (match.kind === 'matched') return { userId: match.userId, rule: match.rule }
  const candidates = match.userIds.flatMap((id) => {
    const p = inputs.people.get(id)
    return p ? [{ userId: p.id, displayName: p.displayName, email: p.email, department: p.department }] : []
  })
  if (candidates.length === 0) return {}
  return { ...(match.rule ? { rule: match.rule } : {}), candidates, state: 'ambiguous' }
}

function firstPass(row: RowModel, target: Target, inputs: PlanInputs): PlanLine {
  const base = { t: 'plan' as const, rowId: row.file.rowId, approved: false }
  const prepared = row.prepared
  const crop = prepared?.ok ? effectiveCrop(row, prepared.width, prepared.height) : undefined
  const withCrop = crop ? { crop } : {}
  const rule = target.rule ? { rule: target.rule } : {}
  if (prepared && !prepared.ok) {
    const person = target.userId !== undefined ? inputs.people.get(target.userId) : undefined
    return { ...base, ...rule, ...(person ? personFields(person) : {}), state: 'invalid', problem: prepared.error }
  }
  if (target.state === 'ambiguous') return { ...base, ...rule, ...withCrop, state: 'ambiguous', candidates: [...(target.candidates ?? [])] }
  if (target.userId === undefined) return { ...base, ...rule, ...withCrop, state: 'unmatched' }
  const person = inputs.people.get(target.userId)
  // The matched or assigned person is no longer on the portal (or not visible to this account).
  if (!person) return { ...base, ...withCrop, state: 'unmatched' }
  const who = { ...personFields(person), ...rule, ...withCrop }
  if (!person.canEditPhoto) return { ...base, ...who, state: 'refused', problem: inputs.refusal(person) }
  const current = inputs.currentHash.get(person.id)
  if (!person.hasPhoto || current === null) return { ...base, ...who, state: 'new' }
  const candidate = prepared?.ok ? prepared.pictureHash : undefined
  if (current !== undefined && candidate !== undefined && inputs.isSamePicture(current, candidate)) return { ...base, ...who, state: 'unchanged' }
  return { ...base, ...who, state: 'replace' }
}

function personFields(person: Person): { userId: string; personName: string } {
  return { userId: person.id, personName: person.displayName }
}

/** States in which a row holds on to its person (and so can collide with another file). */
function claimsPerson(state: BulkRowState): boolean {
  return state === 'new' || state === 'replace' || state === 'unchanged'
}

/** The user's crop, else the proposal (face framing), else the centred square. */
export function effectiveCrop(row: RowModel, width: number, height: number): CropFraction {
  if (row.crop) return row.crop
  if (row.prepared?.ok && row.prepared.proposedCrop) return row.prepared.proposedCrop
  return centredSquare(width, height)
}

export function genericRefusal(person: Person): AppError {
  return {
    code: 'portal/forbidden',
    message: `The portal's rules do not let this account change ${person.displayName || 'this person'}'s photo.`
  }
}
