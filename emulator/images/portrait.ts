// Generated portraits for seeded people: a coloured background with a pattern, a disc and the person's
// initials in a built-in 5x7 bitmap font (no system fonts needed). Painting is synchronous and
// resolution-independent: a region of the virtual original can be rendered at any output size, which is how
// the sized thumbnails of a seeded photo are produced without decoding the original.

import { encodePngRgb } from './png'

export type Rgb = readonly [number, number, number]

export interface PortraitSpec {
  initials: string
  background: Rgb
  accent: Rgb
  /** 0 plain, 1 diagonal stripes, 2 rings, 3 vertical gradient */
  pattern: number
}

export interface Region {
  x: number
  y: number
  w: number
  h: number
}

// 5x7 glyphs, one string per row, '#' = ink.
const FONT: Record<string, string[]> = {
  A: ['.###.', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  B: ['####.', '#...#', '#...#', '####.', '#...#', '#...#', '####.'],
  C: ['.###.', '#...#', '#....', '#....', '#....', '#...#', '.###.'],
  D: ['####.', '#...#', '#...#', '#...#', '#...#', '#...#', '####.'],
  E: ['#####', '#....', '#....', '####.', '#....', '#....', '#####'],
  F: ['#####', '#....', '#....', '####.', '#....', '#....', '#....'],
  G: ['.###.', '#...#', '#....', '#.###', '#...#', '#...#', '.####'],
  H: ['#...#', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  I: ['.###.', '..#..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  J: ['..###', '...#.', '...#.', '...#.', '...#.', '#..#.', '.##..'],
  K: ['#...#', '#..#.', '#.#..', '##...', '#.#..', '#..#.', '#...#'],
  L: ['#....', '#....', '#....', '#....', '#....', '#....', '#####'],
  M: ['#...#', '##.##', '#.#.#', '#.#.#', '#...#', '#...#', '#...#'],
  N: ['#...#', '#...#', '##..#', '#.#.#', '#..##', '#...#', '#...#'],
  O: ['.###.', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  P: ['####.', '#...#', '#...#', '####.', '#....', '#....', '#....'],
  Q: ['.###.', '#...#', '#...#', '#...#', '#.#.#', '#..#.', '.##.#'],
  R: ['####.', '#...#', '#...#', '####.', '#.#..', '#..#.', '#...#'],
  S: ['.####', '#....', '#....', '.###.', '....#', '....#', '####.'],
  T: ['#####', '..#..', '..#..', '..#..', '..#..', '..#..', '..#..'],
  U: ['#...#', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  V: ['#...#', '#...#', '#...#', '#...#', '#...#', '.#.#.', '..#..'],
  W: ['#...#', '#...#', '#...#', '#.#.#', '#.#.#', '#.#.#', '.#.#.'],
  X: ['#...#', '#...#', '.#.#.', '..#..', '.#.#.', '#...#', '#...#'],
  Y: ['#...#', '#...#', '.#.#.', '..#..', '..#..', '..#..', '..#..'],
  Z: ['#####', '....#', '...#.', '..#..', '.#...', '#....', '#####']
}

const WHITE: Rgb = [255, 255, 255]

type Sampler = (x: number, y: number) => Rgb

function portraitSampler(spec: PortraitSpec, width: number, height: number): Sampler {
  const m = Math.min(width, height)
  const cx = width / 2
  const cy = height / 2
  const r = 0.4 * m
  const letters = spec.initials.slice(0, 2).split('')
  const glyphs = letters.map((l) => FONT[l] ?? FONT.O ?? [])
  const cols = glyphs.length * 5 + (glyphs.length - 1)
  const cell = (1.15 * r) / Math.max(cols, 7)
  const textLeft = cx - (cols * cell) / 2
  const textTop = cy - (7 * cell) / 2
  const [br, bg, bb] = spec.background
  const dark: Rgb = [Math.round(br * 0.8), Math.round(bg * 0.8), Math.round(bb * 0.8)]
  const band = m / 12
  return (x, y) => {
    const dx = x - cx
    const dy = y - cy
    if (dx * dx + dy * dy <= r * r) {
      const col = Math.floor((x - textLeft) / cell)
      const row = Math.floor((y - textTop) / cell)
      if (row >= 0 && row < 7 && col >= 0 && col < cols && col % 6 !== 5) {
        const glyph = glyphs[Math.floor(col / 6)]
        if (glyph?.[row]?.[col % 6] === '#') return WHITE
      }
      return spec.accent
    }
    switch (spec.pattern % 4) {
      case 1:
        return Math.floor((x + y) / band) % 2 === 0 ? spec.background : dark
      case 2:
        return Math.floor(Math.sqrt(dx * dx + dy * dy) / band) % 2 === 0 ? spec.background : dark
      case 3: {
        const t = y / height
        return [Math.round(br * (1 - 0.35 * t)), Math.round(bg * (1 - 0.35 * t)), Math.round(bb * (1 - 0.35 * t))]
      }
      default:
        return spec.background
    }
  }
}

function silhouetteSampler(width: number, height: number): Sampler {
  const m = Math.min(width, height)
  const cx = width / 2
  const cy = height / 2
  const bg: Rgb = [208, 213, 220]
  const fg: Rgb = [245, 246, 248]
  return (x, y) => {
    const hx = x - cx
    const hy = y - (cy - 0.12 * m)
    if (hx * hx + hy * hy <= (0.19 * m) ** 2) return fg
    const sx = (x - cx) / (0.36 * m)
    const sy = (y - (cy + 0.42 * m)) / (0.3 * m)
    if (sx * sx + sy * sy <= 1) return fg
    return bg
  }
}

function render(sample: Sampler, region: Region, outW: number, outH: number): Buffer {
  const rgb = new Uint8Array(outW * outH * 3)
  const stepX = region.w / outW
  const stepY = region.h / outH
  // Supersample when shrinking so small thumbnails are anti-aliased like a real resize.
  const ss = Math.min(3, Math.max(1, Math.ceil(Math.max(stepX, stepY))))
  const n = ss * ss
  let o = 0
  for (let j = 0; j < outH; j++) {
    for (let i = 0; i < outW; i++) {
      let r = 0
      let g = 0
      let b = 0
      for (let sj = 0; sj < ss; sj++) {
        for (let si = 0; si < ss; si++) {
          const c = sample(region.x + (i + (si + 0.5) / ss) * stepX, region.y + (j + (sj + 0.5) / ss) * stepY)
          r += c[0]
          g += c[1]
          b += c[2]
        }
      }
      rgb[o++] = Math.round(r / n)
      rgb[o++] = Math.round(g / n)
      rgb[o++] = Math.round(b / n)
    }
  }
  return encodePngRgb(outW, outH, rgb)
}

/** Renders `region` of a width x height portrait at outW x outH, as PNG bytes. */
export function paintPortrait(spec: PortraitSpec, width: number, height: number, region: Region, outW: number, outH: number): Buffer {
  return render(portraitSampler(spec, width, height), region, outW, outH)
}

/** The default "no photo" image (a grey silhouette), size x size PNG. */
export function paintDefaultPhoto(size: number): Buffer {
  return render(silhouetteSampler(size, size), { x: 0, y: 0, w: size, h: size }, size, size)
}
