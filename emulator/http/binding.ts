// ASP.NET Core model binding as the server applies it (CONTRACT.md §0.1): case-insensitive keys in query,
// form and JSON; numbers accepted as JSON strings; validation failures as ValidationFailure (400 envelope).

import { BodylessStatus, ValidationFailure } from './envelope'

/** Query-string keys looked up case-insensitively, first value wins for scalars. */
export class CiQuery {
  private readonly values = new Map<string, string[]>()

  constructor(rawUrl: string) {
    const q = rawUrl.indexOf('?')
    const params = new URLSearchParams(q >= 0 ? rawUrl.slice(q + 1) : '')
    for (const [key, value] of params) {
      const k = key.toLowerCase()
      const list = this.values.get(k)
      if (list) list.push(value)
      else this.values.set(k, [value])
    }
  }

  get(name: string): string | undefined {
    return this.values.get(name.toLowerCase())?.[0]
  }

  all(name: string): string[] {
    return this.values.get(name.toLowerCase()) ?? []
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase())
  }
}

/** Integer query parameter; a non-integer gives the MVC "is not valid" validation error. */
export function queryInt(query: CiQuery, name: string, label = name): number | undefined {
  const raw = query.get(name)
  if (raw === undefined || raw === '') return undefined
  if (!/^\s*[-+]?\d+\s*$/.test(raw)) throw new ValidationFailure({ [name]: [`The value '${raw}' is not valid for ${label}.`] })
  return Number.parseInt(raw, 10)
}

/** bool.Parse: "true"/"false", case-insensitive, surrounding whitespace allowed. */
export function dotnetBoolParse(raw: string): boolean | undefined {
  const v = raw.trim().toLowerCase()
  if (v === 'true') return true
  if (v === 'false') return false
  return undefined
}

/** A parsed JSON body object whose top-level keys are matched case-insensitively. */
export class CiBody {
  private readonly map = new Map<string, unknown>()

  constructor(readonly raw: unknown) {
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [k, v] of Object.entries(raw)) {
        const key = k.toLowerCase()
        if (!this.map.has(key)) this.map.set(key, v)
      }
    }
  }

  get(name: string): unknown {
    return this.map.get(name.toLowerCase())
  }

  string(name: string): string | undefined {
    const v = this.get(name)
    if (v === undefined || v === null) return undefined
    if (typeof v === 'string') return v
    throw new ValidationFailure({ [`$.${name}`]: [`The JSON value could not be converted to System.String. Path: $.${name}`] })
  }

  bool(name: string): boolean | undefined {
    const v = this.get(name)
    if (v === undefined || v === null) return undefined
    if (typeof v === 'boolean') return v
    throw new ValidationFailure({ [`$.${name}`]: [`The JSON value could not be converted to System.Boolean. Path: $.${name}`] })
  }

  /** int or uint, from a JSON number or a numeric string (NumberHandling = AllowReadingFromString). */
  int(name: string, options: { unsigned?: boolean } = {}): number | undefined {
    const v = this.get(name)
    if (v === undefined || v === null) return undefined
    const typeName = options.unsigned ? 'System.UInt32' : 'System.Int32'
    const fail = (): never => {
      throw new ValidationFailure({ [`$.${name}`]: [`The JSON value could not be converted to ${typeName}. Path: $.${name}`] })
    }
    let n: number
    if (typeof v === 'number') n = v
    else if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) n = Number.parseInt(v, 10)
    else return fail()
    if (!Number.isInteger(n)) return fail()
    if (options.unsigned ? n < 0 || n > 0xffffffff : n < -0x80000000 || n > 0x7fffffff) return fail()
    return n
  }
}

function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false
  const mime = (contentType.split(';')[0] ?? '').trim().toLowerCase()
  return mime === 'application/json' || mime === 'text/json' || mime.endsWith('+json')
}

/**
 * Binds a [FromBody] JSON parameter: 415 (no body) for a non-JSON content type, a 400 envelope for an empty
 * or malformed body.
 */
export function bindJsonBody(contentType: string | undefined, body: unknown): CiBody {
  if (!isJsonContentType(contentType)) throw new BodylessStatus(415)
  const buffer = Buffer.isBuffer(body) ? body : Buffer.alloc(0)
  const text = buffer.toString('utf8')
  if (text.trim() === '') throw new ValidationFailure({ '': ['A non-empty request body is required.'] })
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    throw new ValidationFailure({ $: [`'${text.trim().slice(0, 1)}' is an invalid JSON value. Path: $ | ${(e as Error).message}`] })
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ValidationFailure({ $: ['The JSON value could not be converted to the request type. Path: $'] })
  }
  return new CiBody(parsed)
}

/** Guid.TryParse for the formats DocSpace clients use (D, N, B, P); returns the lower-case "D" form. */
export function parseGuid(text: string): string | undefined {
  let t = text.trim()
  if ((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('(') && t.endsWith(')'))) t = t.slice(1, -1)
  if (/^[0-9a-f]{32}$/i.test(t)) t = `${t.slice(0, 8)}-${t.slice(8, 12)}-${t.slice(12, 16)}-${t.slice(16, 20)}-${t.slice(20)}`
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(t)) return undefined
  return t.toLowerCase()
}
