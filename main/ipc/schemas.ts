/**
 * One zod schema per request channel, typed against the contract's ArgOf so the two cannot drift.
 * Objects are strict: the renderer is untrusted, and an unknown key is a bug or an attack.
 */
import { z } from 'zod'
import { BULK_CONCURRENCY, type ArgOf, type RequestChannel } from '../../preload/contract'
import { isPersonId } from '../docspace/identifiers'
import { ACCOUNT_ID_PATTERN } from '../services/accounts-service'
import { LANGUAGE_PATTERN } from '../services/settings-store'

// Exact shapes, not "any short string": "." or ".." in `people/{id}` would reach other API paths.
const accountId = z.string().regex(ACCOUNT_ID_PATTERN, 'is not an account id')
const userId = z.string().refine(isPersonId, 'is not a person id (a GUID or a user name)')
const portalUrl = z.string().trim().min(1, 'must not be empty').max(2048, 'is too long')

const accountArg = z.strictObject({ accountId })

/** Bigger than any photo worth uploading (a 108 MP JPEG is ~40 MB); the portal takes 1–5 MB anyway. */
export const MAX_IMAGE_BYTES = 60 * 1024 * 1024

const imageBytes = z
  .instanceof(Uint8Array, { message: 'must be the image bytes (Uint8Array)' })
  .refine((b) => b.byteLength > 0, 'the file is empty')
  .refine((b) => b.byteLength <= MAX_IMAGE_BYTES, `is larger than ${MAX_IMAGE_BYTES / (1024 * 1024)} MB`)

const fraction = z.number().finite('must be a finite number').min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1')
/** Floating-point slack for x + width <= 1 from an editor that computed fractions. */
const EDGE_SLACK = 1e-6

const cropFraction = z
  .strictObject({
    x: fraction,
    y: fraction,
    width: fraction.refine((v) => v > 0, 'must be more than 0'),
    height: fraction.refine((v) => v > 0, 'must be more than 0')
  })
  .refine((c) => c.x + c.width <= 1 + EDGE_SLACK, { message: 'reaches past the right edge', path: ['width'] })
  .refine((c) => c.y + c.height <= 1 + EDGE_SLACK, { message: 'reaches past the bottom edge', path: ['height'] })

const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be 1 to 100 letters, digits, - or _')
const entryId = z.string().regex(/^[0-9a-z]{9}-[0-9a-f]{8}$/, 'is not a history entry id')
const photoUrl = z.string().trim().min(1, 'must not be empty').max(2048, 'is too long')
const rowId = z.string().regex(/^r[0-9]{5,6}$/, 'is not a row of this job')
const bulkJob = z.strictObject({ jobId })
/** People changed at once; DocSpace allows 15 concurrent writes per user (CONTRACT.md §0.5). */
const concurrencyRange = `must be 1 to ${BULK_CONCURRENCY.max}`
const concurrency = z.number().int('must be a whole number').min(1, concurrencyRange).max(BULK_CONCURRENCY.max, concurrencyRange).optional()
/** A batch of a dropped folder: the renderer sends a few files at a time. */
const MAX_BATCH_FILES = 64
const bulkFile = z.strictObject({
  name: z.string().min(1, 'must not be empty').max(1024, 'is too long'),
  bytes: z.instanceof(Uint8Array, { message: 'must be the file bytes (Uint8Array)' }).refine((b) => b.byteLength <= MAX_IMAGE_BYTES, `is larger than ${MAX_IMAGE_BYTES / (1024 * 1024)} MB`)
})
/** DocSpace file ids are int ids sent as JSON numbers (CONTRACT-ROOMS.md §0). */
const fileId = z.number().int('must be a whole number').min(1, 'must be a file id').max(Number.MAX_SAFE_INTEGER, 'must be a file id')
const rotate = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { message: 'must be 0, 1, 2 or 3 quarter turns' })
/** People handed a photo or asked for one at once: a page of the people list, or a whole filtered list. */
const MAX_PEOPLE_AT_ONCE = 5_000
const noArg = z.union([z.undefined(), z.null()]).transform((): void => undefined)

const signIn = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('password'),
    portalUrl,
    email: z.string().trim().min(1, 'must not be empty').max(320, 'is too long'),
    // Passwords are not trimmed: spaces can be part of them.
    password: z.string().min(1, 'must not be empty').max(1024, 'is too long'),
    attemptId: jobId.optional()
  }),
  z.strictObject({
    method: z.literal('api-key'),
    portalUrl,
    // Pasted keys often carry a trailing newline.
    apiKey: z.string().trim().min(1, 'must not be empty').max(512, 'is too long'),
    attemptId: jobId.optional()
  })
])

export const schemas: { readonly [C in RequestChannel]: z.ZodType<ArgOf<C>> } = {
  // No argument; a JSON transport may turn `undefined` into `null`.
  'accounts:overview': noArg,
  'accounts:sign-in': signIn,
  'accounts:verify-code': z.strictObject({
    challengeId: z.string().uuid('is not a challenge id'),
    code: z.string().trim().regex(/^[0-9A-Za-z]{4,12}$/, 'must be 4 to 12 letters or digits')
  }),
  'accounts:cancel-sign-in': z.strictObject({ attemptId: jobId }),
  'accounts:switch': accountArg,
  'accounts:sign-out': accountArg,
  'accounts:forget': accountArg,
  'people:page': z.strictObject({
    accountId,
    startIndex: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(10_000_000, 'is too large'),
    // Main asks the portal for it in pages of 100, its limit from 3.2.1 on (CONTRACT.md §5.1).
    count: z.number().int('must be a whole number').min(1, 'must be 1 to 500').max(500, 'must be 1 to 500')
  }),
  'people:get': z.strictObject({ accountId, userId }),
  'people:cached': accountArg,
  'photos:get': z.strictObject({ accountId, userId }),
  'photos:image': z.strictObject({ accountId, ref: z.string().min(1, 'must not be empty').max(2048, 'is too long') }),
  'photos:inspect': z.strictObject({ bytes: imageBytes }),
  'photos:preview': z.strictObject({ bytes: imageBytes }),
  'photos:frame': z.strictObject({ bytes: imageBytes, preset: z.enum(['tight', 'standard', 'loose']), withPreview: z.boolean().optional() }),
  'photos:stage': z.strictObject({ accountId, bytes: imageBytes }),
  'photos:open': z.strictObject({ accountId, bytes: imageBytes, preset: z.enum(['tight', 'standard', 'loose']) }),
  'photos:framing': z.strictObject({ openId: z.string().uuid() }),
  'photos:replace': z.strictObject({
    accountId,
    userId,
    jobId,
    bytes: imageBytes,
    rotate,
    crop: cropFraction,
    sourceUrl: photoUrl.optional(),
    faceFramed: z.boolean().optional(),
    faceFrameOf: z.string().uuid().optional()
  }),
  'photos:cancel': z.strictObject({ jobId }),
  'photos:delete': z.strictObject({ accountId, userId }),
  'photos:set-from-url': z.strictObject({ accountId, userId, url: photoUrl }),
  'photos:fetch-url': z.strictObject({ accountId, userId, url: photoUrl }),
  'photos:original': z.strictObject({ accountId, userId }),
  'photos:history': z.strictObject({ accountId, userId }),
  'photos:restore': z.strictObject({ accountId, userId, entryId }),
  'photos:undo': accountArg,
  'activity:list': z.strictObject({
    accountId: accountId.optional(),
    limit: z.number().int('must be a whole number').min(1, 'must be 1 or more').max(10_000, 'must be at most 10000').optional()
  }),
  'activity:export-csv': noArg,
  'settings:get': noArg,
  'settings:update': z.strictObject({
    language: z.string().regex(LANGUAGE_PATTERN, 'must be a language tag or "system"').optional(),
    theme: z.enum(['system', 'light', 'dark']).optional()
  }),
  'bulk:create': z.strictObject({ accountId, framingPreset: z.enum(['tight', 'standard', 'loose']).optional() }),
  'bulk:add-files': z.strictObject({ jobId, files: z.array(bulkFile).min(1, 'must hold at least one file').max(MAX_BATCH_FILES, `must hold at most ${MAX_BATCH_FILES} files`) }),
  'bulk:plan': bulkJob,
  'bulk:current': bulkJob,
  'bulk:assign': z.strictObject({ jobId, rowId, userId: userId.nullable() }),
  'bulk:turn': z.strictObject({ jobId, rowId }),
  'bulk:set-crop': z.strictObject({ jobId, rowId, crop: cropFraction.nullable() }),
  'bulk:approve': z.strictObject({ jobId, rowIds: z.array(rowId).max(10_000, 'must hold at most 10000 rows'), approved: z.boolean() }),
  'bulk:preview': z.strictObject({ jobId, rowId }),
  'bulk:apply': z.strictObject({ jobId, concurrency }),
  'bulk:pause': bulkJob,
  'bulk:resume': z.strictObject({ jobId, concurrency }),
  'bulk:cancel': bulkJob,
  'bulk:undo': z.strictObject({ jobId, rowIds: z.array(rowId).max(10_000, 'must hold at most 10000 rows').optional() }),
  'bulk:jobs': accountArg,
  'bulk:discard': bulkJob,
  'bulk:export-csv': z.strictObject({ jobId, kind: z.enum(['plan', 'report']) }),
  'handoff:prepare': z.strictObject({ accountId, userId, bytes: imageBytes, rotate, crop: cropFraction }),
  'handoff:from-bulk': z.strictObject({ jobId, rowIds: z.array(rowId).min(1, 'must hold at least one row').max(MAX_PEOPLE_AT_ONCE, `must hold at most ${MAX_PEOPLE_AT_ONCE} rows`).optional() }),
  'handoff:withdraw': z.strictObject({ accountId, userId }),
  'handoff:remind': z.strictObject({ accountId, userId }),
  'handoff:list': accountArg,
  'handoff:status': z.strictObject({ accountId, userIds: z.array(userId).max(MAX_PEOPLE_AT_ONCE, `must hold at most ${MAX_PEOPLE_AT_ONCE} people`).optional() }),
  'handoff:export-csv': accountArg,
  'handoff:waiting': accountArg,
  'handoff:image': z.strictObject({ accountId, fileId }),
  'handoff:accept': z.strictObject({ accountId, fileId }),
  'handoff:decline': z.strictObject({ accountId, fileId }),
  'handoff:ask': z.strictObject({ accountId, userIds: z.array(userId).min(1, 'must name at least one person').max(MAX_PEOPLE_AT_ONCE, `must hold at most ${MAX_PEOPLE_AT_ONCE} people`) }),
  'handoff:asked': z.strictObject({ accountId, refresh: z.boolean().optional() }),
  'handoff:route': z.strictObject({ accountId, route: z.enum(['private', 'room']).optional() })
}

/** "count: must be 1 to 100; accountId: must not be empty" — specific, and never echoes the value. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'argument'}: ${issue.message}`)
    .join('; ')
}
