import { describe, expect, it } from 'vitest'
import { editorCommandFor, MOVE_STEP, MOVE_STEP_LARGE } from './editor-keys'

const on = (tagName: string) => ({ tagName })

describe('editor keys', () => {
  it('moves the square with the arrows, further with Shift', () => {
    expect(editorCommandFor({ key: 'ArrowLeft' }, on('DIV'))).toEqual({ kind: 'move', dx: -MOVE_STEP, dy: 0 })
    expect(editorCommandFor({ key: 'ArrowDown', shiftKey: true }, on('DIV'))).toEqual({ kind: 'move', dx: 0, dy: MOVE_STEP_LARGE })
  })

  it('zooms with + and -, turns with R, resets with 0, saves with Enter', () => {
    expect(editorCommandFor({ key: '+' }, on('DIV'))).toEqual({ kind: 'zoom', direction: 1 })
    expect(editorCommandFor({ key: 'a' }, on('DIV'))).toEqual({ kind: 'auto-frame' })
    expect(editorCommandFor({ key: 'A', ctrlKey: true }, on('DIV'))).toBeNull() // Ctrl+A stays the browser's
    expect(editorCommandFor({ key: '=' }, on('DIV'))).toEqual({ kind: 'zoom', direction: 1 })
    expect(editorCommandFor({ key: '-' }, on('DIV'))).toEqual({ kind: 'zoom', direction: -1 })
    expect(editorCommandFor({ key: 'r' }, on('DIV'))).toEqual({ kind: 'rotate' })
    expect(editorCommandFor({ key: 'R', shiftKey: true }, on('DIV'))).toEqual({ kind: 'rotate' })
    expect(editorCommandFor({ key: '0' }, on('DIV'))).toEqual({ kind: 'reset' })
    expect(editorCommandFor({ key: 'Enter' }, on('DIV'))).toEqual({ kind: 'save' })
  })

  it('leaves Enter on a button, typing in fields and shortcuts with modifiers to the browser', () => {
    expect(editorCommandFor({ key: 'Enter' }, on('BUTTON'))).toBeNull()
    expect(editorCommandFor({ key: 'r' }, on('INPUT'))).toBeNull()
    expect(editorCommandFor({ key: 'r', ctrlKey: true }, on('DIV'))).toBeNull()
    expect(editorCommandFor({ key: 'Escape' }, on('DIV'))).toBeNull()
    expect(editorCommandFor({ key: 'x' }, null)).toBeNull()
  })
})
