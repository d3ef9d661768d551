/**
 * Photo changes from the renderer's side: a dropped, picked or pasted file becomes an
 * editor session (after main has inspected it); saving, deleting, setting from a URL, restoring
 * and undoing run as one job at a time with progress and cancel; results update the row and the
 * panel at once and offer Undo; failures are told by name. A change refused because the session
 * expired is kept here and re-issued, unchanged, as soon as the user has signed in again.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type {
  ActivityEntry,
  AppError,
  CropFraction,
  HistoryEntry,
  ImageSummary,
  Person,
  PhotoChange,
  PhotoPhase,
  PhotoRule,
  QuarterTurns,
  Result
} from '../../../preload/contract'
import { useAppApi, useTranslator } from '../api-context'
import { browserDownloadDeps, downloadBytes, type DownloadDeps } from '../editor/download'
import { displayFileName, needsPreview, readBytes } from '../editor/file-intake'
import { describePhotoError, type PhotoErrorContext, type PhotoErrorText } from '../i18n/photo-error-text'
import { refusalReason } from '../i18n/refusal-text'
import { useAccountsStore } from './accounts-store'
import { usePeopleStore } from './people-store'
import { useToastStore, type ToastAction } from './toast-store'

/** A change main makes to a person's photo. Kept whole, so it can be sent again unchanged. */
export type PhotoRequest =
  | {
      readonly kind: 'replace'
      readonly accountId: string
      readonly person: Person
      readonly bytes: Uint8Array
      readonly rotate: QuarterTurns
      readonly crop: CropFraction
      readonly fileName: string
    }
  | { readonly kind: 'delete'; readonly accountId: string; readonly person: Person }
  | { readonly kind: 'set-from-url'; readonly accountId: string; readonly person: Person; readonly url: string }
  | { readonly kind: 'restore'; readonly accountId: string; readonly person: Person; readonly entryId: string }
  | { readonly kind: 'undo'; readonly accountId: string }

/** What waits for a new sign-in: a change, or a download of the original. */
export type PendingAction = PhotoRequest | { readonly kind: 'original'; readonly accountId: string; readonly person: Person }

export interface EditorSession {
  readonly person: Person
  readonly accountId: string
  readonly bytes: Uint8Array
  /**
   * What the cropper and the previews show: the dropped file itself (no copy of its bytes), or
   * main's upright JPEG of it when the browser cannot show the source (HEIC, TIFF).
   */
  readonly picture: Blob
  /** A blob: URL of `picture` for the cropper (revoked when the editor closes). */
  readonly url: string
  /** The url shows main's preview (photos:preview), not the source bytes. */
  readonly previewed: boolean
  readonly fileName: string
  readonly mime: string
  readonly summary: ImageSummary
  /** "3 files dropped; using the first", shown in the editor. */
  readonly notice: string | null
}

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
  /** failure is null when nothing is left to show: the sign-in screen took over. */
  | { readonly ok: false; readonly failure: PhotoFailure | null }

export interface PhotoStoreDeps {
  readonly urls: { createUrl(blob: Blob): string; revokeUrl(url: string): void }
  readonly download: DownloadDeps
  readonly newJobId: () => string
}

const PENDING_TOAST = 'pending-sign-in'
const CHANGE_TOAST = 'photo-change'

export const usePhotoStore = defineStore('photos', () => {
  const api = useAppApi()
  const t = useTranslator()
  const accounts = useAccountsStore()
  const people = usePeopleStore()
  const toasts = useToastStore()

  let deps: PhotoStoreDeps = {
    urls: {
      createUrl: (blob) => URL.createObjectURL(blob),
      revokeUrl: (url) => URL.revokeObjectURL(url)
    },
    download: browserDownloadDeps(),
    newJobId
  }

  const editor = shallowRef<EditorSession | null>(null)
  /** A failed save, shown inside the editor (which stays open so the user can try again). */
  const editorFailure = shallowRef<PhotoFailure | null>(null)
  const job = shallowRef<JobState | null>(null)
  const pending = shallowRef<PendingAction | null>(null)
  /** A dropped file is being read and inspected. */
  const inspecting = ref(false)
  /** Goes up after every change, so history lists reload. */
  const revision = ref(0)
  /** Whose photo changed last: names the person in undo's messages. */
  let lastChanged: Person | null = null

  /** Tests replace blob URLs, downloads and job ids. */
  function setDeps(next: Partial<PhotoStoreDeps>): void {
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

  // -------------------------------------------------------------------------------------------
  // Opening the editor
  // -------------------------------------------------------------------------------------------

  /** A file dropped on, picked for or pasted onto a person. Only the first file is used. */
  async function openEditor(person: Person, files: readonly File[]): Promise<boolean> {
    const account = accounts.activeAccount
    const first = files[0]
    if (!account || !first) return false
    if (!person.canEditPhoto) {
      refuse(person, account.policy.rule)
      return false
    }
    if (job.value || inspecting.value || editor.value) {
      toasts.show({ kind: 'info', message: t('toast.busy'), key: 'busy' })
      return false
    }
    const notice = files.length > 1 ? t('drop.manyFiles', { n: files.length }) : null
    const fileName = displayFileName(first, t('drop.pastedImage'))
    inspecting.value = true
    try {
      const bytes = await readBytes(first)
      const summary = await api.photos.inspect({ bytes })
      if (!summary.ok) {
        const text = describePhotoError(t, summary.error, context({ accountId: account.id, person, fileName }, 'inspect'))
        if (notice) toasts.show({ kind: 'info', message: notice, key: 'many-files' })
        toasts.show({ kind: 'error', message: text.message, ...(text.detail ? { detail: text.detail } : {}), errorCode: summary.error.code, key: 'inspect' })
        return false
      }
      const mime = first.type || mimeOf(summary.value.format)
      // HEIC and TIFF: crop on main's upright JPEG of the source, the same image main will prepare.
      const previewed = needsPreview(summary.value.format)
      let picture: Blob
      if (previewed) {
        const preview = await api.photos.preview({ bytes })
        if (!preview.ok) {
          const text = describePhotoError(t, preview.error, context({ accountId: account.id, person, fileName }, 'inspect'))
          toasts.show({ kind: 'error', message: text.message, ...(text.detail ? { detail: text.detail } : {}), errorCode: preview.error.code, key: 'inspect' })
          return false
        }
        picture = blobOf(preview.value.bytes, preview.value.mime)
      } else {
        // A view of the file with the right type: no copy of its bytes.
        picture = first.type === mime ? first : first.slice(0, first.size, mime)
      }
      editorFailure.value = null
      editor.value = { person, accountId: account.id, bytes, picture, url: deps.urls.createUrl(picture), previewed, fileName, mime, summary: summary.value, notice }
      return true
    } finally {
      inspecting.value = false
    }
  }

  /** Says why a locked person's photo cannot change; calls nothing. */
  function refuse(person: Person, rule: PhotoRule): void {
    toasts.show({ kind: 'info', message: t('drop.refused', { name: person.displayName, reason: refusalText(rule) }), key: 'refused' })
  }

  function refusalText(rule: PhotoRule): string {
    return refusalReason(t, rule)
  }

  /**
   * The browser could not show the source after all (a format it lacks): switch the editor to main's
   * upright JPEG of it. False when that is not possible either; the editor then crops a centred square.
   */
  async function showPreview(): Promise<boolean> {
    const session = editor.value
    if (!session || session.previewed) return false
    const preview = await api.photos.preview({ bytes: session.bytes })
    if (editor.value !== session || !preview.ok) return false
    deps.urls.revokeUrl(session.url)
    const picture = blobOf(preview.value.bytes, preview.value.mime)
    editor.value = { ...session, picture, url: deps.urls.createUrl(picture), previewed: true }
    return true
  }

  function closeEditor(): void {
    const session = editor.value
    if (!session || job.value?.request.kind === 'replace') return
    deps.urls.revokeUrl(session.url)
    editor.value = null
    editorFailure.value = null
  }

  /** Save in the editor: upload with the user's crop and turns. */
  async function saveEditor(crop: CropFraction, rotate: QuarterTurns): Promise<PhotoOutcome> {
    const session = editor.value
    if (!session) return { ok: false, failure: null }
    editorFailure.value = null
    return run({ kind: 'replace', accountId: session.accountId, person: session.person, bytes: session.bytes, crop, rotate, fileName: session.fileName })
  }

  // -------------------------------------------------------------------------------------------
  // Changes
  // -------------------------------------------------------------------------------------------

  function remove(person: Person): Promise<PhotoOutcome> {
    return withAccount((accountId) => run({ kind: 'delete', accountId, person }))
  }

  function setFromUrl(person: Person, url: string, options: { inline?: boolean } = {}): Promise<PhotoOutcome> {
    return withAccount((accountId) => run({ kind: 'set-from-url', accountId, person, url }, options))
  }

  function restore(person: Person, entryId: string): Promise<PhotoOutcome> {
    return withAccount((accountId) => run({ kind: 'restore', accountId, person, entryId }))
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
   * name. Failures of a save go into the open editor; with `inline` they are only returned.
   */
  async function run(request: PhotoRequest, options: { inline?: boolean } = {}): Promise<PhotoOutcome> {
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
          crop: request.crop
        })
      case 'delete':
        return api.photos.remove({ accountId: request.accountId, userId: request.person.id })
      case 'set-from-url':
        return api.photos.setFromUrl({ accountId: request.accountId, userId: request.person.id, url: request.url })
      case 'restore':
        return api.photos.restore({ accountId: request.accountId, userId: request.person.id, entryId: request.entryId })
      case 'undo':
        return api.photos.undo({ accountId: request.accountId })
    }
  }

  function succeeded(request: PhotoRequest, change: PhotoChange): void {
    applyPerson(change.person)
    lastChanged = change.person
    revision.value++
    if (request.kind === 'replace' && editor.value) {
      deps.urls.revokeUrl(editor.value.url)
      editor.value = null
      editorFailure.value = null
    }
    const again = change.action === 'undo' ? t('toast.redo') : t('toast.undo')
    toasts.show({
      kind: 'success',
      key: CHANGE_TOAST,
      message: t(`done.${change.action}`, { name: change.person.displayName }),
      ...(change.verified ? {} : { detail: t('done.unverified') }),
      actions: [{ label: again, testId: 'toast-undo', run: () => void undo(request.accountId) }]
    })
  }

  async function failed(request: PendingAction, error: AppError, options: { inline?: boolean }): Promise<PhotoFailure | null> {
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
    const text = describePhotoError(t, error, context({ ...about, ...(request.kind === 'replace' ? { fileName: request.fileName } : {}) }, request.kind === 'original' ? 'read' : request.kind))
    const actions: ToastAction[] = []
    if (text.remedy === 'apply-crop-again' && request.kind === 'replace') {
      actions.push({ label: t('editor.applyCropAgain'), testId: 'apply-crop-again', run: () => void run(request) })
    } else if (text.remedy === 'refresh') {
      actions.push({ label: t('editor.refresh'), testId: 'refresh-people', run: () => void people.load(request.accountId) })
    }
    const failure: PhotoFailure = { request, error, text, actions }
    if (request.kind === 'replace' && editor.value) {
      editorFailure.value = failure
      return failure
    }
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

  /** 401: keep the action, close the editor, and let the sign-in screen take over. */
  function waitForSignIn(request: PendingAction): void {
    pending.value = request
    if (editor.value) {
      deps.urls.revokeUrl(editor.value.url)
      editor.value = null
      editorFailure.value = null
    }
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

  // -------------------------------------------------------------------------------------------
  // Reading: the original, the history
  // -------------------------------------------------------------------------------------------

  async function downloadOriginal(person: Person): Promise<boolean> {
    const account = accounts.activeAccount
    if (!account) return false
    const result = await api.photos.original({ accountId: account.id, userId: person.id })
    if (result.ok) {
      downloadBytes(deps.download, result.value.bytes, result.value.mime, result.value.fileName)
      return true
    }
    await failed({ kind: 'original', accountId: account.id, person }, result.error, {})
    return false
  }

  /** Saved earlier photos of a person, newest first (local: works signed out too). */
  async function history(person: Person): Promise<Result<readonly HistoryEntry[]>> {
    const account = accounts.activeAccount
    if (!account) return { ok: false, error: { code: 'auth/not-signed-in', message: 'No account.' } }
    const result = await api.photos.history({ accountId: account.id, userId: person.id })
    if (!result.ok) return result
    return { ok: true, value: [...result.value].sort((a, b) => b.savedAt.localeCompare(a.savedAt)) }
  }

  /** The local activity log (every account), newest first. */
  async function activity(limit = 500): Promise<Result<readonly ActivityEntry[]>> {
    const result = await api.activity.list({ limit })
    if (!result.ok) return result
    return { ok: true, value: [...result.value].sort((a, b) => b.at.localeCompare(a.at)) }
  }

  /** The whole log as CSV, saved as a file. */
  async function exportActivity(): Promise<Result<{ readonly fileName: string }>> {
    const result = await api.activity.exportCsv()
    if (!result.ok) return result
    downloadBytes(deps.download, result.value.csv, 'text/csv;charset=utf-8', result.value.fileName)
    return { ok: true, value: { fileName: result.value.fileName } }
  }

  /** blob: URLs for preview bytes (history), through the same factory as the editor's. */
  function objectUrl(bytes: Uint8Array, mime: string): string {
    return deps.urls.createUrl(blobOf(bytes, mime))
  }

  function revokeObjectUrl(url: string): void {
    deps.urls.revokeUrl(url)
  }

  function context(about: { readonly accountId: string; readonly person: Person | null; readonly fileName?: string }, action: PhotoErrorContext['action']): PhotoErrorContext {
    const account = accounts.accounts.find((a) => a.id === about.accountId) ?? accounts.activeAccount
    return {
      action,
      personName: about.person?.displayName ?? t('photoErrors.thePerson'),
      hadPhoto: about.person?.hasPhoto ?? true,
      portalUrl: account?.portalUrl ?? '',
      policy: account?.policy ?? { rule: 'self-only', portalVersion: '' },
      role: account?.user.role ?? 'user',
      ...(about.fileName === undefined ? {} : { fileName: about.fileName })
    }
  }

  return {
    editor,
    editorFailure,
    job,
    pending,
    inspecting,
    revision,
    setDeps,
    openEditor,
    refuse,
    refusalText,
    closeEditor,
    showPreview,
    saveEditor,
    remove,
    setFromUrl,
    restore,
    undo,
    cancelJob,
    run,
    downloadOriginal,
    history,
    activity,
    exportActivity,
    objectUrl,
    revokeObjectUrl
  }
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

function blobOf(bytes: Uint8Array, mime: string): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime })
}

function mimeOf(format: string): string {
  switch (format) {
    case 'jpeg':
    case 'jpg':
      return 'image/jpeg'
    case 'heif':
    case 'heic':
      return 'image/heic'
    case 'tiff':
      return 'image/tiff'
    default:
      return `image/${format}`
  }
}
