/**
 * The parts of DocSpace's files and sharing answers the app reads (CONTRACT-ROOMS.md §4, §5), checked
 * with zod: a portal's answer, and above all a file someone shared, is untrusted input. Objects are
 * loose (fields come and go across versions; null fields are left out, CONTRACT.md §0.1).
 */
import { z } from 'zod'

const optStr = z.string().max(4096).optional()
/** §0: rooms, folders and files have int ids, sent as JSON numbers. */
const intId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)

/** EmployeeDto as files answers embed it (createdBy, sharedToUser): only who it is. */
export const personRefDto = z.looseObject({ id: z.string().max(100), displayName: z.string().max(1000).optional() })

export const fileDto = z.looseObject({
  id: intId,
  title: z.string().max(1000),
  folderId: z.number().optional(),
  version: z.number().optional(),
  /** Bytes; `contentLength` is a text like "1.2 MB" (§5.4). */
  pureContentLength: z.number().optional(),
  viewUrl: optStr,
  fileExst: optStr,
  comment: optStr,
  fileType: z.number().optional(),
  /** §5.2: 14 Rooms, 20 Archive, 5 My documents, 6 Shared. */
  rootFolderType: z.number().optional(),
  access: z.number().optional(),
  created: optStr,
  updated: optStr,
  createdBy: personRefDto.optional(),
  /** v3.6+: who shared it with the caller (§5.2). */
  sharedBy: personRefDto.optional()
})
export type FileDto = z.infer<typeof fileDto>

/** §4.1: 3.7.1+ answer `[FileDto]`, earlier versions one object. */
export const uploadAnswerDto = z.union([fileDto, z.array(fileDto).min(1)])

/** §5.5: one share record. `sharedTo` is the obsolete twin of `sharedToUser`. */
export const fileShareDto = z.looseObject({
  access: z.number(),
  sharedToUser: personRefDto.optional(),
  sharedTo: z.looseObject({ id: z.string().max(100).optional() }).optional(),
  isOwner: z.boolean().optional(),
  subjectType: z.number().optional()
})
export type FileShareDto = z.infer<typeof fileShareDto>

/** §5.1: the files of a folder (or of @share); folders are not read. */
export const folderContentDto = z.looseObject({
  files: z.array(z.unknown()).default([]),
  total: z.number().optional()
})

/** §5.6: `Operation` has a capital O; `finished` decides, `error` says why it failed. */
export const fileOperationDto = z.looseObject({
  id: z.string().max(200),
  finished: z.boolean().optional(),
  progress: z.number().optional(),
  error: z.string().max(4096).optional(),
  status: z.number().optional()
})
export type FileOperationDto = z.infer<typeof fileOperationDto>

/** §0: FileShare values as numbers. */
export const FILE_SHARE = { none: 0, readWrite: 1, read: 2, restrict: 3 } as const

/** §5.3: a room as `GET rooms` and `POST rooms` answer it; only what the hand-over reads. */
export const roomDto = z.looseObject({
  id: intId,
  title: z.string().max(1000),
  roomType: z.number().optional(),
  createdBy: personRefDto.optional()
})
export type RoomDto = z.infer<typeof roomDto>

/** §5.1 for `GET rooms`: the rooms are the `folders`. */
export const roomListDto = z.looseObject({
  folders: z.array(z.unknown()).default([]),
  total: z.number().optional()
})

/** §3.1: `PUT rooms/{id}/share` answers the current records of the ids sent. */
export const roomSecurityDto = z.looseObject({ members: z.array(z.unknown()).default([]) })

/** §2.1: CustomRoom, the room type with a Read role and no automatic link. */
export const CUSTOM_ROOM = 5
