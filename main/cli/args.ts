/**
 * The command line's arguments: a command, its folder or file, and options. Parsed with Node's own
 * parseArgs; anything unknown is a usage error (exit code 2) with a message naming it.
 */
import { parseArgs } from 'node:util'
import type { FramingPreset } from '../../preload/contract'

export const EXIT = { ok: 0, someFailed: 1, usage: 2 } as const

export type Command = 'plan' | 'apply' | 'inspect' | 'handoff' | 'handoff-status' | 'waiting' | 'accept' | 'decline' | 'help'

/** Commands that read a folder of photos (DIR). */
const FOLDER_COMMANDS = new Set<Command>(['plan', 'apply', 'handoff'])
/** Commands about one shared file (FILE_ID). */
const FILE_COMMANDS = new Set<Command>(['accept', 'decline'])
const COMMANDS: readonly Command[] = ['plan', 'apply', 'inspect', 'handoff', 'handoff-status', 'waiting', 'accept', 'decline', 'help']

export interface CliArgs {
  readonly command: Command
  /** The folder (or ZIP) of photos for plan/apply/handoff. */
  readonly target?: string
  /** The shared file for accept/decline. */
  readonly fileId?: number
  readonly json: boolean
  readonly portal?: string
  readonly account?: string
  readonly dataDir?: string
  readonly concurrency?: number
  readonly mapping?: string
  /** inspect, plan, apply: the framing preset. */
  readonly preset?: FramingPreset
}

const PRESETS: readonly FramingPreset[] = ['tight', 'standard', 'loose']

export const HELP = `DocSpace Photo Manager — command line

Usage (docspace-photos is the built command; from a checkout, npm run cli -- does the same):
  docspace-photos plan DIR [options]    match the photos in DIR (a folder or a .zip) to people and
                                        print what would happen to each file; changes nothing
  docspace-photos apply DIR [options]   the same plan, then apply every sendable row: backup first,
                                        exact crop, every size read back (as the app does)
  docspace-photos inspect FILE [--preset P]  what the app sees in one photo: its size, the faces found,
                                        the proposed square crop and the quality warnings (no sign-in)
  docspace-photos handoff DIR [options] the same plan, then hand each photo the portal does not let you
                                        change (DocSpace 3.6+) to its person: it goes to your "My
                                        documents", shared read-only with that one person, who is notified
  docspace-photos handoff-status        where each hand-over stands: waiting, applied, declined,
                                        superseded (the person set another photo) or withdrawn
  docspace-photos waiting               signed in as the person: the photos waiting for you
  docspace-photos accept FILE_ID        apply a waiting photo to your own profile (backup first, exact
                                        crop, every size read back)
  docspace-photos decline FILE_ID       "No thanks": remove it from your view (the sharer sees it)
  docspace-photos help                  this text (also --help)

Options:
  --portal URL        the portal, e.g. https://hr.example.com (required with DOCSPACE_API_KEY; with a
                      saved account it picks the account of that portal)
  --account EMAIL     a saved account of the app (its token is read from the OS keychain)
  --mapping FILE.csv  a CSV mapping file name -> email, user name or id (a CSV inside DIR is used too)
  --concurrency N     people changed at once while applying (default 4, at most 15)
  --data-dir DIR      the app's data folder (backups, activity, jobs); default: the desktop app's
  --preset P          inspect, plan, apply: tight, standard (default) or loose framing
  --json              one JSON object per line instead of a table

Signing in:
  DOCSPACE_API_KEY=sk-… with --portal URL signs in with an API key (kept in memory only), otherwise the
  saved account of the desktop app is used (--account or --portal picks one; the active one by default).

Output with --json:
  plan:   one object per file: {"file","state","userId","personName","rule","problem"}; state is one of
          new, replace, unchanged, unmatched, ambiguous, duplicate, refused, invalid
  apply:  the plan's lines, then one object per person: {"file","userId","personName","result","error"};
          result is ok, failed or skipped; error is a code such as portal/rate-limited
  handoff: one object per person: {"userId","personName","state","fileId"} (state waiting), or
          {"file","userId","state":"failed","error"}
  handoff-status: one object per hand-over: {"userId","personName","state","fileId","preparedAt","decidedAt"}
  waiting: one object per waiting photo: {"fileId","from","fromName","title"}
  accept / decline: {"fileId","result","error"}
  inspect: one object {"file","image","preset","faces","crop","turns","rollDegrees","warnings"}: faces
          in the upright image's pixels (box, leftEye, rightEye, chin, rollDegrees, score), crop as
          fractions of the upright image (after "turns" quarter turns), warnings by code (no-face,
          several-faces, face-too-small, blurry, too-dark, too-bright, upscaled, not-upright, tilted)

Exit codes:
  0  everything planned, applied or handed over      1  some people failed (apply, handoff, accept)
  2  usage error, sign-in error, or the job could not be planned
`

export type Parsed = { readonly ok: true; readonly args: CliArgs } | { readonly ok: false; readonly message: string }

export function parseCliArgs(argv: readonly string[]): Parsed {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        portal: { type: 'string' },
        account: { type: 'string' },
        'data-dir': { type: 'string' },
        concurrency: { type: 'string' },
        mapping: { type: 'string' },
        preset: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false }
      }
    })
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) }
  }
  const { values, positionals } = parsed
  const [command, target, ...extra] = positionals
  if (values.help || command === undefined || command === 'help') return { ok: true, args: { command: 'help', json: false } }
  const known = COMMANDS.find((c) => c === command)
  if (known === undefined || known === 'help') return { ok: false, message: `Unknown command "${command}". Commands: ${COMMANDS.join(', ')}.` }
  if (known === 'inspect' && target === undefined) return { ok: false, message: '"inspect" needs a photo: docspace-photos inspect FILE' }
  if (FOLDER_COMMANDS.has(known) && target === undefined) return { ok: false, message: `"${command}" needs a folder or .zip of photos: docspace-photos ${command} DIR` }
  let fileId: number | undefined
  if (FILE_COMMANDS.has(known)) {
    fileId = Number(target)
    if (target === undefined || !/^[0-9]{1,15}$/.test(target) || !Number.isSafeInteger(fileId) || fileId < 1) {
      return { ok: false, message: `"${command}" needs the id of a waiting photo (see "waiting"): docspace-photos ${command} FILE_ID` }
    }
  }
  const preset = values.preset as FramingPreset | undefined
  if (preset !== undefined && !PRESETS.includes(preset)) return { ok: false, message: '--preset must be tight, standard or loose.' }
  const surplus = FOLDER_COMMANDS.has(known) || FILE_COMMANDS.has(known) || known === 'inspect' ? extra : [target, ...extra].filter((a) => a !== undefined)
  if (surplus.length > 0) return { ok: false, message: `Unexpected argument "${surplus[0]}".` }
  let concurrency: number | undefined
  if (values.concurrency !== undefined) {
    concurrency = Number(values.concurrency)
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 15) return { ok: false, message: '--concurrency must be a whole number from 1 to 15.' }
  }
  return {
    ok: true,
    args: {
      command: known,
      ...((FOLDER_COMMANDS.has(known) || known === 'inspect') && target !== undefined ? { target } : {}),
      ...(fileId !== undefined ? { fileId } : {}),
      json: values.json === true,
      ...(values.portal !== undefined ? { portal: values.portal } : {}),
      ...(values.account !== undefined ? { account: values.account } : {}),
      ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] } : {}),
      ...(values.mapping !== undefined ? { mapping: values.mapping } : {}),
      ...(concurrency !== undefined ? { concurrency } : {}),
      ...(preset !== undefined ? { preset } : {})
    }
  }
}
