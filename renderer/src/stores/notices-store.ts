/**
 * Which notes above the list the user has put away (the capability banner, the session-only note),
 * per account, remembered across launches in localStorage: the banner is long, a small window needs
 * the room, and the account menu brings it back. Storage that fails (private mode, quota) only means
 * the note shows again next time.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'

export type NoticeKind = 'capability' | 'session-only'

const STORAGE_KEY = 'dspm.dismissed-notices'

function readStored(): Set<string> {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY)
    const parsed: unknown = raw ? JSON.parse(raw) : []
    return new Set(Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string').slice(0, 200) : [])
  } catch {
    return new Set()
  }
}

export const useNoticesStore = defineStore('notices', () => {
  const dismissed = ref<ReadonlySet<string>>(readStored())
  /** The capability banner the account menu asked to show again opens with its full text. */
  const expandedFor = ref<string | null>(null)

  function keyOf(kind: NoticeKind, accountId: string): string {
    return `${kind}:${accountId}`
  }

  function save(next: Set<string>): void {
    dismissed.value = next
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify([...next]))
    } catch {
      // Not remembered; it shows again next launch.
    }
  }

  return {
    expandedFor,
    isDismissed: (kind: NoticeKind, accountId: string): boolean => dismissed.value.has(keyOf(kind, accountId)),
    dismiss(kind: NoticeKind, accountId: string): void {
      save(new Set([...dismissed.value, keyOf(kind, accountId)]))
      if (kind === 'capability' && expandedFor.value === accountId) expandedFor.value = null
    },
    show(kind: NoticeKind, accountId: string): void {
      const next = new Set(dismissed.value)
      next.delete(keyOf(kind, accountId))
      save(next)
      if (kind === 'capability') expandedFor.value = accountId
    }
  }
})
