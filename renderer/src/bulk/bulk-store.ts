/**
 * One bulk import at a time, from the renderer's side: files go to main in batches, the plan comes
 * back as rows, the user reviews (filter, approve, reassign, crop), applies, watches progress and
 * can undo. Rows live in a plain RowTable (bulk-rows.ts); two counters make it reactive: `revision`
 * (some row changed: visible rows re-read theirs) and `grouping` (a state, result or approval
 * changed: filters and counts recompute). A progress event touches only its few rows.
 */
import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type { AppError, BulkJobPhase, BulkJobSummary, BulkPlan, BulkRow, Result } from '../../../preload/contract'
import { useAppApi, useTranslator } from '../api-context'
import { loadFramingPrefs } from '../editor/framing-prefs'
import { useAccountsStore } from '../stores/accounts-store'
import { blobOf, useBrowserFilesStore } from '../stores/browser-files'
import { usePeopleStore } from '../stores/people-store'
import { usePhotoEditorStore } from '../stores/photo-editor-store'
import { useToastStore } from '../stores/toast-store'
import { useBulkApi, type CropEditor } from './bulk-api'
import { BulkPreviews } from './bulk-previews'
import { countRows, isSendable, RowTable, type BulkFilter } from './bulk-rows'
import { useBulkSelection } from './bulk-selection'
import type { BulkStage, IntakeState, ProgressState } from './bulk-state'
import { loadConcurrency, saveConcurrency } from './concurrency-prefs'
import { editorCropper } from './crop-editor'
import { sendInBatches, type IntakeCounts } from './file-batches'
import { walkSources, type IntakeSource, type SkippedFile } from './file-intake'
import { refreshPeople } from './refresh-people'

export type { BulkStage, IntakeState, ProgressState } from './bulk-state'

const LIVE: readonly BulkJobPhase[] = ['applying', 'paused', 'undoing']
const INTAKE_REFRESH_MS = 100

export const useBulkStore = defineStore('bulk', () => {
  const api = useBulkApi()
  const appApi = useAppApi()
  const t = useTranslator()
  const people = usePeopleStore()
  const accounts = useAccountsStore()
  const toasts = useToastStore()
  const files = useBrowserFilesStore()
  // "Adjust crop" opens the single-replace editor in its crop-only mode; a host may swap it.
  let cropEditor: CropEditor | null = editorCropper(usePhotoEditorStore(), () => toasts.show({ kind: 'info', message: t('bulk.cropNoTurn'), key: 'bulk-crop-turned' }))

  const available = api !== null
  const open = ref(false)
  const accountId = ref<string | null>(null)
  const job = shallowRef<BulkJobSummary | null>(null)
  const table = markRaw(new RowTable())
  const revision = ref(0)
  const grouping = ref(0)
  const filter = ref<BulkFilter>('all')
  const intake = shallowRef<IntakeState | null>(null)
  const progress = shallowRef<ProgressState | null>(null)
  const error = shallowRef<AppError | null>(null)
  const interrupted = shallowRef<BulkJobSummary | null>(null)
  const canAdjustCrop = ref(true)
  /** People changed at once when applying or resuming a job that stopped with the app (remembered; main caps it). */
  const concurrency = ref(loadConcurrency())
  /** The people whose photo a result changed, refreshed in the list when the run ends. */
  const touched = new Set<string>()
  let intakeAbort: AbortController | null = null
  const previewUrls = { createUrl: (p: { bytes: Uint8Array; mime: string }) => files.createUrl(blobOf(p.bytes, p.mime)), revokeUrl: (url: string) => files.revokeUrl(url) }
  const previews = markRaw(new BulkPreviews({ load: (jobId, rowId) => call((b) => b.preview({ jobId, rowId })), urls: () => previewUrls }))

  const order = computed(() => (grouping.value, table.order))
  const visibleIds = computed(() => (grouping.value, table.filtered(filter.value)))
  const counts = computed(() => (grouping.value, countRows(table.values())))
  const selection = useBulkSelection(visibleIds)
  const stage = computed<BulkStage>(() => {
    if (intake.value?.running) return 'adding'
    const phase = job.value?.phase
    if (phase === undefined) return 'idle'
    return phase === 'ready' ? 'review' : phase
  })
  const active = computed(() => job.value !== null && stage.value !== 'finished' && stage.value !== 'cancelled')

  function row(rowId: string): BulkRow | undefined {
    void revision.value
    return table.get(rowId)
  }

  function putRows(rows: readonly BulkRow[]): void {
    if (rows.length === 0) return
    const outcome = table.put(rows)
    for (const r of rows) if (r.userId && (r.result === 'ok' || r.undone)) touched.add(r.userId)
    revision.value++
    if (outcome.regrouped) grouping.value++
  }

  function usePlan(plan: BulkPlan): void {
    job.value = plan.job
    putRows(plan.rows)
  }

  api?.onProgress((p) => {
    const current = job.value
    if (!current || p.jobId !== current.jobId) return
    putRows(p.rows)
    job.value = { ...current, phase: p.phase }
    const kind = p.phase === 'undoing' ? 'undo' : (progress.value?.kind ?? 'apply')
    progress.value = {
      kind,
      done: p.done,
      total: p.total,
      failed: p.failed,
      ...(p.perMinute === undefined ? {} : { perMinute: p.perMinute }),
      ...(p.secondsLeft === undefined ? {} : { secondsLeft: p.secondsLeft })
    }
    if (LIVE.includes(current.phase) && (p.phase === 'finished' || p.phase === 'cancelled')) void refreshChanged()
  })

  /** Every call goes through here: a failure is kept for the panel to show; 401 hands over to sign-in. */
  async function call<T>(run: (bulk: NonNullable<typeof api>) => Promise<Result<T>>): Promise<Result<T>> {
    if (!api) return { ok: false, error: { code: 'app/internal', message: 'No bulk import in this host.' } }
    error.value = null
    let result: Result<T>
    try {
      result = await run(api)
    } catch (e) {
      result = { ok: false, error: { code: 'app/internal', message: String(e) } }
    }
    if (!result.ok && result.error.code !== 'app/cancelled') {
      error.value = result.error
      if (result.error.code === 'auth/expired' && accountId.value !== null) void accounts.sessionEnded(accountId.value)
    }
    return result
  }

  function clearJob(): void {
    job.value = null
    table.reset()
    revision.value++
    grouping.value++
    filter.value = 'all'
    selection.clear()
    progress.value = null
    error.value = null
    intake.value = null
    touched.clear()
    previews.reset(null)
  }

  // -------------------------------------------------------------------------------------------
  // Starting: files in, plan out
  // -------------------------------------------------------------------------------------------

  /** A drop or pick of many files, a folder or a ZIP. False when nothing was planned. */
  async function startImport(sources: readonly IntakeSource[], forAccount: string): Promise<boolean> {
    if (!api || sources.length === 0) return false
    if (active.value) {
      toasts.show({ kind: 'info', message: t('bulk.busy'), key: 'bulk-busy' })
      open.value = true
      return false
    }
    clearJob()
    accountId.value = forAccount
    open.value = true
    const controller = new AbortController()
    intakeAbort = controller
    const skipped: SkippedFile[] = []
    let latest: IntakeCounts = { found: 0, sent: 0 }
    let shownAt = 0
    intake.value = { found: 0, sent: 0, skipped, truncated: false, running: true }
    // Every row framed with the editor's remembered preset, so a department comes out alike.
    const created = await call((b) => b.create({ accountId: forAccount, framingPreset: loadFramingPrefs().preset }))
    if (!created.ok) {
      intake.value = { ...intake.value, running: false }
      return false
    }
    const jobId = created.value.jobId
    job.value = created.value
    const outcome = await sendInBatches(walkSources(sources, skipped), {
      skipped,
      signal: controller.signal,
      onProgress: (c) => {
        latest = c
        // Counting 5,000 files must not re-render the panel 5,000 times.
        const now = Date.now()
        if (now - shownAt < INTAKE_REFRESH_MS) return
        shownAt = now
        intake.value = { ...(intake.value as IntakeState), ...c, skipped: [...skipped] }
      },
      send: async (files) => {
        const added = await call((b) => b.addFiles({ jobId, files }))
        // System files main knows, or files already in this job: said with the ones left out here.
        if (added.ok) for (const name of added.value.ignored) skipped.push({ name, reason: 'ignored' })
        return added
      }
    })
    intakeAbort = null
    const done = { ...(intake.value as IntakeState), ...latest, skipped: [...skipped], running: false }
    intake.value = outcome.ok ? { ...done, sent: outcome.value.sent, truncated: outcome.value.truncated } : done
    if (!outcome.ok || outcome.value.sent === 0) {
      // Stopped, failed, or nothing usable: forget the empty job, keep the intake's message.
      void call((b) => b.discard({ jobId }))
      if (job.value?.jobId === jobId) job.value = null
      if (!outcome.ok && outcome.error.code === 'app/cancelled') open.value = false
      return false
    }
    return loadPlan(jobId, 'plan')
  }

  function stopIntake(): void {
    intakeAbort?.abort()
  }

  /** 'plan' matches and prepares; 'current' reopens a job as last planned, without asking the portal. */
  async function loadPlan(jobId: string, how: 'plan' | 'current'): Promise<boolean> {
    const plan = await call((b) => (how === 'plan' ? b.plan({ jobId }) : b.current({ jobId })))
    if (!plan.ok) return false
    table.reset()
    previews.reset(jobId)
    usePlan(plan.value)
    revision.value++
    grouping.value++
    return true
  }

  // -------------------------------------------------------------------------------------------
  // Reviewing
  // -------------------------------------------------------------------------------------------

  function setFilter(next: BulkFilter): void {
    filter.value = filter.value === next ? 'all' : next
  }

  /** A change to the plan: main answers the rows it changed. */
  async function rowsCall(run: (bulk: NonNullable<typeof api>, jobId: string) => Promise<Result<readonly BulkRow[] | BulkRow>>): Promise<boolean> {
    const id = job.value?.jobId
    if (id === undefined) return false
    const answer = await call((b) => run(b, id))
    if (answer.ok && job.value?.jobId === id) putRows(Array.isArray(answer.value) ? answer.value : [answer.value as BulkRow])
    return answer.ok
  }

  function approveRows(rowIds: readonly string[], approved: boolean): Promise<boolean> {
    const ids = rowIds.filter((id) => {
      const r = table.get(id)
      return r !== undefined && isSendable(r) && r.approved !== approved
    })
    if (ids.length === 0) return Promise.resolve(true)
    return rowsCall((b, jobId) => b.approve({ jobId, rowIds: ids, approved }))
  }

  function toggleApprove(rowId: string): Promise<boolean> {
    const r = table.get(rowId)
    return r ? approveRows([rowId], !r.approved) : Promise.resolve(false)
  }

  /** Approve (or skip) every sendable row the current filter shows. */
  function approveVisible(approved: boolean): Promise<boolean> {
    return approveRows(visibleIds.value, approved)
  }

  function assign(rowId: string, userId: string | null): Promise<boolean> {
    return rowsCall((b, jobId) => b.assign({ jobId, rowId, userId }))
  }

  /** Of files matched to the same person, keep this one: the others lose their match. */
  async function keepDuplicate(rowId: string): Promise<boolean> {
    const others = table.get(rowId)?.duplicateOf ?? []
    for (const other of others) if (!(await assign(other, null))) return false
    return true
  }

  function setCropEditor(editor: CropEditor | null): void {
    cropEditor = editor
    canAdjustCrop.value = editor !== null
  }

  /** Opens the editor on the prepared image with the row's crop; the chosen crop goes to main. */
  async function adjustCrop(rowId: string): Promise<boolean> {
    const r = table.get(rowId)
    const id = job.value?.jobId
    if (!cropEditor || !r || id === undefined) return false
    const image = await call((b) => b.preview({ jobId: id, rowId }))
    if (!image.ok) return false
    const person = r.userId ? people.personById(r.userId) : null
    const crop = await cropEditor({ image: image.value, crop: r.crop, fileName: r.file, person })
    if (!crop) return false
    return rowsCall((b, jobId) => b.setCrop({ jobId, rowId, crop }))
  }

  /** Takes the offered turn of a picture that is not upright; the row comes back framed again. */
  async function turnRow(rowId: string): Promise<boolean> {
    previews.forget(rowId)
    return rowsCall((b, jobId) => b.turn({ jobId, rowId }))
  }

  // -------------------------------------------------------------------------------------------
  // Running: apply, pause, resume, cancel, undo
  // -------------------------------------------------------------------------------------------

  async function summaryCall(run: (bulk: NonNullable<typeof api>, jobId: string) => Promise<Result<BulkJobSummary>>): Promise<boolean> {
    const id = job.value?.jobId
    if (id === undefined) return false
    const asked = job.value?.phase
    const answer = await call((b) => run(b, id))
    if (answer.ok && job.value?.jobId === id) {
      const before = job.value.phase
      // Events and answers travel apart: a short job may have finished (by its events) before
      // apply's own answer, still saying "applying", arrives. The end wins.
      const ended = before !== asked && (before === 'finished' || before === 'cancelled') && LIVE.includes(answer.value.phase)
      job.value = ended ? { ...answer.value, phase: before } : answer.value
      if (LIVE.includes(before) && !LIVE.includes(job.value.phase)) void refreshChanged()
    }
    return answer.ok
  }

  function setConcurrency(n: number): void {
    concurrency.value = n
    saveConcurrency(n)
  }

  function apply(): Promise<boolean> {
    const total = counts.value.toApply
    if (total === 0) return Promise.resolve(false)
    progress.value = { kind: 'apply', done: 0, total, failed: 0 }
    return summaryCall((b, jobId) => b.apply({ jobId, concurrency: concurrency.value }))
  }

  const pause = () => summaryCall((b, jobId) => b.pause({ jobId }))
  // A paused job goes on at the pace it ran at; one that stopped with the app starts a new run (below).
  const resume = () => summaryCall((b, jobId) => b.resume({ jobId }))
  const cancel = () => summaryCall((b, jobId) => b.cancel({ jobId }))

  /** Puts back what people had before the job: all of it, or the given rows. */
  function undo(rowIds?: readonly string[]): Promise<boolean> {
    const total = rowIds?.length ?? counts.value.ok - counts.value.undone
    progress.value = { kind: 'undo', done: 0, total, failed: 0 }
    return summaryCall((b, jobId) => b.undo(rowIds === undefined ? { jobId } : { jobId, rowIds }))
  }

  function refreshChanged(): Promise<void> {
    const ids = [...touched]
    touched.clear()
    return refreshPeople(ids, accountId.value, { api: appApi, people })
  }

  async function exportCsv(kind: 'plan' | 'report'): Promise<boolean> {
    const id = job.value?.jobId
    if (id === undefined) return false
    const answer = await call((b) => b.exportCsv({ jobId: id, kind }))
    if (answer.ok) files.download(answer.value.csv, 'text/csv;charset=utf-8', answer.value.fileName)
    return answer.ok
  }

  /** Forgets the job in main and here; photos already changed stay changed. */
  async function discard(): Promise<void> {
    const id = job.value?.jobId
    if (id !== undefined) await call((b) => b.discard({ jobId: id }))
    clearJob()
    open.value = false
  }

  /** Hides the panel; a job that is over is let go (main keeps it, and each person's History). */
  function close(): void {
    if (!active.value && !intake.value?.running) clearJob()
    open.value = false
  }

  // -------------------------------------------------------------------------------------------
  // Jobs left from before: a run still going is shown again; an interrupted one is offered
  // -------------------------------------------------------------------------------------------

  async function checkJobs(forAccount: string): Promise<void> {
    if (!api) return
    if (accountId.value !== forAccount) {
      clearJob()
      interrupted.value = null
      open.value = false
    }
    accountId.value = forAccount
    if (job.value) return
    const answer = await call((b) => b.jobs({ accountId: forAccount }))
    if (!answer.ok || accountId.value !== forAccount) return
    const newest = [...answer.value].filter((j) => j.interrupted || LIVE.includes(j.phase)).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
    if (!newest) return
    if (newest.interrupted) interrupted.value = newest
    else if (await loadPlan(newest.jobId, 'current')) progress.value = { kind: newest.phase === 'undoing' ? 'undo' : 'apply', done: newest.counts.ok + newest.counts.failed, total: newest.counts.approved, failed: newest.counts.failed }
  }

  async function resumeInterrupted(): Promise<boolean> {
    const stopped = interrupted.value
    if (!stopped) return false
    interrupted.value = null
    open.value = true
    if (!(await loadPlan(stopped.jobId, 'current'))) return false
    const c = counts.value
    progress.value = { kind: 'apply', done: c.ok + c.failed, total: c.toApply, failed: c.failed }
    return summaryCall((b, jobId) => b.resume({ jobId, concurrency: concurrency.value }))
  }

  async function discardInterrupted(): Promise<void> {
    const stopped = interrupted.value
    if (!stopped) return
    interrupted.value = null
    await call((b) => b.discard({ jobId: stopped.jobId }))
  }

  return {
    available,
    open,
    concurrency,
    setConcurrency,
    accountId,
    job,
    stage,
    active,
    order,
    visibleIds,
    counts,
    filter,
    intake,
    progress,
    error,
    interrupted,
    canAdjustCrop,
    revision,
    ...selection,
    row,
    startImport,
    stopIntake,
    setFilter,
    approveRows,
    toggleApprove,
    approveVisible,
    assign,
    keepDuplicate,
    setCropEditor,
    turnRow,
    adjustCrop,
    apply,
    pause,
    resume,
    cancel,
    undo,
    exportCsv,
    discard,
    close,
    checkJobs,
    resumeInterrupted,
    discardInterrupted,
    previews
  }
})
