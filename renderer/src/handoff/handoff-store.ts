/**
 * The sharer's side of a hand-over: from 3.6 the portal lets only a person write their own photo,
 * so HR prepares it here (the same editor, crop only), main shares it with that one person, and
 * the person applies it. This store keeps the account's hand-overs (local list, then the portal's
 * status on request), prepares / withdraws / reminds, hands over a bulk plan's refused rows, and
 * asks people without a photo to add their own.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AppError, Handoff, HandoffRoute, HandoffState, Person, PhotoRequest, Result } from '../../../preload/contract'
import { useAppApi, useTranslator } from '../api-context'
import { centredCrop } from '../editor/crop-math'
import { displayFileName, readBytes } from '../editor/file-intake'
import { describeError } from '../i18n/error-text'
import { useAccountsStore } from '../stores/accounts-store'
import { useBrowserFilesStore } from '../stores/browser-files'
import { usePhotoEditorStore } from '../stores/photo-editor-store'
import { useToastStore } from '../stores/toast-store'

/** The people list's hand-over filter: a state, 'none' (never handed over) or null (any). */
export type HandoffFilter = HandoffState | 'none' | null

const TOAST = 'handoff'

export const useHandoffStore = defineStore('handoff', () => {
  const api = useAppApi()
  const t = useTranslator()
  const accounts = useAccountsStore()
  const editor = usePhotoEditorStore()
  const toasts = useToastStore()
  const files = useBrowserFilesStore()

  const accountId = ref<string | null>(null)
  /** Newest first, as main answers. */
  const list = shallowRef<readonly Handoff[]>([])
  const requests = shallowRef<readonly PhotoRequest[]>([])
  const filter = ref<HandoffFilter>(null)
  /** Where new hand-overs go: the sharer's My documents, or a room everyone concerned can see. */
  const route = ref<HandoffRoute>('private')
  /** A status check on the portal is running. */
  const checking = ref(false)
  /** People whose hand-over is being prepared, withdrawn or reminded right now. */
  const working = ref<ReadonlySet<string>>(new Set())

  /** The newest hand-over per person. */
  const byUser = computed(() => {
    const map = new Map<string, Handoff>()
    for (const h of list.value) if (!map.has(h.userId)) map.set(h.userId, h)
    return map
  })

  /** Guests cannot share files (CONTRACT-ROOMS.md §1): everyone else may hand photos over. */
  const canShare = computed(() => {
    const account = accounts.activeAccount
    return !!account && account.state === 'signed-in' && account.user.role !== 'guest'
  })

  /** CONTRACT-ROOMS.md §1: only owners, admins and room admins may create the room. */
  const canUseRooms = computed(() => {
    const role = accounts.activeAccount?.state === 'signed-in' ? accounts.activeAccount.user.role : undefined
    return role === 'owner' || role === 'admin' || role === 'room-admin'
  })

  /** Offered on rows the portal does not let this account change, never on one's own. */
  function canPrepare(person: Person): boolean {
    return canShare.value && !person.canEditPhoto && person.id !== accounts.activeAccount?.user.id
  }

  function stateOf(userId: string): HandoffState | null {
    return byUser.value.get(userId)?.state ?? null
  }

  function matchesFilter(userId: string): boolean {
    const wanted = filter.value
    if (wanted === null) return true
    const state = stateOf(userId)
    return wanted === 'none' ? state === null : state === wanted
  }

  /** The local list for the account (no portal call); the people view calls it after loading. */
  async function load(id: string): Promise<void> {
    if (accountId.value !== id) {
      list.value = []
      requests.value = []
      filter.value = null
      route.value = 'private'
    }
    accountId.value = id
    const [handoffs, asked, chosen] = await Promise.all([api.handoff.list({ accountId: id }), api.handoff.asked({ accountId: id }), api.handoff.route({ accountId: id })])
    if (accountId.value !== id) return
    if (handoffs.ok) list.value = handoffs.value
    if (asked.ok) requests.value = asked.value
    if (chosen.ok) route.value = chosen.value
    // A role that cannot create the room shares privately, as the dialog says.
    if (route.value === 'room' && !canUseRooms.value) await setRoute('private')
  }

  /** Changes where new hand-overs go; the ones already made stay where they are. */
  async function setRoute(next: HandoffRoute): Promise<void> {
    const id = accountId.value
    if (id === null) return
    const before = route.value
    route.value = next
    const saved = await api.handoff.route({ accountId: id, route: next })
    if (!saved.ok) {
      route.value = before
      tellError(saved.error)
    }
  }

  /** Asks the portal who applied, declined or set another photo, and who has a photo since being asked. */
  async function refresh(): Promise<void> {
    const id = accountId.value
    if (id === null || checking.value) return
    checking.value = true
    try {
      const [status, asked] = await Promise.all([api.handoff.status({ accountId: id }), api.handoff.asked({ accountId: id, refresh: true })])
      if (accountId.value !== id) return
      if (status.ok) list.value = status.value
      else tellError(status.error)
      if (asked.ok) requests.value = asked.value
    } finally {
      checking.value = false
    }
  }

  /**
   * Opens the editor on the first file for a crop, then hands the photo over. True when it was
   * handed over; false when the user cancelled or it failed (said in a toast).
   */
  async function prepareFrom(person: Person, dropped: readonly File[]): Promise<boolean> {
    const account = accounts.activeAccount
    const first = dropped[0]
    if (!account || !first || !canPrepare(person)) return false
    const bytes = await readBytes(first)
    const summary = await api.photos.inspect({ bytes })
    if (!summary.ok) {
      tellError(summary.error)
      return false
    }
    const start = centredCrop({ width: summary.value.width, height: summary.value.height }, 0)
    if (!start) return false
    const choice = await editor.openForCrop({
      bytes,
      fileName: displayFileName(first, t('drop.pastedImage')),
      name: t('handoff.editorName', { name: person.displayName }),
      initial: { crop: start.crop, rotate: 0 }
    })
    if (!choice) return false
    return track(person.id, async () => {
      toasts.show({ kind: 'info', key: TOAST, message: t('handoff.handing', { name: person.displayName }) })
      const result = await api.handoff.prepare({ accountId: account.id, userId: person.id, bytes, rotate: choice.rotate, crop: choice.crop })
      return settle(result, t('handoff.handed', { name: person.displayName }))
    })
  }

  function withdraw(userId: string): Promise<boolean> {
    return change(userId, (id) => api.handoff.withdraw({ accountId: id, userId }), 'handoff.withdrawn')
  }

  function remind(userId: string): Promise<boolean> {
    return change(userId, (id) => api.handoff.remind({ accountId: id, userId }), 'handoff.reminded')
  }

  async function change(userId: string, call: (accountId: string) => Promise<Result<Handoff>>, doneKey: string): Promise<boolean> {
    const id = accountId.value
    if (id === null) return false
    return track(userId, async () => {
      const result = await call(id)
      return settle(result, result.ok ? t(doneKey, { name: result.value.personName }) : '')
    })
  }

  /** Hands over every refused row of a bulk job (the portal does not let this account change them). */
  async function fromBulk(jobId: string): Promise<boolean> {
    const result = await api.handoff.fromBulk({ jobId })
    if (!result.ok) {
      tellError(result.error)
      return false
    }
    const done = result.value.flatMap((o) => (o.handoff ? [o.handoff] : []))
    for (const h of done) upsert(h)
    const failed = result.value.length - done.length
    const message = [t('handoff.fromBulkDone', { n: done.length }), failed > 0 ? t('handoff.fromBulkFailed', { n: failed }) : ''].filter(Boolean).join(' ')
    toasts.show({ kind: failed > 0 ? 'error' : 'success', key: TOAST, message })
    return failed === 0
  }

  /** Asks people without a photo to add their own; then reloads who was asked. */
  async function ask(userIds: readonly string[]): Promise<boolean> {
    const id = accountId.value
    if (id === null || userIds.length === 0) return false
    const result = await api.handoff.ask({ accountId: id, userIds })
    if (!result.ok) {
      tellError(result.error)
      return false
    }
    const asked = result.value.filter((o) => o.ok).length
    const failed = result.value.length - asked
    const message = [t('handoff.askDone', { n: asked }), failed > 0 ? t('handoff.askFailed', { n: failed }) : ''].filter(Boolean).join(' ')
    toasts.show({ kind: failed > 0 ? 'error' : 'success', key: TOAST, message })
    const again = await api.handoff.asked({ accountId: id })
    if (again.ok && accountId.value === id) requests.value = again.value
    return failed === 0
  }

  async function exportCsv(): Promise<void> {
    const id = accountId.value
    if (id === null) return
    const result = await api.handoff.exportCsv({ accountId: id })
    if (result.ok) files.download(result.value.csv, 'text/csv', result.value.fileName)
    else tellError(result.error)
  }

  function settle(result: Result<Handoff>, doneText: string): boolean {
    if (!result.ok) {
      tellError(result.error)
      return false
    }
    upsert(result.value)
    toasts.show({ kind: 'success', key: TOAST, message: doneText })
    return true
  }

  /** Puts a hand-over first in the list, replacing that person's earlier one. */
  function upsert(handoff: Handoff): void {
    list.value = [handoff, ...list.value.filter((h) => h.userId !== handoff.userId)]
  }

  async function track<T>(userId: string, run: () => Promise<T>): Promise<T> {
    working.value = new Set([...working.value, userId])
    try {
      return await run()
    } finally {
      const next = new Set(working.value)
      next.delete(userId)
      working.value = next
    }
  }

  function tellError(error: AppError): void {
    const portal = accounts.activeAccount?.portalUrl
    const text = describeError(t, error, portal)
    toasts.show({ kind: 'error', key: TOAST, message: text.message, ...(text.detail ? { detail: text.detail } : {}), errorCode: error.code })
  }

  function reset(): void {
    accountId.value = null
    list.value = []
    requests.value = []
    filter.value = null
    route.value = 'private'
  }

  return { accountId, list, requests, filter, route, checking, working, byUser, canShare, canUseRooms, canPrepare, setRoute, stateOf, matchesFilter, load, refresh, prepareFrom, withdraw, remind, fromBulk, ask, exportCsv, reset }
})
