/**
 * The editor's geometry, free of the DOM and of cropperjs, so it can be unit-tested.
 *
 * cropperjs 2 lays <cropper-image> out at the canvas's top-left at its natural size and moves it
 * with a CSS matrix [a, b, c, d, e, f] about its centre (the same model its own $toCanvas uses).
 * The selection is a rectangle in canvas pixels. The crop main needs is a fraction of the upright
 * source turned by the user's quarter turns (contract: CropFraction), so it is computed in image
 * pixels, never from the on-screen size.
 */
import type { CropFraction, QuarterTurns } from '../../../preload/contract'

export interface Size {
  readonly width: number
  readonly height: number
}

export interface Point {
  readonly x: number
  readonly y: number
}

export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** A 2D affine matrix as CSS and cropper-image's $getTransform() give it. */
export type Matrix = readonly [number, number, number, number, number, number]

/** CONTRACT.md §3.1: the portal's largest square thumbnail (retina) is 360 × 360 px. */
export const LARGEST_THUMBNAIL = 360
/** Main fits every upload within this many pixels per side before the crop is applied. */
const UPLOAD_MAX_SIDE = 1280

function rotatedSize(size: Size, turns: QuarterTurns): Size {
  return turns % 2 === 1 ? { width: size.height, height: size.width } : size
}

/** Clockwise quarter turns in a matrix (scale and rounding noise ignored). */
export function quarterTurnsOf(matrix: Matrix): QuarterTurns {
  const [a, b] = matrix
  const turns = Math.round(Math.atan2(b, a) / (Math.PI / 2))
  return (((turns % 4) + 4) % 4) as QuarterTurns
}

export function nextTurn(turns: QuarterTurns): QuarterTurns {
  return ((turns + 1) % 4) as QuarterTurns
}

/** A point of the natural (upright, unturned) image, in canvas pixels. */
export function imageToCanvas(p: Point, natural: Size, m: Matrix): Point {
  const [a, b, c, d, e, f] = m
  const cx = natural.width / 2
  const cy = natural.height / 2
  const x = p.x - cx
  const y = p.y - cy
  return { x: cx + a * x + c * y + e, y: cy + b * x + d * y + f }
}

/** A canvas point, in pixels of the natural image. */
export function canvasToImage(p: Point, natural: Size, m: Matrix): Point {
  const [a, b, c, d, e, f] = m
  const det = a * d - b * c
  const cx = natural.width / 2
  const cy = natural.height / 2
  const x = p.x - cx - e
  const y = p.y - cy - f
  return { x: cx + (d * x - c * y) / det, y: cy + (-b * x + a * y) / det }
}

/** Where the image is on the canvas: the bounding box of its transformed corners. */
export function imageRectInCanvas(natural: Size, m: Matrix): Rect {
  return boundsOf(corners({ x: 0, y: 0, ...natural }).map((p) => imageToCanvas(p, natural, m)))
}

/** A point of the natural image, in the image turned clockwise by `turns`. */
function turnPoint(p: Point, natural: Size, turns: QuarterTurns): Point {
  switch (turns) {
    case 0:
      return p
    case 1:
      return { x: natural.height - p.y, y: p.x }
    case 2:
      return { x: natural.width - p.x, y: natural.height - p.y }
    case 3:
      return { x: p.y, y: natural.width - p.x }
  }
}

/** The inverse of turnPoint for a rectangle: a rect of the turned image, in natural pixels. */
export function unturnRect(r: Rect, natural: Size, turns: QuarterTurns): Rect {
  const inverse = ((4 - turns) % 4) as QuarterTurns
  return boundsOf(corners(r).map((p) => turnPoint(p, rotatedSize(natural, turns), inverse)))
}

export interface CropResult {
  readonly crop: CropFraction
  readonly turns: QuarterTurns
  /** The square's side in pixels of the (upright) source. */
  readonly sourceSide: number
}

/**
 * The selection (canvas pixels) as a square CropFraction of the turned image. A selection that
 * reaches past the image is pulled inside and kept square around its centre, as main does.
 */
export function cropFromSelection(input: { readonly natural: Size; readonly matrix: Matrix; readonly selection: Rect }): CropResult | null {
  const { natural, matrix, selection } = input
  if (natural.width <= 0 || natural.height <= 0 || selection.width <= 0 || selection.height <= 0) return null
  const [a, b, c, d] = matrix
  if (Math.abs(a * d - b * c) < 1e-12) return null
  const turns = quarterTurnsOf(matrix)
  const inImage = corners(selection).map((p) => turnPoint(canvasToImage(p, natural, matrix), natural, turns))
  return squareCrop(boundsOf(inImage), rotatedSize(natural, turns), turns)
}

/** A centred square of the whole turned image: the crop when the image cannot be shown. */
export function centredCrop(natural: Size, turns: QuarterTurns): CropResult | null {
  if (natural.width <= 0 || natural.height <= 0) return null
  const size = rotatedSize(natural, turns)
  const side = Math.min(size.width, size.height)
  return squareCrop({ x: (size.width - side) / 2, y: (size.height - side) / 2, width: side, height: side }, size, turns)
}

function squareCrop(r: Rect, size: Size, turns: QuarterTurns): CropResult | null {
  const side = Math.min(r.width, r.height, size.width, size.height)
  if (!(side > 0)) return null
  const x = clamp(r.x + r.width / 2 - side / 2, 0, size.width - side)
  const y = clamp(r.y + r.height / 2 - side / 2, 0, size.height - side)
  return {
    crop: { x: x / size.width, y: y / size.height, width: side / size.width, height: side / size.height },
    turns,
    sourceSide: side
  }
}

/** A crop chosen earlier (a starting crop), in the form the cropper reports crops. */
export function cropResultOf(crop: CropFraction, turns: QuarterTurns, natural: Size): CropResult {
  const size = rotatedSize(natural, turns)
  return { crop, turns, sourceSide: Math.min(crop.width * size.width, crop.height * size.height) }
}

/** Where a crop of the turned image lies on the canvas: the inverse of cropFromSelection, to start the square there. */
export function selectionFromCrop(crop: CropFraction, natural: Size, m: Matrix): Rect {
  const inImage = previewSource(crop, natural, quarterTurnsOf(m)).natural
  return boundsOf(corners(inImage).map((p) => imageToCanvas(p, natural, m)))
}

/**
 * How many pixels the crop will have in the photo the portal stores: main fits the upload within
 * 1280 × 1280 first, so a crop of a big photo loses pixels too. Below 360 the portal's largest
 * thumbnail is upscaled and looks soft.
 */
export function storedCropSide(crop: CropResult, source: Size): number {
  const size = rotatedSize(source, crop.turns)
  const fit = Math.min(1, UPLOAD_MAX_SIDE / Math.max(size.width, size.height))
  return Math.floor(crop.crop.width * size.width * fit)
}

/** The part of the natural image a preview draws, and where (in the turned image). */
export function previewSource(crop: CropFraction, natural: Size, turns: QuarterTurns): { readonly turned: Rect; readonly natural: Rect } {
  const size = rotatedSize(natural, turns)
  const turned = { x: crop.x * size.width, y: crop.y * size.height, width: crop.width * size.width, height: crop.height * size.height }
  return { turned, natural: unturnRect(turned, natural, turns) }
}

/** Moves, then if need be shrinks, a square selection so it lies inside `bounds`. */
export function clampSelection(selection: Rect, bounds: Rect): Rect {
  const side = Math.max(0, Math.min(selection.width, selection.height, bounds.width, bounds.height))
  return {
    x: clamp(selection.x, bounds.x, bounds.x + bounds.width - side),
    y: clamp(selection.y, bounds.y, bounds.y + bounds.height - side),
    width: side,
    height: side
  }
}

/** The largest centred square inside `bounds`, scaled by `coverage`. */
export function fittedSelection(bounds: Rect, coverage = 0.9): Rect {
  const side = Math.max(0, Math.floor(Math.min(bounds.width, bounds.height) * coverage))
  return { x: bounds.x + (bounds.width - side) / 2, y: bounds.y + (bounds.height - side) / 2, width: side, height: side }
}

export function intersect(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const right = Math.min(a.x + a.width, b.x + b.width)
  const bottom = Math.min(a.y + a.height, b.y + b.height)
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) }
}

/** `inner` lies inside `outer`, allowing half a pixel of rounding. */
export function contains(outer: Rect, inner: Rect, slack = 0.5): boolean {
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.width <= outer.x + outer.width + slack &&
    inner.y + inner.height <= outer.y + outer.height + slack
  )
}

function corners(r: Rect): Point[] {
  return [
    { x: r.x, y: r.y },
    { x: r.x + r.width, y: r.y },
    { x: r.x, y: r.y + r.height },
    { x: r.x + r.width, y: r.y + r.height }
  ]
}

function boundsOf(points: readonly Point[]): Rect {
  const xs = points.map((p) => p.x)
  const ys = points.map((p) => p.y)
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max))
}
