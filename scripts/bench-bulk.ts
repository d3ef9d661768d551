/**
 * `npm run bench:bulk`: a bulk job of photo-like 12-megapixel JPEGs onto as many people, against a
 * sequential loop doing what the official SDK allows (one person at a time: upload with Autosave,
 * then thumbnails), both in the same run, on the same portal: the emulator in its own process at
 * 50 ms latency with DocSpace's rate limits on (15 concurrent writes, 1,500 requests a minute).
 * Prints a table of figures against the targets and, with --json, ends with one JSON object.
 * Asserts nothing; exits 1 only when it cannot run at all.
 *
 * What is timed for the app: from "Apply" to the last person verified (`seconds`), with the plan
 * (reading, preparing and matching the files, which happens while the user reviews) timed apart
 * (`planSeconds`). With the page, the job is paused at once, the page opened on it, and its Resume
 * button starts the timed run (the people already in flight are left out: `timedPeople`, `seconds`
 * scaled to the whole job). The app's job is run first, so the sequential loop's requests do not
 * count against the app in the portal's one-minute window, and the window is emptied before the
 * loop, so the app's do not count against the loop. The latency applies to every request, API calls
 * and photo files alike.
 *
 * Options: --photos 500, --latency 50, --concurrency 15 (the most the app allows, a person's one
 * write each: a person waits three round trips, for the backup's original, the upload and the read
 * back, so measured on two cores 12 at a time left a fraction of them idle, 1.08 times the time of
 * 15), --sequential N
 * (people in the sequential loop; default all; fewer are timed and scaled, and the table says so),
 * --no-renderer (skip the page: the built renderer (out/renderer, `npx electron-vite build`) in
 * Debian Chromium showing the running job, whose long tasks are measured), --cpu-prof FILE (a CPU profile of main's JavaScript thread while
 * applying, written to FILE, with its top functions printed), --portal-cpu-prof DIR (a CPU profile of the
 * emulator's JavaScript thread over its whole life, written to DIR when it exits), --json.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import type { BulkProgress, EventChannel, EventChannels } from '../preload/contract'
import { createMain } from '../main/compose'
import type { Logger } from '../main/core/logger'
import { MemorySecretStore } from '../main/secrets/memory-store'
import type { Handlers } from '../main/ipc/types'
import { createEventRelay, startWebHost, type EventRelay } from '../main/web-host/server'
import { chromium, type Page } from '@playwright/test'
import playwrightConfig from '../playwright.config'
import { photoLikeJpeg } from '../main/testing/images/synthetic-images'
import { coreScaling, startPortalProcess, stealMeter } from './bench-support'
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from '../main/jobs/queue'
import { imageProcessCpuSeconds, imageProcessWatch, mainThreadCpuSeconds, threadCpuSeconds } from './image-process-memory'
import { Session } from 'node:inspector/promises'

const { values: opts } = parseArgs({
  options: {
    photos: { type: 'string', default: '500' },
    latency: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '15' },
    sequential: { type: 'string' },
    json: { type: 'boolean', default: false },
    'no-renderer': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    'portal-cpu-prof': { type: 'string' },
    // Internal: the pictures are made in a child process, so their memory is not charged to main's RSS.
    'write-pictures': { type: 'string' }
  }
})
const PHOTOS = Math.max(1, Number(opts.photos))
const LATENCY_MS = Number(opts.latency)
const CONCURRENCY = Math.max(1, Number(opts.concurrency))
const SEQUENTIAL = Math.min(PHOTOS, Math.max(1, Number(opts.sequential ?? PHOTOS)))
const TARGETS = { speedup: 8, maxWritesInFlight: 15, peakRssMiB: 600, eventLoopMaxMs: 100, rendererTaskMs: 100 } as const
const ADMIN = { email: 'admin@demo.example', password: 'demo-admin' } as const
/** Distinct pictures; the rest are copies made distinct bytes with a JPEG comment, so no cache helps. */
const BASE_PICTURES = 12

const quiet: Logger = { info: () => {}, warn: () => {}, error: (m, f) => console.error(m, f ?? '') }
const log = (line: string): void => {
  if (!opts.json) console.log(line)
  else console.error(line)
}

interface PortalPerson {
  readonly id: string
  readonly email: string
  readonly isAdmin?: boolean
  readonly isOwner?: boolean
  readonly isVisitor?: boolean
  readonly status?: number
  readonly activationStatus?: number
}

async function api<T>(base: string, token: string, method: string, path: string, body?: object): Promise<{ status: number; json: T }> {
  const headers: Record<string, string> = { Authorization: token, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) }
  const res = await fetch(`${base}${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) })
  const text = await res.text()
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as T }
}

/** 12 MP pictures on disk, read one at a time (they would be 2 GB in memory). */
async function writePictures(dir: string, count: number): Promise<string[]> {
  const bases: Buffer[] = []
  for (let i = 0; i < Math.min(BASE_PICTURES, count); i++) bases.push(await photoLikeJpeg(4000, 3000, { quality: 90, seed: 100 + i }))
  const paths: string[] = []
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length] as Buffer
    // SOI, then a COM segment naming the copy, then the rest: the same pixels, other bytes.
    const note = Buffer.from(`bench copy ${i}`)
    const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, note.length + 2]), note])
    const path = join(dir, `p${i}.jpg`)
    await writeFile(path, Buffer.concat([base.subarray(0, 2), com, base.subarray(2)]))
    paths.push(path)
  }
  return paths
}

interface OpenRenderer {
  readonly page: Page
  /** The page's long tasks (PerformanceObserver 'longtask') since it was last loaded. */
  longTasks(): Promise<{ readonly longestMs: number; readonly over100: number }>
  close(): Promise<void>
}

/** The built renderer in Debian Chromium through the loopback web host, on the account signed in already. */
async function openRenderer(handlers: Handlers, relay: EventRelay): Promise<OpenRenderer> {
  const host = await startWebHost({ handlers, rendererDir: join(import.meta.dirname, '..', 'out', 'renderer'), log: () => {} })
  relay.connect(host.events)
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: [...(playwrightConfig.use?.launchOptions?.args ?? [])] })
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
  await page.addInitScript({
    content: `globalThis.__name = (f) => f; globalThis.__longTasks = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) globalThis.__longTasks.push(e.duration) }).observe({ type: 'longtask' })`
  })
  await page.goto(host.openUrl())
  await page.getByTestId('person-row').first().waitFor({ timeout: 60_000 })
  return {
    page,
    longTasks: () => page.evaluate(() => {
      const tasks = (globalThis as unknown as { __longTasks: number[] }).__longTasks
      return { longestMs: Math.max(0, ...tasks), over100: tasks.filter((d) => d > 100).length }
    }),
    async close() {
      await browser.close()
      await host.close()
    }
  }
}

/** Reloads the page, which finds the job paused, and opens its plan with the progress and the Resume button. */
async function showPausedJob(page: Page): Promise<void> {
  await page.reload()
  await page.getByTestId('person-row').first().waitFor({ timeout: 60_000 })
  await page.getByTestId('bulk-show').click({ timeout: 60_000 })
  await page.getByTestId('bulk-progress').waitFor({ timeout: 60_000 })
  await page.getByTestId('bulk-resume').waitFor({ timeout: 60_000 })
  await page.evaluate(() => ((globalThis as unknown as { __longTasks: number[] }).__longTasks.length = 0))
}

/** Waits until a paused job has no row in flight; answers how many rows have a result. */
async function settledRows(h: Handlers, jobId: string): Promise<number> {
  for (;;) {
    const current = await h['bulk:current']({ jobId })
    if (!current.ok) throw new Error(`bulk:current: ${current.error.code}`)
    const rows = current.value.rows
    if (!rows.some((r) => r.result === 'running')) return rows.filter((r) => r.result === 'ok' || r.result === 'failed').length
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Runs writePictures in a child process of this script and returns the paths it wrote. */
async function writePicturesApart(dir: string, count: number): Promise<string[]> {
  const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx')
  await new Promise<void>((done, failed) => {
    const child = spawn(tsx, [import.meta.filename, '--write-pictures', dir, '--photos', String(count)], { stdio: ['ignore', 'ignore', 'inherit'] })
    child.once('exit', (code) => (code === 0 ? done() : failed(new Error(`writing the pictures failed (${code})`))))
  })
  return Array.from({ length: count }, (_, i) => join(dir, `p${i}.jpg`))
}

async function main(): Promise<void> {
  const stolen = stealMeter()
  const portal = await startPortalProcess(['--version', '3.5.0', '--people', String(Math.ceil(PHOTOS * 1.6) + 50), '--latency', String(LATENCY_MS), '--photo-share', '0.5'], {
    cpuProfileDir: opts['portal-cpu-prof']
  })
  const work = await mkdtemp(join(tmpdir(), 'bench-bulk-'))
  try {
    await fetch(`${portal.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ rateLimits: true }) })
    const auth = await api<{ response: { token: string } }>(portal.url, '', 'POST', '/api/2.0/authentication', { userName: ADMIN.email, password: ADMIN.password })
    const token = auth.json.response.token
    // People an admin of 3.5 may change: active users (not the owner, not other admins, not guests).
    const people: PortalPerson[] = []
    for (let start = 0; people.length < PHOTOS * 2; start += 100) {
      const page = await api<{ response: PortalPerson[] }>(portal.url, token, 'GET', `/api/2.0/people/filter?count=100&startIndex=${start}`)
      if (page.json.response.length === 0) break
      people.push(...page.json.response)
    }
    const targets = people.filter((p) => !p.isAdmin && !p.isOwner && !p.isVisitor && p.status === 1 && p.activationStatus !== 2 && p.email.endsWith('@demo.example') && !p.email.startsWith('admin@') && !p.email.startsWith('user@') && !p.email.startsWith('2fa@'))
    if (targets.length < PHOTOS) throw new Error(`only ${targets.length} people can be changed; need ${PHOTOS}`)
    const chosen = targets.slice(0, PHOTOS)
    log(`generating ${PHOTOS} photo-like 4000×3000 JPEGs…`)
    const paths = await writePicturesApart(work, PHOTOS)

    // --- the app: plan, then apply -----------------------------------------------------------
    const progress: BulkProgress[] = []
    let finished: () => void = () => {}
    const done = new Promise<void>((resolve) => (finished = resolve))
    const relay = createEventRelay()
    const events = {
      emit<C extends EventChannel>(channel: C, payload: EventChannels[C]) {
        relay.emit(channel, payload)
        if (channel !== 'bulk:progress') return
        const p = payload as BulkProgress
        progress.push({ ...p, rows: [] })
        if (p.phase === 'finished' || p.phase === 'cancelled') finished()
      }
    }
    const app = createMain({ dataDir: join(work, 'data'), secrets: new MemorySecretStore({ available: true }), events, log: quiet })
    const h = app.handlers
    const signedIn = await h['accounts:sign-in']({ method: 'password', portalUrl: portal.url, email: ADMIN.email, password: ADMIN.password })
    if (!signedIn.ok || signedIn.value.kind !== 'signed-in') throw new Error(`sign-in failed: ${JSON.stringify(signedIn)}`)
    const accountId = signedIn.value.account.id
    const page = !opts['no-renderer'] ? await openRenderer(h, relay) : undefined
    let peakRss = process.memoryUsage.rss()
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50)
    // The image work runs in image processes of main's own: their memory is counted apart, from
    // their high-water marks (kept by the OS, so a slow look misses nothing but a last moment).
    const imageRss = imageProcessWatch()
    const imageRssTimer = setInterval(() => imageRss.sample(), 500)
    const loop = monitorEventLoopDelay({ resolution: 10 })

    const planStarted = performance.now()
    const job = await h['bulk:create']({ accountId })
    if (!job.ok) throw new Error(`bulk:create: ${job.error.code}`)
    const jobId = job.value.jobId
    for (let i = 0; i < chosen.length; i += 8) {
      const files = []
      for (let k = i; k < Math.min(i + 8, chosen.length); k++) files.push({ name: `${(chosen[k] as PortalPerson).email}.jpg`, bytes: new Uint8Array(await readFile(paths[k] as string)) })
      const added = await h['bulk:add-files']({ jobId, files })
      if (!added.ok) throw new Error(`bulk:add-files: ${added.error.code} ${added.error.message}`)
    }
    const plan = await h['bulk:plan']({ jobId })
    if (!plan.ok) throw new Error(`bulk:plan: ${plan.error.code}`)
    const planSeconds = (performance.now() - planStarted) / 1000
    const planPeakRss = peakRss
    imageRss.sample()
    const planImagePeakRss = imageRss.peakMiB()
    const sendable = plan.value.rows.filter((r) => (r.state === 'new' || r.state === 'replace') && r.approved).length
    log(`plan: ${plan.value.rows.length} rows, ${sendable} to send, ${planSeconds.toFixed(1)} s`)

    // Loading the app is not part of a job (a user clicks Apply on a plan already on screen): see the top.
    let untimed = 0
    if (page) {
      const started = await h['bulk:apply']({ jobId, concurrency: CONCURRENCY })
      if (!started.ok) throw new Error(`bulk:apply: ${started.error.code}`)
      const paused = await h['bulk:pause']({ jobId })
      if (!paused.ok) throw new Error(`bulk:pause: ${paused.error.code}`)
      untimed = await settledRows(h, jobId)
      await showPausedJob(page.page)
    }
    const timedPeople = PHOTOS - untimed

    // How the host's cores scale just before and just after the timed phases (see coreScaling).
    const scalingBeforeApply = await coreScaling()
    const portalCpuBefore = await portalCpu(portal.url)
    await fetch(`${portal.url}/__emulator/stats/reset`, { method: 'POST' })
    const profiler = opts['cpu-prof'] ? await startProfile() : undefined
    loop.enable()
    const cpuBefore = process.cpuUsage()
    const mainThreadBefore = mainThreadCpuSeconds()
    const threadsBefore = threadCpuSeconds()
    const imageCpuBefore = imageProcessCpuSeconds()
    const applyStolen = stealMeter()
    const applyStarted = performance.now()
    if (page) {
      await page.page.getByTestId('bulk-resume').click()
    } else {
      const started = await h['bulk:apply']({ jobId, concurrency: CONCURRENCY })
      if (!started.ok) throw new Error(`bulk:apply: ${started.error.code}`)
    }
    await done
    const timedSeconds = (performance.now() - applyStarted) / 1000
    const applyStealPercent = applyStolen()
    // Scaled to the whole job when the first few people went before the page was on it.
    const seconds = (timedSeconds * PHOTOS) / timedPeople
    const cpu = process.cpuUsage(cpuBefore)
    const mainCpuSeconds = (cpu.user + cpu.system) / 1e6
    const mainThreadAfter = mainThreadCpuSeconds()
    const mainThreadSeconds = mainThreadBefore !== undefined && mainThreadAfter !== undefined ? mainThreadAfter - mainThreadBefore : undefined
    const imageCpuSeconds = imageProcessCpuSeconds() - imageCpuBefore
    // By thread name: the JavaScript thread, libuv's pool (files, sharp's calls), V8's helpers, libvips.
    const threadSeconds = Object.fromEntries(
      [...threadCpuSeconds()].map(([name, s]) => [name, round(s - (threadsBefore.get(name) ?? 0))] as const).filter(([, s]) => s >= 0.01).sort((a, b) => b[1] - a[1])
    )
    if (profiler) await profiler.stop(opts['cpu-prof'] as string)
    loop.disable()
    clearInterval(rssTimer)
    imageRss.sample()
    clearInterval(imageRssTimer)
    const stats = (await (await fetch(`${portal.url}/__emulator/stats`)).json()) as { maxWritesInFlight: number; writes: number; cpuSeconds: number }
    const portalCpuSeconds = stats.cpuSeconds - portalCpuBefore
    const final = await h['bulk:plan']({ jobId })
    const ok = final.ok ? final.value.rows.filter((r) => r.result === 'ok').length : 0
    const failed = final.ok ? final.value.rows.filter((r) => r.result === 'failed').length : 0
    const renderer = page ? await page.longTasks() : undefined
    if (page) await page.close()
    await app.dispose()

    // --- the SDK's way: one person at a time, upload (Autosave) then thumbnails -----------------
    // The loop starts with the portal's one-minute window of requests empty, as a script run on its
    // own would: otherwise the app's requests of the last minute make it wait for a 429's Retry-After.
    await fetch(`${portal.url}/__emulator/rate-limits/reset`, { method: 'POST' })
    log(`sequential loop over ${SEQUENTIAL} people…`)
    const seqPortalCpuBefore = await portalCpu(portal.url)
    const seqStolen = stealMeter()
    let seqRateLimited = 0
    /** Sends until the answer is not a 429 (waiting out its Retry-After); any other failure ends the run. */
    const sdkCall = async (send: () => Promise<Response>, what: string): Promise<void> => {
      for (;;) {
        const res = await send()
        await res.arrayBuffer()
        if (res.ok) return
        if (res.status !== 429 || seqRateLimited > 100) throw new Error(`sequential loop: ${what} answered ${res.status}`)
        seqRateLimited++
        await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)))
      }
    }
    const seqStarted = performance.now()
    // Each person's time, to show whether the loop keeps its pace as the portal fills up.
    const seqPersonMs: number[] = []
    for (let i = 0; i < SEQUENTIAL; i++) {
      const personStarted = performance.now()
      const person = chosen[i] as PortalPerson
      const form = new FormData()
      form.set('Autosave', 'true')
      form.set('file', new Blob([await readFile(paths[i] as string)], { type: 'image/jpeg' }), 'photo.jpg')
      await sdkCall(() => fetch(`${portal.url}/api/2.0/people/${person.id}/photo`, { method: 'POST', headers: { Authorization: token }, body: form }), 'upload')
      const crop = JSON.stringify({ x: 0, y: 0, width: 0, height: 0 })
      await sdkCall(
        () => fetch(`${portal.url}/api/2.0/people/${person.id}/photo/thumbnails`, { method: 'POST', headers: { Authorization: token, 'Content-Type': 'application/json' }, body: crop }),
        'thumbnails'
      )
      seqPersonMs.push(performance.now() - personStarted)
    }
    const sequentialMeasured = (performance.now() - seqStarted) / 1000
    const sequentialStealPercent = seqStolen()
    const sequentialSeconds = (sequentialMeasured * PHOTOS) / SEQUENTIAL
    const seqPortalCpuSeconds = (await portalCpu(portal.url)) - seqPortalCpuBefore
    const scalingAfterSequential = await coreScaling()

    const figures = {
      photos: PHOTOS,
      applied: ok,
      failed,
      planSeconds: round(planSeconds),
      seconds: round(seconds),
      timedPeople,
      sequentialSeconds: round(sequentialSeconds),
      sequentialMeasuredPeople: SEQUENTIAL,
      speedup: round(sequentialSeconds / seconds),
      endToEndSpeedup: round(sequentialSeconds / (seconds + planSeconds)),
      mainCpuSeconds: round(mainCpuSeconds),
      mainCpuMsPerPerson: Math.round((mainCpuSeconds * 1000) / timedPeople),
      mainThreadCpuSeconds: mainThreadSeconds === undefined ? null : round(mainThreadSeconds),
      mainCpuSecondsByThread: threadSeconds,
      imageProcessCpuSeconds: round(imageCpuSeconds),
      portalCpuSeconds: round(portalCpuSeconds),
      portalCpuMsPerPerson: Math.round((portalCpuSeconds * 1000) / timedPeople),
      sequentialRateLimited: seqRateLimited,
      sequentialFirstTenthMsPerPerson: tenthMean(seqPersonMs, 'first'),
      sequentialLastTenthMsPerPerson: tenthMean(seqPersonMs, 'last'),
      sequentialPortalCpuMsPerPerson: Math.round((seqPortalCpuSeconds * 1000) / SEQUENTIAL),
      maxWritesInFlight: stats.maxWritesInFlight,
      portalWrites: stats.writes,
      peakRssMiB: Math.round(peakRss / 1024 / 1024),
      planPeakRssMiB: Math.round(planPeakRss / 1024 / 1024),
      imageProcessPeakRssMiB: imageRss.peakMiB() ?? null,
      planImageProcessPeakRssMiB: planImagePeakRss ?? null,
      imageProcesses: imageRss.count(),
      mainPlusImagePeakRssMiB: Math.round(peakRss / 1024 / 1024) + (imageRss.sumMiB() ?? 0),
      rendererLongestTaskMs: renderer ? round(renderer.longestMs) : null,
      rendererTasksOver100Ms: renderer ? renderer.over100 : null,
      // The histogram records the time between its 10 ms ticks: the block is what exceeds a tick.
      eventLoopMaxBlockedMs: round(Math.max(0, loop.max / 1e6 - 10)),
      concurrency: CONCURRENCY,
      latencyMs: LATENCY_MS,
      cores: cpus().length,
      loadAverage: loadavg().map((l) => round(l)),
      stealPercent: stolen(),
      applyStealPercent,
      sequentialStealPercent,
      coreScaling: [scalingBeforeApply, scalingAfterSequential]
    }
    const line = (name: string, value: string, target: string, pass: boolean | undefined) =>
      log(`${name.padEnd(44)} ${value.padStart(12)}   ${target.padEnd(12)} ${pass === undefined ? '' : pass ? 'PASS' : 'MISS'}`)
    log('')
    log(`bulk import: ${PHOTOS} photo-like 12 MP JPEGs onto ${PHOTOS} people, ${LATENCY_MS} ms latency, rate limits on, concurrency ${CONCURRENCY} (the app's default is ${DEFAULT_CONCURRENCY}, at most ${MAX_CONCURRENCY})`)
    line('plan (read, prepare, match; while reviewing)', `${figures.planSeconds} s`, '', undefined)
    line(`apply to verified (seconds)${timedPeople < PHOTOS ? ` (${timedPeople} timed, scaled)` : ''}`, `${figures.seconds} s`, '', undefined)
    line(`sequential SDK loop${SEQUENTIAL < PHOTOS ? ` (${SEQUENTIAL} timed, scaled)` : ''}`, `${figures.sequentialSeconds} s`, '', undefined)
    line('speed-up (sequential / apply)', `${figures.speedup}×`, `≥ ${TARGETS.speedup}×`, figures.speedup >= TARGETS.speedup)
    line('speed-up including the plan', `${figures.endToEndSpeedup}×`, '', undefined)
    line('most writes in flight at the portal', String(figures.maxWritesInFlight), `≤ ${TARGETS.maxWritesInFlight}`, figures.maxWritesInFlight <= TARGETS.maxWritesInFlight)
    line("main's peak RSS (this process)", `${figures.peakRssMiB} MiB`, `< ${TARGETS.peakRssMiB} MiB`, figures.peakRssMiB < TARGETS.peakRssMiB)
    line(`image process's peak RSS (${figures.imageProcesses} process${figures.imageProcesses === 1 ? '' : 'es'}, largest)`, figures.imageProcessPeakRssMiB === null ? 'n/a' : `${figures.imageProcessPeakRssMiB} MiB`, '', undefined)
    line("main + image processes' peaks, together", `${figures.mainPlusImagePeakRssMiB} MiB`, '', undefined)
    line("main's event loop, longest block while applying", `${figures.eventLoopMaxBlockedMs} ms`, `≤ ${TARGETS.eventLoopMaxMs} ms`, figures.eventLoopMaxBlockedMs <= TARGETS.eventLoopMaxMs)
    // The long-task observer reports tasks of 50 ms and more only.
    const longest = renderer && renderer.longestMs > 0 ? `${figures.rendererLongestTaskMs} ms (${figures.rendererTasksOver100Ms} over 100 ms)` : 'none ≥ 50 ms'
    if (renderer) line("renderer's longest task while the job runs", longest, `≤ ${TARGETS.rendererTaskMs} ms`, renderer.longestMs <= TARGETS.rendererTaskMs)
    line("main's CPU time while applying (all threads)", `${figures.mainCpuSeconds} s`, '', undefined)
    if (figures.mainThreadCpuSeconds !== null) line("  of which main's JavaScript thread", `${figures.mainThreadCpuSeconds} s`, '', undefined)
    line("  by thread", Object.entries(figures.mainCpuSecondsByThread).map(([n, s]) => `${n} ${s}`).join(', '), '', undefined)
    line("the image processes' CPU time while applying", `${figures.imageProcessCpuSeconds} s`, '', undefined)
    line("the portal's CPU time while applying", `${figures.portalCpuSeconds} s (${figures.portalCpuMsPerPerson} ms a person)`, '', undefined)
    line('sequential loop a person: first tenth, last tenth', `${figures.sequentialFirstTenthMsPerPerson} ms, ${figures.sequentialLastTenthMsPerPerson} ms`, '', undefined)
    line("sequential loop's 429 answers waited out", String(figures.sequentialRateLimited), '', undefined)
    line("the portal's CPU a person in the sequential loop", `${figures.sequentialPortalCpuMsPerPerson} ms`, '', undefined)
    line('people applied / failed', `${ok} / ${failed}`, '', undefined)
    log(`machine: ${cpus().length} cores, load average ${figures.loadAverage.join(' ')}, ${figures.stealPercent ?? '?'} % of the CPU stolen by the hypervisor during the run, ${figures.applyStealPercent ?? '?'} % while applying, ${figures.sequentialStealPercent ?? '?'} % in the sequential loop; ${cpus().length} cores did ${scalingBeforeApply}× one core's work before applying and ${scalingAfterSequential}× after the loop (other work on the machine inflates every figure; the apply, CPU-bound on both cores, the most)`)
    if (opts.json) console.log(JSON.stringify(figures))
  } finally {
    await portal.close()
    await rm(work, { recursive: true, force: true })
  }
}

/** Mean of the first or last tenth of the values (at least one), in whole milliseconds. */
function tenthMean(values: readonly number[], which: 'first' | 'last'): number {
  const n = Math.max(1, Math.floor(values.length / 10))
  const part = which === 'first' ? values.slice(0, n) : values.slice(-n)
  return Math.round(part.reduce((a, b) => a + b, 0) / Math.max(1, part.length))
}

/** The V8 sampling profiler on this process's JavaScript thread; `stop` writes the profile and prints its top functions. */
async function startProfile(): Promise<{ stop(file: string): Promise<void> }> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 200 })
  await session.post('Profiler.start')
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop')
      session.disconnect()
      await writeFile(file, JSON.stringify(profile))
      const byNode = new Map(profile.nodes.map((n) => [n.id, n]))
      const self = new Map<string, number>()
      let total = 0
      profile.samples?.forEach((id, i) => {
        const frame = byNode.get(id)?.callFrame
        const ms = (profile.timeDeltas?.[i] ?? 0) / 1000
        const name = frame ? `${frame.functionName || '(anonymous)'} ${frame.url ? `${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}` : ''}`.trim() : '?'
        if (name !== '(idle)') total += ms
        self.set(name, (self.get(name) ?? 0) + ms)
      })
      log(`\nCPU profile of main's JavaScript thread while applying (${file}): ${total.toFixed(0)} ms busy; top functions by self time`)
      for (const [name, ms] of [...self].filter(([n]) => n !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 25)) log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`)
    }
  }
}

/** The emulator process's CPU seconds so far (all threads). */
async function portalCpu(url: string): Promise<number> {
  return ((await (await fetch(`${url}/__emulator/stats`)).json()) as { cpuSeconds: number }).cpuSeconds
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

const picturesDir = opts['write-pictures']
const run = picturesDir ? writePictures(picturesDir, PHOTOS).then(() => undefined) : main()
run.catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
