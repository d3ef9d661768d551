/**
 * The bulk side of a drop on the people view, called from use-photo-drop.ts: a folder, a ZIP or
 * more than one file starts a bulk import; anything else is left to the single replace. Without a
 * bulk api in this host both answers are "not mine", so drops behave as they always did.
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { countFiles } from '../editor/file-intake'
import { useAccountsStore } from '../stores/accounts-store'
import { useBulkStore } from './bulk-store'
import { dragLooksBulk, isBulkDrop, takeDrop } from './file-intake'

export interface BulkDragHint {
  /** Null when the drag may be a folder: only the drop can count its files. */
  readonly count: number | null
  readonly x: number
  readonly y: number
}

/** dragover repeats while the pointer is over the view, even when it rests; silence means it left. */
const HINT_TIMEOUT_MS = 250

/** The "Drop to import N files" label next to the pointer (bulk-import.vue shows it). */
export const useBulkDragStore = defineStore('bulk-drag', () => {
  const hint = shallowRef<BulkDragHint | null>(null)
  let timer: ReturnType<typeof setTimeout> | null = null
  function show(next: BulkDragHint): void {
    hint.value = next
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(hide, HINT_TIMEOUT_MS)
  }
  function hide(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
    hint.value = null
  }
  return { hint, show, hide }
})

export function useBulkDrop() {
  const bulk = useBulkStore()
  const accounts = useAccountsStore()
  const drag = useBulkDragStore()

  /** On dragover: true when this drag is a bulk import (then it is accepted anywhere on the view). */
  function over(event: DragEvent, onPerson: boolean): boolean {
    if (!bulk.available) return false
    const looks = dragLooksBulk(event.dataTransfer)
    // One untyped item may be a folder: over a person it is a single replace until the drop says otherwise.
    if (looks === false || (looks === 'maybe' && onPerson)) {
      drag.hide()
      return false
    }
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    drag.show({ count: looks === true ? countFiles(event.dataTransfer) : null, x: event.clientX, y: event.clientY })
    return true
  }

  /** On drop: true when the drop started a bulk import. Must run inside the drop event. */
  function take(event: DragEvent): boolean {
    drag.hide()
    // The account the people view shows (bulk-import.vue tells the store), else the active one.
    const accountId = bulk.accountId ?? accounts.activeAccount?.id ?? null
    if (!bulk.available || accountId === null) return false
    const sources = takeDrop(event.dataTransfer)
    if (!isBulkDrop(sources)) return false
    void bulk.startImport(sources, accountId)
    return true
  }

  return { over, take }
}
