/**
 * createHandlers: one function per request channel. Each validates its argument (schemas.ts), calls
 * the service, and answers a Result. Nothing thrown ever escapes: Electron would pass only the
 * message across IPC, and a web host would answer 500. A thrown error is a bug, reported as
 * app/internal and logged with its stack, scrubbed of anything secret-looking.
 */
import type { ArgOf, RequestChannel, Result, ValueOf } from '../../preload/contract'
import type { PhotoEditorService } from '../changes/photo-editor-service'
import { createInProcessImageWork, type ImageWork } from '../images/image-work'
import type { AccountsService } from '../services/accounts-service'
import { activityScope, type ActivityLog } from '../services/activity-log'
import { scrub, type Logger } from '../core/logger'
import type { PeopleService } from '../services/people-service'
import type { PhotosService } from '../services/photos-service'
import type { BulkService } from '../jobs/bulk-service'
import type { SettingsStore } from '../services/settings-store'
import type { HandoffInbox } from '../handoff/handoff-inbox'
import type { HandoffService } from '../handoff/handoff-service'
import type { PhotoRequests } from '../handoff/photo-requests'
import { describeIssues, schemas } from './schemas'
import type { Handlers } from './types'

export interface HandlerServices {
  readonly accounts: AccountsService
  readonly people: PeopleService
  readonly photos: PhotosService
  readonly editor: PhotoEditorService
  readonly activity: ActivityLog
  readonly bulk: BulkService
  readonly settings: SettingsStore
  /** The hand-over: the sharer's side, the person's side, and requests for a photo. */
  readonly handoff: { readonly service: HandoffService; readonly inbox: HandoffInbox; readonly requests: PhotoRequests }
  readonly log: Logger
  /** Image work (the worker pool in the app); on the calling thread when absent. */
  readonly images?: ImageWork
}

export function createHandlers(services: HandlerServices): Handlers {
  const { accounts, people, photos, editor, activity, bulk, settings, log } = services

  /** Whose activity the signed-in person may see (activity-log.ts activityScope). */
  async function scope(): Promise<ReturnType<typeof activityScope>> {
    const overview = await accounts.overview()
    if (!overview.ok) return activityScope(undefined)
    return activityScope(overview.value.accounts.find((a) => a.id === overview.value.activeAccountId))
  }
  const { service: handoff, inbox, requests } = services.handoff
  const images = services.images ?? createInProcessImageWork()

  function handle<C extends RequestChannel>(channel: C, run: (arg: ArgOf<C>) => Promise<Result<ValueOf<C>>>) {
    return async (raw: unknown): Promise<Result<ValueOf<C>>> => {
      const parsed = schemas[channel].safeParse(raw)
      if (!parsed.success) {
        const message = describeIssues(parsed.error)
        log.warn('ipc argument rejected', { channel, issues: message })
        return { ok: false, error: { code: 'input/invalid', message: `Invalid argument for ${channel}: ${message}` } }
      }
      try {
        return await run(parsed.data)
      } catch (e) {
        const stack = e instanceof Error ? (e.stack ?? e.message) : String(e)
        log.error('handler threw (bug)', { channel, stack: scrub(stack) })
        return { ok: false, error: { code: 'app/internal', message: 'Something went wrong inside the app.' } }
      }
    }
  }

  return {
    'accounts:overview': handle('accounts:overview', () => accounts.overview()),
    'accounts:sign-in': handle('accounts:sign-in', (arg) => accounts.signIn(arg)),
    'accounts:verify-code': handle('accounts:verify-code', (arg) => accounts.verifyCode(arg)),
    'accounts:cancel-sign-in': handle('accounts:cancel-sign-in', (arg) => accounts.cancelSignIn(arg)),
    'accounts:switch': handle('accounts:switch', (arg) => accounts.switchTo(arg)),
    'accounts:sign-out': handle('accounts:sign-out', (arg) => accounts.signOut(arg)),
    'accounts:forget': handle('accounts:forget', (arg) => accounts.forget(arg)),
    'people:page': handle('people:page', (arg) => people.page(arg)),
    'people:get': handle('people:get', (arg) => people.get(arg)),
    'people:cached': handle('people:cached', (arg) => people.cached(arg)),
    'photos:get': handle('photos:get', (arg) => photos.get(arg)),
    'photos:image': handle('photos:image', (arg) => photos.image(arg)),
    'photos:inspect': handle('photos:inspect', (arg) => images.inspect(arg.bytes)),
    'photos:preview': handle('photos:preview', (arg) => images.preview(arg.bytes)),
    'photos:frame': handle('photos:frame', async (arg) => {
      const analysed = await images.frame(arg.bytes, arg.preset, { preview: arg.withPreview === true })
      if (!analysed.ok) return analysed
      const { preview } = analysed.value
      return { ok: true, value: { ...analysed.value.framing, ...(preview ? { preview } : {}) } }
    }),
    'photos:stage': handle('photos:stage', (arg) => editor.stage(arg)),
    'photos:open': handle('photos:open', (arg) => editor.open(arg)),
    'photos:framing': handle('photos:framing', (arg) => editor.framing(arg)),
    'photos:replace': handle('photos:replace', (arg) => editor.replace(arg)),
    'photos:cancel': handle('photos:cancel', async (arg) => editor.cancel(arg)),
    'photos:delete': handle('photos:delete', (arg) => editor.remove(arg)),
    'photos:set-from-url': handle('photos:set-from-url', (arg) => editor.setFromUrl(arg)),
    'photos:fetch-url': handle('photos:fetch-url', (arg) => editor.fetchUrl(arg)),
    'photos:original': handle('photos:original', (arg) => editor.original(arg)),
    'photos:history': handle('photos:history', (arg) => editor.history(arg)),
    'photos:restore': handle('photos:restore', (arg) => editor.restore(arg)),
    'photos:undo': handle('photos:undo', (arg) => editor.undo(arg)),
    'activity:list': handle('activity:list', async (arg) => ({ ok: true, value: await activity.list({ ...arg, ...(await scope()) }) })),
    'activity:export-csv': handle('activity:export-csv', async () => ({ ok: true, value: await activity.exportCsv(new Date(), await scope()) })),
    'settings:get': handle('settings:get', async () => ({ ok: true, value: await settings.get() })),
    'settings:update': handle('settings:update', async (arg) => ({ ok: true, value: await settings.update(arg) })),
    'bulk:create': handle('bulk:create', (arg) => bulk.create(arg.accountId, arg.framingPreset)),
    'bulk:add-files': handle('bulk:add-files', (arg) => bulk.addFiles(arg.jobId, arg.files)),
    'bulk:plan': handle('bulk:plan', (arg) => bulk.plan(arg.jobId)),
    'bulk:current': handle('bulk:current', (arg) => bulk.current(arg.jobId)),
    'bulk:assign': handle('bulk:assign', (arg) => bulk.assign(arg.jobId, arg.rowId, arg.userId)),
    'bulk:turn': handle('bulk:turn', (arg) => bulk.turn(arg.jobId, arg.rowId)),
    'bulk:set-crop': handle('bulk:set-crop', (arg) => bulk.setCrop(arg.jobId, arg.rowId, arg.crop)),
    'bulk:approve': handle('bulk:approve', (arg) => bulk.approve(arg.jobId, arg.rowIds, arg.approved)),
    'bulk:preview': handle('bulk:preview', (arg) => bulk.preview(arg.jobId, arg.rowId)),
    'bulk:apply': handle('bulk:apply', (arg) => bulk.apply(arg.jobId, concurrencyOf(arg))),
    'bulk:pause': handle('bulk:pause', (arg) => bulk.pause(arg.jobId)),
    'bulk:resume': handle('bulk:resume', (arg) => bulk.resume(arg.jobId, concurrencyOf(arg))),
    'bulk:cancel': handle('bulk:cancel', (arg) => bulk.cancel(arg.jobId)),
    'bulk:undo': handle('bulk:undo', (arg) => bulk.undo(arg.jobId, arg.rowIds)),
    'bulk:jobs': handle('bulk:jobs', (arg) => bulk.jobs(arg.accountId)),
    'bulk:discard': handle('bulk:discard', (arg) => bulk.discard(arg.jobId)),
    'bulk:export-csv': handle('bulk:export-csv', (arg) => (arg.kind === 'plan' ? bulk.planCsv(arg.jobId) : bulk.reportCsv(arg.jobId))),
    'handoff:prepare': handle('handoff:prepare', (arg) => handoff.prepare(arg)),
    'handoff:from-bulk': handle('handoff:from-bulk', (arg) => handoff.fromBulk(arg.jobId, arg.rowIds)),
    'handoff:withdraw': handle('handoff:withdraw', (arg) => handoff.withdraw(arg)),
    'handoff:remind': handle('handoff:remind', (arg) => handoff.remind(arg)),
    'handoff:list': handle('handoff:list', (arg) => handoff.list(arg.accountId)),
    'handoff:status': handle('handoff:status', (arg) => handoff.status(arg.accountId, arg.userIds)),
    'handoff:export-csv': handle('handoff:export-csv', (arg) => handoff.exportCsv(arg.accountId)),
    'handoff:waiting': handle('handoff:waiting', (arg) => inbox.waiting(arg.accountId)),
    'handoff:image': handle('handoff:image', (arg) => inbox.image(arg.accountId, arg.fileId)),
    'handoff:accept': handle('handoff:accept', (arg) => inbox.accept(arg.accountId, arg.fileId)),
    'handoff:decline': handle('handoff:decline', (arg) => inbox.decline(arg.accountId, arg.fileId)),
    'handoff:ask': handle('handoff:ask', (arg) => requests.ask(arg.accountId, arg.userIds)),
    'handoff:asked': handle('handoff:asked', (arg) => requests.asked(arg.accountId, arg.refresh === true)),
    'handoff:route': handle('handoff:route', (arg) => handoff.route(arg.accountId, arg.route))
  }
}

/** An optional concurrency passed on only when given (exactOptionalPropertyTypes). */
function concurrencyOf(arg: { readonly concurrency?: number | undefined }): { readonly concurrency?: number } {
  return arg.concurrency === undefined ? {} : { concurrency: arg.concurrency }
}
