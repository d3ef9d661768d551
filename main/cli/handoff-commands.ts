/**
 * The hand-over on the command line, through the same handlers as the app: hand a planned folder's
 * refused rows to their people, the status of every hand-over, and, signed in as the person, the
 * photos waiting for them with accept and decline.
 */
import type { Account, BulkPlan } from '../../preload/contract'
import type { Main } from '../compose'
import { EXIT, type CliArgs } from './args'

export interface HandoffIo {
  out(line: string): void
  err(line: string): void
}

/** `handoff DIR`, after the plan: every row the portal does not let this account change goes to its person. */
export async function handOverPlan(main: Main, plan: BulkPlan, args: CliArgs, io: HandoffIo): Promise<number> {
  const refused = plan.rows.filter((r) => r.state === 'refused' && r.userId)
  if (refused.length === 0) {
    if (!args.json) io.out('\nNothing to hand over: the portal lets you change every matched photo (use apply), or nothing matched.')
    return EXIT.ok
  }
  const outcomes = await main.handlers['handoff:from-bulk']({ jobId: plan.job.jobId, rowIds: refused.map((r) => r.rowId) })
  if (!outcomes.ok) {
    io.err(`The photos could not be handed over (${outcomes.error.code}): ${outcomes.error.message}`)
    return EXIT.usage
  }
  let failures = 0
  for (const outcome of outcomes.value) {
    const row = plan.rows.find((r) => r.rowId === outcome.rowId)
    const personName = outcome.handoff?.personName ?? row?.personName
    if (outcome.handoff) {
      const h = outcome.handoff
      if (args.json) io.out(JSON.stringify({ userId: h.userId, personName: h.personName, state: h.state, fileId: h.fileId }))
      else io.out(`${h.state.padEnd(10)} ${h.personName}  ←  ${row?.file ?? ''}  (file ${h.fileId})`)
      continue
    }
    failures += 1
    const error = outcome.error?.code ?? 'app/internal'
    if (args.json) io.out(JSON.stringify({ file: row?.file, userId: outcome.userId, ...(personName ? { personName } : {}), state: 'failed', error }))
    else io.out(`${'failed'.padEnd(10)} ${personName ?? outcome.userId ?? ''}  ←  ${row?.file ?? ''}  [${error}]`)
  }
  if (!args.json) io.out(`\n${outcomes.value.length - failures} handed over, ${failures} failed. Each person was notified by the portal; see "handoff-status".`)
  return failures > 0 ? EXIT.someFailed : EXIT.ok
}

/** handoff-status, waiting, accept and decline. */
export async function runHandoffCommand(main: Main, account: Account, args: CliArgs, io: HandoffIo): Promise<number> {
  const h = main.handlers
  const accountId = account.id
  switch (args.command) {
    case 'handoff-status': {
      const list = await h['handoff:status']({ accountId })
      if (!list.ok) return failedWith(io, 'The hand-overs could not be checked', list.error)
      for (const x of list.value) {
        if (args.json) io.out(JSON.stringify({ userId: x.userId, personName: x.personName, state: x.state, fileId: x.fileId, preparedAt: x.preparedAt, ...(x.decidedAt ? { decidedAt: x.decidedAt } : {}) }))
        else io.out(`${x.state.padEnd(10)} ${x.personName}  (prepared ${x.preparedAt.slice(0, 16).replace('T', ' ')}${x.decidedAt ? `, ${x.state} ${x.decidedAt.slice(0, 16).replace('T', ' ')}` : ''})`)
      }
      if (!args.json && list.value.length === 0) io.out('No photos handed over from this account.')
      return EXIT.ok
    }
    case 'waiting': {
      const list = await h['handoff:waiting']({ accountId })
      if (!list.ok) return failedWith(io, 'The shared photos could not be read', list.error)
      for (const w of list.value) {
        if (args.json) io.out(JSON.stringify({ fileId: w.fileId, from: w.from.id, fromName: w.from.displayName, title: w.title }))
        else io.out(`${String(w.fileId).padEnd(8)} from ${w.from.displayName || w.from.id}  (${w.title})  →  accept ${w.fileId} / decline ${w.fileId}`)
      }
      if (!args.json && list.value.length === 0) io.out('No photo is waiting for you.')
      return EXIT.ok
    }
    case 'accept': {
      const fileId = args.fileId ?? 0
      const change = await h['handoff:accept']({ accountId, fileId })
      if (args.json) io.out(JSON.stringify({ fileId, result: change.ok ? 'ok' : 'failed', ...(change.ok ? {} : { error: change.error.code }) }))
      else if (change.ok) io.out(`Your profile photo is now the one in file ${fileId}; every size was ${change.value.verified ? 'checked' : 'not checked'}. Undo it from the app's history.`)
      if (!change.ok) return failedWith(io, 'The photo was not applied', change.error, EXIT.someFailed)
      return EXIT.ok
    }
    case 'decline': {
      const fileId = args.fileId ?? 0
      const declined = await h['handoff:decline']({ accountId, fileId })
      if (args.json) io.out(JSON.stringify({ fileId, result: declined.ok ? 'ok' : 'failed', ...(declined.ok ? {} : { error: declined.error.code }) }))
      else if (declined.ok) io.out(`File ${fileId} is no longer shared with you; its sender can see that you declined.`)
      if (!declined.ok) return failedWith(io, 'The photo could not be declined', declined.error, EXIT.someFailed)
      return EXIT.ok
    }
    default:
      return EXIT.usage
  }
}

export function isHandoffCommand(command: CliArgs['command']): boolean {
  return command === 'handoff-status' || command === 'waiting' || command === 'accept' || command === 'decline'
}

function failedWith(io: HandoffIo, what: string, error: { readonly code: string; readonly message: string }, exit: number = EXIT.usage): number {
  io.err(`${what} (${error.code}): ${error.message}`)
  return exit
}
