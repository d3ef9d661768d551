import type { EventChannel, EventChannels } from '../../preload/contract'

/** Main -> renderer events. The host decides how they travel (webContents.send, server-sent events). */
export interface EventSink {
  emit<C extends EventChannel>(channel: C, payload: EventChannels[C]): void
}
