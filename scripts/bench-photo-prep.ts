/**
 * Benchmark, main side of the photo-preparation speed target: preparation in main (sharp) of a
 * 12-megapixel photo-like JPEG.
 * Run: `npx tsx scripts/bench-photo-prep.ts [--runs 20] [--limit 1048576] [--json]`.
 * The Chromium canvas side of the comparison runs elsewhere; `benchPhotoPrep` is exported so a combined
 * benchmark can call it and print both side by side.
 */
import { pathToFileURL } from 'node:url'
import { photoLikeJpeg } from '../main/testing/images/synthetic-images'
import { preparePhoto } from '../main/images/prepare-photo'

export interface PhotoPrepBenchOptions {
  readonly runs: number
  readonly warmup: number
  readonly width: number
  readonly height: number
  /** The portal's maxImageUploadSize; 1 MiB is the code default (CONTRACT.md §3.3). */
  readonly maxUploadBytes: number
}

export interface PhotoPrepBenchResult {
  readonly source: { readonly width: number; readonly height: number; readonly bytes: number }
  readonly output: { readonly width: number; readonly height: number; readonly bytes: number; readonly mime: string }
  readonly runs: number
  readonly ms: { readonly median: number; readonly p95: number; readonly min: number; readonly max: number }
  /** Resident set size sampled every 5 ms while preparing, in MiB. */
  readonly rssMiB: { readonly before: number; readonly peak: number }
  /** The process's lifetime peak RSS (includes generating the source image), in MiB. */
  readonly processMaxRssMiB: number
}

const DEFAULTS: PhotoPrepBenchOptions = { runs: 20, warmup: 2, width: 4000, height: 3000, maxUploadBytes: 1024 * 1024 }

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

const mib = (bytes: number): number => Math.round((bytes / (1024 * 1024)) * 10) / 10
const round = (ms: number): number => Math.round(ms * 10) / 10

export async function benchPhotoPrep(options: Partial<PhotoPrepBenchOptions> = {}): Promise<PhotoPrepBenchResult> {
  const o = { ...DEFAULTS, ...options }
  const source = await photoLikeJpeg(o.width, o.height, { quality: 92, seed: 12 })
  const prepare = async (input: Uint8Array) => {
    const result = await preparePhoto(input, { maxUploadBytes: o.maxUploadBytes })
    if (!result.ok) throw new Error(`preparation failed: ${result.error.code} ${result.error.message}`)
    return result.value
  }

  // A fresh copy per run, as each dropped file would be: libvips caches operations keyed on the input
  // buffer, and timing cache hits would flatter the figures.
  const freshCopy = (): Uint8Array => Uint8Array.from(source)

  for (let i = 0; i < o.warmup; i++) await prepare(freshCopy())

  const rssBefore = process.memoryUsage.rss()
  let rssPeak = rssBefore
  // sharp works on libuv threads, so the event loop stays free to sample memory while it runs.
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss())
  }, 5)

  const times: number[] = []
  let last = await prepare(freshCopy())
  try {
    for (let i = 0; i < o.runs; i++) {
      const input = freshCopy()
      const started = performance.now()
      last = await prepare(input)
      times.push(performance.now() - started)
    }
  } finally {
    clearInterval(sampler)
  }
  rssPeak = Math.max(rssPeak, process.memoryUsage.rss())

  const sorted = [...times].sort((a, b) => a - b)
  return {
    source: { width: o.width, height: o.height, bytes: source.byteLength },
    output: { width: last.width, height: last.height, bytes: last.bytes.byteLength, mime: last.mime },
    runs: o.runs,
    ms: { median: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!) },
    rssMiB: { before: mib(rssBefore), peak: mib(rssPeak) },
    processMaxRssMiB: mib(process.resourceUsage().maxRSS * 1024)
  }
}

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name)
  return at >= 0 ? process.argv[at + 1] : undefined
}

async function main(): Promise<void> {
  const runs = Number(argValue('--runs') ?? DEFAULTS.runs)
  const maxUploadBytes = Number(argValue('--limit') ?? DEFAULTS.maxUploadBytes)
  const r = await benchPhotoPrep({ runs, maxUploadBytes })
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(r))
    return
  }
  console.log(`photo preparation in main (sharp), ${r.runs} runs`)
  console.log(`  source  ${r.source.width}x${r.source.height} JPEG, ${mib(r.source.bytes)} MiB`)
  console.log(`  output  ${r.output.width}x${r.output.height} ${r.output.mime}, ${Math.round(r.output.bytes / 1024)} KiB (limit ${Math.round(maxUploadBytes / 1024)} KiB)`)
  console.log(`  time    median ${r.ms.median} ms, p95 ${r.ms.p95} ms (min ${r.ms.min}, max ${r.ms.max})`)
  console.log(`  memory  RSS ${r.rssMiB.before} MiB before, peak ${r.rssMiB.peak} MiB while preparing; process max RSS ${r.processMaxRssMiB} MiB`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
