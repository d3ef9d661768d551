/**
 * `npm run i18n:missing [-- tag ...] [--json]`: what each locale lacks against English, after a
 * branch added English (and German) keys. Per locale and file (locales/<tag>/index.ts, failures.ts,
 * bulk.ts): the missing keys with their English text, as a nested snippet to translate and paste;
 * then keys English no longer has, and placeholder or plural-form mismatches. Exits 1 when any.
 */
import { existsSync } from 'node:fs'
import { LOCALES } from '../renderer/src/i18n/create-i18n'
import { LOCALE_MESSAGES } from '../renderer/src/i18n/locales'
import { checkLocale, flatten } from '../renderer/src/i18n/message-check'
import { en } from '../renderer/src/i18n/messages-en'
import { enFailures } from '../renderer/src/i18n/messages-en-failures'

const args = process.argv.slice(2)
const json = args.includes('--json')
const wanted = args.filter((a) => !a.startsWith('--'))
const locales = LOCALES.filter((l) => l !== 'en' && (wanted.length === 0 || wanted.includes(l)))
const english = flatten(en)
const failureSections = new Set(Object.keys(enFailures))

function fileOf(locale: string, key: string): string {
  const section = key.split('.')[0] ?? ''
  if (locale === 'de') return section === 'bulk' ? 'messages-bulk-de.ts' : failureSections.has(section) ? 'messages-de-failures.ts' : 'messages-de.ts'
  if (section === 'bulk') return `locales/${locale}/bulk.ts`
  if (failureSections.has(section)) return `locales/${locale}/failures.ts`
  // A section with its own file in that folder (handoff.ts, face.ts, ...) is translated there.
  return existsSync(`renderer/src/i18n/locales/${locale}/${section}.ts`) ? `locales/${locale}/${section}.ts` : `locales/${locale}/index.ts`
}

/** The missing keys as a nested object literal (English text), ready to translate. */
function snippet(keys: readonly string[], dropFirst: boolean): string {
  const tree: Record<string, unknown> = {}
  for (const key of keys) {
    const path = key.split('.').slice(dropFirst ? 1 : 0)
    let node = tree
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>
    node[path[path.length - 1] as string] = english.get(key)
  }
  const render = (value: unknown, indent: string): string =>
    typeof value === 'string'
      ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
      : `{\n${Object.entries(value as Record<string, unknown>)
          .map(([k, v]) => `${indent}  ${/^[A-Za-z_]\w*$/.test(k) ? k : `'${k}'`}: ${render(v, `${indent}  `)}`)
          .join(',\n')}\n${indent}}`
  return render(tree, '')
}

let problemCount = 0
const report: Record<string, unknown> = {}
for (const locale of locales) {
  const problems = checkLocale(en, LOCALE_MESSAGES[locale] ?? {}, locale)
  const count = problems.missing.length + problems.extra.length + problems.empty.length + problems.placeholders.length + problems.forms.length
  problemCount += count
  report[locale] = problems
  if (json || count === 0) continue
  console.log(`\n=== ${locale}: ${problems.missing.length} missing, ${problems.extra.length} extra, ${problems.placeholders.length + problems.forms.length} mismatched`)
  const byFile = new Map<string, string[]>()
  for (const key of problems.missing) byFile.set(fileOf(locale, key), [...(byFile.get(fileOf(locale, key)) ?? []), key])
  for (const [file, keys] of byFile) {
    console.log(`\n--- ${file} (${keys.length} missing; translate and merge into the same sections)`)
    console.log(snippet(keys, !/(\/index|\/failures|messages-de|messages-de-failures)\.ts$/.test(file)))
  }
  if (problems.extra.length > 0) console.log(`\nnot in English (remove): ${problems.extra.join(', ')}`)
  if (problems.empty.length > 0) console.log(`\nempty: ${problems.empty.join(', ')}`)
  for (const m of problems.placeholders) console.log(`placeholders of ${m.key}: English has {${m.expected}}, ${locale} has {${m.actual}}`)
  for (const m of problems.forms) console.log(`plural forms of ${m.key}: ${locale} needs ${m.expected}, has ${m.actual}`)
}
if (json) console.log(JSON.stringify(report, null, 2))
else if (problemCount === 0) console.log(`All ${locales.length} locales have every English key.`)
process.exitCode = problemCount === 0 ? 0 : 1
