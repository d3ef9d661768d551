/** Events and queries on the real (happy-dom) document, for component tests. */
import { settle } from './mount-app'

/** A drag event carrying files (happy-dom's DragEvent ignores dataTransfer in its init). */
function dragEvent(type: string, files: readonly File[]): Event {
  const data = new DataTransfer()
  for (const file of files) data.items.add(file)
  const event = new Event(type, { bubbles: true, cancelable: true })
  Object.defineProperties(event, { dataTransfer: { value: data }, clientX: { value: 120 }, clientY: { value: 200 } })
  return event
}

/** Drags files over an element (enter + over), without dropping. */
export async function dragOver(target: Element, files: readonly File[]): Promise<void> {
  target.dispatchEvent(dragEvent('dragenter', files))
  target.dispatchEvent(dragEvent('dragover', files))
  await settle(3)
}

/** Drags files over an element and drops them there. */
export async function drop(target: Element, files: readonly File[]): Promise<void> {
  await dragOver(target, files)
  target.dispatchEvent(dragEvent('drop', files))
  await settle(15)
}

export function byTestId(id: string): HTMLElement | null {
  return document.querySelector(`[data-testid="${id}"]`)
}

export function allByTestId(id: string): HTMLElement[] {
  return Array.from(document.querySelectorAll(`[data-testid="${id}"]`))
}

export async function click(el: Element | null): Promise<void> {
  if (!el) throw new Error('Nothing to click')
  ;(el as HTMLElement).click()
  await settle(10)
}

export async function key(target: EventTarget, k: string, init: KeyboardEventInit = {}): Promise<void> {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }))
  await settle(10)
}

/** A promise the test settles itself, for calls that should stay in flight. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')
let patched = false

/**
 * happy-dom has no layout: the people list's scroll box gets 520 px (10 rows), as in a browser, so
 * its virtualizer renders a window of rows. Once per test file is enough.
 */
export function useListHeight(): void {
  if (patched) return
  patched = true
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'listbox' ? 520 : (clientHeight?.get?.call(this) ?? 0)
    }
  })
}
