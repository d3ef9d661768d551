/**
 * Runs work once the page is idle (after the current frame has painted), or after `timeoutMs` at
 * the latest; hosts without requestIdleCallback run it after a plain timeout. Cancellable.
 */
export interface IdleHandle {
  cancel(): void
}

/** How much of the idle period is left (requestIdleCallback's deadline); absent after a plain timeout. */
export interface IdleDeadlineLike {
  timeRemaining(): number
}

interface IdleApi {
  requestIdleCallback?: (run: (deadline: IdleDeadlineLike) => void, options: { timeout: number }) => number
  cancelIdleCallback?: (handle: number) => void
}

export function afterIdle(run: (deadline?: IdleDeadlineLike) => void, timeoutMs: number): IdleHandle {
  const api = globalThis as IdleApi
  if (api.requestIdleCallback && api.cancelIdleCallback) {
    const cancelIdle = api.cancelIdleCallback
    const handle = api.requestIdleCallback(run, { timeout: timeoutMs })
    return { cancel: () => cancelIdle(handle) }
  }
  const timer = setTimeout(() => run(), 0)
  return { cancel: () => clearTimeout(timer) }
}
