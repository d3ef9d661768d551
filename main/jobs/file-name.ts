/**
 * What a photo's file name says about whose photo it is: an email, a user id, a login, or a name
 * written some way ("Berg, Anna", "anna.berg", "012_anna-berg_final (1)"). Camera and studio noise
 * (IMG_1234, _final, (1), v2, dates, numbering) is not part of anyone's name.
 */
import { emailKey, foldKey, foldVariants, withoutTag } from './name-key'

/** What stood between two words of a file name. */
export type Separator = ' ' | '.' | '_' | '-' | ','

export type NameLevel = 0 | 1 | 2

export interface NameCandidate {
  /** Folded words, each at least one letter or digit. */
  readonly words: readonly string[]
  /** separators[i] stood between words[i] and words[i + 1]. */
  readonly separators: readonly Separator[]
  /**
   * 0: as written (numbers dropped); 1: also studio and camera words at the end and single letters;
   * 2: studio words at the start too ("Edit Kovacs - final" keeps Edit at level 1).
   */
  readonly level: NameLevel
}

export interface FileNameKeys {
  /** The file name without folder and extension, as given. */
  readonly stem: string
  /** Emails in the name, folded, +tag removed; the most literal first. */
  readonly emails: readonly string[]
  /** A GUID in the name (a DocSpace user id), lower case with dashes. */
  readonly userId?: string
  /** Whole-name logins to try as an email's local part or a user name, the most literal first. */
  readonly handles: readonly string[]
  /** Word sequences for the name rules, the most literal first. */
  readonly names: readonly NameCandidate[]
}

const IMAGE_EXTENSION = /\.(jpe?g|jpe|jfif|png|gif|webp|heic|heif|avif|tiff?|bmp|jxl|dng|raw|cr2|nef|arw|psd|svg)$/i
const EMAIL = /[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/
const GUID_BARE = /(?:^|[^0-9a-f])([0-9a-f]{32})(?:$|[^0-9a-f])/
const EMAIL_ALL = new RegExp(EMAIL.source, 'g')
const GUID_ALL = new RegExp(GUID.source, 'g')
const GUID_BARE_ALL = new RegExp(GUID_BARE.source, 'g')
const TOKEN = /[a-z0-9]+/g
const HAS_DIGIT = /[0-9]/
const HAS_LETTER = /[a-z]/
const LOGIN = /^[a-z0-9._%+-]+$/
const IN_WORD_MARKS = /['`"]/g
const NAME_LEVELS: readonly NameLevel[] = [0, 1, 2]
/** Camera and phone names: IMG_1234, DSC_0042, DSCN0042, PXL_20240101_..., P1010001, IMG-20240101-WA0001. */
const CAMERA_STEM = /^(?:img|dsc[nf]?|dcim|pxl|mvimg|vid|image|photo|foto|scan|screenshot|bildschirmfoto|p)[-_ ]?\d/
/** Words studios, cameras and copy commands add around a name. Only stripped at the ends: "Edit" is a first name. */
const NOISE = new Set([
  'final', 'finale', 'edit', 'edited', 'retouched', 'retouch', 'retusche', 'retuschiert', 'copy', 'kopie', 'copie',
  'crop', 'cropped', 'web', 'print', 'hires', 'lores', 'hq', 'orig', 'original', 'new', 'neu', 'headshot', 'portrait',
  'portraet', 'photo', 'foto', 'bild', 'pic', 'picture', 'profile', 'profil', 'avatar', 'userpic', 'img', 'image',
  'dsc', 'dscn', 'dscf', 'pxl', 'mvimg', 'screenshot', 'scan', 'bw', 'sw', 'color', 'colour', 'small', 'large',
  'thumb', 'thumbnail', 'square', 'passport'
])
const COPY_OF = new Set(['copy of', 'kopie von', 'copie de'])
// Trailing " (1)", "_final", "-v2", " copy", "_2024-01-01" and the like, one at a time from the end.
const HANDLE_SUFFIX = /(?:\s*\(\d+\)|[-_ .](?:v?\d+|final|edit|edited|retouched|copy|kopie|crop|cropped|web|hq))$/
const HANDLE_PREFIX = /^\d+\s*[-_ .]\s*/

/** Splits a dropped file's path ('/' or '\' separated) into what the matcher looks up. */
export function fileNameKeys(path: string): FileNameKeys {
  const base = path.split(/[/\\]/).pop() ?? ''
  let stem = base
  while (IMAGE_EXTENSION.test(stem)) stem = stem.replace(IMAGE_EXTENSION, '')
  stem = stem.trim()
  const folded = foldKey(stem)
  const emails = findEmails(folded)
  const userId = findGuid(folded)
  const names: NameCandidate[] = []
  for (const level of NAME_LEVELS) {
    for (const variant of foldVariants(stem)) addCandidate(names, nameCandidate(withoutIds(variant), level))
  }
  return {
    stem,
    emails,
    ...(userId !== undefined ? { userId } : {}),
    handles: findHandles(withoutIds(folded)),
    names
  }
}

/** An email stands for its local part ("anna.berg@old.example" may still name Anna Berg); a GUID for nothing. */
function withoutIds(folded: string): string {
  return folded
    .replace(EMAIL_ALL, (m) => ` ${withoutTag(m.slice(0, m.lastIndexOf('@')))} `)
    .replace(GUID_ALL, ' ')
    .replace(GUID_BARE_ALL, (m, bare: string) => m.replace(bare, ' '))
}

function findEmails(folded: string): string[] {
  const found = EMAIL.exec(folded)
  if (!found) return []
  const email = emailKey(found[0])
  // "012_anna@example.com": a numbering prefix glued to the address.
  const unprefixed = email.replace(HANDLE_PREFIX, '')
  return unprefixed !== email && unprefixed.indexOf('@') > 0 ? [email, unprefixed] : [email]
}

function findGuid(folded: string): string | undefined {
  const dashed = GUID.exec(folded)
  if (dashed) return dashed[0]
  const bare = GUID_BARE.exec(folded)?.[1]
  if (bare === undefined) return undefined
  return `${bare.slice(0, 8)}-${bare.slice(8, 12)}-${bare.slice(12, 16)}-${bare.slice(16, 20)}-${bare.slice(20)}`
}

function findHandles(folded: string): string[] {
  if (CAMERA_STEM.test(folded)) return []
  const out: string[] = []
  const add = (h: string): void => {
    const handle = withoutTag(h.trim())
    // Two letters are initials, not a login: "ab.jpg" must not find Anna Berg's ab@. Numbers alone are a camera's.
    if (handle.length >= 3 && LOGIN.test(handle) && HAS_LETTER.test(handle) && !NOISE.has(handle) && !out.includes(handle)) out.push(handle)
  }
  add(folded)
  let stripped = folded.replace(HANDLE_PREFIX, '')
  for (let prev = ''; prev !== stripped; ) {
    prev = stripped
    stripped = stripped.replace(HANDLE_SUFFIX, '').trim()
  }
  add(stripped)
  return out
}

interface Token {
  readonly word: string
  /** What stood before this word (empty for the first). */
  readonly before: Separator
}

function nameCandidate(folded: string, level: NameLevel): NameCandidate {
  const text = folded.replace(IN_WORD_MARKS, '')
  let tokens: Token[] = []
  let last = 0
  for (const m of text.matchAll(TOKEN)) {
    tokens.push({ word: m[0], before: separatorOf(text.slice(last, m.index)) })
    last = m.index + m[0].length
  }
  tokens = dropTokens(tokens, (t) => HAS_DIGIT.test(t.word))
  if (level > 0) tokens = stripNoise(tokens, level === 2)
  return { words: tokens.map((t) => t.word), separators: tokens.slice(1).map((t) => t.before), level }
}

function separatorOf(between: string): Separator {
  if (between.includes(',')) return ','
  const first = between.trim()[0]
  return first === '.' || first === '_' || first === '-' ? first : ' '
}

/** Removes tokens; the neighbours keep the stronger of the two separators around a removed one. */
function dropTokens(tokens: readonly Token[], drop: (t: Token, i: number) => boolean): Token[] {
  const out: Token[] = []
  let pending: Separator | undefined
  tokens.forEach((t, i) => {
    if (drop(t, i)) {
      if (out.length > 0) pending = pending === ',' || t.before === ',' ? ',' : (pending ?? t.before)
      return
    }
    const before = pending === undefined ? t.before : pending === ',' || t.before === ',' ? ',' : pending
    out.push({ word: t.word, before: out.length === 0 ? ' ' : before })
    pending = undefined
  })
  return out
}

function stripNoise(tokens: readonly Token[], atStart: boolean): Token[] {
  let start = 0
  let end = tokens.length
  for (let moved = true; moved && start < end; ) {
    moved = false
    if (start < end && NOISE.has(tokens[end - 1]?.word ?? '')) {
      end -= 1
      moved = true
    }
    if (!atStart) continue
    const first = tokens[start]?.word ?? ''
    const pair = `${first} ${tokens[start + 1]?.word ?? ''}`
    if (COPY_OF.has(pair)) {
      start += 2
      moved = true
    } else if (NOISE.has(first)) {
      start += 1
      moved = true
    }
  }
  return dropTokens(tokens, (t, i) => i < start || i >= end || t.word.length < 2)
}

function addCandidate(list: NameCandidate[], candidate: NameCandidate): void {
  if (candidate.words.length === 0) return
  const key = `${candidate.words.join(' ')}|${candidate.separators.join('')}`
  if (list.some((c) => `${c.words.join(' ')}|${c.separators.join('')}` === key)) return
  list.push(candidate)
}
