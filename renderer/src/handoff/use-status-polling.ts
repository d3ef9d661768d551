/**
 * While the people list is open, HR's hand-over statuses are checked on the portal now and then:
 * every minute and when the window regains focus, but never more often than once a minute, only
 * while the window is visible, and only when some hand-over is still open (waiting or declined).
 * Each check reads every open person once (main bounds its concurrency), so a minute keeps it light.
 */
import { onBeforeUnmount, onMounted } from 'vue'
import { useHandoffStore } from './handoff-store'

export const STATUS_POLL_MS = 60_000

export function useStatusPolling(intervalMs = STATUS_POLL_MS): void {
  const handoff = useHandoffStore()
  // The list was just read; the first check comes a full interval later.
  let last = Date.now()
  let timer: ReturnType<typeof setInterval> | null = null

  function check(): void {
    const now = Date.now()
    if (now - last < intervalMs || document.visibilityState === 'hidden' || handoff.checking) return
    if (![...handoff.byUser.values()].some((h) => h.state === 'waiting' || h.state === 'declined')) return
    last = now
    void handoff.refresh()
  }

  onMounted(() => {
    last = Date.now()
    timer = setInterval(check, intervalMs)
    window.addEventListener('focus', check)
  })
  onBeforeUnmount(() => {
    if (timer !== null) clearInterval(timer)
    window.removeEventListener('focus', check)
  })
}
