/**
 * Drop anywhere on a person: one set of drag listeners on the container of the list and the detail
 * panel finds the person under the pointer (data-person-id), says whose photo will change (or why
 * not), and hands the dropped files to the photo editor.
 */
import { shallowRef } from 'vue'
import { useBulkDrop } from '../bulk/bulk-drop'
import { dropTargetOf } from '../editor/drop-target'
import { carriesFiles, filesOf } from '../editor/file-intake'
import { useHandoffStore } from '../handoff/handoff-store'
import { usePeopleStore } from '../stores/people-store'
import { usePhotoEditorStore } from '../stores/photo-editor-store'

export interface DragState {
  readonly personId: string
  readonly name: string
  readonly editable: boolean
  readonly area: 'row' | 'panel'
  readonly x: number
  readonly y: number
}

/** dragleave fires when moving between a row's children; only a leave with no dragover after it counts. */
const LEAVE_DELAY_MS = 60

export function usePhotoDrop() {
  const people = usePeopleStore()
  const editor = usePhotoEditorStore()
  const handoff = useHandoffStore()
  const drag = shallowRef<DragState | null>(null)
  // A folder, a ZIP or several files start a bulk import instead (bulk/bulk-drop.ts).
  const bulk = useBulkDrop()
  let leaveTimer: ReturnType<typeof setTimeout> | null = null

  function cancelLeave(): void {
    if (leaveTimer !== null) clearTimeout(leaveTimer)
    leaveTimer = null
  }

  function onDragOver(event: DragEvent): void {
    if (!carriesFiles(event.dataTransfer)) return
    // Always: otherwise the browser would open the file in place of the app.
    event.preventDefault()
    cancelLeave()
    const target = dropTargetOf(event.target)
    const person = target ? people.personById(target.personId) : null
    if (bulk.over(event, person !== null)) {
      drag.value = null
      return
    }
    if (!target || !person) {
      drag.value = null
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none'
      return
    }
    // A locked person still takes the drop, so the refusal can be said again after it.
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    drag.value = { personId: person.id, name: person.displayName, editable: person.canEditPhoto, area: target.area, x: event.clientX, y: event.clientY }
  }

  function onDragLeave(): void {
    cancelLeave()
    leaveTimer = setTimeout(() => {
      leaveTimer = null
      drag.value = null
    }, LEAVE_DELAY_MS)
  }

  async function onDrop(event: DragEvent): Promise<void> {
    if (!carriesFiles(event.dataTransfer)) return
    event.preventDefault()
    cancelLeave()
    drag.value = null
    if (bulk.take(event)) return
    const target = dropTargetOf(event.target)
    const person = target ? people.personById(target.personId) : null
    if (!person) return
    // A row the portal does not let this account change: prepare the photo for a hand-over instead.
    if (handoff.canPrepare(person)) await handoff.prepareFrom(person, filesOf(event.dataTransfer))
    else await editor.openForPerson(person, filesOf(event.dataTransfer))
  }

  function dispose(): void {
    cancelLeave()
  }

  return { drag, onDragOver, onDragLeave, onDrop, dispose }
}
