/**
 * A cache body as main's people-cache-body.ts writes it, built the plain way for renderer tests
 * (which may not import main): every table holds one entry per person and photo paths keep the id.
 * Main's own encoder is checked against the renderer's reader in main/services/people-cache-body.test.ts.
 */
import type { CachedPeopleBody, Person } from '../../../preload/contract'

export function cachedBodyOf(people: readonly Person[]): CachedPeopleBody {
  const each = <T>(valueOf: (p: Person) => T) => ({ table: people.map(valueOf), of: people.map((_, i) => i) })
  const groupTable = people.flatMap((p) => p.groups.map((g) => [g.id, g.name] as const))
  let member = 0
  return {
    count: people.length,
    id: people.map((p) => p.id),
    displayName: people.map((p) => p.displayName),
    email: people.map((p) => p.email),
    firstName: each((p) => p.firstName),
    lastName: each((p) => p.lastName),
    title: each((p) => p.title),
    department: each((p) => p.department),
    status: each((p) => p.status),
    role: each((p) => p.role),
    refusal: each((p) => p.refusal ?? ''),
    photoPath: each((p) => [p.smallPhoto.split('?')[0] ?? '']),
    photoQuery: people.map((p) => (p.smallPhoto.includes('?') ? p.smallPhoto.slice(p.smallPhoto.indexOf('?')) : '')),
    flags: people.map((p) => (p.hasPhoto ? 1 : 0) | (p.canEditPhoto ? 2 : 0)),
    groupTable,
    groups: each((p) => p.groups.map(() => member++))
  }
}

export function cachedBytesOf(body: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(body))
}
