// Accent- and case-insensitive text folding, like the database collation the server searches with.

const SPECIAL: Record<string, string> = {
  ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ß: 'ss', þ: 'th', Þ: 'th', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', ı: 'i'
}

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁøØæÆœŒßþÞđĐðÐı]/g, (c) => SPECIAL[c] ?? c)
    .toLowerCase()
}

/** First letter of a name reduced to A-Z (for the initials drawn on generated portraits). */
export function initialOf(name: string): string {
  const letter = fold(name).replace(/[^a-z]/g, '').slice(0, 1)
  return letter.toUpperCase()
}
