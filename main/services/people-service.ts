/**
 * People: pages of the portal's people as Person rows, each with what the signed-in user may do
 * with that person's photo (photo-policy.ts).
 */
import type { CachedPeople, PeoplePage, PeoplePageRequest, Person, PersonStatus, Result } from '../../preload/contract'
import { decodeHtml } from '../docspace/client'
import type { EmployeeFullDto } from '../docspace/dto'
import { ok } from '../core/result'
import { isStoredPhoto } from '../docspace/photo-sizes'
import type { PortalVersion } from '../docspace/portal-url'
import type { AccountsService } from './accounts-service'
import type { PeopleCache } from './people-cache'
import { PeopleSnapshots, type CompleteLoad } from './people-snapshot'
import { canEditPhoto, refusalOf, roleOf, type PhotoSubject } from './photo-policy'

/** The most people the portal returns in one page from 3.2.1 on (CONTRACT.md §5.1). */
export const PORTAL_PAGE_SIZE = 100

export class PeopleService {
  readonly #accounts: AccountsService
  readonly #cache: PeopleCache | undefined
  readonly #snapshots: PeopleSnapshots | undefined
  /** Cache writes still running: dispose waits for them, so none outlives main or its data folder. */
  readonly #saving = new Set<Promise<void>>()

  /** With a cache, every full load of the list (the pages served here) is saved to it. */
  constructor(options: { readonly accounts: AccountsService; readonly cache?: PeopleCache }) {
    this.#accounts = options.accounts
    this.#cache = options.cache
    // Each page goes to the cache's writer thread as it is served, so a save copies no list.
    this.#snapshots = options.cache && new PeopleSnapshots(options.cache.loads)
  }

  /**
   * One page of the list, asked of the portal in pages of at most PORTAL_PAGE_SIZE at once (its own
   * limit); the HTTP client bounds how many of those run together. One call covering several portal
   * pages keeps the renderer's side to a few calls in flight (a browser opens only 6 connections to
   * the web host, and its event stream holds one) and hands the list over in fewer, larger steps.
   */
  page(req: PeoplePageRequest): Promise<Result<PeoplePage>> {
    return this.#accounts.call(req.accountId, async ({ account, client, version }) => {
      const starts: number[] = []
      for (let start = req.startIndex; start < req.startIndex + req.count; start += PORTAL_PAGE_SIZE) starts.push(start)
      const asked = (start: number): number => Math.min(PORTAL_PAGE_SIZE, req.startIndex + req.count - start)
      const chunks = await Promise.all(starts.map((startIndex) => client.peoplePage({ startIndex, count: asked(startIndex) })))
      const dtos: EmployeeFullDto[] = []
      let total = 0
      for (const [i, chunk] of chunks.entries()) {
        if (!chunk.ok) return chunk
        if (i === 0) total = chunk.value.total
        dtos.push(...chunk.value.people)
        // A short portal page ends the list there, as a short page ends the renderer's load.
        if (chunk.value.people.length < asked(starts[i] ?? 0)) break
      }
      const me = { id: account.user.id, role: account.user.role }
      const page = { people: dtos.map((dto) => toPerson(dto, me, version)), startIndex: req.startIndex, total }
      if (this.#snapshots) {
        const complete = this.#snapshots.add(req.accountId, { ...page, asked: req.count })
        // In the background: the answer does not wait for the file.
        if (complete !== null) {
          const saving = this.#save(req.accountId, complete).finally(() => this.#saving.delete(saving))
          this.#saving.add(saving)
        }
      }
      return ok(page)
    })
  }

  /** Reads the active account's cached list ahead of the renderer's ask (see PeopleCache.prefetch). */
  async prefetchActive(): Promise<void> {
    const overview = await this.#accounts.overview()
    const id = overview.ok ? overview.value.activeAccountId : null
    if (id === null || !this.#cache || !(await this.#accounts.session(id)).ok) return
    this.#cache.prefetch(id)
  }

  /** The cached list of a signed-in account (null when there is none); never a failure for a bad cache. */
  async cached(arg: { readonly accountId: string }): Promise<Result<CachedPeople | null>> {
    const session = await this.#accounts.session(arg.accountId)
    if (!session.ok) return session
    return ok((await this.#cache?.read(arg.accountId)) ?? null)
  }

  async #save(accountId: string, load: CompleteLoad): Promise<void> {
    // A page that was in flight across a sign-out must not bring the deleted cache back.
    if ((await this.#accounts.session(accountId)).ok) await this.#cache?.save(accountId, load)
    else this.#cache?.forget(load)
  }

  async dispose(): Promise<void> {
    await Promise.allSettled([...this.#saving])
    await this.#cache?.close()
  }

  /** Forgets a half-gathered load and deletes the account's cache (sign-out, forget). */
  async dropAccount(accountId: string): Promise<void> {
    this.#snapshots?.drop(accountId)
    await this.#cache?.drop(accountId)
  }

  get(arg: { readonly accountId: string; readonly userId: string }): Promise<Result<Person>> {
    return this.#accounts.call(arg.accountId, async ({ account, client, version }) => {
      const dto = await client.person(arg.userId)
      if (!dto.ok) return dto
      return ok(toPerson(dto.value, { id: account.user.id, role: account.user.role }, version))
    })
  }
}

/** EmployeeStatus 1 active, 2 terminated, 4 pending; activationStatus 2 = invited, not yet joined (CONTRACT.md §0.1). */
export function personStatus(dto: Pick<EmployeeFullDto, 'status' | 'activationStatus'>): PersonStatus {
  if (dto.status === 2) return 'disabled'
  if (dto.status === 4 || dto.activationStatus === 2) return 'pending'
  return 'active'
}

export function toPerson(dto: EmployeeFullDto, me: PhotoSubject, version: PortalVersion | undefined): Person {
  const role = roleOf(dto)
  const status = personStatus(dto)
  const firstName = dto.firstName ?? ''
  const lastName = dto.lastName ?? ''
  const target = { id: dto.id, role, status }
  const editable = canEditPhoto(me, target, version)
  return {
    id: dto.id,
    displayName: dto.displayName || [firstName, lastName].filter(Boolean).join(' ') || dto.email || dto.id,
    firstName,
    lastName,
    email: dto.email ?? '',
    title: decodeHtml(dto.title ?? ''),
    department: decodeHtml(dto.department ?? ''),
    groups: (dto.groups ?? []).map((g) => ({ id: g.id, name: g.name })),
    status,
    role,
    hasPhoto: dto.hasAvatar ?? isStoredPhoto(dto.avatarSmall),
    // §5.2: avatarSmall is the 32 px file (or the default image), with its ?hash= key.
    smallPhoto: dto.avatarSmall ?? '/static/images/default_user_photo_size_32-32.png',
    canEditPhoto: editable,
    ...(editable ? {} : { refusal: refusalOf(me, target, version) })
  }
}
