/**
 * Runs work once the page is idle (after the current frame has painted), or after `timeoutMs` at
 * the latest; hosts without requestIdleCallback run it after a plain timeout. Cancellable.
 */
export interface IdleHandle {
  cancel(): void
}

interface IdleApi {
  requestIdleCallback?: (run: () => void, options: { timeout: number }) => number
  cancelIdleCallback?: (handle: number) => void
}

export function afterIdle(run: () => void, timeoutMs: number): IdleHandle {
  const api = globalThis as IdleApi
  if (api.requestIdleCallback && api.cancelIdleCallback) {
    const cancelIdle = api.cancelIdleCallback
    const handle = api.requestIdleCallback(run, { timeout: timeoutMs })
    return { cancel: () => cancelIdle(handle) }
  }
  const timer = setTimeout(run, 0)
  return { cancel: () => clearTimeout(timer) }
}
