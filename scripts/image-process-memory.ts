/**
 * The image processes' memory, for the benchmarks: main's image work runs in child processes of its
 * own (main/images/image-process.ts), whose memory main's RSS does not show. Linux only (/proc);
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
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid !== parent) continue
      if (/image-host/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) found.push(Number(pid))
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
