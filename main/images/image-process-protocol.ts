/**
 * The messages between main and the image process (image-process.ts launches it, image-host.ts is its
 * entry), and their checks. Tasks cross by kind without main knowing the kinds: a new kind of
 * ImageTask needs no change here. No imports beyond types, so main loads nothing heavy for this.
 */
import type { FaceThreads, ImagePriority } from './image-pool'
import type { ImageTask } from './image-work'

/** What the image process is told on its command line (one JSON argument). */
export interface ImageHostConfig {
  readonly workers: number
  readonly priority: ImagePriority
  readonly idleTimeoutMs: number
  readonly faceThreads: FaceThreads
}

export const CONFIG_FLAG = '--image-host='

/** main → image process. */
export interface HostRequest {
  readonly id: number
  readonly task: ImageTask
}

/** image process → main: the task's answer, or why it threw. */
export type HostReply = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly message: string }

export function configArg(config: ImageHostConfig): string {
  return `${CONFIG_FLAG}${JSON.stringify(config)}`
}

export function parseConfig(argv: readonly string[]): ImageHostConfig | undefined {
  const arg = argv.find((a) => a.startsWith(CONFIG_FLAG))
  if (arg === undefined) return undefined
  let raw: unknown
  try {
    raw = JSON.parse(arg.slice(CONFIG_FLAG.length))
  } catch {
    return undefined
  }
  if (!isRecord(raw)) return undefined
  const { workers, priority, idleTimeoutMs, faceThreads } = raw
  if (!isCount(workers) || !isCount(idleTimeoutMs)) return undefined
  if (priority !== 'background' && priority !== 'interactive') return undefined
  if (faceThreads !== 'own' && faceThreads !== 'shared') return undefined
  return { workers, priority, idleTimeoutMs, faceThreads }
}

/** A request as the image process receives it; undefined when it is not one. */
export function parseRequest(message: unknown): HostRequest | undefined {
  if (!isRecord(message) || !isId(message['id'])) return undefined
  const task = message['task']
  if (!isRecord(task) || typeof task['kind'] !== 'string') return undefined
  return { id: message['id'], task: task as unknown as ImageTask }
}

/**
 * A reply as main receives it; undefined when it is not one. Every task answers with a Result
 * (`{ ok: true, value }` or `{ ok: false, error: { code, message } }`), so that shape is checked
 * too: a reply cut short by a crash, or a bug, never reaches a caller as if it were an answer.
 */
export function parseReply(message: unknown): HostReply | undefined {
  if (!isRecord(message) || !isId(message['id'])) return undefined
  const id = message['id']
  if (message['ok'] === false) return typeof message['message'] === 'string' ? { id, ok: false, message: message['message'] } : undefined
  if (message['ok'] !== true || !isResultShaped(message['value'])) return undefined
  return { id, ok: true, value: message['value'] }
}

function isResultShaped(value: unknown): boolean {
  if (!isRecord(value)) return false
  if (value['ok'] === true) return 'value' in value
  if (value['ok'] !== false) return false
  const error = value['error']
  return isRecord(error) && typeof error['code'] === 'string' && typeof error['message'] === 'string'
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1
}
