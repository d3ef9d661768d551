/**
 * The photo editor's session. It opens in one of two ways:
 * - for a person, with a dropped, picked or pasted file (after main has inspected it); confirming
 *   saves it as that person's photo through the changes store, and a failed save stays in the
 *   editor so the user can try again;
 * - for a caller that only wants a crop (e.g. one row of a bulk import), with prepared image bytes
 *   and a starting crop; confirming hands the crop back to the caller and saves nothing.
 * The session owns one blob: URL of the picture it shows: made when a picture is shown, revoked
 * when another replaces it or the session ends.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AppError, CropFraction, FaceFraming, FramingPreset, ImagePreview, ImageSummary, OpenedPicture, Person, PhotoRule, QuarterTurns, Result } from '../../../preload/contract'
import { useAppApi, useTranslator } from '../api-context'
import { displayFileName, needsPreview, readBytes, showsDownscaled } from '../editor/file-intake'
import { loadFramingPrefs, saveFramingPrefs, type FramingPrefs } from '../editor/framing-prefs'
import { describePhotoError } from '../i18n/photo-error-text'
import { photoErrorContext, type ErrorSubject } from '../photos/error-context'
import { refusalReason } from '../i18n/refusal-text'
import { useAccountsStore } from './accounts-store'
import { blobOf, useBrowserFilesStore } from './browser-files'
import { usePhotoChangesStore, type JobState, type PhotoFailure, type ReplaceRequest } from './photo-changes-store'
import { useToastStore } from './toast-store'

/** A square crop of the upright source turned clockwise by `rotate` quarter turns (as photos:replace takes it). */
export interface CropChoice {
  readonly crop: CropFraction
  readonly rotate: QuarterTurns
  /** The crop is the face-framed one Auto-frame placed, not moved since. */
  readonly faceFramed?: boolean
  /** Saved before the framing answered: main crops to the framing of this photos:open if it finds a face. */
  readonly faceFrameOf?: string
}

/** The picture the editor shows, whichever way it was opened. */
export interface EditorPicture {
  /** The source bytes: what main prepares when the photo is saved. */
  readonly bytes: Uint8Array
  /**
   * What the cropper and the previews show: the dropped file itself (no copy of its bytes), the
   * given bytes, or main's upright JPEG of them when the browser cannot show the source (HEIC, TIFF).
   */
  readonly picture: Blob
  /** A blob: URL of `picture` for the cropper (revoked when the picture changes or the editor closes). */
  readonly url: string
  /** The url shows main's preview (photos:preview), not the source bytes. */
  readonly previewed: boolean
  readonly fileName: string
  readonly mime: string
  readonly summary: ImageSummary
  /** "3 files dropped; using the first", shown in the editor. */
  readonly notice: string | null
  /** Main's face framing and quality check of the source (photos:frame); null when it did not answer. */
  readonly framing: FaceFraming | null
  /**
   * The framing still on its way (photos:framing): the editor shows before it, and it lands on the
   * session when it answers (null when it cannot). Save waits for it while Auto-frame is on and the
   * user has not moved the square, so the face-framed crop is still the one saved.
   */
  readonly framingPending: Promise<FaceFraming | null> | null
  /** The photos:open this picture came from (its framing can be asked for by Save); null otherwise. */
  readonly openId: string | null
  /** Main's prepared picture (photos:open) while the source itself is shown: showPreview's answer if the browser cannot show it. */
  readonly spare: Blob | null
}

export type EditorSession = EditorPicture &
  (
    /** `sourceUrl`: the picture was downloaded from this photo address (Set from URL). */
    | { readonly kind: 'person'; readonly person: Person; readonly accountId: string; readonly sourceUrl?: string }
    /** `name` says whose photo it will be (the title); `initial` is where the square starts. */
    | { readonly kind: 'crop'; readonly name: string; readonly initial: CropChoice }
  )

/** Opens the editor for a crop only. */
export interface CropRequest {
  readonly bytes: Uint8Array
  readonly fileName: string
  readonly name: string
  readonly initial: CropChoice
  /** The bytes' type; by default the one main's inspection names. */
  readonly mime?: string
}

export const usePhotoEditorStore = defineStore('photo-editor', () => {
  const api = useAppApi()
  const t = useTranslator()
  const accounts = useAccountsStore()
  const changes = usePhotoChangesStore()
  const toasts = useToastStore()
  const files = useBrowserFilesStore()

  const session = shallowRef<EditorSession | null>(null)
  /** A failed save, shown inside the editor (which stays open so the user can try again). */
  const failure = shallowRef<PhotoFailure | null>(null)
  /** A picture is being read and inspected. */
  const inspecting = ref(false)
  /** The replace this editor sent and is waiting for. */
  const saving = shallowRef<ReplaceRequest | null>(null)
  /** The editor's own save while it runs: its progress shows in the editor, not in a toast. */
  const job = computed<JobState | null>(() => (changes.job && changes.job.request === saving.value ? changes.job : null))
  /** Auto-frame on or off and the preset, remembered between sessions. */
  const framingPrefs = ref<FramingPrefs>(loadFramingPrefs())
  /** Gets the crop-only caller its answer when the session ends. */
  let handBack: ((choice: CropChoice | null) => void) | null = null

  /** A file dropped on, picked for or pasted onto a person. Only the first file is used. */
  async function openForPerson(person: Person, dropped: readonly File[]): Promise<boolean> {
    const account = accounts.activeAccount
    const first = dropped[0]
    if (!account || !first) return false
    if (!person.canEditPhoto) {
      refuse(person, account.policy.rule)
      return false
    }
    if (changes.job || inspecting.value || session.value) {
      toasts.show({ kind: 'info', message: t('toast.busy'), key: 'busy' })
      return false
    }
    const notice = dropped.length > 1 ? t('drop.manyFiles', { n: dropped.length }) : null
    const fileName = displayFileName(first, t('drop.pastedImage'))
    inspecting.value = true
    try {
      const bytes = await readBytes(first)
      const shown = await prepare(bytes, first, { accountId: account.id, person, fileName }, notice, account.id)
      if (!shown) return false
      begin({ ...shown, kind: 'person', person, accountId: account.id })
      return true
    } finally {
      inspecting.value = false
    }
  }

  /**
   * Set from URL: main downloads the address (the same address rules as always), then the editor shows
   * it for the crop, and nothing is set until Save. Answers the failure for the URL dialog to show,
   * or null when the editor opened (or could not open for a reason already told in a toast);
   * `beforeOpen` closes the URL dialog once the picture is there.
   */
  async function openFromUrl(person: Person, url: string, beforeOpen: () => Promise<void> = async () => undefined): Promise<PhotoFailure | null> {
    const account = accounts.activeAccount
    if (!account || changes.job || inspecting.value || session.value) return null
    inspecting.value = true
    try {
      const got = await api.photos.fetchUrl({ accountId: account.id, userId: person.id, url })
      if (!got.ok) {
        const text = describePhotoError(t, got.error, photoErrorContext(t, accounts, { accountId: account.id, person }, 'set-from-url'))
        return { request: { kind: 'set-from-url', accountId: account.id, person, url }, error: got.error, text, actions: [] }
      }
      const { bytes, fileName } = got.value
      const shown = await prepare(bytes, null, { accountId: account.id, person, fileName }, null, account.id)
      // The URL dialog goes first: two modal dialogs at once would each pull the focus back to itself.
      await beforeOpen()
      if (shown) begin({ ...shown, kind: 'person', person, accountId: account.id, sourceUrl: url })
      return null
    } finally {
      inspecting.value = false
    }
  }

  /**
   * Prepared bytes and a starting crop: resolves with the crop the user confirms, or null when they
   * cancel or the bytes cannot be shown. Null at once while another session is open.
   */
  async function openForCrop(request: CropRequest): Promise<CropChoice | null> {
    if (inspecting.value || session.value) return null
    inspecting.value = true
    let shown: EditorPicture | null
    try {
      const about = { accountId: accounts.activeAccount?.id ?? '', person: null, fileName: request.fileName }
      shown = await prepare(request.bytes, request.mime ?? null, about, null)
    } finally {
      inspecting.value = false
    }
    if (!shown) return null
    const picture = shown
    return new Promise((resolve) => {
      handBack = resolve
      begin({ ...picture, kind: 'crop', name: request.name, initial: request.initial })
    })
  }

  /**
   * Asks main what the bytes are and makes the picture the editor shows; says what went wrong and
   * returns null when main cannot read them. `source` is the dropped file (shown as it is) or the
   * bytes' type when known. With `accountId` (a person's photo) it is one call, photos:open, that
   * also prepares the picture for Save and starts the framing, which answers after the editor shows.
   */
  async function prepare(
    bytes: Uint8Array,
    source: File | string | null,
    about: ErrorSubject & { readonly fileName: string },
    notice: string | null,
    accountId?: string
  ): Promise<EditorPicture | null> {
    if (accountId !== undefined) {
      const opened = await api.photos.open({ accountId, bytes, preset: framingPrefs.value.preset })
      if (opened.ok) return pictureOpened(bytes, source, about, notice, opened.value)
      // Main refused the picture itself: said as photos:inspect would have said it.
      if (opened.error.code.startsWith('image/')) return prepareInspected(bytes, source, about, notice, opened)
    }
    return prepareInspected(bytes, source, about, notice, await api.photos.inspect({ bytes }))
  }

  async function pictureOpened(
    bytes: Uint8Array,
    source: File | string | null,
    about: ErrorSubject & { readonly fileName: string },
    notice: string | null,
    opened: OpenedPicture
  ): Promise<EditorPicture | null> {
    const { summary, preview } = opened
    const given = typeof source === 'string' ? source : (source?.type ?? '')
    const mime = given || mimeOf(summary.format)
    const withPreview = needsPreview(summary.format) || showsDownscaled(summary)
    let picture: Blob
    let previewed = false
    let spare: Blob | null = null
    if (withPreview && preview) {
      // Main's prepared upload: the very pixels Save sends, upright, at the portal's 1280 px.
      picture = blobOf(preview.bytes, preview.mime)
      previewed = true
    } else if (needsPreview(summary.format)) {
      const made = await api.photos.preview({ bytes })
      if (!made.ok) {
        tell(made.error, about)
        return null
      }
      picture = blobOf(made.value.bytes, made.value.mime)
      previewed = true
    } else {
      picture = source instanceof File ? (source.type === mime ? source : source.slice(0, source.size, mime)) : blobOf(bytes, mime)
      spare = preview ? blobOf(preview.bytes, preview.mime) : null
    }
    const framingPending = framingOf(opened.openId)
    return { bytes, picture, url: files.createUrl(picture), previewed, fileName: about.fileName, mime, summary, notice, framing: null, framingPending, spare, openId: opened.openId }
  }

  /** The framing photos:open started; null when it cannot be had (the editor keeps its square). */
  async function framingOf(openId: string): Promise<FaceFraming | null> {
    try {
      const framed = await api.photos.framing({ openId })
      return framed.ok ? framed.value : null
    } catch {
      return null
    }
  }

  /** Puts a framing that answered after the editor opened on the session, unless another took its place. */
  function landFraming(pending: Promise<FaceFraming | null>): void {
    void pending.then((framing) => {
      const current = session.value
      if (current && current.framingPending === pending) replace({ ...current, framing, framingPending: null })
    })
  }

  async function prepareInspected(
    bytes: Uint8Array,
    source: File | string | null,
    about: ErrorSubject & { readonly fileName: string },
    notice: string | null,
    summary: Result<ImageSummary>
  ): Promise<EditorPicture | null> {
    // Framing runs in main's workers and makes the preview from its own decode when one is shown.
    const withPreview = summary.ok && (needsPreview(summary.value.format) || showsDownscaled(summary.value))
    const framing = summary.ok ? frame(bytes, framingPrefs.value.preset, withPreview) : Promise.resolve(null)
    if (!summary.ok) {
      if (notice) toasts.show({ kind: 'info', message: notice, key: 'many-files' })
      tell(summary.error, about)
      return null
    }
    const given = typeof source === 'string' ? source : (source?.type ?? '')
    const mime = given || mimeOf(summary.value.format)
    // HEIC and TIFF: crop on main's upright JPEG of the source, the same image main will prepare (so
    // do large pictures); without the framing's answer, HEIC and TIFF ask for the preview alone.
    const framed = await framing
    const previewed = withPreview && (framed?.preview !== undefined || needsPreview(summary.value.format))
    let picture: Blob
    if (framed?.preview) {
      picture = blobOf(framed.preview.bytes, framed.preview.mime)
    } else if (previewed) {
      const preview = await api.photos.preview({ bytes })
      if (!preview.ok) {
        tell(preview.error, about)
        return null
      }
      picture = blobOf(preview.value.bytes, preview.value.mime)
    } else if (source instanceof File) {
      // A view of the file with the right type: no copy of its bytes.
      picture = source.type === mime ? source : source.slice(0, source.size, mime)
    } else {
      picture = blobOf(bytes, mime)
    }
    return { bytes, picture, url: files.createUrl(picture), previewed, fileName: about.fileName, mime, summary: summary.value, notice, framing: framingOnly(framed), framingPending: null, spare: null, openId: null }
  }

  /** Never blocks the editor: without an answer it simply opens on the centred square (and on the source itself). */
  async function frame(bytes: Uint8Array, preset: FramingPreset, withPreview = false): Promise<(FaceFraming & { readonly preview?: ImagePreview }) | null> {
    try {
      const framed = await api.photos.frame({ bytes, preset, ...(withPreview ? { withPreview } : {}) })
      return framed.ok ? framed.value : null
    } catch {
      return null
    }
  }

  function setAutoFrame(on: boolean): void {
    framingPrefs.value = { ...framingPrefs.value, autoFrame: on }
    saveFramingPrefs(framingPrefs.value)
  }

  /** Remembers the preset and frames the open picture again with it. */
  async function setPreset(preset: FramingPreset): Promise<void> {
    framingPrefs.value = { ...framingPrefs.value, preset }
    saveFramingPrefs(framingPrefs.value)
    const current = session.value
    if (!current) return
    // The framing asked for now replaces one still on its way (which would bring the old preset).
    const pending = frame(current.bytes, preset)
    replace({ ...current, framingPending: pending })
    const updated = session.value
    if (!updated) return
    const framing = await pending
    if (session.value === updated && framing) replace({ ...updated, framing, framingPending: null })
    else if (session.value === updated) replace({ ...updated, framingPending: null })
  }

  function tell(error: AppError, about: ErrorSubject): void {
    const text = describePhotoError(t, error, photoErrorContext(t, accounts, about, 'inspect'))
    toasts.show({ kind: 'error', message: text.message, ...(text.detail ? { detail: text.detail } : {}), errorCode: error.code, key: 'inspect' })
  }

  /** Says why a locked person's photo cannot change; calls nothing. */
  function refuse(person: Person, rule: PhotoRule): void {
    toasts.show({ kind: 'info', message: t('drop.refused', { name: person.displayName, reason: refusalReason(t, rule, person.refusal) }), key: 'refused' })
  }

  /**
   * The browser could not show the source after all (a format it lacks): switch the editor to main's
   * upright JPEG of it. False when that is not possible either; the editor then crops a centred square.
   */
  async function showPreview(): Promise<boolean> {
    const current = session.value
    if (!current || current.previewed) return false
    if (current.spare) {
      replace({ ...current, picture: current.spare, url: files.createUrl(current.spare), previewed: true, spare: null })
      return true
    }
    const preview = await api.photos.preview({ bytes: current.bytes })
    if (session.value !== current || !preview.ok) return false
    const picture = blobOf(preview.value.bytes, preview.value.mime)
    replace({ ...current, picture, url: files.createUrl(picture), previewed: true, spare: null })
    return true
  }

  /**
   * Confirm in the editor with the user's crop and turns: for a person, upload it (the editor closes
   * when the photo is saved); for a crop-only caller, hand the crop back.
   */
  async function confirm(choice: CropChoice): Promise<void> {
    const current = session.value
    if (!current || job.value) return
    if (current.kind === 'crop') {
      end(choice)
      return
    }
    const { accountId, person, bytes, fileName, sourceUrl } = current
    await save({
      kind: 'replace',
      accountId,
      person,
      bytes,
      crop: choice.crop,
      rotate: choice.rotate,
      fileName,
      ...(sourceUrl ? { sourceUrl } : {}),
      ...(choice.faceFramed ? { faceFramed: true } : {}),
      ...(choice.faceFrameOf ? { faceFrameOf: choice.faceFrameOf } : {})
    })
  }

  async function save(request: ReplaceRequest): Promise<void> {
    failure.value = null
    saving.value = request
    try {
      const outcome = await changes.run(request, { inline: true, retry: () => void save(request) })
      if (outcome.ok) end(null)
      // Reading the person again shows the photo they have now: on the panel, behind the editor, so the editor closes.
      else if (outcome.failure) failure.value = { ...outcome.failure, actions: outcome.failure.actions.map((a) => (a.testId === 'refresh-person' ? { ...a, run: () => closeThen(a.run) } : a)) }
      // 401: the change waits for the new sign-in in the changes store; the sign-in screen takes over.
      else if (changes.pending === request) end(null)
    } finally {
      saving.value = null
    }
  }

  function closeThen(next: () => void): void {
    end(null)
    next()
  }

  /** Escape or Cancel: closes, except while the editor's own save runs. A crop-only caller gets null. */
  function close(): void {
    if (!job.value) end(null)
  }

  function begin(next: EditorSession): void {
    failure.value = null
    replace(next)
    if (next.framingPending) landFraming(next.framingPending)
  }

  /** The one place a session's picture is let go: its URL is revoked when the picture changes or the session ends. */
  function replace(next: EditorSession | null): void {
    const before = session.value
    if (before && before.url !== next?.url) files.revokeUrl(before.url)
    session.value = next
  }

  function end(choice: CropChoice | null): void {
    if (!session.value) return
    replace(null)
    failure.value = null
    const caller = handBack
    handBack = null
    caller?.(choice)
  }

  return { session, failure, inspecting, job, framingPrefs, openForPerson, openFromUrl, openForCrop, refuse, showPreview, confirm, close, setAutoFrame, setPreset }
})

/** The framing without the preview's bytes (the session keeps those once, as its picture). */
function framingOnly(framed: (FaceFraming & { readonly preview?: ImagePreview }) | null): FaceFraming | null {
  if (!framed) return null
  const { preview: _preview, ...framing } = framed
  return framing
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
