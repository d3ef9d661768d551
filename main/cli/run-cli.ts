/**
 * The command line host: the same composition root as the desktop app and the web host, driven from a
 * terminal. It signs in (API key from the environment, or a saved account's token from the keychain),
 * hands a folder to a bulk job, prints the plan and, for `apply`, runs it and prints each person's result.
 */
import type { Account, BulkPlan, BulkProgress, BulkRow, EventChannel, EventChannels, Result } from '../../preload/contract'
import { createDefaultSecretStore, createMain, type Main } from '../compose'
import { MemorySecretStore } from '../secrets/memory-store'
import type { SecretStore } from '../secrets/secret-store'
import { scrub, type LogFields, type Logger } from '../core/logger'
import { EXIT, HELP, parseCliArgs, type CliArgs } from './args'
import { defaultDataDir } from './data-dir'
import { inspectFile } from './inspect-command'
import { readPhotos } from './read-photos'
import { handOverPlan, isHandoffCommand, runHandoffCommand } from './handoff-commands'

export interface CliIo {
  readonly env: NodeJS.ProcessEnv
  out(line: string): void
  err(line: string): void
  /** Tests pass their own store (a real keychain in a throw-away Secret Service, or memory). */
  readonly secrets?: SecretStore
}

/** Files go to main in batches like the renderer's, so a big folder never sits in memory whole. */
const BATCH_FILES = 8
const BATCH_BYTES = 40 * 1024 * 1024

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv)
  if (!parsed.ok) {
    io.err(`${parsed.message}\nRun with --help for the commands and options.`)
    return EXIT.usage
  }
  const args = parsed.args
  if (args.command === 'help') {
    io.out(HELP)
    return EXIT.ok
  }
  if (args.command === 'inspect') return inspectFile(args.target ?? '', args.preset ?? 'standard', args.json, io)
  const apiKey = io.env.DOCSPACE_API_KEY?.trim()
  if (apiKey && !args.portal) {
    io.err('DOCSPACE_API_KEY is set: say which portal it belongs to with --portal URL.')
    return EXIT.usage
  }
  const progress: BulkProgress[] = []
  const waiters = new Set<() => void>()
  const events = {
    emit<C extends EventChannel>(channel: C, payload: EventChannels[C]) {
      if (channel !== 'bulk:progress') return
      progress.push(payload as BulkProgress)
      for (const wake of waiters) wake()
    }
  }
  // An API key is kept in memory on purpose, so main's warning that the keychain is unavailable is noise here.
  const log = quietLog(io, apiKey ? KEYCHAIN_UNAVAILABLE : undefined)
  const secrets = io.secrets ?? (apiKey ? new MemorySecretStore({ available: false }) : await createDefaultSecretStore())
  const main = createMain({ dataDir: args.dataDir ?? defaultDataDir(io.env), secrets, events, log })
  try {
    const account = apiKey ? await signInWithKey(main, args.portal ?? '', apiKey, io) : await savedAccount(main, args, io)
    if (!account) return EXIT.usage
    if (isHandoffCommand(args.command)) return await runHandoffCommand(main, account, args, io)
    return await runJob(main, account, args, io, { progress, waiters })
  } finally {
    await main.dispose()
  }
}

/** The key is used for this run only: the desktop app's saved accounts and keychain stay as they were. */
async function signInWithKey(main: Main, portalUrl: string, apiKey: string, io: CliIo): Promise<Account | undefined> {
  const signedIn = await main.signInEphemeral({ portalUrl, apiKey })
  if (!signedIn.ok) {
    io.err(`Sign-in to ${portalUrl} failed (${signedIn.error.code}): ${signedIn.error.message}`)
    return undefined
  }
  return signedIn.value
}

async function savedAccount(main: Main, args: CliArgs, io: CliIo): Promise<Account | undefined> {
  const overview = await main.handlers['accounts:overview'](undefined)
  if (!overview.ok) {
    io.err(`The app's accounts could not be read (${overview.error.code}).`)
    return undefined
  }
  const { accounts, activeAccountId } = overview.value
  const wanted = accounts.filter(
    (a) =>
      (args.account === undefined || a.user.email.toLowerCase() === args.account.toLowerCase()) &&
      (args.portal === undefined || sameOrigin(a.portalUrl, args.portal))
  )
  const account = args.account === undefined && args.portal === undefined ? accounts.find((a) => a.id === activeAccountId) : wanted[0]
  if (!account) {
    io.err(
      accounts.length === 0
        ? 'No saved account: sign in once in the desktop app, or set DOCSPACE_API_KEY and --portal URL.'
        : `No saved account matches. Saved: ${accounts.map((a) => `${a.user.email} on ${a.portalUrl}`).join(', ')}.`
    )
    return undefined
  }
  if (account.state !== 'signed-in') {
    io.err(`${account.user.email} on ${account.portalUrl} is ${account.state === 'expired' ? 'expired' : 'signed out'}: sign in again in the desktop app.`)
    return undefined
  }
  return account
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b.includes('://') ? b : `https://${b}`).origin
  } catch {
    return false
  }
}

interface ProgressFeed {
  readonly progress: BulkProgress[]
  readonly waiters: Set<() => void>
}

async function runJob(main: Main, account: Account, args: CliArgs, io: CliIo, feed: ProgressFeed): Promise<number> {
  const h = main.handlers
  const created = await h['bulk:create']({ accountId: account.id, ...(args.preset ? { framingPreset: args.preset } : {}) })
  if (!created.ok) return failed(io, 'The job could not be created', created)
  const jobId = created.value.jobId

  const sources = args.mapping ? [args.mapping, args.target ?? ''] : [args.target ?? '']
  let batch: { name: string; bytes: Uint8Array }[] = []
  let batchBytes = 0
  let added = 0
  const flush = async (): Promise<Result<unknown>> => {
    if (batch.length === 0) return { ok: true, value: undefined }
    const res = await h['bulk:add-files']({ jobId, files: batch })
    added += batch.length
    batch = []
    batchBytes = 0
    return res
  }
  try {
    for (const source of sources) {
      for await (const file of readPhotos(source)) {
        if (file.skipped) {
          io.err(`skipped ${file.name}: ${file.skipped === 'empty' ? 'the file is empty' : 'larger than 60 MB'}`)
          continue
        }
        batch.push({ name: file.name, bytes: file.bytes })
        batchBytes += file.bytes.byteLength
        if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) {
          const res = await flush()
          if (!res.ok) return failed(io, 'The files could not be added', res)
        }
      }
    }
  } catch (e) {
    io.err(`Cannot read ${args.target}: ${e instanceof Error ? e.message : String(e)}`)
    return EXIT.usage
  }
  const last = await flush()
  if (!last.ok) return failed(io, 'The files could not be added', last)
  if (added === 0) {
    io.err(`No files found in ${args.target}.`)
    return EXIT.usage
  }

  const plan = await h['bulk:plan']({ jobId })
  if (!plan.ok) return failed(io, 'The plan could not be made', plan)
  if (args.command === 'plan' || !args.json) printPlan(plan.value, args.json, io)
  if (args.command === 'plan') return EXIT.ok
  if (args.command === 'handoff') return handOverPlan(main, plan.value, args, io)

  const started = await h['bulk:apply']({ jobId, ...(args.concurrency ? { concurrency: args.concurrency } : {}) })
  if (!started.ok) return failed(io, 'The job could not be started', started)
  await untilFinished(jobId, feed, io, args.json)
  const final = await h['bulk:plan']({ jobId })
  if (!final.ok) return failed(io, 'The results could not be read', final)
  return printResults(final.value, args.json, io)
}

async function untilFinished(jobId: string, feed: ProgressFeed, io: CliIo, json: boolean): Promise<void> {
  let lastLine = 0
  for (;;) {
    const latest = [...feed.progress].reverse().find((p) => p.jobId === jobId)
    if (latest && (latest.phase === 'finished' || latest.phase === 'cancelled')) return
    if (latest && !json && Date.now() - lastLine > 2000) {
      lastLine = Date.now()
      const left = latest.secondsLeft !== undefined ? `, about ${Math.ceil(latest.secondsLeft)} s left` : ''
      io.err(`applying: ${latest.done} of ${latest.total} done, ${latest.failed} failed${left}`)
    }
    await new Promise<void>((resolve) => {
      const wake = () => {
        feed.waiters.delete(wake)
        resolve()
      }
      feed.waiters.add(wake)
      setTimeout(wake, 1000)
    })
  }
}

function printPlan(plan: BulkPlan, json: boolean, io: CliIo): void {
  for (const row of plan.rows) {
    if (json) {
      io.out(
        JSON.stringify({
          file: row.file,
          state: row.state,
          ...(row.userId ? { userId: row.userId, personName: row.personName } : {}),
          ...(row.rule ? { rule: row.rule } : {}),
          ...(row.candidates ? { candidates: row.candidates.map((c) => c.userId) } : {}),
          ...(row.problem ? { problem: row.problem.code } : {})
        })
      )
    } else {
      const who = row.personName ?? (row.candidates ? `one of ${row.candidates.map((c) => c.displayName).join(', ')}` : '—')
      io.out(`${row.state.padEnd(10)} ${row.file}  →  ${who}${row.rule ? ` (by ${row.rule})` : ''}${row.problem ? `  [${row.problem.code}]` : ''}`)
    }
  }
  if (!json) {
    const counts = Object.entries(plan.job.counts.byState).filter(([, n]) => n > 0)
    io.out(`\n${plan.rows.length} files: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}`)
  }
}

function printResults(plan: BulkPlan, json: boolean, io: CliIo): number {
  let failures = 0
  const resultOf = (row: BulkRow): 'ok' | 'failed' | 'skipped' => (row.result === 'ok' ? 'ok' : row.result === 'failed' ? 'failed' : 'skipped')
  for (const row of plan.rows) {
    if (!row.userId) continue
    const result = resultOf(row)
    if (result === 'failed') failures += 1
    const error = row.resultError?.code ?? (result === 'skipped' && row.problem ? row.problem.code : undefined)
    if (json) io.out(JSON.stringify({ file: row.file, userId: row.userId, personName: row.personName, result, ...(error ? { error } : {}) }))
    else io.out(`${result.padEnd(8)} ${row.personName ?? row.userId}  ←  ${row.file}${error ? `  [${error}]` : ''}`)
  }
  if (!json) io.out(`\n${plan.job.counts.ok} applied, ${plan.job.counts.failed} failed, ${plan.job.counts.skipped} skipped. Undo the job from the app's Activity.`)
  return failures > 0 ? EXIT.someFailed : EXIT.ok
}

function failed(io: CliIo, what: string, res: { readonly ok: false; readonly error: { readonly code: string; readonly message: string } }): number {
  io.err(`${what} (${res.error.code}): ${res.error.message}`)
  return EXIT.usage
}

const KEYCHAIN_UNAVAILABLE = /^keychain unavailable/

/** The CLI's own lines are its output; main's log goes to stderr only for warnings and errors. */
function quietLog(io: CliIo, expected?: RegExp): Logger {
  const line = (level: string) => (message: string, fields?: LogFields) => {
    if (expected?.test(message)) return
    io.err(scrub(`${level}: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`))
  }
  return { info: () => {}, warn: line('warning'), error: line('error') }
}
