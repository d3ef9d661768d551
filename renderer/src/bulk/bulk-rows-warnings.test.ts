import { describe, expect, it } from 'vitest'
import type { BulkRow } from '../../../preload/contract'
import { countRows, matchesFilter, RowTable } from './bulk-rows'

const row = (rowId: string, faceWarnings?: BulkRow['faceWarnings']): BulkRow => ({
  rowId,
  file: `${rowId}.jpg`,
  byteLength: 1,
  state: 'new',
  approved: true,
  result: 'pending',
  ...(faceWarnings ? { faceWarnings } : {})
})

describe('bulk rows with quality warnings', () => {
  it('are counted and filtered, and a row that gains a warning regroups the list', () => {
    const rows = [row('a', ['several-faces']), row('b'), row('c', ['no-face', 'upscaled'])]
    expect(countRows(rows).warned).toBe(2)
    expect(rows.filter((r) => matchesFilter(r, 'warnings')).map((r) => r.rowId)).toEqual(['a', 'c'])
    const table = new RowTable()
    table.reset(rows)
    expect(table.filtered('warnings')).toEqual(['a', 'c'])
    expect(table.put([row('b', ['blurry'])]).regrouped).toBe(true)
    expect(table.filtered('warnings')).toEqual(['a', 'b', 'c'])
  })
})
