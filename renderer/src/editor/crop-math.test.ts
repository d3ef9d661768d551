import { describe, expect, it } from 'vitest'
import type { QuarterTurns } from '../../../preload/contract'
import {
  canvasToImage,
  centredCrop,
  clampSelection,
  cropFromSelection,
  cropResultOf,
  imageRectInCanvas,
  imageToCanvas,
  previewSource,
  quarterTurnsOf,
  selectionFromCrop,
  storedCropSide,
  type Matrix,
  type Size
} from './crop-math'

/** The matrix cropper-image ends up with after `turns` quarter turns, a zoom and a move. */
function matrixFor(turns: QuarterTurns, scale: number, e: number, f: number): Matrix {
  const angle = (turns * Math.PI) / 2
  // Math.cos(π/2) is 6e-17, not 0: keep that noise, cropperjs has it too.
  return [Math.cos(angle) * scale, Math.sin(angle) * scale, -Math.sin(angle) * scale, Math.cos(angle) * scale, e, f]
}

const closeTo = (actual: Record<string, number>, expected: Record<string, number>) => {
  for (const [k, v] of Object.entries(expected)) expect(actual[k], k).toBeCloseTo(v, 9)
}

describe('crop fraction from the selection', () => {
  it('is measured in image pixels, not in canvas pixels', () => {
    // An 800 × 600 photo shown at half size, filling a 400 × 300 canvas.
    const natural: Size = { width: 800, height: 600 }
    const matrix = matrixFor(0, 0.5, -200, -150)
    expect(imageRectInCanvas(natural, matrix)).toEqual({ x: 0, y: 0, width: 400, height: 300 })
    const result = cropFromSelection({ natural, matrix, selection: { x: 100, y: 50, width: 100, height: 100 } })
    expect(result?.turns).toBe(0)
    expect(result?.sourceSide).toBeCloseTo(200, 9)
    closeTo({ ...result!.crop }, { x: 0.25, y: 1 / 6, width: 0.25, height: 1 / 3 })
  })

  it('does not change when the same part is shown at another zoom and position', () => {
    const natural: Size = { width: 1000, height: 500 }
    const a = cropFromSelection({ natural, matrix: matrixFor(0, 0.4, -300, -150), selection: { x: 40, y: 20, width: 80, height: 80 } })
    // Twice the zoom, moved: the same 200 × 200 source square at (100, 50).
    const m2 = matrixFor(0, 0.8, 0, 0)
    const tl = imageToCanvas({ x: 100, y: 50 }, natural, m2)
    const b = cropFromSelection({ natural, matrix: m2, selection: { x: tl.x, y: tl.y, width: 160, height: 160 } })
    closeTo({ ...a!.crop }, { ...b!.crop })
    closeTo({ ...a!.crop }, { x: 0.1, y: 0.1, width: 0.2, height: 0.4 })
  })

  it('after one clockwise turn, the top-left of what is shown is the bottom-left of the source', () => {
    // A 400 × 300 landscape photo with four coloured quadrants, turned once: it shows as 300 × 400.
    const natural: Size = { width: 400, height: 300 }
    const matrix = matrixFor(1, 1, -50, 50)
    const shown = imageRectInCanvas(natural, matrix)
    closeTo({ ...shown }, { x: 0, y: 0, width: 300, height: 400 })
    expect(quarterTurnsOf(matrix)).toBe(1)

    const result = cropFromSelection({ natural, matrix, selection: { x: 0, y: 0, width: 150, height: 150 } })!
    expect(result.turns).toBe(1)
    // Fractions of the turned (300 × 400) image.
    closeTo({ ...result.crop }, { x: 0, y: 0, width: 0.5, height: 0.375 })
    // Which source pixels that is: the bottom-left quadrant (x < 200, y > 150).
    const source = previewSource(result.crop, natural, result.turns).natural
    closeTo({ ...source }, { x: 0, y: 150, width: 150, height: 150 })
  })

  it.each([0, 1, 2, 3] as const)('round-trips through %i quarter turns, zoomed and moved', (turns) => {
    const natural: Size = { width: 640, height: 480 }
    const matrix = matrixFor(turns, 0.7, 37, -21)
    const shown = imageRectInCanvas(natural, matrix)
    const selection = { x: shown.x + 30, y: shown.y + 40, width: 120, height: 120 }
    const result = cropFromSelection({ natural, matrix, selection })!
    expect(result.turns).toBe(turns)
    expect(result.sourceSide).toBeCloseTo(120 / 0.7, 6)
    // The source rectangle the crop names, drawn with the same matrix, is the selection again.
    const source = previewSource(result.crop, natural, turns).natural
    const a = imageToCanvas({ x: source.x, y: source.y }, natural, matrix)
    const b = imageToCanvas({ x: source.x + source.width, y: source.y + source.height }, natural, matrix)
    closeTo(
      { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) },
      { ...selection }
    )
  })

  it('at two turns the top-right of what is shown is the bottom-left of the source', () => {
    const natural: Size = { width: 200, height: 200 }
    const matrix = matrixFor(2, 1, 0, 0)
    const result = cropFromSelection({ natural, matrix, selection: { x: 100, y: 0, width: 100, height: 100 } })!
    closeTo({ ...result.crop }, { x: 0.5, y: 0, width: 0.5, height: 0.5 })
    closeTo({ ...previewSource(result.crop, natural, 2).natural }, { x: 0, y: 100, width: 100, height: 100 })
  })

  it('at three turns the top-left of what is shown is the top-right of the source', () => {
    const natural: Size = { width: 400, height: 200 }
    const matrix = matrixFor(3, 1, 0, 0)
    const shown = imageRectInCanvas(natural, matrix)
    const result = cropFromSelection({ natural, matrix, selection: { x: shown.x, y: shown.y, width: 100, height: 100 } })!
    expect(result.turns).toBe(3)
    closeTo({ ...result.crop }, { x: 0, y: 0, width: 0.5, height: 0.25 })
    closeTo({ ...previewSource(result.crop, natural, 3).natural }, { x: 300, y: 0, width: 100, height: 100 })
  })

  it('pulls a selection that reaches past the image back inside, square', () => {
    const natural: Size = { width: 300, height: 200 }
    const result = cropFromSelection({ natural, matrix: matrixFor(0, 1, 0, 0), selection: { x: 250, y: -30, width: 100, height: 100 } })!
    expect(result.sourceSide).toBe(100)
    closeTo({ ...result.crop }, { x: 200 / 300, y: 0, width: 100 / 300, height: 0.5 })
    // Larger than the image: the largest square that fits.
    const big = cropFromSelection({ natural, matrix: matrixFor(0, 1, 0, 0), selection: { x: -50, y: -50, width: 400, height: 400 } })!
    expect(big.sourceSide).toBe(200)
    closeTo({ ...big.crop }, { x: 50 / 300, y: 0, width: 200 / 300, height: 1 })
  })

  it('gives nothing for an empty selection or a collapsed matrix', () => {
    const natural = { width: 100, height: 100 }
    expect(cropFromSelection({ natural, matrix: matrixFor(0, 1, 0, 0), selection: { x: 0, y: 0, width: 0, height: 0 } })).toBeNull()
    expect(cropFromSelection({ natural, matrix: [0, 0, 0, 0, 0, 0], selection: { x: 0, y: 0, width: 10, height: 10 } })).toBeNull()
  })

  it('canvasToImage undoes imageToCanvas', () => {
    const natural = { width: 333, height: 777 }
    const m = matrixFor(3, 1.7, 12, 99)
    const p = canvasToImage(imageToCanvas({ x: 10, y: 700 }, natural, m), natural, m)
    expect(p.x).toBeCloseTo(10, 9)
    expect(p.y).toBeCloseTo(700, 9)
  })
})

describe('quarter turns', () => {
  it('reads the turn from a matrix whatever the zoom and rounding noise', () => {
    expect(quarterTurnsOf([1, 0, 0, 1, 5, 5])).toBe(0)
    expect(quarterTurnsOf([6e-17, 0.3, -0.3, 6e-17, 0, 0])).toBe(1)
    expect(quarterTurnsOf([-2, 1e-16, -1e-16, -2, 0, 0])).toBe(2)
    expect(quarterTurnsOf([0, -1, 1, 0, 0, 0])).toBe(3)
  })
})

describe('centred crop (image the editor cannot display)', () => {
  it('is the largest centred square of the turned image', () => {
    closeTo({ ...centredCrop({ width: 400, height: 200 }, 0)!.crop }, { x: 0.25, y: 0, width: 0.5, height: 1 })
    closeTo({ ...centredCrop({ width: 400, height: 200 }, 1)!.crop }, { x: 0, y: 0.25, width: 1, height: 0.5 })
  })
})

describe('stored crop size', () => {
  it('counts the pixels the portal keeps after main fits the photo within 1280', () => {
    // 600 source pixels of a 6000 × 4000 photo become 128 after the fit: too small for 360.
    const big = { crop: { x: 0, y: 0, width: 0.1, height: 0.15 }, turns: 0 as const, sourceSide: 600 }
    expect(storedCropSide(big, { width: 6000, height: 4000 })).toBe(128)
    // A small photo is not enlarged: 300 of 800 stay 300.
    const small = { crop: { x: 0, y: 0, width: 0.375, height: 0.5 }, turns: 0 as const, sourceSide: 300 }
    expect(storedCropSide(small, { width: 800, height: 600 })).toBe(300)
    // Turned once, the crop's width is a fraction of the source's height.
    const turned = { crop: { x: 0, y: 0, width: 0.5, height: 0.25 }, turns: 1 as const, sourceSide: 500 }
    expect(storedCropSide(turned, { width: 2000, height: 1000 })).toBe(320)
  })
})

describe('selection limits', () => {
  it('moves a square back inside, and shrinks it only when it cannot fit', () => {
    const bounds = { x: 10, y: 10, width: 200, height: 100 }
    expect(clampSelection({ x: 180, y: 0, width: 50, height: 50 }, bounds)).toEqual({ x: 160, y: 10, width: 50, height: 50 })
    expect(clampSelection({ x: 0, y: 0, width: 150, height: 150 }, bounds)).toEqual({ x: 10, y: 10, width: 100, height: 100 })
  })
})

describe('a starting crop', () => {
  it('is placed on the canvas where the cropper reads the same crop back, at any turn, zoom and position', () => {
    const natural: Size = { width: 1200, height: 900 }
    const crop = { x: 0.2, y: 0.1, width: 0.5, height: 0.5 * (1200 / 900) }
    for (const turns of [0, 1, 2, 3] as const) {
      const turned = turns % 2 === 1 ? { x: 0.1, y: 0.2, width: 0.5, height: 0.5 * (900 / 1200) } : crop
      const matrix = matrixFor(turns, 0.37, -120, 45)
      const selection = selectionFromCrop(turned, natural, matrix)
      // A square on screen, as cropper-selection keeps it.
      expect(selection.width).toBeCloseTo(selection.height, 9)
      const back = cropFromSelection({ natural, matrix, selection })!
      expect(back.turns).toBe(turns)
      closeTo({ ...back.crop }, { ...turned })
      const start = cropResultOf(turned, turns, natural)
      expect(start.crop).toBe(turned)
      expect(start.turns).toBe(turns)
      expect(start.sourceSide).toBeCloseTo(back.sourceSide, 6)
    }
  })
})
