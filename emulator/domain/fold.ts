// Accent- and case-insensitive text folding, like the database collation the server searches with.
// Latin letters are reduced to ASCII with any-ascii (é -> e, ł -> l, ß -> ss, æ -> ae); other scripts keep
// their letters (lower-cased, marks removed), because the server's collation does not transliterate:
// searching "ivan" on a real portal does not find "Иван".
import anyAscii from 'any-ascii'

const LATIN = /\p{Script=Latin}+/gu

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(LATIN, (run) => anyAscii(run))
    .toLowerCase()
}

/** First letter of a name reduced to A-Z (for the initials drawn on generated portraits). */
export function initialOf(name: string): string {
  const letter = fold(name).replace(/[^a-z]/g, '').slice(0, 1)
  return letter.toUpperCase()
}
