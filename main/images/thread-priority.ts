/**
 * Lower the priority of the threads that do image work, so main's event loop (IPC, the UI's answers)
 * runs first when the cores are busy. On Linux a nice value belongs to one thread, and a new thread
 * inherits it from the thread that starts it: the image worker threads lower themselves, but
 * libvips' own threads, which do sharp's decoding and resizing, are started by libuv's shared pool and
 * would stay at main's priority. Measured on 2 cores: those threads took the cores from main for
 * 20-100 ms at a time while the worker threads, already lowered, waited.
 * Elsewhere a nice value is the whole process's, so nothing is changed there.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { constants, getPriority, platform, setPriority } from 'node:os'

const LOW = constants.priority.PRIORITY_BELOW_NORMAL
/** The name libvips gives its threads (/proc/<pid>/task/<tid>/comm). */
const LIBVIPS_THREAD = 'libvips worker'

/** Lowers the calling thread; false where that would lower the whole app or is not allowed. */
export function lowerThisThread(): boolean {
  if (platform() !== 'linux') return false
  try {
    setPriority(LOW)
    return true
  } catch {
    return false
  }
}

/**
 * Lowers every libvips thread of this process that is not lowered yet and returns how many it
 * lowered. Cheap (a directory of a few dozen threads), so it is called after each task: libvips
 * starts threads as its work needs them.
 */
export function lowerLibvipsThreads(): number {
  if (platform() !== 'linux') return 0
  return lowerThreads((tid) => readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim() === LIBVIPS_THREAD)
}

/** Lowers this process's threads that `pick` chooses and are not lowered yet (Linux); how many it lowered. */
function lowerThreads(pick: (tid: string) => boolean): number {
  let lowered = 0
  let tids: string[]
  try {
    tids = readdirSync('/proc/self/task')
  } catch {
    return 0
  }
  for (const tid of tids) {
    try {
      if (!pick(tid)) continue
      const id = Number(tid)
      if (getPriority(id) >= LOW) continue
      setPriority(id, LOW)
      lowered++
    } catch {
      // The thread ended meanwhile, or renicing is not allowed: leave it.
    }
  }
  return lowered
}

/**
 * Lowers a whole process from inside it: the image process's bulk work (image-host.ts). On Linux a
 * nice value is a thread's, so every thread running now is lowered, the calling one first: the
 * threads started later (piscina's workers, libuv's pool, libvips' own) inherit it from their
 * creator. Elsewhere the call lowers the process at once. Returns how many threads were lowered
 * (1 outside Linux), 0 when not allowed.
 */
export function lowerThisProcess(): number {
  if (platform() !== 'linux') {
    try {
      setPriority(LOW)
      return 1
    } catch {
      return 0
    }
  }
  return (lowerThisThread() ? 1 : 0) + lowerThreads(() => true)
}

/**
 * Lowers this process's autogroup (Linux: the scheduler's group for a session), when this process
 * leads a session of its own: the image process forked detached. Never in main's session, whose
 * group main shares. True when it was lowered.
 */
export function lowerOwnAutogroup(): boolean {
  if (platform() !== 'linux') return false
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const session = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3])
    if (session !== process.pid) return false
    writeFileSync('/proc/self/autogroup', '10')
    return true
  } catch {
    return false
  }
}
