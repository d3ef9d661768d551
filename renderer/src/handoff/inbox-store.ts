/**
 * The person's side of a hand-over: after sign-in (any role) the photos shared with them and named
 * for them, each checked by main and shown with its crop; "Use this photo" runs through the changes
 * store like a replace (progress, every size verified, Undo); "No thanks" removes the share from
 * their view. A share is untrusted input: a file main refuses (not an image, too big, …) is shown
 * with the reason and can never be applied.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { AppError, CropFraction, Person, WaitingPhoto } from '../../../preload/contract'
import { useAppApi, useTranslator, type Translate } from '../api-context'
import { describeError } from '../i18n/error-text'
import { useAccountsStore } from '../stores/accounts-store'
import { blobOf, useBrowserFilesStore } from '../stores/browser-files'
import { usePhotoChangesStore, type PhotoOutcome } from '../stores/photo-changes-store'
import { useToastStore } from '../stores/toast-store'

export type WaitingView =
  | { readonly kind: 'loading'; readonly photo: WaitingPhoto }
  | { readonly kind: 'ready'; readonly photo: WaitingPhoto; readonly blob: Blob; readonly url: string; readonly width: number; readonly height: number; readonly crop: CropFraction }
  /** Main refused the file: `reason` says why, in the user's words. */
  | { readonly kind: 'refused'; readonly photo: WaitingPhoto; readonly error: AppError; readonly reason: string }

export const useInboxStore = defineStore('handoff-inbox', () => {
  const api = useAppApi()
  const t = useTranslator()
  const accounts = useAccountsStore()
  const changes = usePhotoChangesStore()
  const toasts = useToastStore()
  const files = useBrowserFilesStore()

  const accountId = ref<string | null>(null)
  const items = shallowRef<readonly WaitingView[]>([])
  const loading = ref(false)
  /** The file being accepted or declined. */
  const acting = ref<number | null>(null)

  /** Looks for photos waiting for the signed-in person and checks each one. */
  async function load(id: string): Promise<void> {
    if (accountId.value !== id) clear()
    accountId.value = id
    loading.value = true
    try {
      const waiting = await api.handoff.waiting({ accountId: id })
      if (accountId.value !== id || !waiting.ok) return
      clear()
      items.value = waiting.value.map((photo) => ({ kind: 'loading', photo }))
      await Promise.all(waiting.value.map((photo) => check(id, photo)))
    } finally {
      loading.value = false
    }
  }

  async function check(id: string, photo: WaitingPhoto): Promise<void> {
    const image = await api.handoff.image({ accountId: id, fileId: photo.fileId })
    if (accountId.value !== id || !items.value.some((v) => v.photo.fileId === photo.fileId)) return
    let view: WaitingView
    if (image.ok) {
      const blob = blobOf(image.value.bytes, image.value.mime)
      view = { kind: 'ready', photo, blob, url: files.createUrl(blob), width: image.value.width, height: image.value.height, crop: image.value.crop }
    } else {
      view = { kind: 'refused', photo, error: image.error, reason: refusalReason(t, image.error, accounts.activeAccount?.portalUrl) }
    }
    items.value = items.value.map((v) => (v.photo.fileId === photo.fileId ? view : v))
  }

  /** Applies the photo to the signed-in person's own profile, as a replace does. */
  async function accept(fileId: number, me: Person): Promise<PhotoOutcome | null> {
    const id = accountId.value
    const view = items.value.find((v) => v.photo.fileId === fileId)
    if (id === null || view?.kind !== 'ready' || acting.value !== null) return null
    acting.value = fileId
    try {
      const outcome = await changes.run({ kind: 'accept', accountId: id, person: me, fileId })
      if (outcome.ok) drop(fileId)
      return outcome
    } finally {
      acting.value = null
    }
  }

  /** "No thanks": the share leaves the person's view; the sharer sees it as declined. */
  async function decline(fileId: number): Promise<boolean> {
    const id = accountId.value
    const view = items.value.find((v) => v.photo.fileId === fileId)
    if (id === null || !view || acting.value !== null) return false
    acting.value = fileId
    try {
      const result = await api.handoff.decline({ accountId: id, fileId })
      if (!result.ok) {
        const text = describeError(t, result.error, accounts.activeAccount?.portalUrl)
        toasts.show({ kind: 'error', message: text.message, errorCode: result.error.code })
        return false
      }
      drop(fileId)
      toasts.show({ kind: 'success', message: t('handoff.waiting.declined', { from: view.photo.from.displayName }) })
      return true
    } finally {
      acting.value = null
    }
  }

  function drop(fileId: number): void {
    const gone = items.value.find((v) => v.photo.fileId === fileId)
    if (gone?.kind === 'ready') files.revokeUrl(gone.url)
    items.value = items.value.filter((v) => v.photo.fileId !== fileId)
  }

  function clear(): void {
    for (const view of items.value) if (view.kind === 'ready') files.revokeUrl(view.url)
    items.value = []
  }

  function reset(): void {
    clear()
    accountId.value = null
  }

  return { accountId, items, loading, acting, load, accept, decline, reset }
})

/** Why a shared file is not used, as the end of "A file shared with you by X was not used: …". */
export function refusalReason(t: Translate, error: AppError, portal?: string): string {
  switch (error.facts?.handoffProblem) {
    case 'not-shared':
      return t('handoff.problem.notShared')
    case 'not-named-for-you':
      return t('handoff.problem.notNamedForYou')
    case 'from-yourself':
      return t('handoff.problem.fromYourself')
    case 'too-large':
      return t('handoff.problem.tooLarge', { size: megabytes(error.facts.maxUploadBytes) })
    case 'dropped':
      return t('handoff.problem.dropped')
    case undefined:
      break
  }
  if (error.code === 'image/too-large') return t('handoff.problem.tooLarge', { size: megabytes(error.facts?.maxUploadBytes) })
  if (error.code.startsWith('image/')) return t('handoff.problem.notImage')
  const text = describeError(t, error, portal)
  return text.message || t('handoff.problem.other')
}

function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? '?' : `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
