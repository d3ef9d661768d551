/**
 * Folding for matching file names to people: lower-case ASCII, diacritics removed (ł ø æ ß đ þ too),
 * Cyrillic, Greek and other scripts transliterated with any-ascii, so "Иван Петров" and
 * "ivan_petrov.jpg" meet on "ivan petrov".
 */
import anyAscii from 'any-ascii'

const ASCII_ONLY = /^[\x00-\x7f]*$/
// Letters whose everyday ASCII spelling differs from any-ascii's (which drops the marks):
// German Müller is written Mueller, Danish/Norwegian Ø and Å as oe and aa, Greek ου as ou.
const CONVENTIONAL = /[äöüÄÖÜøØåÅ]|[οΟ][υΥύ]/u
const CONVENTIONAL_ALL = /[äöüÄÖÜøØåÅ]|[οΟ][υΥύ]/gu
const CONVENTIONAL_SPELLING: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ø: 'oe',
  å: 'aa'
}
// Apostrophes and the marks transliteration leaves for soft signs (Ol'ga) belong inside a word.
const IN_WORD_MARKS = /['`"]/g
const NOT_WORD = /[^a-z0-9]+/

/** Lower-case ASCII form of any text: "Łukasz Żółć" -> "lukasz zolc", "Иван" -> "ivan". */
export function foldKey(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase()
  // NFC first: macOS hands out file names decomposed (u + combining diaeresis).
  return anyAscii(text.normalize('NFC')).toLowerCase()
}

/**
 * The folded text, plus its conventional spelling when that differs ("Müller" -> ["muller", "mueller"]).
 * Both count as the same name, so a file written either way finds the person.
 */
export function foldVariants(text: string): string[] {
  const plain = foldKey(text)
  if (ASCII_ONLY.test(text)) return [plain]
  const nfc = text.normalize('NFC')
  if (!CONVENTIONAL.test(nfc)) return [plain]
  const conventional = foldKey(nfc.replace(CONVENTIONAL_ALL, (m) => CONVENTIONAL_SPELLING[m.toLowerCase()] ?? 'ou'))
  return conventional === plain ? [plain] : [plain, conventional]
}

/** Words of an already folded text: apostrophes joined ("o'brien" -> "obrien"), split on the rest. */
export function keyWords(folded: string): string[] {
  return folded
    .replace(IN_WORD_MARKS, '')
    .split(NOT_WORD)
    .filter((w) => w !== '')
}

/** Folded email with any +tag removed: "Anna.Berg+photo@Example.com" -> "anna.berg@example.com". */
export function emailKey(email: string): string {
  const folded = foldKey(email.trim())
  const at = folded.lastIndexOf('@')
  if (at < 0) return folded
  return `${withoutTag(folded.slice(0, at))}${folded.slice(at)}`
}

/** The part before @ of an email, folded, +tag removed. */
export function emailLocalKey(email: string): string {
  const key = emailKey(email)
  const at = key.lastIndexOf('@')
  return at < 0 ? key : key.slice(0, at)
}

/** "anna.berg+photo" -> "anna.berg"; a leading + is not a tag. */
export function withoutTag(local: string): string {
  const plus = local.indexOf('+')
  return plus > 0 ? local.slice(0, plus) : local
}
