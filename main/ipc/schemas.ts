/**
 * One zod schema per request channel, typed against the contract's ArgOf so the two cannot drift.
 * Objects are strict: the renderer is untrusted, and an unknown key is a bug or an attack.
 */
import { z } from 'zod'
import type { ArgOf, RequestChannel } from '../../preload/contract'

const id = z.string().trim().min(1, 'must not be empty').max(200, 'is too long')
const accountId = id
const userId = id
const portalUrl = z.string().trim().min(1, 'must not be empty').max(2048, 'is too long')

const accountArg = z.strictObject({ accountId })

const signIn = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('password'),
    portalUrl,
    email: z.string().trim().min(1, 'must not be empty').max(320, 'is too long'),
    // Passwords are not trimmed: spaces can be part of them.
    password: z.string().min(1, 'must not be empty').max(1024, 'is too long')
  }),
  z.strictObject({
    method: z.literal('api-key'),
    portalUrl,
    // Pasted keys often carry a trailing newline.
    apiKey: z.string().trim().min(1, 'must not be empty').max(512, 'is too long')
  })
])

export const schemas: { readonly [C in RequestChannel]: z.ZodType<ArgOf<C>> } = {
  // No argument; a JSON transport may turn `undefined` into `null`.
  'accounts:overview': z.union([z.undefined(), z.null()]).transform((): void => undefined),
  'accounts:sign-in': signIn,
  'accounts:verify-code': z.strictObject({
    challengeId: z.string().uuid('is not a challenge id'),
    code: z.string().trim().regex(/^[0-9A-Za-z]{4,12}$/, 'must be 4 to 12 letters or digits')
  }),
  'accounts:switch': accountArg,
  'accounts:sign-out': accountArg,
  'accounts:forget': accountArg,
  'people:page': z.strictObject({
    accountId,
    startIndex: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(10_000_000, 'is too large'),
    // The portal's limit from 3.2.1 on (CONTRACT.md §5.1).
    count: z.number().int('must be a whole number').min(1, 'must be 1 to 100').max(100, 'must be 1 to 100')
  }),
  'people:get': z.strictObject({ accountId, userId }),
  'photos:get': z.strictObject({ accountId, userId }),
  'photos:image': z.strictObject({ accountId, ref: z.string().min(1, 'must not be empty').max(2048, 'is too long') })
}

/** "count: must be 1 to 100; accountId: must not be empty" — specific, and never echoes the value. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'argument'}: ${issue.message}`)
    .join('; ')
}
