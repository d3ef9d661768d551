import { describe, expect, it } from 'vitest'
import { dropTargetOf } from './drop-target'

describe('drop target', () => {
  it('finds the person of a row or of the detail panel from any element inside', () => {
    document.body.innerHTML = `
      <div data-testid="person-row" data-person-id="u-1" data-editable="true"><span class="name"><b id="deep">Zoë</b></span></div>
      <div data-testid="person-row" data-person-id="u-2" data-editable="false"><span id="locked">Mia</span></div>
      <aside data-testid="detail-panel" data-person-id="u-3" data-editable="true"><p id="panel">…</p></aside>
      <p id="outside">nobody</p>`
    expect(dropTargetOf(document.getElementById('deep'))).toEqual({ personId: 'u-1', editable: true, area: 'row' })
    expect(dropTargetOf(document.getElementById('locked'))).toEqual({ personId: 'u-2', editable: false, area: 'row' })
    expect(dropTargetOf(document.getElementById('panel'))).toEqual({ personId: 'u-3', editable: true, area: 'panel' })
    expect(dropTargetOf(document.getElementById('outside'))).toBeNull()
    expect(dropTargetOf(null)).toBeNull()
    document.body.innerHTML = ''
  })
})
