/**
 * The parts of DocSpace's answers the app reads (CONTRACT.md §1.1, §1.4, §4.1, §5.3, §6), checked with
 * zod so a portal that answers something else becomes 'portal/unexpected' instead of a crash.
 * Objects are loose: the server adds fields across versions and null fields are left out (§0.1).
 */
import { z } from 'zod'

const str = z.string()
const optStr = z.string().optional()
const optBool = z.boolean().optional()

export const groupDto = z.looseObject({ id: str, name: z.string().default('') })

export const employeeFullDto = z.looseObject({
  id: str,
  displayName: optStr,
  firstName: optStr,
  lastName: optStr,
  userName: optStr,
  email: optStr,
  // §5.2: present up to 3.6.1 when non-empty, gone in 3.7.
  title: optStr,
  // §5.3: comma-joined, HTML-encoded group names.
  department: optStr,
  groups: z.array(groupDto).optional(),
  status: z.number().optional(),
  activationStatus: z.number().optional(),
  isOwner: optBool,
  isAdmin: optBool,
  isRoomAdmin: optBool,
  isVisitor: optBool,
  isCollaborator: optBool,
  hasAvatar: optBool,
  avatar: optStr,
  avatarOriginal: optStr,
  avatarMax: optStr,
  avatarMedium: optStr,
  avatarSmall: optStr
})
export type EmployeeFullDto = z.infer<typeof employeeFullDto>
/**
 * The same fields for each row of a people page: unknown keys are dropped instead of copied, which
 * checks a page of 100 people (about 35 fields each) about four times faster.
 */
export const employeeRowDto = z.object(employeeFullDto.shape)

export const thumbnailsDataDto = z.looseObject({
  original: str,
  retina: str,
  max: str,
  big: str,
  medium: str,
  small: str
})
export type ThumbnailsDataDto = z.infer<typeof thumbnailsDataDto>

/** Upload with Autosave=true answers `main` where every other endpoint says `original` (§1.4). */
const uploadedSizesDto = z.looseObject({
  main: str,
  retina: str,
  max: str,
  big: str,
  medium: str,
  small: str
})

export const fileUploadResultDto = z.looseObject({
  success: z.boolean(),
  data: z.union([str, uploadedSizesDto]).optional(),
  message: optStr
})

export const authenticationTokenDto = z.looseObject({
  token: optStr,
  expires: optStr,
  sms: optBool,
  tfa: optBool,
  phoneNoise: optStr,
  confirmUrl: optStr
})

export const buildVersionDto = z.looseObject({ docSpace: optStr, documentServer: optStr })

// maxImageUploadSize is read as anything and made sane in limits.ts: an odd value must not fail the whole answer.
export const settingsDto = z.looseObject({ version: optStr, maxImageUploadSize: z.unknown().optional() })
