/**
 * A bulk job is one entry in the activity log, with each person's result: when an apply or an undo
 * ends (finished or cancelled), the job's rows are written as one entry. Sits between the bulk
 * service and the host's event sink, and passes every event on.
 */
import type { ActivityPerson, BulkProgress, EventChannel, EventChannels } from '../../preload/contract'
import type { EventSink } from '../core/events'
import type { ActivityLog } from '../services/activity-log'
import type { BulkService } from './bulk-service'

export interface JobActivitySink extends EventSink {
  /** The service whose jobs are recorded (it is built with this sink, so it comes second). */
  bind(service: BulkService): void
}

export function jobActivity(events: EventSink, activity: ActivityLog): JobActivitySink {
  let service: BulkService | undefined
  const running = new Map<string, 'applying' | 'undoing'>()

  async function record(jobId: string, kind: 'applying' | 'undoing'): Promise<void> {
    const plan = await service?.current(jobId)
    if (!plan?.ok) return
    const { job, rows } = plan.value
    const undo = kind === 'undoing'
    const people: ActivityPerson[] = []
    for (const row of rows) {
      if (!row.userId) continue
      const result = undo ? row.undoResult : row.result
      if (result === undefined || result === 'pending') continue
      const error = undo ? row.undoError : row.resultError
      people.push({
        userId: row.userId,
        personName: row.personName ?? row.userId,
        file: row.file,
        result: result === 'ok' ? 'ok' : result === 'failed' ? 'failed' : 'skipped',
        ...(error ? { error: error.code } : {})
      })
    }
    const ok = people.filter((p) => p.result === 'ok').length
    const failed = people.filter((p) => p.result === 'failed').length
    const header = await service?.header(jobId)
    await activity.append({
      at: new Date().toISOString(),
      accountId: job.accountId,
      portalUrl: header?.portalUrl ?? '',
      actor: header?.actor ?? '',
      userId: '',
      personName: '',
      action: undo ? 'bulk-undo' : 'bulk-import',
      result: failed > 0 ? 'failed' : 'ok',
      detail: `job ${jobId}: ${ok} ok, ${failed} failed, ${people.length - ok - failed} skipped`,
      people
    })
  }

  return {
    bind(bulk) {
      service = bulk
    },
    emit<C extends EventChannel>(channel: C, payload: EventChannels[C]) {
      events.emit(channel, payload)
      if (channel !== 'bulk:progress') return
      const progress = payload as BulkProgress
      if (progress.phase === 'applying' || progress.phase === 'undoing') running.set(progress.jobId, progress.phase)
      const kind = running.get(progress.jobId)
      if ((progress.phase === 'finished' || progress.phase === 'cancelled') && kind) {
        running.delete(progress.jobId)
        void record(progress.jobId, kind)
      }
    }
  }
}
