/**
 * Reassigning by drag: a plan row is dragged (as `application/x-bulk-row`) onto a person in the
 * people list. The list's rows carry data-person-id for file drops already, so document listeners
 * find the person the same way (editor/drop-target.ts); file drops never carry this type, so the
 * two never meet.
 */
import { onBeforeUnmount, onMounted, shallowRef } from 'vue'
import type { BulkRow } from '../../../preload/contract'
import { dropTargetOf } from '../editor/drop-target'
import { usePeopleStore } from '../stores/people-store'
import { baseName } from './bulk-text'

export const ROW_MIME = 'application/x-bulk-row'

export interface RowDragHint {
  readonly file: string
  readonly name: string
  readonly x: number
  readonly y: number
}

function carriesRow(data: DataTransfer | null | undefined): boolean {
  return Array.from(data?.types ?? []).includes(ROW_MIME)
}

export function useRowDrag(assign: (rowId: string, userId: string) => void) {
  const people = usePeopleStore()
  const hint = shallowRef<RowDragHint | null>(null)
  // getData() is empty during dragover (the data is protected until the drop): remember the name.
  let dragging = ''

  function personUnder(event: DragEvent) {
    const target = dropTargetOf(event.target)
    return target ? people.personById(target.personId) : null
  }

  function onDragOver(event: DragEvent): void {
    if (!carriesRow(event.dataTransfer)) return
    const person = personUnder(event)
    if (!person) {
      hint.value = null
      return
    }
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'link'
    hint.value = { file: dragging, name: person.displayName, x: event.clientX, y: event.clientY }
  }

  function onDrop(event: DragEvent): void {
    if (!carriesRow(event.dataTransfer)) return
    hint.value = null
    const person = personUnder(event)
    const rowId = event.dataTransfer?.getData(ROW_MIME) ?? ''
    if (!person || rowId === '') return
    event.preventDefault()
    assign(rowId, person.id)
  }

  function onDragEnd(): void {
    hint.value = null
    dragging = ''
  }

  function startDrag(event: DragEvent, row: BulkRow): void {
    if (!event.dataTransfer) return
    event.dataTransfer.setData(ROW_MIME, row.rowId)
    event.dataTransfer.setData('text/plain', baseName(row.file))
    event.dataTransfer.effectAllowed = 'link'
    dragging = baseName(row.file)
  }

  onMounted(() => {
    document.addEventListener('dragover', onDragOver)
    document.addEventListener('drop', onDrop)
    document.addEventListener('dragend', onDragEnd)
  })
  onBeforeUnmount(() => {
    document.removeEventListener('dragover', onDragOver)
    document.removeEventListener('drop', onDrop)
    document.removeEventListener('dragend', onDragEnd)
  })

  return { hint, startDrag }
}
