/**
 * The image processes' memory, for the benchmarks: main's image work runs in child processes of its
 * own (main/images/image-process.ts), whose memory and CPU main's figures do not show. Linux only (/proc);
 * elsewhere nothing is found and the figures are absent.
 */
import { readdirSync, readFileSync } from 'node:fs'

/** A process's peak resident memory so far (VmHWM) in bytes; undefined when it cannot be read (ended, not Linux). */
export function peakRssBytes(pid: number): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Number(kb) * 1024 : undefined
  } catch {
    return undefined
  }
}

/** The ids of this process's children that run the image process's entry (image-host). */
export function imageProcessIds(parent: number = process.pid): number[] {
  const found: number[] = []
  for (const pid of childIds(parent)) {
    try {
      if (/image-host/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) found.push(pid)
    } catch {
      // ended meanwhile
    }
  }
  return found
}

/**
 * A process's children: from each thread's `children` list when the kernel keeps one (a few reads),
 * else by scanning every process's parent id, which on a busy machine is hundreds of reads on the
 * bench's own thread, sampled every half second, and would be counted as the app's CPU.
 */
function childIds(parent: number): number[] {
  try {
    return readdirSync(`/proc/${parent}/task`).flatMap((tid) => readFileSync(`/proc/${parent}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number))
  } catch {
    // no children lists (an older kernel, not Linux): scan
  }
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d))
  } catch {
    return []
  }
  const found: number[] = []
  for (const pid of pids) {
    try {
      // The command name may hold spaces and parentheses: the fields after the last ')' are plain.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) found.push(Number(pid))
    } catch {
      // ended meanwhile
    }
  }
  return found
}

/**
 * Follows the image processes while sampling: each one's peak RSS, kept after it ends. `peakMiB()` is
 * the largest single process's peak, `sumMiB()` the sum of all their peaks (an upper bound of what
 * they held together, counting a restarted process twice).
 */
export function imageProcessWatch(): { sample(): void; peakMiB(): number | undefined; sumMiB(): number | undefined; count(): number } {
  const peaks = new Map<number, number>()
  const mib = (b: number) => Math.round(b / 1024 / 1024)
  return {
    sample() {
      for (const pid of imageProcessIds()) {
        const peak = peakRssBytes(pid)
        if (peak !== undefined) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, peak))
      }
    },
    peakMiB: () => (peaks.size > 0 ? mib(Math.max(...peaks.values())) : undefined),
    sumMiB: () => (peaks.size > 0 ? mib([...peaks.values()].reduce((a, b) => a + b, 0)) : undefined),
    count: () => peaks.size
  }
}

/** User + system CPU seconds of a process, or of one of its threads (`/proc/PID/task/TID`); undefined when gone. */
export function cpuSeconds(statPath: string): number | undefined {
  try {
    const stat = readFileSync(`${statPath}/stat`, 'utf8')
    // After the command name come state (field 3), …, utime (14) and stime (15), in clock ticks of 1/100 s.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

/** The CPU seconds of all image processes of this process that run now. */
export function imageProcessCpuSeconds(): number {
  return imageProcessIds().reduce((sum, pid) => sum + (cpuSeconds(`/proc/${pid}`) ?? 0), 0)
}

/** The CPU seconds of this process's main thread alone (JavaScript, not the thread pool or libvips). */
export function mainThreadCpuSeconds(): number | undefined {
  return cpuSeconds(`/proc/${process.pid}/task/${process.pid}`)
}

/** This process's CPU seconds by thread name (the JavaScript thread is `main`), of the threads that run now. */
export function threadCpuSeconds(): Map<string, number> {
  const byName = new Map<string, number>()
  let tids: string[]
  try {
    tids = readdirSync(`/proc/${process.pid}/task`)
  } catch {
    return byName
  }
  for (const tid of tids) {
    const path = `/proc/${process.pid}/task/${tid}`
    const seconds = cpuSeconds(path)
    if (seconds === undefined) continue
    let name = 'main'
    try {
      if (tid !== String(process.pid)) name = readFileSync(`${path}/comm`, 'utf8').trim()
    } catch {
      continue
    }
    byName.set(name, (byName.get(name) ?? 0) + seconds)
  }
  return byName
}
