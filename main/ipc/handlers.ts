/**
 * createHandlers: one function per request channel. Each validates its argument (schemas.ts), calls
 * the service, and answers a Result. Nothing thrown ever escapes: Electron would pass only the
 * message across IPC, and a web host would answer 500. A thrown error is a bug, reported as
 * app/internal and logged with its stack, scrubbed of anything secret-looking.
 */
import type { ArgOf, RequestChannel, Result, ValueOf } from '../../preload/contract'
import type { AccountsService } from '../services/accounts-service'
import type { ActivityLog } from '../services/activity-log'
import { scrub, type Logger } from '../core/logger'
import type { PeopleService } from '../services/people-service'
import type { PhotoEditorService } from '../services/photo-editor-service'
import type { PhotosService } from '../services/photos-service'
import { describeIssues, schemas } from './schemas'
import type { Handlers } from './types'

export interface HandlerServices {
  readonly accounts: AccountsService
  readonly people: PeopleService
  readonly photos: PhotosService
  readonly editor: PhotoEditorService
  readonly activity: ActivityLog
  readonly log: Logger
}

export function createHandlers(services: HandlerServices): Handlers {
  const { accounts, people, photos, editor, activity, log } = services

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
    'accounts:switch': handle('accounts:switch', (arg) => accounts.switchTo(arg)),
    'accounts:sign-out': handle('accounts:sign-out', (arg) => accounts.signOut(arg)),
    'accounts:forget': handle('accounts:forget', (arg) => accounts.forget(arg)),
    'people:page': handle('people:page', (arg) => people.page(arg)),
    'people:get': handle('people:get', (arg) => people.get(arg)),
    'photos:get': handle('photos:get', (arg) => photos.get(arg)),
    'photos:image': handle('photos:image', (arg) => photos.image(arg)),
    'photos:inspect': handle('photos:inspect', (arg) => editor.inspect(arg)),
    'photos:preview': handle('photos:preview', (arg) => editor.preview(arg)),
    'photos:replace': handle('photos:replace', (arg) => editor.replace(arg)),
    'photos:cancel': handle('photos:cancel', async (arg) => editor.cancel(arg)),
    'photos:delete': handle('photos:delete', (arg) => editor.remove(arg)),
    'photos:set-from-url': handle('photos:set-from-url', (arg) => editor.setFromUrl(arg)),
    'photos:original': handle('photos:original', (arg) => editor.original(arg)),
    'photos:history': handle('photos:history', (arg) => editor.history(arg)),
    'photos:restore': handle('photos:restore', (arg) => editor.restore(arg)),
    'photos:undo': handle('photos:undo', (arg) => editor.undo(arg)),
    'activity:list': handle('activity:list', async (arg) => ({ ok: true, value: await activity.list(arg) })),
    'activity:export-csv': handle('activity:export-csv', async () => ({ ok: true, value: await activity.exportCsv() }))
  }
}
