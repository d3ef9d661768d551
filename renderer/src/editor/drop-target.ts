/**
 * Which person a drag is over. Rows of the people list and the detail panel both carry
 * data-person-id and data-editable, so one listener on their container finds either.
 */
export interface DropTarget {
  readonly personId: string
  readonly editable: boolean
  readonly area: 'row' | 'panel'
}

export function dropTargetOf(target: EventTarget | null): DropTarget | null {
  const el = target as Element | null
  if (!el || typeof el.closest !== 'function') return null
  const host = el.closest<HTMLElement>('[data-person-id]')
  if (!host) return null
  const personId = host.dataset.personId
  if (!personId) return null
  return { personId, editable: host.dataset.editable !== 'false', area: host.dataset.testid === 'detail-panel' ? 'panel' : 'row' }
}
