/**
 * An AbortController for a signal that many requests share at once (the app's shutdown, a bulk job's
 * cancel): each request in flight listens on it until it ends, so more than Node's default of 10
 * listeners is the normal case, not a leak, and must not print a warning. What bounds them is the
 * HTTP client's and the queue's concurrency.
 */
import { setMaxListeners } from 'node:events'

export function sharedAbortController(): AbortController {
  const controller = new AbortController()
  setMaxListeners(0, controller.signal)
  return controller
}
