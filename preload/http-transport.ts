/**
 * The browser side of the web host (main/web-host/): a Transport over HTTP for when the renderer
 * runs in a plain browser instead of an Electron window. The renderer does
 * `window.app ?? createBridge(connectWebHost(location))`.
 *
 * Wire format (shared with main/web-host/server.ts, which imports it from here):
 * - The page is opened through `GET /__open?c=CODE#host=web`: the host trades the one-time code for
 *   the per-run secret in an HttpOnly, SameSite=Strict cookie and redirects to `/`, keeping the
 *   fragment. Page scripts never see the secret; the browser sends it with same-origin calls.
 *   `#host=web` only tells the page it runs under the web host.
 * - Requests: `POST /__ipc/<channel>` (the cookie), body = msgpack `{ arg }` (a missing key means
 *   undefined). The answer is the msgpack-encoded Result. msgpack keeps Uint8Array intact both ways.
 * - Events: one EventSource on `GET /__events` (the cookie). Each message's data is base64 of
 *   msgpack `{ channel, payload }`, so events may carry binary too.
 */
import { Decoder, encode } from '@msgpack/msgpack'
import { EVENT_CHANNELS, type EventChannel, type RequestChannel, type Transport } from './contract'

export const WEB_HOST_WIRE = Object.freeze({
  ipcPath: '/__ipc/',
  eventsPath: '/__events',
  openPath: '/__open',
  /** The one-time code's query parameter on openPath. */
  codeParam: 'c',
  /** The session cookie is this plus the port. */
  cookiePrefix: 'dspm-host-',
  /** `#host=web` in the page fragment: the page runs under the web host. */
  markerParam: 'host',
  markerValue: 'web',
  contentType: 'application/msgpack'
})

export function encodeWire(value: unknown): Uint8Array<ArrayBuffer> {
  // encode() always allocates a plain (not shared) ArrayBuffer
  return encode(value, { ignoreUndefined: true }) as Uint8Array<ArrayBuffer>
}

/**
 * An answer as JSON when JSON carries it unchanged (no bytes, dates or non-finite numbers inside),
 * else as msgpack. A page of 100 people encodes several times faster as JSON (native) than as msgpack
 * (JavaScript), on both sides. decodeWire tells them apart by the first byte.
 *
 * A very long string goes as msgpack too: there it is raw UTF-8, while JSON would escape every quote
 * in it on one side and parse the escapes back on the other (measured on 20 MB of JSON text: encode
 * and decode together about 160 ms against 80 ms). Bytes, such as the cached people list, always do.
 */
const LONG_STRING = 256 * 1024

export function encodeAnswer(value: unknown): { readonly bytes: Uint8Array<ArrayBuffer>; readonly contentType: string } {
  if (!jsonSafe(value, 0)) return { bytes: encodeWire(value), contentType: WEB_HOST_WIRE.contentType }
  return { bytes: utf8.encode(JSON.stringify(value)) as Uint8Array<ArrayBuffer>, contentType: 'application/json' }
}

/** Plain objects, arrays, strings, booleans, null/undefined and finite numbers only; bounded depth. */
function jsonSafe(value: unknown, depth: number): boolean {
  if (value === null || value === undefined) return true
  switch (typeof value) {
    case 'string':
      return (value as string).length <= LONG_STRING
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(value)
    case 'object':
      if (depth > 32) return false
      if (Array.isArray(value)) {
        // undefined in an array: msgpack sends nil, JSON null; both decode as null.
        for (const item of value) if (!jsonSafe(item, depth + 1)) return false
        return true
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return false
      for (const key in value) if (!jsonSafe((value as Record<string, unknown>)[key], depth + 1)) return false
      return true
    default:
      return false
  }
}

const utf8 = new TextEncoder()
const utf8Decoder = new TextDecoder()
/** One decoder for every message: it keeps its buffers and key cache, several times faster than decode(). */
const decoder = new Decoder()
/** '{': every message is an object, and in msgpack an object never starts with this byte (0x7b is the number 123). */
const JSON_OBJECT_START = 0x7b

export function decodeWire(bytes: Uint8Array): unknown {
  if (bytes[0] === JSON_OBJECT_START) return JSON.parse(utf8Decoder.decode(bytes)) as unknown
  return decoder.decode(bytes)
}

export interface WireEvent {
  readonly channel: EventChannel
  readonly payload: unknown
}

/** One server-sent-events frame for the data line. */
export function encodeEventData(event: WireEvent): string {
  return bytesToBase64(encodeWire(event))
}

/** Undefined for anything that is not a well-formed event of a known channel. */
export function decodeEventData(data: string): WireEvent | undefined {
  try {
    const value = decodeWire(base64ToBytes(data)) as { channel?: unknown; payload?: unknown }
    const channel = EVENT_CHANNELS.find((c) => c === value?.channel)
    return channel === undefined ? undefined : { channel, payload: value.payload }
  } catch {
    return undefined
  }
}

/** The slice of the DOM's EventSource used here (Node 20 has none; tests pass their own). */
export interface EventSourceLike {
  onmessage: ((event: { readonly data: string }) => void) | null
  close(): void
}

export interface WebHostTransportDeps {
  readonly fetch?: typeof fetch
  readonly EventSource?: new (url: string) => EventSourceLike
}

/**
 * A Transport to the web host this page was served from, or undefined when the page URL has no
 * `#host=web` (then the page is not running under the web host). The cookie does the rest.
 */
export function connectWebHost(location: { readonly hash: string; readonly origin: string }, deps: WebHostTransportDeps = {}): Transport | undefined {
  if (new URLSearchParams(location.hash.replace(/^#/, '')).get(WEB_HOST_WIRE.markerParam) !== WEB_HOST_WIRE.markerValue) return undefined
  const doFetch = deps.fetch ?? globalThis.fetch.bind(globalThis)
  const EventSourceCtor = deps.EventSource ?? (globalThis as { EventSource?: new (url: string) => EventSourceLike }).EventSource
  const origin = location.origin

  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>()
  let source: EventSourceLike | undefined

  const openSource = () => {
    if (source !== undefined || EventSourceCtor === undefined) return
    // Same-origin, so the browser sends the session cookie with it.
    source = new EventSourceCtor(`${origin}${WEB_HOST_WIRE.eventsPath}`)
    source.onmessage = (message) => {
      const event = decodeEventData(message.data)
      if (event === undefined) return
      for (const listener of [...(listeners.get(event.channel) ?? [])]) listener(event.payload)
    }
  }
  const closeSourceIfUnused = () => {
    if ([...listeners.values()].some((set) => set.size > 0)) return
    source?.close()
    source = undefined
  }

  return {
    async invoke(channel: RequestChannel, arg: unknown): Promise<unknown> {
      const response = await doFetch(`${origin}${WEB_HOST_WIRE.ipcPath}${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': WEB_HOST_WIRE.contentType },
        body: requestBody(encodeWire({ arg })),
        credentials: 'same-origin',
        cache: 'no-store'
      })
      // Not a Result: createBridge turns this throw into an app/internal Result.
      if (!response.ok) throw new Error(`The web host answered ${response.status} for ${channel}.`)
      return decodeWire(new Uint8Array(await response.arrayBuffer()))
    },
    on(channel: EventChannel, listener: (payload: unknown) => void): () => void {
      const set = listeners.get(channel) ?? new Set()
      // Wrap, so subscribing the same function twice gives two independent subscriptions.
      const entry = (payload: unknown) => listener(payload)
      set.add(entry)
      listeners.set(channel, set)
      openSource()
      return () => {
        set.delete(entry)
        closeSourceIfUnused()
      }
    }
  }
}

/**
 * Large bodies (photo uploads) as a Blob: Chromium copies an ArrayBufferView body on the page's
 * thread (about 0.1 s per MB, measured), while a Blob's data goes to the network off that thread.
 * Small ones (every other call) as the bytes: there the copy is nothing, while creating the Blob
 * cost about 1 ms of the page's thread per call (277 ms while loading 10,000 people, profiled).
 */
const BLOB_BODY_MIN_BYTES = 64 * 1024

function requestBody(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> | Blob {
  return bytes.byteLength < BLOB_BODY_MIN_BYTES ? bytes : new Blob([bytes], { type: WEB_HOST_WIRE.contentType })
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  const CHUNK = 0x8000 // String.fromCharCode has an argument limit
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(binary)
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
