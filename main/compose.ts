/**
 * The composition root of main's logic, shared by both hosts: Electron (main/index.ts) and the
 * browser web host (main/web-host/). No Electron here.
 */
import type { EventSink } from './core/events'
import type { Handlers } from './ipc/types'
import { createHandlers } from './ipc/handlers'
import { HttpClient } from './docspace/http'
import { KeytarSecretStore } from './secrets/keytar-store'
import { MemorySecretStore } from './secrets/memory-store'
import type { SecretStore } from './secrets/secret-store'
import { AccountsService } from './services/accounts-service'
import { ActivityLog } from './services/activity-log'
import { BackupStore } from './services/backup-store'
import { createConsoleLogger, type Logger } from './core/logger'
import { PeopleService } from './services/people-service'
import { PhotoEditorService } from './services/photo-editor-service'
import { PhotosService } from './services/photos-service'

export interface MainOptions {
  /** Where accounts.json, backups/ and activity.jsonl live (Electron: app.getPath('userData')). Holds no secrets. */
  readonly dataDir: string
  readonly secrets: SecretStore
  readonly events: EventSink
  readonly http?: { readonly timeoutMs?: number; readonly retries?: number; readonly concurrency?: number }
  /** Defaults to a scrubbed console logger. */
  readonly log?: Logger
}

export interface Main {
  readonly handlers: Handlers
  /** The portals of the remembered accounts (the shell's openExternal allow-list). */
  portalOrigins(): Promise<string[]>
  dispose(): Promise<void>
}

export function createMain(options: MainOptions): Main {
  const log = options.log ?? createConsoleLogger()
  const shutdown = new AbortController()
  const http = new HttpClient({ ...options.http, log })
  const accounts = new AccountsService({ dataDir: options.dataDir, secrets: options.secrets, events: options.events, http, log, signal: shutdown.signal })
  const people = new PeopleService({ accounts })
  const photos = new PhotosService({ accounts })
  const backups = new BackupStore({ dataDir: options.dataDir, log })
  const activity = new ActivityLog({ dataDir: options.dataDir, log })
  const editor = new PhotoEditorService({ accounts, backups, activity, events: options.events, log })
  // What was cached for an account must not outlive its session.
  accounts.onSignedOut((accountId) => {
    photos.dropAccount(accountId)
    editor.dropAccount(accountId)
  })
  const handlers = createHandlers({ accounts, people, photos, editor, activity, log })
  return {
    handlers,
    async portalOrigins() {
      const overview = await accounts.overview()
      return overview.ok ? overview.value.accounts.map((a) => a.portalUrl) : []
    },
    async dispose() {
      shutdown.abort()
      await accounts.dispose()
    }
  }
}

/** The OS keychain when it answers; otherwise memory only, and the UI says sign-ins are session-only. */
export async function createDefaultSecretStore(options: { readonly log?: Logger } = {}): Promise<SecretStore> {
  const keychain = new KeytarSecretStore()
  if (await keychain.isAvailable()) return keychain
  ;(options.log ?? createConsoleLogger()).warn('OS keychain unavailable; tokens will be kept for this session only')
  return new MemorySecretStore({ available: false })
}
