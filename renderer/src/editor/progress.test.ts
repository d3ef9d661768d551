import { describe, expect, it } from 'vitest'
import { overallProgress, PHASES } from './progress'

describe('overall progress', () => {
  it('only moves forward through the phases, with the upload filling its slice', () => {
    const points = [
      overallProgress('preparing'),
      overallProgress('backing-up'),
      overallProgress('uploading', 0),
      overallProgress('uploading', 0.5),
      overallProgress('uploading', 1),
      overallProgress('applying'),
      overallProgress('cropping'),
      overallProgress('verifying'),
      overallProgress('done')
    ] as number[]
    for (let i = 1; i < points.length; i++) expect(points[i]).toBeGreaterThanOrEqual(points[i - 1] as number)
    expect(points[3]).toBeCloseTo(0.45, 9)
    expect(points.at(-1)).toBe(1)
    expect(PHASES).toHaveLength(7)
  })

  it('is unknown before the first report', () => {
    expect(overallProgress(null)).toBeNull()
  })
})
