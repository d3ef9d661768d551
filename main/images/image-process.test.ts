import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { realPhoto } from '../testing/real-photos'
import { createImageProcessPool, hostEntry, ImageProcessGoneError, type ImageProcessEvents, type ImageProcessLauncher } from './image-process'
import type { HostRequest } from './image-process-protocol'

const alive = (pid: number | undefined) => {
  if (pid === undefined) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Linux: the session a process belongs to (/proc/<pid>/stat, the field after the parent's id and group). */
const sessionOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3])
}

describe('the image process', () => {
  const pool = createImageProcessPool({ workers: 1 })
  afterAll(() => pool.dispose())

  it('fails the tasks in flight when the process is killed, and the next task starts a new one', async () => {
    const big = new Uint8Array(await sharp(await realPhoto('astronaut')).resize(3000).jpeg({ quality: 90 }).toBuffer())
    const inFlight = [pool.plan(big, { maxUploadBytes: 1_000_000 }, 'standard'), pool.frame(big, 'standard')]
    const first = pool.pid
    expect(alive(first)).toBe(true)
    if (process.platform === 'linux') expect(sessionOf(first!), 'a session (and scheduler group) of its own').toBe(first)
    process.kill(first!, 'SIGKILL')
    for (const task of inFlight) await expect(task).rejects.toThrow(ImageProcessGoneError)
    await expect(inFlight[0]).rejects.toThrow(/image process ended while working on this photo: it was ended by SIGKILL/)

    const again = await pool.inspect(await realPhoto('group'))
    expect(again.ok && again.value.width).toBe(600)
    expect(pool.pid).not.toBe(first)
    expect(alive(pool.pid)).toBe(true)
  })

  it('ends the process on dispose, and refuses work afterwards', async () => {
    const own = createImageProcessPool({ workers: 1 })
    expect((await own.inspect(await realPhoto('group'))).ok).toBe(true)
    const pid = own.pid
    expect(alive(pid)).toBe(true)
    await own.dispose()
    expect(alive(pid)).toBe(false)
    expect(own.pid).toBeUndefined()
    await expect(own.inspect(await realPhoto('group'))).rejects.toThrow(/disposed/)
  })

  it('ends the process after its idle time, and starts one again for the next task', async () => {
    const own = createImageProcessPool({ workers: 1, idleTimeoutMs: 200 })
    try {
      expect((await own.inspect(await realPhoto('group'))).ok).toBe(true)
      const pid = own.pid
      await vi.waitFor(() => expect(alive(pid)).toBe(false), { timeout: 10_000 })
      expect(own.pid).toBeUndefined()
      expect((await own.inspect(await realPhoto('group'))).ok).toBe(true)
      expect(own.pid).not.toBe(pid)
    } finally {
      await own.dispose()
    }
  })

  it('leaves no image process behind when main ends without dispose, exits or is killed', async () => {
    const parent = fileURLToPath(new URL('../testing/image-process-parent.mjs', import.meta.url))
    for (const mode of ['return', 'exit', 'wait'] as const) {
      const child = spawn(process.execPath, [parent, mode], { stdio: ['ignore', 'pipe', 'inherit'] })
      const ended = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      const [line] = await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next().then((r) => [r.value as string])
      const pids = JSON.parse(line!) as { main: number; image: number; answered: boolean }
      expect(pids.answered).toBe(true)
      expect(pids.image).not.toBe(pids.main)
      if (mode === 'wait') process.kill(pids.main, 'SIGKILL')
      // 'return': the idle image process does not hold main open, so main ends by itself.
      await ended
      await vi.waitFor(() => expect(alive(pids.image), `${mode}: image process ${pids.image} still running`).toBe(false), { timeout: 10_000 })
    }
    // Three parents, each starting tsx and an image process from sources: far over the default on a busy machine.
  }, 90_000)
})

describe('messages from the image process', () => {
  /** A launcher whose process answers as the test says. */
  function scripted(answer: (request: HostRequest, events: ImageProcessEvents) => void): ImageProcessLauncher {
    return (_spec, events) => ({
      pid: 4242,
      send: (request) => queueMicrotask(() => answer(request, events)),
      kill: () => queueMicrotask(() => events.exit('it was ended by SIGTERM')),
      keepAlive: () => {}
    })
  }

  it('ignores what is not an answer to a task in flight, and a crash then fails the task instead of leaving it waiting', async () => {
    const pool = createImageProcessPool({
      hostEntry: '/nowhere/image-host.js',
      launcher: scripted((request, events) => {
        events.message('garbage')
        events.message({ id: request.id + 1, ok: true, value: { ok: true, value: 1 } }) // another task's
        events.message({ id: request.id, ok: true, value: { ok: true } }) // cut short: no value
        events.message({ id: request.id, ok: true, value: { ok: false, error: { code: 'image/corrupt' } } }) // no message
        events.message({ id: request.id, ok: true }) // no value at all
        events.exit('it exited with code 134')
      })
    })
    await expect(pool.inspect(new Uint8Array([1]))).rejects.toThrow('the image process ended while working on this photo: it exited with code 134')
    await pool.dispose()
  })

  it('routes any kind of task and hands back its Result, or the error it threw', async () => {
    const seen: string[] = []
    const pool = createImageProcessPool({
      hostEntry: '/nowhere/image-host.js',
      launcher: scripted((request, events) => {
        seen.push(request.task.kind)
        if (request.task.kind === 'hash') events.message({ id: request.id, ok: false, message: 'boom' })
        else events.message({ id: request.id, ok: true, value: { ok: false, error: { code: 'image/corrupt', message: 'no pixels' } } })
      })
    })
    await expect(pool.preview(new Uint8Array([1]))).resolves.toEqual({ ok: false, error: { code: 'image/corrupt', message: 'no pixels' } })
    await expect(pool.hash(new Uint8Array([1]))).rejects.toThrow('image task failed in the image process: boom')
    await expect(pool.run({ kind: 'some-later-kind' } as never)).resolves.toMatchObject({ ok: false })
    expect(seen).toEqual(['preview', 'hash', 'some-later-kind'])
    await pool.dispose()
  })

  it('sends only a few tasks at once; when the process dies, those fail and the waiting ones go to a new process', async () => {
    const processes: { sent: HostRequest[]; events: ImageProcessEvents }[] = []
    const launcher: ImageProcessLauncher = (_spec, events) => {
      const p = { sent: [] as HostRequest[], events }
      processes.push(p)
      return { pid: processes.length, send: (r) => p.sent.push(r), kill: () => queueMicrotask(() => events.exit('it was ended by SIGTERM')), keepAlive: () => {} }
    }
    const pool = createImageProcessPool({ hostEntry: '/nowhere/image-host.js', launcher, workers: 1, maxInFlight: 2 })
    const answers = Array.from({ length: 5 }, (_, i) => pool.hash(new Uint8Array([i])).then((r) => ({ r }), (e: Error) => ({ e: e.message })))
    expect(processes).toHaveLength(1)
    expect(processes[0]!.sent.map((r) => [...(r.task as { bytes: Uint8Array }).bytes])).toEqual([[0], [1]])
    const first = processes[0]!
    first.events.message({ id: first.sent[0]!.id, ok: true, value: { ok: true, value: 'h0' } })
    expect(first.sent).toHaveLength(3) // one answered, one more sent
    first.events.exit('it was ended by SIGKILL')
    expect(processes).toHaveLength(2)
    const second = processes[1]!
    expect(second.sent.map((r) => [...(r.task as { bytes: Uint8Array }).bytes])).toEqual([[3], [4]])
    for (const r of second.sent) second.events.message({ id: r.id, ok: true, value: { ok: true, value: 'again' } })
    expect(await Promise.all(answers)).toEqual([
      { r: { ok: true, value: 'h0' } },
      { e: 'the image process ended while working on this photo: it was ended by SIGKILL' },
      { e: 'the image process ended while working on this photo: it was ended by SIGKILL' },
      { r: { ok: true, value: 'again' } },
      { r: { ok: true, value: 'again' } }
    ])
    await pool.dispose()
  })

  it('finds the built entry next to the bundle or one folder up from a shared chunk', () => {
    expect(hostEntry('file:///app/main/images/image-process.ts')).toBe('/app/main/images/image-host-dev.mjs')
    expect(() => hostEntry('file:///nowhere/out/main/index.js')).toThrow(/image-host\.js not found/)
  })
})
