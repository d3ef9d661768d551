/**
 * Photo changes from the renderer's side: replacing (the editor's save), deleting, setting from a
 * URL, restoring and undoing run as one job at a time with progress and cancel; results update the
 * row and the panel at once and offer Undo; failures are told by name. A change refused because the
 * session expired is kept here and re-issued, unchanged, as soon as the user has signed in again.
 * Knows nothing of the editor: a caller that shows failures itself runs a change `inline`.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { AppError, CropFraction, HistoryEntry, Person, PhotoChange, PhotoPhase, QuarterTurns, Result } from '../../../preload/contract'
import { useAppApi, useTranslator } from '../api-context'
import { describePhotoError, type PhotoErrorText } from '../i18n/photo-error-text'
import { photoErrorContext } from '../photos/error-context'
import { useAccountsStore } from './accounts-store'
import { useBrowserFilesStore } from './browser-files'
import { usePeopleStore } from './people-store'
import { useToastStore, type ToastAction } from './toast-store'

export interface ReplaceRequest {
  readonly kind: 'replace'
  readonly accountId: string
  readonly person: Person
  readonly bytes: Uint8Array
  readonly rotate: QuarterTurns
  readonly crop: CropFraction
  readonly fileName: string
  /** The photo address the bytes came from (Set from URL): main logs the change as set from it. */
  readonly sourceUrl?: string
  /** The crop is Auto-frame's face-framed one: main logs the change as cropped to the face. */
  readonly faceFramed?: boolean
  /** Crop to the face framing of this photos:open when it answers (see the contract's photos:replace). */
  readonly faceFrameOf?: string
}

/** A change main makes to a person's photo. Kept whole, so it can be sent again unchanged. */
export type PhotoRequest =
  | ReplaceRequest
  | { readonly kind: 'delete'; readonly accountId: string; readonly person: Person }
  | { readonly kind: 'set-from-url'; readonly accountId: string; readonly person: Person; readonly url: string }
  /** `day` names the restored photo in the toast ("3 March"), as the history showed it. */
  | { readonly kind: 'restore'; readonly accountId: string; readonly person: Person; readonly entryId: string; readonly day?: string }
  | { readonly kind: 'undo'; readonly accountId: string }
  /** The signed-in person applies a photo handed over to them (same guarantees as a replace). */
  | { readonly kind: 'accept'; readonly accountId: string; readonly person: Person; readonly fileId: number }

/** What waits for a new sign-in: a change, or a download of the original. */
export type PendingAction = PhotoRequest | { readonly kind: 'original'; readonly accountId: string; readonly person: Person }

export interface JobState {
  readonly request: PhotoRequest
  /** Only replace reports progress and can be cancelled. */
  readonly jobId: string | null
  readonly phase: PhotoPhase | null
  /** 0..1 while uploading. */
  readonly percent?: number
  readonly cancellable: boolean
  readonly cancel: 'none' | 'asked' | 'too-late'
}

export interface PhotoFailure {
  readonly request: PendingAction
  readonly error: AppError
  readonly text: PhotoErrorText
  readonly actions: readonly ToastAction[]
}

export type PhotoOutcome =
  | { readonly ok: true; readonly change: PhotoChange }
  /** failure is null when nothing is left to show: another change was running, or the sign-in screen took over. */
  | { readonly ok: false; readonly failure: PhotoFailure | null }

export interface RunOptions {
  /** The caller shows a failure itself (a dialog, the editor): it is returned, not toasted. */
  readonly inline?: boolean
  /** What the failure's "Apply crop again" does; by default the same request runs again with toasts. */
  readonly retry?: () => void
}

export interface PhotoChangesDeps {
  readonly newJobId: () => string
}

const PENDING_TOAST = 'pending-sign-in'
const CHANGE_TOAST = 'photo-change'

export const usePhotoChangesStore = defineStore('photo-changes', () => {
  const api = useAppApi()
  const t = useTranslator()
  const accounts = useAccountsStore()
  const people = usePeopleStore()
  const toasts = useToastStore()
  const files = useBrowserFilesStore()

  let deps: PhotoChangesDeps = { newJobId }

  const job = shallowRef<JobState | null>(null)
  const pending = shallowRef<PendingAction | null>(null)
  /** Goes up after every change, so history lists reload. */
  const revision = ref(0)
  /** Whose photo changed last: names the person in undo's messages. */
  let lastChanged: Person | null = null

  /** Tests replace job ids. */
  function setDeps(next: Partial<PhotoChangesDeps>): void {
    deps = { ...deps, ...next }
  }

  api.photos.onProgress((progress) => {
    const current = job.value
    if (!current || current.jobId !== progress.jobId) return
    job.value = {
      ...current,
      phase: progress.phase,
      cancellable: progress.cancellable,
      cancel: current.cancel === 'asked' && !progress.cancellable ? 'too-late' : current.cancel,
      ...(progress.percent === undefined ? {} : { percent: progress.percent })
    }
  })

  // The session came back (same portal and user): send the kept change again, as it was.
  watch(
    () => {
      const active = accounts.activeAccount
      return active && active.state === 'signed-in' && !accounts.showSignIn ? active.id : null
    },
    (accountId) => {
      const waiting = pending.value
      if (!waiting || accountId !== waiting.accountId) return
      pending.value = null
      toasts.dismissKey(PENDING_TOAST)
      if (waiting.kind === 'original') void downloadOriginal(waiting.person)
      else void run(waiting)
    }
  )

  function remove(person: Person): Promise<PhotoOutcome> {
    return withAccount((accountId) => run({ kind: 'delete', accountId, person }))
  }

  function setFromUrl(person: Person, url: string, options: RunOptions = {}): Promise<PhotoOutcome> {
    return withAccount((accountId) => run({ kind: 'set-from-url', accountId, person, url }, options))
  }

  function restore(person: Person, entryId: string, day?: string): Promise<PhotoOutcome> {
    return withAccount((accountId) => run({ kind: 'restore', accountId, person, entryId, ...(day ? { day } : {}) }))
  }

  /** Undoes the last change this app made on the account (main restores the backup taken before it). */
  function undo(accountId?: string): Promise<PhotoOutcome> {
    if (accountId !== undefined) return run({ kind: 'undo', accountId })
    return withAccount((id) => run({ kind: 'undo', accountId: id }))
  }

  function withAccount(then: (accountId: string) => Promise<PhotoOutcome>): Promise<PhotoOutcome> {
    const account = accounts.activeAccount
    if (!account || account.state !== 'signed-in') return Promise.resolve({ ok: false, failure: null })
    return then(account.id)
  }

  async function cancelJob(): Promise<void> {
    const current = job.value
    if (!current || current.jobId === null || !current.cancellable || current.cancel !== 'none') return
    job.value = { ...current, cancel: 'asked' }
    const answer = await api.photos.cancel({ jobId: current.jobId })
    const now = job.value
    if (now?.jobId === current.jobId && answer.ok && !answer.value.cancelled) job.value = { ...now, cancel: 'too-late' }
  }

  /**
   * Runs one change: progress, then the row and panel update and an Undo toast, or the error by
   * name (as a toast unless `inline`). The job is set before the first await, so a caller can tell
   * its own job by `job.request`.
   */
  async function run(request: PhotoRequest, options: RunOptions = {}): Promise<PhotoOutcome> {
    if (job.value) {
      toasts.show({ kind: 'info', message: t('toast.busy'), key: 'busy' })
      return { ok: false, failure: null }
    }
    const jobId = request.kind === 'replace' ? deps.newJobId() : null
    job.value = { request, jobId, phase: null, cancellable: request.kind === 'replace', cancel: 'none' }
    let result: Result<PhotoChange>
    try {
      result = await call(request, jobId)
    } catch (e) {
      result = { ok: false, error: { code: 'app/internal', message: String(e) } }
    } finally {
      job.value = null
    }
    if (result.ok) {
      succeeded(request, result.value)
      return { ok: true, change: result.value }
    }
    return { ok: false, failure: await failed(request, result.error, options) }
  }

  function call(request: PhotoRequest, jobId: string | null): Promise<Result<PhotoChange>> {
    switch (request.kind) {
      case 'replace':
        return api.photos.replace({
          accountId: request.accountId,
          userId: request.person.id,
          jobId: jobId ?? deps.newJobId(),
          bytes: request.bytes,
          rotate: request.rotate,
          crop: request.crop,
          ...(request.sourceUrl ? { sourceUrl: request.sourceUrl } : {}),
          ...(request.faceFramed ? { faceFramed: true } : {}),
          ...(request.faceFrameOf ? { faceFrameOf: request.faceFrameOf } : {})
        })
      case 'delete':
        return api.photos.remove({ accountId: request.accountId, userId: request.person.id })
      case 'set-from-url':
        return api.photos.setFromUrl({ accountId: request.accountId, userId: request.person.id, url: request.url })
      case 'restore':
        return api.photos.restore({ accountId: request.accountId, userId: request.person.id, entryId: request.entryId })
      case 'undo':
        return api.photos.undo({ accountId: request.accountId })
      case 'accept':
        return api.handoff.accept({ accountId: request.accountId, fileId: request.fileId })
    }
  }

  function succeeded(request: PhotoRequest, change: PhotoChange): void {
    applyPerson(change.person)
    lastChanged = change.person
    revision.value++
    const again = change.action === 'undo' ? t('toast.redo') : t('toast.undo')
    toasts.show({
      kind: 'success',
      key: CHANGE_TOAST,
      message:
        request.kind === 'restore' && request.day
          ? t('done.restoreFrom', { name: change.person.displayName, date: request.day })
          : t(`done.${change.action}`, { name: change.person.displayName }),
      ...(change.verified ? {} : { detail: t('done.unverified') }),
      actions: [{ label: again, testId: 'toast-undo', run: () => void undo(request.accountId) }]
    })
  }

  async function failed(request: PendingAction, error: AppError, options: RunOptions): Promise<PhotoFailure | null> {
    if (error.code === 'auth/expired') {
      waitForSignIn(request)
      return null
    }
    if (error.code === 'photo/partly-applied' && request.kind !== 'undo') {
      // The new photo is on the portal: show it in the row now, whatever happened after.
      const fresh = await api.people.get({ accountId: request.accountId, userId: request.person.id })
      if (fresh.ok) applyPerson(fresh.value)
      revision.value++
    }
    const about = request.kind === 'undo' ? { accountId: request.accountId, person: lastChanged } : request
    const subject = { ...about, ...(request.kind === 'replace' ? { fileName: request.fileName } : {}) }
    const text = describePhotoError(t, error, photoErrorContext(t, accounts, subject, request.kind === 'original' ? 'read' : request.kind === 'accept' ? 'replace' : request.kind))
    const actions: ToastAction[] = []
    const again = options.retry ?? (() => void (request.kind === 'original' ? downloadOriginal(request.person) : run(request)))
    const whose = request.kind === 'undo' ? lastChanged : request.person
    if (text.remedy === 'apply-crop-again' && request.kind === 'replace') {
      actions.push({ label: t('editor.applyCropAgain'), testId: 'apply-crop-again', run: again })
    } else if (text.remedy === 'refresh') {
      actions.push({ label: t('editor.refresh'), testId: 'refresh-people', run: () => void people.load(request.accountId) })
    } else if (text.remedy === 'retry') {
      actions.push({ label: t('editor.tryAgain'), testId: 'retry-change', run: again })
    } else if (text.remedy === 'check-again' && whose) {
      actions.push({ label: t('editor.refreshPerson'), testId: 'refresh-person', run: () => void refreshPerson(request.accountId, whose) })
    }
    const failure: PhotoFailure = { request, error, text, actions }
    if (!options.inline) {
      toasts.show({
        kind: text.tone === 'info' ? 'info' : 'error',
        message: text.message,
        ...(text.detail ? { detail: text.detail } : {}),
        errorCode: error.code,
        actions
      })
    }
    return failure
  }

  /**
   * After a change whose outcome is not known: read the person again, so the row and the panel show
   * the photo the portal has now, and say so. A failure to read is told like any other.
   */
  async function refreshPerson(accountId: string, person: Person): Promise<void> {
    const fresh = await api.people.get({ accountId, userId: person.id })
    if (!fresh.ok) {
      const text = describePhotoError(t, fresh.error, photoErrorContext(t, accounts, { accountId, person }, 'read'))
      toasts.show({ kind: 'error', message: text.message, errorCode: fresh.error.code })
      return
    }
    applyPerson(fresh.value)
    revision.value++
    toasts.show({ kind: 'info', key: CHANGE_TOAST, message: t('toast.refreshed', { name: fresh.value.displayName }) })
  }

  /** 401: keep the action and let the sign-in screen take over. */
  function waitForSignIn(request: PendingAction): void {
    pending.value = request
    const account = accounts.accounts.find((a) => a.id === request.accountId)
    const portal = account ? account.portalUrl.replace(/^https?:\/\//i, '') : t('errors.thePortal')
    toasts.show({
      kind: 'info',
      key: PENDING_TOAST,
      timeoutMs: null,
      errorCode: 'auth/expired',
      message: request.kind === 'undo' ? t('toast.pendingSignInUndo', { portal }) : t('toast.pendingSignIn', { portal, name: request.person.displayName })
    })
    void accounts.sessionEnded(request.accountId)
  }

  /** Puts the changed person in the list, also when a load is still streaming older rows in. */
  function applyPerson(person: Person): void {
    people.replacePerson(person)
    if (people.loadState !== 'loading') return
    const stop = watch(
      () => people.loadState,
      (state) => {
        if (state === 'loading') return
        stop()
        if (state === 'done' || state === 'failed') people.replacePerson(person)
      }
    )
  }

  async function downloadOriginal(person: Person): Promise<boolean> {
    const account = accounts.activeAccount
    if (!account) return false
    const result = await api.photos.original({ accountId: account.id, userId: person.id })
    if (result.ok) {
      files.download(result.value.bytes, result.value.mime, result.value.fileName)
      return true
    }
    await failed({ kind: 'original', accountId: account.id, person }, result.error, {})
    return false
  }

  /** Saved earlier photos of a person (main keeps one before every change), newest first; local, so it works signed out too. */
  async function history(person: Person): Promise<Result<readonly HistoryEntry[]>> {
    const account = accounts.activeAccount
    if (!account) return { ok: false, error: { code: 'auth/not-signed-in', message: 'No account.' } }
    const result = await api.photos.history({ accountId: account.id, userId: person.id })
    if (!result.ok) return result
    return { ok: true, value: [...result.value].sort((a, b) => b.savedAt.localeCompare(a.savedAt)) }
  }

  return { job, pending, revision, setDeps, run, remove, setFromUrl, restore, undo, cancelJob, downloadOriginal, history, refreshPerson }
})

/** crypto.randomUUID needs a secure context; a custom app protocol may not be one, getRandomValues always is. */
export function newJobId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
