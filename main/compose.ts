/**
 * The composition root of main's logic, shared by both hosts: Electron (main/index.ts) and the
 * browser web host (main/web-host/). No Electron here.
 */
import type { Account, Result } from '../preload/contract'
import type { EventSink } from './core/events'
import { sharedAbortController } from './core/abort'
import type { Handlers } from './ipc/types'
import { ChangeFrame } from './changes/change-frame'
import { PhotoEditorService } from './changes/photo-editor-service'
import { ReadBack } from './changes/read-back'
import { ReplaceProtocol } from './changes/replace-protocol'
import { retryPolicy } from './changes/retry'
import { BulkReplace } from './changes/bulk-replace'
import { BulkService } from './jobs/bulk-service'
import { createBulkPorts } from './jobs/bulk-wiring'
import { jobActivity } from './jobs/job-activity'
import { createHandlers } from './ipc/handlers'
import { HandoffInbox } from './handoff/handoff-inbox'
import { HandoffService, type BulkRowsPort } from './handoff/handoff-service'
import { HandoffStore } from './handoff/handoff-store'
import { PhotoRequests } from './handoff/photo-requests'
import { HttpClient } from './docspace/http'
import { KeytarSecretStore } from './secrets/keytar-store'
import { MemorySecretStore } from './secrets/memory-store'
import type { SecretStore } from './secrets/secret-store'
import { AccountsService } from './services/accounts-service'
import { ActivityLog } from './services/activity-log'
import { BackupStore } from './services/backup-store'
import { createConsoleLogger, type Logger } from './core/logger'
import { PeopleCache } from './services/people-cache'
import { PeopleService } from './services/people-service'
import { PhotosService } from './services/photos-service'
import { SettingsStore } from './services/settings-store'
import { createImageProcessPool, type ImageProcessLauncher } from './images/image-process'
import type { ImageWork } from './images/image-work'

export interface MainOptions {
  /** Where accounts.json, backups/ and activity.jsonl live (Electron: app.getPath('userData')). Holds no secrets. */
  readonly dataDir: string
  readonly secrets: SecretStore
  readonly events: EventSink
  readonly http?: { readonly timeoutMs?: number; readonly retries?: number; readonly concurrency?: number }
  /** Defaults to a scrubbed console logger. */
  readonly log?: Logger
  /**
   * Test mode only: "set from URL" may name 127.0.0.0/8, ::1 or localhost (the tests' image servers).
   * Never set by the Electron shell, the demo or the command line.
   */
  readonly allowLoopbackPhotoUrls?: boolean
  /** Image work; when absent, worker pools in image processes of their own (disposed with main). */
  readonly images?: ImageWork
  /** How those image processes start: Electron's utility process in the app, `child_process.fork` by default. */
  readonly imageLauncher?: ImageProcessLauncher
}

export interface Main {
  readonly handlers: Handlers
  /** The portals of the remembered accounts (the shell's openExternal allow-list). */
  portalOrigins(): Promise<string[]>
  /** An API-key sign-in kept in memory only, for the command line; not on IPC. */
  signInEphemeral(arg: { readonly portalUrl: string; readonly apiKey: string }): Promise<Result<Account>>
  dispose(): Promise<void>
}

export function createMain(options: MainOptions): Main {
  const log = options.log ?? createConsoleLogger()
  const shutdown = sharedAbortController()
  const launcher = options.imageLauncher
  // Bulk work in a process that runs at low priority, as a whole, next to main and the UI. Every
  // thread there frames faces too: its memory is no longer main's, and a bulk plan runs faster so
  // (the face models' memory in threads of their own cost throughput; bench:face measures both).
  const images = options.images ?? createImageProcessPool({ faceThreads: 'shared', ...(launcher ? { launcher } : {}) })
  // The editor's work (inspect, preview, framing, the preparation of a single save) does not queue
  // behind a bulk job's, and runs at normal priority in a process of its own: a user waits on it.
  // Its face model stays in one thread (it frames one photo at a time), and it ends when idle for 30 s.
  const interactiveImages = options.images ?? createImageProcessPool({ priority: 'interactive', workers: 2, idleTimeoutMs: 30_000, ...(launcher ? { launcher } : {}) })
  const http = new HttpClient({ ...options.http, log })
  const accounts = new AccountsService({ dataDir: options.dataDir, secrets: options.secrets, events: options.events, http, log, signal: shutdown.signal })
  const people = new PeopleService({ accounts, cache: new PeopleCache({ dataDir: options.dataDir, secrets: options.secrets, log }) })
  // The window takes about a second to load and ask for the list: the cache is read meanwhile.
  void people.prefetchActive().catch((e: unknown) => log.warn('people cache not read ahead', { reason: e instanceof Error ? e.message : String(e) }))
  const photos = new PhotosService({ accounts })
  const backups = new BackupStore({ dataDir: options.dataDir, log })
  const activity = new ActivityLog({ dataDir: options.dataDir, log })
  // One frame for every change, so single edits and any queue share its per-person lock.
  const frame = new ChangeFrame({
    accounts,
    backups,
    activity,
    log,
    onPhotoTouched: (accountId, userId) => photos.forgetPerson(accountId, userId),
    onPhotoVerified: (accountId, files) =>
      void photos.remember(accountId, files).catch((e: unknown) => log.warn('verified photo files not kept', { reason: e instanceof Error ? e.message : String(e) }))
  })
  const retry = retryPolicy()
  const readBack = new ReadBack({ retry })
  const protocol = new ReplaceProtocol({ frame, readBack, retry })
  const editor = new PhotoEditorService({
    accounts,
    backups,
    frame,
    protocol,
    readBack,
    events: options.events,
    log,
    urlPolicy: { allowLoopback: options.allowLoopbackPhotoUrls === true },
    images: interactiveImages
  })
  // What was cached for an account must not outlive its session.
  accounts.onSignedOut(async (accountId, { ephemeral }) => {
    photos.dropAccount(accountId)
    editor.dropAccount(accountId)
    if (!ephemeral) await people.dropAccount(accountId)
  })
  const bulkReplace = new BulkReplace({ frame, backups, readBack, retry, log })
  const bulkEvents = jobActivity(options.events, activity)
  const bulk = new BulkService({ dataDir: options.dataDir, ports: createBulkPorts({ accounts, frame, bulkReplace, editor, log, images }), events: bulkEvents, log })
  bulkEvents.bind(bulk)
  const settings = new SettingsStore({ dataDir: options.dataDir, log })
  const handoffStore = new HandoffStore({ dataDir: options.dataDir, log })
  const handoff = {
    service: new HandoffService({ accounts, frame, store: handoffStore, log, bulk: bulkRows(bulk) }),
    inbox: new HandoffInbox({ accounts, frame, protocol, store: handoffStore, log }),
    requests: new PhotoRequests({ accounts, frame, store: handoffStore, log })
  }
  const handlers = createHandlers({ accounts, people, photos, editor, activity, bulk, settings, handoff, log, images: interactiveImages })
  return {
    handlers,
    signInEphemeral: (arg) => accounts.signInEphemeral(arg),
    async portalOrigins() {
      const overview = await accounts.overview()
      return overview.ok ? overview.value.accounts.map((a) => a.portalUrl) : []
    },
    async dispose() {
      await people.dispose()
      await bulk.dispose()
      shutdown.abort()
      await accounts.dispose()
      if (!options.images) await Promise.all([images.dispose(), interactiveImages.dispose()])
    }
  }
}

/** A bulk job's rows and prepared bytes for a hand-over (the two layers stay apart; this root joins them). */
function bulkRows(bulk: BulkService): BulkRowsPort {
  return {
    async rows(jobId) {
      const plan = await bulk.current(jobId)
      return plan.ok ? { ok: true, value: { accountId: plan.value.job.accountId, rows: plan.value.rows } } : plan
    },
    async photo(jobId, rowId) {
      const preview = await bulk.preview(jobId, rowId)
      if (!preview.ok) return preview
      const { bytes, mime, width, height } = preview.value
      if (mime !== 'image/jpeg' && mime !== 'image/png') return { ok: false, error: { code: 'image/unsupported', message: `a prepared row of type ${mime}` } }
      return { ok: true, value: { bytes, mime, width, height } }
    }
  }
}

/**
 * The OS keychain when it answers; otherwise memory only, and the UI says sign-ins are session-only.
 * Silent: the accounts service logs the unavailable keychain once when it starts.
 */
export async function createDefaultSecretStore(): Promise<SecretStore> {
  const keychain = new KeytarSecretStore()
  if (await keychain.isAvailable()) return keychain
  return new MemorySecretStore({ available: false })
}
