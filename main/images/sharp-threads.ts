/**
 * libvips threads per image operation. sharp defaults to 1 on glibc Linux without jemalloc (to limit
 * heap fragmentation), which halves the speed of every decode and resize on a two-core machine; the
 * app only ever works on a few photos at once (a pool of at most 4 threads), so fragmentation stays
 * small next to that gain. The setting is process-wide; calling it again changes nothing.
 */
import { availableParallelism } from 'node:os'
import sharp from 'sharp'

/** At most this many: beyond 4 a 12 MP decode gains little, and each thread keeps its own buffers. */
const MAX_THREADS = 4

export function useImageThreads(threads: number = Math.min(MAX_THREADS, availableParallelism())): number {
  if (sharp.concurrency() < threads) sharp.concurrency(threads)
  return sharp.concurrency()
}
