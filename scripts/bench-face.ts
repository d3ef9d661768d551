/**
 * Face framing benchmark: (1) decode + detect + frame one 12 MP photo, on one thread as a worker does
 * it; (2) a batch of real photos (default 200, 3-12 MP) through prepare + hash + detect + frame in
 * the worker pool, watching main's event loop meanwhile; (3) the same work with one worker, for the
 * pool's scaling. Prints a table; with --json it ends with one JSON object.
 *
 * Options: --photos N (default 200), --workers N (default: the machine's, as the app sizes it),
 * --single N (photos for the one-worker run, default 40; 0 skips it), --pool process|threads (the
 * app's image process, the default, or the worker threads in this process as before, to compare),
 * --face-threads shared|own (face detection in every thread, as the app's bulk pool does, or in threads
 * of their own), --arena-max N|default (the image process's MALLOC_ARENA_MAX; the app's is 2),
 * --session own|main (the image process in a session of its own, as the app forks it, or in main's), --json.
 * The event loop watched is this process's: main's, whichever pool runs the work.
 * Photos: test-photos/ (scripts/fetch-test-photos.sh) when present, else main/testing/photos/.
 */
import { existsSync, readFileSync } from 'node:fs'
import { loadavg, availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import sharp from 'sharp'
import { analyseFaces } from '../main/images/face-analysis'
import { createHumanFaceDetector } from '../main/images/human-face-detector'
import { createImagePool, defaultWorkerCount, type FaceThreads, type ImagePool } from '../main/images/image-pool'
import { createImageProcessPool, forkInMainSession } from '../main/images/image-process'
import { realPhotoPath, type RealPhoto } from '../main/testing/real-photos'

const ROOT = resolve(import.meta.dirname, '..')
const { values: opts } = parseArgs({
  options: {
    photos: { type: 'string', default: '200' },
    workers: { type: 'string' },
    single: { type: 'string', default: '40' },
    pool: { type: 'string', default: 'process' },
    // The app's bulk pool frames faces in every thread (main/compose.ts).
    'face-threads': { type: 'string', default: 'shared' },
    // The image process's MALLOC_ARENA_MAX: the app's 2, or 'default' for glibc's own (to compare).
    'arena-max': { type: 'string', default: '2' },
    // The image process in a session of its own (the app's), or in main's (to compare: one autogroup).
    session: { type: 'string', default: 'own' },
    json: { type: 'boolean', default: false }
  }
})
const PHOTOS = Number(opts.photos)
const WORKERS = opts.workers ? Number(opts.workers) : defaultWorkerCount()
const SINGLE = Number(opts.single)
const IMAGE_PROCESS = opts.pool === 'process'
const FACE_THREADS: FaceThreads = opts['face-threads'] === 'own' ? 'own' : 'shared'
const log = (line: string) => {
  if (!opts.json) console.log(line)
}

function sourcePath(name: RealPhoto): string {
  const fetched = join(ROOT, 'test-photos', `${name}.${name === 'rocket' ? 'jpg' : 'png'}`)
  return name !== 'group' && existsSync(fetched) ? fetched : realPhotoPath(name)
}

/** A real photo enlarged to `width` px wide (camera-sized JPEG, quality 90). */
async function sized(name: RealPhoto, width: number, height?: number): Promise<Uint8Array> {
  const resized = sharp(sourcePath(name)).resize({ width, ...(height ? { height, fit: 'contain' as const, background: '#6d7580' } : {}) })
  return new Uint8Array(await resized.jpeg({ quality: 90 }).toBuffer())
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

async function twelveMegapixels(): Promise<{ msPerImage: number; decodeAndFrame: number[]; faces: number }> {
  const photo = await sized('astronaut', 4000, 3000) // 12.0 MP, the face at about portrait scale
  const detector = createHumanFaceDetector()
  await analyseFaces(photo, { detector, preset: 'standard' }) // models load and the WASM compiles: not measured
  const times: number[] = []
  let faces = 0
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now()
    const result = await analyseFaces(photo, { detector, preset: 'standard' })
    times.push(performance.now() - t0)
    faces = result.ok ? result.value.faces.length : -1
  }
  return { msPerImage: median(times), decodeAndFrame: times, faces }
}

/**
 * The longest main's thread itself ran between two 10 ms ticks (Linux's schedstat, in ns): what main's
 * own work blocks its loop, apart from the time the OS gave the cores to other programs. On a shared
 * machine the blocked figure above is mostly the latter (see the idle baseline); this one is not.
 */
function mainThreadBusy(): { stop(): number | undefined } {
  const file = `/proc/self/task/${process.pid}/schedstat`
  const onCpu = () => Number(readFileSync(file, 'utf8').split(' ')[0])
  let last: number
  try {
    last = onCpu()
  } catch {
    return { stop: () => undefined }
  }
  let max = 0
  const timer = setInterval(() => {
    const now = onCpu()
    max = Math.max(max, now - last)
    last = now
  }, 10)
  return {
    stop() {
      clearInterval(timer)
      return max / 1e6
    }
  }
}

/** A process's CPU time so far, all threads (utime + stime in /proc/<pid>/stat, clock ticks of 10 ms). */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

/** A process's peak resident memory so far (Linux's VmHWM), in MiB; undefined where it cannot be read. */
function peakRssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Math.round(Number(kb) / 1024) : undefined
  } catch {
    return undefined
  }
}

async function batch(count: number, workers: number, photos: readonly Uint8Array[]) {
  const pool: ImagePool & { readonly pid?: number | undefined } = IMAGE_PROCESS
    ? createImageProcessPool({ workers, faceThreads: FACE_THREADS, ...(opts.session === 'main' ? { launcher: forkInMainSession } : {}), env: opts['arena-max'] === 'default' ? {} : { MALLOC_ARENA_MAX: String(opts['arena-max']) } })
    : createImagePool({ workers, faceThreads: FACE_THREADS })
  let mainPeakRss = process.memoryUsage.rss()
  const rssTimer = setInterval(() => (mainPeakRss = Math.max(mainPeakRss, process.memoryUsage.rss())), 50)
  // Every thread starts and loads its models before the clock runs.
  await Promise.all(Array.from({ length: workers }, () => pool.frame(photos[0]!, 'standard')))
  const delay = monitorEventLoopDelay({ resolution: 10 })
  const t0 = performance.now()
  delay.enable()
  const busy = mainThreadBusy()
  const cpuBefore = process.cpuUsage()
  const imageCpuBefore = cpuSeconds(pool.pid)
  let warned = 0
  let framed = 0
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const r = await pool.plan(photos[i % photos.length]!, { maxUploadBytes: 1024 * 1024 }, 'standard')
      if (r.ok && r.value.faces?.framing.crop) framed++
      if (r.ok && (r.value.faces?.framing.warnings.length ?? 0) > 0) warned++
    })
  )
  delay.disable()
  const mainBusyMs = busy.stop()
  const mainCpu = process.cpuUsage(cpuBefore)
  const imageCpu = (cpuSeconds(pool.pid) ?? 0) - (imageCpuBefore ?? 0)
  const cpuMsPerImage = (((mainCpu.user + mainCpu.system) / 1e6 + imageCpu) * 1000) / count
  const seconds = (performance.now() - t0) / 1000
  clearInterval(rssTimer)
  const imagePeakRss = IMAGE_PROCESS ? peakRssMiB(pool.pid) : undefined
  await pool.dispose()
  return { seconds, imagesPerSecond: count / seconds, eventLoopMaxBlockedMs: blockedMs(delay), mainBusyMs, cpuMsPerImage, framed, warned, mainPeakRssMiB: Math.round(mainPeakRss / 1024 / 1024), imagePeakRss }
}

/** The histogram records the time between its 10 ms ticks, so a loop never blocked reads 10 ms: the block is what exceeds a tick. */
function blockedMs(delay: IntervalHistogram): number {
  return Math.max(0, delay.max / 1e6 - 10)
}

/** The event loop's longest delay with nothing to do: on a loaded machine the OS alone delays it this much. */
async function idleBlockMs(ms: number): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  await new Promise((r) => setTimeout(r, ms))
  delay.disable()
  return blockedMs(delay)
}

log(`bench:face on ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
const single = await twelveMegapixels()
log(`12 MP photo, decode + detect + frame on one thread: ${single.msPerImage.toFixed(0)} ms median (${single.decodeAndFrame.map((t) => t.toFixed(0)).join(', ')}), ${single.faces} face(s)`)

// A mixed department: portraits, a group, a far-away person and landscapes, 3 to 12 MP.
const photos = await Promise.all([
  sized('astronaut', 4000, 3000),
  sized('astronaut', 3000),
  sized('group', 4000),
  sized('camera', 2400),
  sized('coffee', 3000),
  sized('rocket', 3600),
  sized('astronaut', 2000, 3000)
])
const idle = await idleBlockMs(3000)
const pooled = await batch(PHOTOS, WORKERS, photos)
log(`${PHOTOS} photos, prepare + hash + detect + frame, ${WORKERS} worker(s) ${IMAGE_PROCESS ? 'in the image process' : "in main's process"}, face threads ${FACE_THREADS}: ${pooled.seconds.toFixed(1)} s, ${pooled.imagesPerSecond.toFixed(2)} photos/s, ${(1000 / pooled.imagesPerSecond).toFixed(0)} ms per photo`)
log(`  main's event loop: longest block ${pooled.eventLoopMaxBlockedMs.toFixed(1)} ms (target 20 ms; ${idle.toFixed(1)} ms idle on this machine); ${pooled.framed} framed, ${pooled.warned} with warnings`)
if (pooled.mainBusyMs !== undefined) log(`  main's thread: longest run between 10 ms ticks ${pooled.mainBusyMs.toFixed(1)} ms (its own work, without the OS's delays)`)
log(`  CPU time (main + image process, all threads): ${pooled.cpuMsPerImage.toFixed(0)} ms a photo`)
log(`  peak RSS: main ${pooled.mainPeakRssMiB} MiB${pooled.imagePeakRss !== undefined ? `, image process ${pooled.imagePeakRss} MiB` : ''}`)
const one = SINGLE > 0 && WORKERS > 1 ? await batch(SINGLE, 1, photos) : null
if (one) log(`${SINGLE} photos with 1 worker: ${one.imagesPerSecond.toFixed(2)} photos/s; the pool of ${WORKERS} scales ${(pooled.imagesPerSecond / one.imagesPerSecond).toFixed(2)}×`)

const figures = {
  msPerImage: Math.round(single.msPerImage),
  imagesPerSecond: Number(pooled.imagesPerSecond.toFixed(3)),
  workers: WORKERS,
  pool: IMAGE_PROCESS ? 'process' : 'threads',
  ...(IMAGE_PROCESS ? { session: opts.session === 'main' ? 'main' : 'own' } : {}),
  faceThreads: FACE_THREADS,
  cpuMsPerImage: Math.round(pooled.cpuMsPerImage),
  mainPeakRssMiB: pooled.mainPeakRssMiB,
  ...(pooled.imagePeakRss !== undefined ? { imageProcessPeakRssMiB: pooled.imagePeakRss } : {}),
  eventLoopMaxBlockedMs: Number(pooled.eventLoopMaxBlockedMs.toFixed(1)),
  idleEventLoopMaxBlockedMs: Number(idle.toFixed(1)),
  ...(pooled.mainBusyMs !== undefined ? { mainThreadMaxBusyMs: Number(pooled.mainBusyMs.toFixed(1)) } : {}),
  loadavg: loadavg().map((l) => Number(l.toFixed(2))),
  photos: PHOTOS,
  batchSeconds: Number(pooled.seconds.toFixed(2)),
  ...(one ? { singleWorkerImagesPerSecond: Number(one.imagesPerSecond.toFixed(3)), scaling: Number((pooled.imagesPerSecond / one.imagesPerSecond).toFixed(2)) } : {}),
  cores: availableParallelism()
}
log('')
if (opts.json) console.log(JSON.stringify(figures))
else console.table(Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Array.isArray(v) ? v.join(' ') : v])))
