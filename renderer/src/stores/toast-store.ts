/**
 * Short notices at the bottom of the window: "Photo of X replaced — Undo", errors by name, the
 * "3 files dropped" hint. Successes fade after a while (long enough to reach Undo); errors stay
 * until dismissed, because they say what state a person's photo is in.
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { ErrorCode } from '../../../preload/contract'

export type ToastKind = 'success' | 'info' | 'error'

export interface ToastAction {
  readonly label: string
  /** data-testid of the button, e.g. "toast-undo". */
  readonly testId: string
  readonly run: () => void
}

export interface Toast {
  readonly id: number
  readonly kind: ToastKind
  readonly message: string
  readonly detail?: string
  readonly errorCode?: ErrorCode
  readonly actions: readonly ToastAction[]
  /** Toasts with the same key replace each other (one "pending sign-in" notice, not five). */
  readonly key?: string
}

export type ToastInput = Omit<Toast, 'id' | 'actions'> & { readonly actions?: readonly ToastAction[]; readonly timeoutMs?: number | null }

const DEFAULT_TIMEOUT: Readonly<Record<ToastKind, number | null>> = { success: 10_000, info: 8_000, error: null }
const MAX_TOASTS = 4

export const useToastStore = defineStore('toasts', () => {
  const toasts = shallowRef<readonly Toast[]>([])
  const timers = new Map<number, ReturnType<typeof setTimeout>>()
  let nextId = 1

  function show(input: ToastInput): number {
    const id = nextId++
    const { timeoutMs, actions, ...rest } = input
    const toast: Toast = { ...rest, id, actions: actions ?? [] }
    const kept = toasts.value.filter((t) => input.key === undefined || t.key !== input.key)
    for (const gone of toasts.value.filter((t) => !kept.includes(t))) clearTimer(gone.id)
    const next = [...kept, toast]
    for (const old of next.slice(0, Math.max(0, next.length - MAX_TOASTS))) clearTimer(old.id)
    toasts.value = next.slice(-MAX_TOASTS)
    const timeout = timeoutMs === undefined ? DEFAULT_TIMEOUT[input.kind] : timeoutMs
    if (timeout !== null) timers.set(id, setTimeout(() => dismiss(id), timeout))
    return id
  }

  function dismiss(id: number): void {
    clearTimer(id)
    toasts.value = toasts.value.filter((t) => t.id !== id)
  }

  function dismissKey(key: string): void {
    for (const t of toasts.value) if (t.key === key) dismiss(t.id)
  }

  function clear(): void {
    for (const id of timers.keys()) clearTimer(id)
    toasts.value = []
  }

  function clearTimer(id: number): void {
    const timer = timers.get(id)
    if (timer !== undefined) clearTimeout(timer)
    timers.delete(id)
  }

  return { toasts, show, dismiss, dismissKey, clear }
})
