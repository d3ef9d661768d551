/**
 * `npm run sample-photos -- DIR`: a folder of about 30 photos named after the demo portal's people,
 * every way the import matches (email, "First Last", "Last, First", camera noise, a CSV mapping) and
 * every trap (a duplicate, an unknown name, a text file renamed .jpg, a decompression bomb, the
 * owner's photo, which an admin may not change). Drop the folder on the people list of `npm run demo`
 * (signed in as admin@demo.example) to try the bulk import. The demo's people are seeded the same way
 * every time, so this reads them from a throw-away copy of the same portal; nothing else is touched.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import sharp from 'sharp'
import { startPortal } from '../emulator/index'
import { listEveryone, type PortalPerson } from '../e2e/portal-oracle'
import { decompressionBombPng } from '../main/testing/images/editor-test-images'

const { values: opts, positionals } = parseArgs({ allowPositionals: true, options: { people: { type: 'string', default: '400' }, version: { type: 'string', default: '3.5.0' } } })
const target = positionals[0]
if (!target) {
  console.error('Usage: npm run sample-photos -- DIR   (the folder is created; files in it are overwritten)')
  process.exit(2)
}
const dir = resolve(target)

const portrait = (hue: number): Promise<Buffer> => {
  const [r, g, b] = [Math.round(128 + 100 * Math.cos(hue)), Math.round(128 + 100 * Math.cos(hue + 2.1)), Math.round(128 + 100 * Math.cos(hue + 4.2))]
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="1200"><rect width="900" height="1200" fill="rgb(${r},${g},${b})"/><ellipse cx="450" cy="520" rx="230" ry="290" fill="rgb(${255 - r},${255 - g},${255 - b})"/><rect x="170" y="880" width="560" height="320" rx="160" fill="rgb(${(r + 90) % 256},${(g + 90) % 256},${(b + 90) % 256})"/></svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer()
}

async function main(): Promise<void> {
  const portal = await startPortal({ version: opts.version, people: Number(opts.people), quiet: true })
  let people: PortalPerson[]
  try {
    people = await listEveryone(portal, portal.accounts.admin)
  } finally {
    await portal.close()
  }
  const fullName = (p: PortalPerson) => `${p.firstName} ${p.lastName}`
  const count = new Map<string, number>()
  for (const p of people) count.set(fullName(p).toLowerCase(), (count.get(fullName(p).toLowerCase()) ?? 0) + 1)
  const usable = people.filter((p) => p.role === 'user' && p.status === 'active' && count.get(fullName(p).toLowerCase()) === 1 && !p.email.startsWith('user@'))
  const pick = (n: number, withPhoto: boolean) => usable.filter((p) => p.hasPhoto === withPhoto).slice(0, n)
  const replacing = pick(9, true)
  const adding = pick(11, false)
  const chosen = [...replacing, ...adding]
  if (chosen.length < 20) throw new Error('the demo portal has too few people for a sample; try --people 400')

  await mkdir(dir, { recursive: true })
  const names: string[] = []
  const put = async (name: string, bytes: Buffer | string) => {
    await writeFile(join(dir, name), bytes)
    names.push(name)
  }
  const styles = [
    (p: PortalPerson) => `${p.email}.jpg`,
    (p: PortalPerson) => `${fullName(p)}.jpg`,
    (p: PortalPerson) => `${p.lastName}, ${p.firstName}.jpeg`,
    (p: PortalPerson) => `012_${p.firstName.toLowerCase()}-${p.lastName.toLowerCase()}_final (1).jpg`,
    (p: PortalPerson) => `${p.email.replace('@', '+studio@')}.jpg`
  ]
  for (const [i, p] of chosen.entries()) await put((styles[i % styles.length] as (p: PortalPerson) => string)(p), await portrait(i * 0.7))
  const twice = chosen[1] as PortalPerson
  await put(`${twice.email}.jpg`.replace('.jpg', '.JPG'), await portrait(9.9)) // a second file for one person
  await put('IMG_1234.jpg', await portrait(3.3)) // no one by that name
  await put('studio-0042.jpg', await portrait(5.1)) // matched through the CSV below
  const mapped = usable.find((p) => !chosen.includes(p)) as PortalPerson
  await put('mapping.csv', `file,email\nstudio-0042.jpg,${mapped.email}\n`)
  await put(`${fullName(adding[0] as PortalPerson)} notes.jpg`, 'These are notes, not a photo.\n') // text renamed .jpg
  await put('huge-scan.png', decompressionBombPng(30000)) // 900 megapixels: refused before decoding
  await put(`${portal.accounts.owner.email}.jpg`, await portrait(1.9)) // an admin may not change the owner's photo
  console.log(`${names.length} files in ${dir}:\n  ${names.join('\n  ')}`)
  console.log('\nRun `npm run demo`, sign in as admin@demo.example / demo-admin, and drop the folder on the people list.')
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
