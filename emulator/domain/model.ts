// The emulator's in-memory records (not wire shapes; dto.ts builds those).

import type { Crop, ThumbSize } from '../images/images'
import type { PortraitSpec } from '../images/portrait'

/** JsonStringEnumConverter names (v3.0+). */
export type EmployeeType = 'DocSpaceAdmin' | 'RoomAdmin' | 'User' | 'Guest'

/** EmployeeStatus: 1 Active, 2 Terminated (4 Pending exists only as a filter value). */
export type EmployeeStatus = 1 | 2
/** EmployeeActivationStatus: 0 NotActivated, 1 Activated, 2 Pending. */
export type ActivationStatus = 0 | 1 | 2

export type PhotoSource = { kind: 'painted'; spec: PortraitSpec } | { kind: 'bytes'; original: Buffer }

export interface PhotoRecord {
  /** Extension of the stored files: the detected format name of what was saved (png, jpeg, ...). */
  ext: string
  width: number
  height: number
  crop: Crop
  source: PhotoSource
  /** Rendered sizes; complete for 'bytes' (unless `unrendered`), filled on demand for 'painted'. */
  sizes: Partial<Record<ThumbSize, Buffer>>
  /**
   * An upload's centred squares, not rendered yet: most uploads are re-cropped at once, so they are
   * made on first read (store.photoFile / photoBytes), from these bytes and this crop.
   */
  unrendered?: { readonly original: Buffer; readonly crop: Crop; rendering?: Promise<Record<ThumbSize, Buffer>> }
  /** Painted originals are rendered on first use and kept. */
  paintedOriginal?: Buffer
  /** Cache quirk (c): files named by their real size (e.g. `_size_360-270`), by file name. */
  realSizeFiles?: Map<string, Buffer>
  /** Cache quirk (c): the file `original` points at instead of the `_orig_` file. */
  originalFile?: string
}

export interface UserRecord {
  id: string
  userName: string
  email: string
  firstName: string
  lastName: string
  title?: string
  type: EmployeeType
  isOwner: boolean
  status: EmployeeStatus
  activationStatus: ActivationStatus
  groupIds: string[]
  location?: string
  notes?: string
  mobilePhone?: string
  cultureName: string
  createdBy?: string
  registrationMs: number
  terminatedMs?: number
  lastModifiedTicks: bigint
  usedSpace: number
  /** Undefined: the person cannot sign in (e.g. a pending invitation). */
  password?: string
  /** Authenticator-app two-factor: the fixed code that completes sign-in. */
  tfaCode?: string
  photo?: PhotoRecord
  /** Folded "first last email username" for filterValue searches. */
  search: string
  /** Folded names, the sort keys of firstname/lastname. */
  firstFolded: string
  lastFolded: string
}

export interface GroupRecord {
  id: string
  name: string
  managerId?: string
  memberIds: string[]
}

export interface TokenRecord {
  userId: string
  expiresMs: number
  revoked: boolean
}

export interface ApiKeyRecord {
  id: string
  key: string
  name: string
  userId: string
  /** Empty, or containing '*', means every scope. */
  permissions: string[]
  createdMs: number
  expiresMs?: number
  isActive: boolean
  lastUsedMs?: number
}

export interface TempFile {
  bytes: Buffer
  ext: string
  createdMs: number
}
