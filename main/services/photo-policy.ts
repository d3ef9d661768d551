/**
 * Who may change whose photo, from the portal version and roles (CONTRACT.md §2). Pure, so the UI can
 * say up front what is allowed instead of letting the user learn it from an error.
 */
import type { PersonStatus, PhotoPolicy, PhotoRule, RefusalRule, Role } from '../../preload/contract'
import { compareVersions, parseVersion, type PortalVersion } from '../docspace/portal-url'

/** §2.1: from v3.6.0 no one may change another user's photo. */
const SELF_ONLY_SINCE = { major: 3, minor: 6, patch: 0 } as const

export interface RoleFlags {
  readonly isOwner?: boolean
  readonly isAdmin?: boolean
  readonly isRoomAdmin?: boolean
  readonly isCollaborator?: boolean
  readonly isVisitor?: boolean
}

/**
 * §5.3 role flags -> Role. isOwner is checked first because the owner's isAdmin is true up to 3.6.1
 * and false from 3.7.1; either way the owner is the owner.
 */
export function roleOf(flags: RoleFlags): Role {
  if (flags.isOwner) return 'owner'
  if (flags.isAdmin) return 'admin'
  if (flags.isRoomAdmin) return 'room-admin'
  if (flags.isVisitor) return 'guest'
  // isCollaborator is the "User" type (value 4); a user with no flag at all is one too.
  return 'user'
}

/**
 * A version that cannot be read is treated as the newest rules (self-only): promising less than the
 * portal allows costs a greyed-out button, promising more costs an error after the user did the work.
 */
export function photoRule(version: PortalVersion | undefined, role: Role): PhotoRule {
  if (version === undefined || compareVersions(version, SELF_ONLY_SINCE) >= 0) return 'self-only'
  switch (role) {
    case 'owner':
    case 'admin':
      return 'admin-may-edit-others'
    case 'room-admin':
    case 'user':
    case 'guest':
      return 'own-only-by-role'
  }
}

export function photoPolicy(rawVersion: string, role: Role): PhotoPolicy {
  const version = parseVersion(rawVersion)
  return { rule: photoRule(version, role), portalVersion: version?.text ?? rawVersion }
}

export interface PhotoSubject {
  readonly id: string
  readonly role: Role
}

export interface PhotoTarget extends PhotoSubject {
  readonly status: PersonStatus
}

/**
 * Whether `me` may change `target`'s photo on a portal of `version` (CONTRACT.md §2):
 * - everyone may change their own photo;
 * - 3.6.0 and later: nobody else's;
 * - up to 3.5.x: the owner may change anyone's, a DocSpace admin anyone's who is not the owner or
 *   another admin. Exceptions the portal enforces per endpoint are treated as "not editable":
 *   the owner's photo by anyone else (DELETE/PUT 500), another admin's by a non-owner (upload
 *   refuses), and a terminated user's (DELETE 403 from 3.5.0).
 */
export function canEditPhoto(me: PhotoSubject, target: PhotoTarget, version: PortalVersion | undefined): boolean {
  if (me.id === target.id) return true
  if (photoRule(version, me.role) !== 'admin-may-edit-others') return false
  if (target.status === 'disabled') return false
  if (target.role === 'owner') return false
  switch (me.role) {
    case 'owner':
      return true
    case 'admin':
      return target.role !== 'admin'
    case 'room-admin':
    case 'user':
    case 'guest':
      return false
  }
}

/**
 * Which rule refuses `me` a change to `target`'s photo: the one reason the renderer explains. Also
 * used when the portal itself answers 403, so a rule the app did not foresee reads as the role rule.
 */
export function refusalOf(me: PhotoSubject, target: PhotoTarget | undefined, version: PortalVersion | undefined): RefusalRule {
  const rule = photoRule(version, me.role)
  if (rule === 'self-only') return 'self-only'
  if (rule === 'own-only-by-role') return 'role'
  if (target && me.id !== target.id) {
    if (target.status === 'disabled') return 'terminated'
    if (target.role === 'owner') return 'owner'
    if (target.role === 'admin' && me.role !== 'owner') return 'other-admin'
  }
  return 'role'
}
