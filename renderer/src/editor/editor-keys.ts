/**
 * The editor's keyboard: arrows move the selection (Shift: further), + and - zoom, R turns the
 * photo, 0 resets, A switches auto-frame (the face-framed crop) on or off, Enter saves. Escape belongs to the dialog (it cancels). Pure, so it is tested
 * without a cropper.
 */
export type EditorCommand =
  | { readonly kind: 'move'; readonly dx: number; readonly dy: number }
  | { readonly kind: 'zoom'; readonly direction: 1 | -1 }
  | { readonly kind: 'rotate' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'auto-frame' }
  | { readonly kind: 'save' }

export interface KeyInput {
  readonly key: string
  readonly shiftKey?: boolean
  readonly ctrlKey?: boolean
  readonly metaKey?: boolean
  readonly altKey?: boolean
}

/** Pixels per arrow press (on screen); Shift moves ten times as far. */
export const MOVE_STEP = 2
export const MOVE_STEP_LARGE = 20

/**
 * The command for a key, or null to let the browser have it. `target` is the focused element:
 * Enter on a button presses that button, and keys typed into a field stay there.
 */
export function editorCommandFor(input: KeyInput, target: { readonly tagName?: string } | null): EditorCommand | null {
  if (input.ctrlKey || input.metaKey || input.altKey) return null
  const tag = target?.tagName?.toUpperCase()
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return null
  const step = input.shiftKey ? MOVE_STEP_LARGE : MOVE_STEP
  switch (input.key) {
    case 'ArrowLeft':
      return { kind: 'move', dx: -step, dy: 0 }
    case 'ArrowRight':
      return { kind: 'move', dx: step, dy: 0 }
    case 'ArrowUp':
      return { kind: 'move', dx: 0, dy: -step }
    case 'ArrowDown':
      return { kind: 'move', dx: 0, dy: step }
    case '+':
    case '=':
      return { kind: 'zoom', direction: 1 }
    case '-':
    case '_':
      return { kind: 'zoom', direction: -1 }
    case 'r':
    case 'R':
      return { kind: 'rotate' }
    case '0':
      return { kind: 'reset' }
    case 'a':
    case 'A':
      return { kind: 'auto-frame' }
    case 'Enter':
      return tag === 'BUTTON' || tag === 'A' ? null : { kind: 'save' }
    default:
      return null
  }
}
