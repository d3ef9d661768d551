/**
 * The window-wide photo gestures of the people view: Ctrl+V pastes an image onto the selected
 * person (on a row the portal does not let this account change, to prepare a hand-over, as a drop
 * there does), Ctrl+O picks a file for them, Ctrl+Z undoes the last change (outside text fields), and a
 * file dropped beside any target is ignored instead of being opened by the browser.
 */
import { onBeforeUnmount, onMounted } from 'vue'
import type { Person } from '../../../preload/contract'
import { carriesFiles, clipboardImages } from '../editor/file-intake'
import { useHandoffStore } from '../handoff/handoff-store'
import { usePhotoChangesStore } from '../stores/photo-changes-store'
import { usePhotoEditorStore } from '../stores/photo-editor-store'

export interface PhotoShortcutOptions {
  readonly selected: () => Person | null
  readonly pick: (person: Person) => void
}

function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || typeof el.tagName !== 'string') return false
  if (el.isContentEditable) return true
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true
  if (el.tagName !== 'INPUT') return false
  const type = (el as HTMLInputElement).type
  return !['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image'].includes(type)
}

/** A modal is open: it owns the keyboard and the clipboard. */
function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null
}

export function usePhotoShortcuts(options: PhotoShortcutOptions) {
  const changes = usePhotoChangesStore()
  const editor = usePhotoEditorStore()
  const handoff = useHandoffStore()

  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || modalOpen()) return
    const mod = (event.ctrlKey || event.metaKey) && !event.altKey
    if (!mod) return
    const key = event.key.toLowerCase()
    if (key === 'z' && !event.shiftKey && !isTextField(event.target)) {
      event.preventDefault()
      void changes.undo()
      return
    }
    if (key === 'o' && !event.shiftKey) {
      const person = options.selected()
      if (!person) return
      event.preventDefault()
      options.pick(person)
    }
  }

  function onPaste(event: ClipboardEvent): void {
    if (modalOpen() || isTextField(event.target)) return
    const person = options.selected()
    const images = clipboardImages(event.clipboardData)
    if (!person || images.length === 0) return
    event.preventDefault()
    if (handoff.canPrepare(person)) void handoff.prepareFrom(person, images)
    else void editor.openForPerson(person, images)
  }

  function onWindowDrag(event: DragEvent): void {
    if (!carriesFiles(event.dataTransfer) || event.defaultPrevented) return
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none'
  }

  onMounted(() => {
    window.addEventListener('keydown', onKeydown)
    window.addEventListener('paste', onPaste)
    window.addEventListener('dragover', onWindowDrag)
    window.addEventListener('drop', onWindowDrag)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKeydown)
    window.removeEventListener('paste', onPaste)
    window.removeEventListener('dragover', onWindowDrag)
    window.removeEventListener('drop', onWindowDrag)
  })
}
