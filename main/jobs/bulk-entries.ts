/**
 * The lines of a bulk job's journal (`<dataDir>/jobs/<jobId>/journal.jsonl`), one schema each, so a
 * line written by an older or damaged run is skipped and counted instead of trusted. Everything a job
 * needs after a restart is here: who started it, the files and their hashes, what the plan showed,
 * what the user changed in it, and every apply and undo attempt with its result.
 */
import { z } from 'zod'
import { FACE_WARNING_CODES, type AppError, type BulkJobPhase, type BulkRowState, type ErrorCode, type MatchRule } from '../../preload/contract'

const errorCode = z.custom<ErrorCode>((v) => typeof v === 'string' && /^[a-z]+\/[a-z-]+$/.test(v))
export const appErrorSchema = z.object({
  code: errorCode,
  message: z.string(),
  detail: z.string().optional(),
  status: z.number().int().optional()
})

const fraction = z.number().min(0).max(1)
export const cropSchema = z.object({ x: fraction, y: fraction, width: fraction.positive(), height: fraction.positive() })

const STATES = ['new', 'replace', 'unchanged', 'unmatched', 'ambiguous', 'duplicate', 'refused', 'invalid'] as const satisfies readonly BulkRowState[]
const RULES = [
  'mapping',
  'email',
  'email-local',
  'user-name',
  'user-id',
  'first-last',
  'first.last',
  'first_last',
  'last-first',
  'last-comma-first',
  'manual'
] as const satisfies readonly MatchRule[]
const PHASES = ['adding', 'planning', 'ready', 'applying', 'paused', 'finished', 'cancelled', 'undoing'] as const satisfies readonly BulkJobPhase[]

const at = z.string()
const rowId = z.string().min(1).max(40)

export const createdLine = z.object({
  t: z.literal('created'),
  v: z.literal(1),
  jobId: z.string(),
  accountId: z.string(),
  portalUrl: z.string(),
  actor: z.string(),
  createdAt: at,
  /** The editor's framing preset when the job was started: every row is framed with it. */
  framingPreset: z.enum(['tight', 'standard', 'loose']).optional()
})

export const fileLine = z.object({
  t: z.literal('file'),
  rowId,
  kind: z.enum(['image', 'mapping']),
  name: z.string(),
  byteLength: z.number().int().min(0),
  sha256: z.string(),
  spool: z.string(),
  at
})

export const preparedLine = z.discriminatedUnion('ok', [
  z.object({
    t: z.literal('prepared'),
    rowId,
    ok: z.literal(true),
    mime: z.string(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    byteLength: z.number().int().min(0),
    sha256: z.string(),
    spool: z.string(),
    pictureHash: z.string().optional(),
    proposedCrop: cropSchema.optional(),
    faceWarnings: z.array(z.enum(FACE_WARNING_CODES)).optional(),
    /** The face is upright after this many clockwise quarter turns (offered to the user). */
    uprightTurns: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    /** Quarter turns this preparation applied (the user took the offered turn). */
    turned: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional()
  }),
  z.object({ t: z.literal('prepared'), rowId, ok: z.literal(false), error: appErrorSchema })
])

const candidate = z.object({ userId: z.string(), displayName: z.string(), email: z.string(), department: z.string() })

/** What the plan showed for a row; written when it changes, the last one wins. */
export const planLine = z.object({
  t: z.literal('plan'),
  rowId,
  state: z.enum(STATES),
  userId: z.string().optional(),
  personName: z.string().optional(),
  rule: z.enum(RULES).optional(),
  candidates: z.array(candidate).optional(),
  duplicateOf: z.array(z.string()).optional(),
  problem: appErrorSchema.optional(),
  crop: cropSchema.optional(),
  approved: z.boolean()
})

export const assignLine = z.object({ t: z.literal('assign'), rowId, userId: z.string().nullable(), at })
export const cropLine = z.object({ t: z.literal('crop'), rowId, crop: cropSchema.nullable(), at })
export const approveLine = z.object({ t: z.literal('approve'), rowIds: z.array(rowId), approved: z.boolean(), at })

/** Written (durably) before anything is sent for the row. */
export const applyStartLine = z.object({ t: z.literal('apply-start'), rowId, userId: z.string(), sha256: z.string(), attempt: z.number().int().positive(), at })
export const applyResultLine = z.discriminatedUnion('ok', [
  z.object({
    t: z.literal('apply-result'),
    rowId,
    userId: z.string(),
    ok: z.literal(true),
    backupId: z.string().optional(),
    /** The result was established by verifyApplied after an interruption, not by the replace itself. */
    verified: z.boolean().optional(),
    at
  }),
  z.object({
    t: z.literal('apply-result'),
    rowId,
    userId: z.string(),
    ok: z.literal(false),
    error: appErrorSchema,
    /** The attempt may have reached the portal: verify before sending again. */
    uncertain: z.boolean().optional(),
    at
  })
])
const run = z.enum(['apply', 'undo'])
/**
 * Rows a run did not get to (cancelled). `notApplied`: verifyApplied showed the interrupted attempt
 * never reached the portal, so the row is no longer in doubt.
 */
export const skippedLine = z.object({ t: z.literal('skipped'), run, rowIds: z.array(rowId), notApplied: z.boolean().optional(), at })
/** The rows an undo was asked for, so an interrupted undo resumes with exactly those. */
export const undoRequestLine = z.object({ t: z.literal('undo-request'), rowIds: z.array(rowId), at })
export const undoStartLine = z.object({ t: z.literal('undo-start'), rowId, userId: z.string(), backupId: z.string(), at })
export const undoResultLine = z.discriminatedUnion('ok', [
  z.object({ t: z.literal('undo-result'), rowId, ok: z.literal(true), verified: z.boolean().optional(), at }),
  z.object({ t: z.literal('undo-result'), rowId, ok: z.literal(false), error: appErrorSchema, at })
])
/** `run` says which kind of run a 'paused' (or 'applying'/'undoing') phase belongs to. */
export const phaseLine = z.object({ t: z.literal('phase'), phase: z.enum(PHASES), run: run.optional(), at })

export type CreatedLine = z.infer<typeof createdLine>
export type FileLine = z.infer<typeof fileLine>
export type PreparedLine = z.infer<typeof preparedLine>
export type PlanLine = z.infer<typeof planLine>
export type ApplyResultLine = z.infer<typeof applyResultLine>
export type UndoResultLine = z.infer<typeof undoResultLine>
export type RunKind = z.infer<typeof run>

export type BulkEntry =
  | CreatedLine
  | FileLine
  | PreparedLine
  | PlanLine
  | z.infer<typeof assignLine>
  | z.infer<typeof cropLine>
  | z.infer<typeof approveLine>
  | z.infer<typeof applyStartLine>
  | ApplyResultLine
  | z.infer<typeof skippedLine>
  | z.infer<typeof undoRequestLine>
  | z.infer<typeof undoStartLine>
  | UndoResultLine
  | z.infer<typeof phaseLine>

const BY_TYPE: { readonly [K in BulkEntry['t']]: z.ZodType<Extract<BulkEntry, { t: K }>> } = {
  created: createdLine,
  file: fileLine,
  prepared: preparedLine,
  plan: planLine,
  assign: assignLine,
  crop: cropLine,
  approve: approveLine,
  'apply-start': applyStartLine,
  'apply-result': applyResultLine,
  skipped: skippedLine,
  'undo-request': undoRequestLine,
  'undo-start': undoStartLine,
  'undo-result': undoResultLine,
  phase: phaseLine
}

/** A journal line as a typed entry, or undefined when it is not one we know. */
export function parseEntry(line: { readonly t: string }): BulkEntry | undefined {
  const schema = (BY_TYPE as Record<string, z.ZodType<BulkEntry> | undefined>)[line.t]
  if (!schema) return undefined
  const parsed = schema.safeParse(line)
  return parsed.success ? parsed.data : undefined
}

/** An AppError as the journal stores it: only the plain fields (a port may add its own). */
export function plainError(error: AppError): AppError {
  return {
    code: error.code,
    message: error.message,
    ...(error.detail !== undefined ? { detail: error.detail } : {}),
    ...(error.status !== undefined ? { status: error.status } : {})
  }
}
