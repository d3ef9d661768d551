/**
 * A minimal EventSource for Node (Node 20 has none), for tests and scripts that listen to the web
 * host's events the way a browser would. Supports what the web host sends: `data:` lines,
 * comments and `retry:`; no reconnection. Node's fetch keeps no cookies, so the caller passes the
 * Cookie header a browser would send.
 */
import type { EventSourceLike } from '../../preload/http-transport'

export class NodeEventSource implements EventSourceLike {
  onmessage: ((event: { readonly data: string }) => void) | null = null
  /** Resolves with the HTTP status once the response headers arrive. */
  readonly opened: Promise<number>
  private readonly abort = new AbortController()

  constructor(url: string, init: { readonly cookie?: string } = {}) {
    this.opened = this.run(url, init.cookie)
    this.opened.catch(() => {}) // a refused or closed stream is not an unhandled rejection
  }

  close(): void {
    this.abort.abort()
  }

  private async run(url: string, cookie: string | undefined): Promise<number> {
    const headers: Record<string, string> = { accept: 'text/event-stream', ...(cookie !== undefined ? { cookie } : {}) }
    const response = await fetch(url, { headers, signal: this.abort.signal })
    if (response.ok && response.body) void this.read(response.body)
    return response.status
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder()
    let buffer = ''
    const reader = body.getReader()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        buffer += decoder.decode(value, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).replace(/^ /, ''))
          if (data.length > 0) this.onmessage?.({ data: data.join('\n') })
        }
      }
    } catch {
      // aborted by close() or the host went away
    }
  }
}
