import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeAppApi } from '../testing/fake-app-api'
import { createTestPinia } from '../testing/mount-app'
import { useToastStore } from './toast-store'

beforeEach(() => {
  vi.useFakeTimers()
  createTestPinia(createFakeAppApi())
})
afterEach(() => vi.useRealTimers())

describe('toasts', () => {
  it('lets successes fade but keeps errors until dismissed', () => {
    const toasts = useToastStore()
    toasts.show({ kind: 'success', message: 'Photo of Zoë replaced' })
    const error = toasts.show({ kind: 'error', message: 'Connection lost', errorCode: 'net/connection-lost' })
    vi.advanceTimersByTime(60_000)
    expect(toasts.toasts.map((t) => t.message)).toEqual(['Connection lost'])
    toasts.dismiss(error)
    expect(toasts.toasts).toEqual([])
  })

  it('replaces a toast with the same key and keeps at most four', () => {
    const toasts = useToastStore()
    toasts.show({ kind: 'info', message: 'one', key: 'k' })
    toasts.show({ kind: 'info', message: 'two', key: 'k' })
    expect(toasts.toasts.map((t) => t.message)).toEqual(['two'])
    for (let i = 0; i < 5; i++) toasts.show({ kind: 'error', message: `e${i}` })
    expect(toasts.toasts.map((t) => t.message)).toEqual(['e1', 'e2', 'e3', 'e4'])
  })
})
