/**
 * Logging for main: keys and ids only (ARCHITECTURE.md §7.8). Fields are plain scalars so nothing
 * structured (a request's options, headers) can slip into a log line by accident.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>

export interface Logger {
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

/** Routes under /authentication/ that are words, not a two-factor code (CONTRACT.md §4.1: the code is a path segment). */
const AUTH_ROUTE_WORDS = new Set(['logout', 'sendsms', 'setphone', 'confirm', 'register', 'status'])

/** Masks things that look like secrets: API keys, Authorization values, token/password fields, two-factor codes in a path. */
export function scrub(text: string): string {
  return text
    .replace(/(\/authentication\/)([^/\s?#"',;}]+)/gi, (all, head: string, segment: string) => (AUTH_ROUTE_WORDS.has(segment.toLowerCase()) ? all : `${head}***`))
    .replace(/sk-[0-9a-zA-Z]{8,}/g, 'sk-***')
    .replace(/(authorization["']?\s*[:=]\s*["']?)(bearer\s+)?[^\s"',}]+/gi, '$1***')
    .replace(/((?:token|password|apiKey|api_key|passwordHash)["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1***')
}

/** Writes one line per event to the console, scrubbed. */
export function createConsoleLogger(prefix = '[main]'): Logger {
  const line = (message: string, fields?: LogFields): string => {
    const parts = fields ? Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${String(v)}`) : []
    return scrub([prefix, message, ...parts].join(' '))
  }
  return {
    info: (m, f) => console.info(line(m, f)),
    warn: (m, f) => console.warn(line(m, f)),
    error: (m, f) => console.error(line(m, f))
  }
}

/** For tests and callers that want silence. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
