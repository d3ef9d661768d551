/**
 * People: pages of the portal's people as Person rows, each with what the signed-in user may do
 * with that person's photo (photo-policy.ts).
 */
import type { PeoplePage, PeoplePageRequest, Person, PersonStatus, Result } from '../../preload/contract'
import { decodeHtml } from '../docspace/client'
import type { EmployeeFullDto } from '../docspace/dto'
import { ok } from '../core/result'
import { isStoredPhoto } from '../docspace/photo-sizes'
import type { PortalVersion } from '../docspace/portal-url'
import type { AccountsService } from './accounts-service'
import { canEditPhoto, refusalOf, roleOf, type PhotoSubject } from './photo-policy'

export class PeopleService {
  readonly #accounts: AccountsService

  constructor(options: { readonly accounts: AccountsService }) {
    this.#accounts = options.accounts
  }

  page(req: PeoplePageRequest): Promise<Result<PeoplePage>> {
    return this.#accounts.call(req.accountId, async ({ account, client, version }) => {
      const chunk = await client.peoplePage({ startIndex: req.startIndex, count: req.count })
      if (!chunk.ok) return chunk
      const me = { id: account.user.id, role: account.user.role }
      return ok({ people: chunk.value.people.map((dto) => toPerson(dto, me, version)), startIndex: req.startIndex, total: chunk.value.total })
    })
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
