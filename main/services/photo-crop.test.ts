// The editor's crop fractions -> the portal's pixel crop: square, integer, inside the image.
import { describe, expect, it } from 'vitest'
import { cropToPixels, scaleCrop } from './photo-crop'

describe('cropToPixels', () => {
  it('maps a square crop of a 4:3 image onto its pixels', () => {
    // 300×300 px in an 800×600 image: 0.375 of the width, 0.5 of the height
    expect(cropToPixels({ x: 0.5, y: 0.25, width: 0.375, height: 0.5 }, 800, 600)).toEqual({ x: 400, y: 150, width: 300, height: 300 })
  })

  it('keeps it square (the smaller side) around the chosen centre when the fractions are not quite square', () => {
    const c = cropToPixels({ x: 0.1, y: 0.1, width: 0.5, height: 0.52 }, 1000, 1000)
    expect(c.width).toBe(500)
    expect(c.height).toBe(500)
    expect(c).toEqual({ x: 100, y: 110, width: 500, height: 500 })
  })

  it('clamps to the image: never past an edge, never larger than the shorter side, at least 1 px', () => {
    expect(cropToPixels({ x: 0.9, y: 0.9, width: 0.1, height: 0.1 }, 100, 100)).toEqual({ x: 90, y: 90, width: 10, height: 10 })
    expect(cropToPixels({ x: 0, y: 0, width: 1, height: 1 }, 1280, 853)).toEqual({ x: 214, y: 0, width: 853, height: 853 })
    expect(cropToPixels({ x: 0.5, y: 0.5, width: 0.0001, height: 0.0001 }, 100, 100)).toEqual({ x: 50, y: 50, width: 1, height: 1 })
    const edge = cropToPixels({ x: 0.7, y: 0, width: 0.3000001, height: 1 }, 1000, 300)
    expect(edge.x + edge.width).toBeLessThanOrEqual(1000)
    expect(Number.isInteger(edge.x) && Number.isInteger(edge.width)).toBe(true)
  })
})

describe('scaleCrop', () => {
  it('follows an image that had to be made smaller', () => {
    expect(scaleCrop({ x: 400, y: 200, width: 600, height: 600 }, { width: 1280, height: 960 }, { width: 640, height: 480 })).toEqual({ x: 200, y: 100, width: 300, height: 300 })
  })
})
