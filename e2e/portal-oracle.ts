/**
 * What the portal itself says about its people, read straight from the emulator's REST API (not
 * through the app), so e2e specs can check the app's counts, search and filters against it.
 * The mapping follows CONTRACT.md §5.3 (role from the isOwner/isAdmin/isRoomAdmin/isVisitor flags,
 * status from status + activationStatus) and is written independently of main's.
 */
import type { DemoAccount, RunningPortal } from '../emulator/index'
import type { PersonStatus, Role } from '../preload/contract'

export interface PortalPerson {
  readonly id: string
  readonly displayName: string
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  readonly title: string
  readonly department: string
  readonly groups: readonly { readonly id: string; readonly name: string }[]
  readonly status: PersonStatus
  readonly role: Role
  readonly hasPhoto: boolean
}

interface Envelope {
  readonly response: unknown
  readonly total?: number
}

/** Everyone the account sees on the portal, in pages of 100 (the limit from 3.2.1 on). */
export async function listEveryone(portal: RunningPortal, account: DemoAccount): Promise<PortalPerson[]> {
  const auth = (await api(portal, '/api/2.0/authentication', {
    method: 'POST',
    body: JSON.stringify({ userName: account.email, password: account.password })
  })) as { token?: string }
  if (!auth.token) throw new Error('the portal gave no token')
  const people: PortalPerson[] = []
  for (let start = 0; ; start += 100) {
    const page = await fetch(`${portal.url}/api/2.0/people/filter?count=100&startIndex=${start}`, {
      headers: { Authorization: auth.token, Accept: 'application/json' }
    })
    if (!page.ok) throw new Error(`people/filter answered ${page.status}`)
    const body = (await page.json()) as Envelope
    const items = body.response as Record<string, unknown>[]
    for (const item of items) people.push(toPerson(item))
    if (items.length === 0 || people.length >= (body.total ?? 0)) break
  }
  return people
}

async function api(portal: RunningPortal, path: string, init: RequestInit): Promise<unknown> {
  const res = await fetch(`${portal.url}${path}`, { ...init, headers: { 'Content-Type': 'application/json', Accept: 'application/json' } })
  if (!res.ok) throw new Error(`${path} answered ${res.status}`)
  return ((await res.json()) as Envelope).response
}

function toPerson(dto: Record<string, unknown>): PortalPerson {
  const str = (key: string) => (typeof dto[key] === 'string' ? (dto[key] as string) : '')
  const flag = (key: string) => dto[key] === true
  const status: PersonStatus = dto['status'] === 2 ? 'disabled' : dto['status'] === 4 || dto['activationStatus'] === 2 ? 'pending' : 'active'
  const role: Role = flag('isOwner') ? 'owner' : flag('isAdmin') ? 'admin' : flag('isRoomAdmin') ? 'room-admin' : flag('isVisitor') ? 'guest' : 'user'
  const groups = Array.isArray(dto['groups']) ? (dto['groups'] as { id: string; name: string }[]).map((g) => ({ id: g.id, name: g.name })) : []
  return {
    id: str('id'),
    displayName: str('displayName'),
    firstName: str('firstName'),
    lastName: str('lastName'),
    email: str('email'),
    title: str('title'),
    department: decodeHtml(str('department')),
    groups,
    status,
    role,
    hasPhoto: flag('hasAvatar')
  }
}

function decodeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

const NOT_DECOMPOSABLE: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ı: 'i' }

/** Case and diacritics folded, as a user expects search to compare ("José" ~ "jose"). */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøæœßđðþı]/g, (c) => NOT_DECOMPOSABLE[c] ?? c)
}

/** Every term of the query occurs in the person's name, email, title or department. */
export function matchesSearch(person: PortalPerson, query: string): boolean {
  const haystack = fold([person.displayName, person.firstName, person.lastName, person.email, person.title, person.department].join('\n'))
  return fold(query)
    .split(/\s+/)
    .filter((t) => t !== '')
    .every((term) => haystack.includes(term))
}
