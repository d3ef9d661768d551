/**
 * en-XA, the pseudo-locale: English with accents and about 40% more length, in brackets, so a
 * layout that clips or hard-codes text shows at a glance. Generated from English, never shipped
 * as a choice in a production build (see create-i18n.ts).
 */
import type { LocaleMessages } from './message-check'

const ACCENTS: Readonly<Record<string, string>> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ĺ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', w: 'ŵ', y: 'ý', z: 'ž',
  A: 'Å', C: 'Ç', D: 'Ð', E: 'É', G: 'Ĝ', I: 'Î', L: 'Ļ', N: 'Ñ', O: 'Ö', S: 'Š', U: 'Ü', Y: 'Ý', Z: 'Ž'
}

/** One plural form: accented outside placeholders, lengthened by filler words. */
function pseudoForm(form: string): string {
  const parts = form.split(/(\{[^}]*\})/)
  let visible = 0
  const body = parts
    .map((part) => {
      if (part.startsWith('{')) return part
      visible += part.length
      return [...part].map((ch) => ACCENTS[ch] ?? ch).join('')
    })
    .join('')
  const trimmed = body.trim()
  if (trimmed === '') return form
  const extra = Math.max(2, Math.ceil(visible * 0.4))
  const filler = 'ŀőŗêɱ ïþšûɱ ðőĺőŗ šïţ áɱêţ '.repeat(Math.ceil(extra / 29) + 1).slice(0, extra).trim()
  const lead = form.match(/^\s*/)?.[0] ?? ''
  const tail = form.match(/\s*$/)?.[0] ?? ''
  return `${lead}⟦${trimmed} ${filler}⟧${tail}`
}

export function pseudoLocalize(message: string): string {
  // Keep "a | b": every | but a literal {'|'} separates plural forms.
  const PIPE = '\u0000'
  return message
    .replaceAll("{'|'}", PIPE)
    .split('|')
    .map(pseudoForm)
    .join('|')
    .replaceAll(PIPE, "{'|'}")
}

export function pseudoMessages(messages: LocaleMessages): LocaleMessages {
  const out: Record<string, string | LocaleMessages> = {}
  for (const [key, value] of Object.entries(messages)) out[key] = typeof value === 'string' ? pseudoLocalize(value) : pseudoMessages(value)
  return out
}
