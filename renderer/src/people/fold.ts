/**
 * Case and diacritics folding for local search: "José" -> "jose", "Łukasz" -> "lukasz".
 * NFD + stripping combining marks covers most Latin letters; a few letters are not decomposable
 * (ł, ø, æ, ß, ...), so they get an explicit mapping.
 */

// Letters that NFD leaves alone. Keys are lower case: folding lower-cases first.
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ı: 'i',
  ŀ: 'l',
  ŧ: 't',
  // Greek final sigma: per-character lower-casing cannot see word ends, so fold both sigmas alike.
  ς: 'σ'
}
const SPECIAL_PATTERN = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'gu')
const COMBINING_MARKS = /\p{M}/gu
const ASCII_ONLY = /^[\x00-\x7f]*$/
/** Folded form per non-ASCII character; bounded so unusual input cannot grow it without end. */
const charCache = new Map<string, string>()
const CHAR_CACHE_LIMIT = 10_000

/**
 * Lower-cases, strips diacritics and maps non-decomposable letters, so search compares like with like.
 * Works per character with a memo: indexing 10,000 people this way is several times faster than
 * normalizing whole strings, and gives the same result for text in NFC (what portals send).
 */
export function foldText(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase()
  let out = ''
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    if (code < 0x80) out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch
    else out += foldChar(ch)
  }
  return out
}

function foldChar(ch: string): string {
  const cached = charCache.get(ch)
  if (cached !== undefined) return cached
  const folded = ch
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(SPECIAL_PATTERN, (letter) => SPECIAL_LETTERS[letter] ?? letter)
  if (charCache.size < CHAR_CACHE_LIMIT) charCache.set(ch, folded)
  return folded
}

/** Splits a search box entry into folded terms; every term must match (AND). */
export function foldQuery(query: string): string[] {
  return foldText(query)
    .split(/\s+/u)
    .filter((term) => term.length > 0)
}
