/**
 * Bulk import end to end, as HR staff do it: a folder's worth of photos named after real people,
 * dropped on the people list with a real drop event, the plan checked file by file, the duplicate
 * resolved, applied while the portal answers 429 and 503, then every stored picture checked by its
 * pixels, and "Undo this job" putting back the exact bytes people had before.
 *
 * DocSpace 3.5.0: the admin may change other people's photos, except the owner's and other admins'.
 */
import type { Locator, Page } from '@playwright/test'
import sharp from 'sharp'
import type { RunningPortal } from '../emulator/index'
import { decompressionBombPng } from '../main/testing/images/editor-test-images'
import { dropFiles, expect, test, type DroppedFile } from './harness'
import { decoded, meanColour, type Rgb } from './photo-support'
import { fold, listEveryone, type PortalPerson } from './portal-oracle'

test.use({ portalOptions: { version: '3.5.0', people: 120 }, viewport: { width: 1600, height: 2800 } })

type State = 'new' | 'replace' | 'unchanged' | 'unmatched' | 'ambiguous' | 'duplicate' | 'refused' | 'invalid'

interface Planned {
  readonly file: DroppedFile
  readonly state: State
  /** Who the plan must name (none for unmatched/ambiguous). */
  readonly person?: PortalPerson
  /** The rule text the row must show, where the file's pattern leaves only one rule. */
  readonly rule?: string
  /** The solid colour sent for this person (rows that will be applied). */
  readonly colour?: Rgb
}

const DEMO_ID = /^0e5a7d39-7c1f-4b4e-9d5a-0000000000/

/** Distinct, saturated colours around the hue circle. */
function palette(n: number): Rgb[] {
  return Array.from({ length: n }, (_, i) => hsl((i * 360) / n, 0.85, 0.5))
}

function hsl(h: number, s: number, l: number): Rgb {
  const k = (n: number) => (n + h / 30) % 12
  const a = s * Math.min(l, 1 - l)
  const f = (n: number) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)))))
  return [f(0), f(8), f(4)]
}

async function solidJpeg(colour: Rgb): Promise<Uint8Array> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: colour[0], g: colour[1], b: colour[2] } } }).jpeg({ quality: 95 }).toBuffer()
}

function file(name: string, bytes: Uint8Array, mimeType = 'image/jpeg'): DroppedFile {
  return { name, mimeType, bytes }
}

/** Plain single-word names only, so "First Last" and friends leave no room for a partial match. */
function simpleName(p: PortalPerson): boolean {
  return /^\p{L}+$/u.test(p.firstName) && /^\p{L}+$/u.test(p.lastName)
}

function rowOf(page: Page, name: string): Locator {
  return page.getByTestId('bulk-row').filter({ has: page.getByTestId('bulk-row-file').getByText(name, { exact: true }) })
}

function photoOf(portal: RunningPortal, id: string): Buffer | undefined {
  return portal.storedPhoto(id, 'original')
}

function near(actual: Rgb, expected: Rgb, tolerance = 24): boolean {
  return actual.every((v, i) => Math.abs(v - expected[i]!) <= tolerance)
}

test('a folder of photos named every way: planned file by file, duplicate resolved, applied through 429 and 503, checked by pixels, then undone to the exact bytes', async ({ app, portal }) => {
  test.setTimeout(300_000)
  const admin = portal.accounts.admin
  const everyone = await listEveryone(portal, admin)
  const byKey = new Map<string, PortalPerson[]>()
  for (const p of everyone) {
    const key = fold(`${p.firstName} ${p.lastName}`)
    byKey.set(key, [...(byKey.get(key) ?? []), p])
  }
  const unique = (p: PortalPerson) => byKey.get(fold(`${p.firstName} ${p.lastName}`))?.length === 1
  const editable = everyone.filter((p) => p.role === 'user' && p.status === 'active' && !DEMO_ID.test(p.id) && simpleName(p) && unique(p))
  const withPhoto = editable.filter((p) => p.hasPhoto)
  const withoutPhoto = editable.filter((p) => !p.hasPhoto)
  expect(withPhoto.length, 'seeded users with a photo').toBeGreaterThanOrEqual(12)
  expect(withoutPhoto.length, 'seeded users without a photo').toBeGreaterThanOrEqual(11)
  const sharedName = [...byKey.values()].find((group) => group.length > 1 && group.every(simpleName))
  const owner = everyone.find((p) => p.role === 'owner')
  const otherAdmin = everyone.find((p) => p.role === 'admin' && p.id !== admin.id && p.status === 'active')
  if (!owner || !otherAdmin) throw new Error('the seed has no owner or no second admin')

  const colours = palette(20)
  let nextColour = 0
  const planned: Planned[] = []
  async function send(name: string, person: PortalPerson, rule?: string): Promise<void> {
    const colour = colours[nextColour++]!
    planned.push({ file: file(name, await solidJpeg(colour)), state: person.hasPhoto ? 'replace' : 'new', person, colour, ...(rule ? { rule } : {}) })
  }
  const [r0, r1, r2, r3, r4, r5, r6, r7, r8, bad1, bad2, same] = withPhoto
  const [n0, n1, n2, n3, n4, n5, n6, n7, n8, n9, twice] = withoutPhoto
  for (const p of [r0, r1, r2, r3, r4, n0, n1, n2, n3, n4]) await send(`${p!.email}.jpg`, p!, 'matched by email')
  await send(`${r5!.firstName} ${r5!.lastName}.jpg`, r5!, 'matched by “First Last”')
  await send(`${n5!.lastName}, ${n5!.firstName}.jpg`, n5!, 'matched by “Last, First”')
  // first.last is also every seeded email's local part: either rule may decide, the person is what counts.
  await send(`${fold(r6!.firstName)}.${fold(r6!.lastName)}.jpg`, r6!)
  await send(`${fold(n6!.firstName)}.${fold(n6!.lastName)}.jpg`, n6!)
  const [local, domain] = n7!.email.split('@')
  await send(`${local}+hr@${domain}.jpg`, n7!)
  await send(`012_${fold(r7!.firstName)}-${fold(r7!.lastName)}_final (1).jpg`, r7!)
  await send(`DSC_0042 ${r8!.firstName} ${r8!.lastName} (2).jpeg`, r8!)
  await send(`${n8!.firstName}_${n8!.lastName}.jpg`, n8!)
  await send(`${n9!.email.toUpperCase()}.jpg`, n9!, 'matched by email')

  // Two files for one person: both wait for the user to keep one.
  const keptColour = colours[nextColour++]!
  const keptName = `${twice!.email}.jpg`
  const droppedName = `${twice!.firstName} ${twice!.lastName}.jpg`
  planned.push({ file: file(keptName, await solidJpeg(keptColour)), state: 'duplicate', person: twice!, colour: keptColour })
  planned.push({ file: file(droppedName, await solidJpeg([128, 128, 128])), state: 'duplicate', person: twice! })

  if (sharedName) planned.push({ file: file(`${sharedName[0]!.firstName} ${sharedName[0]!.lastName}.jpg`, await solidJpeg([20, 20, 20])), state: 'ambiguous' })
  else console.log('bulk-import spec: the seed has no two people sharing a plain name; the ambiguous row is left out')
  planned.push({ file: file('IMG_1234.jpg', await solidJpeg([200, 200, 200])), state: 'unmatched' })
  planned.push({ file: file(`${bad1!.email}.jpg`, new TextEncoder().encode('Dear HR,\nthis is not a photo.\n')), state: 'invalid', person: bad1! })
  planned.push({ file: file(`${bad2!.email}.png`, decompressionBombPng(30_000), 'image/png'), state: 'invalid', person: bad2! })
  const sameOriginal = photoOf(portal, same!.id)
  if (!sameOriginal) throw new Error(`no stored original for ${same!.email}`)
  const sameFormat = (await decoded(sameOriginal)).format
  planned.push({ file: file(`${same!.email}.${sameFormat === 'png' ? 'png' : 'jpg'}`, sameOriginal, `image/${sameFormat}`), state: 'unchanged', person: same! })
  planned.push({ file: file(`${owner.email}.jpg`, await solidJpeg([10, 200, 10])), state: 'refused', person: owner })
  planned.push({ file: file(`${otherAdmin.email}.jpg`, await solidJpeg([10, 10, 200])), state: 'refused', person: otherAdmin })
  expect(planned.length).toBeGreaterThanOrEqual(27)

  // What everyone involved has before the job.
  const involved = planned.flatMap((p) => (p.person ? [p.person] : []))
  const before = new Map(involved.map((p) => [p.id, { original: photoOf(portal, p.id), small: portal.storedPhoto(p.id, 'small') }]))

  await app.signIn(admin)
  await app.waitForFullList()
  const page = app.page

  // A real drop of many files on the people list starts a bulk job.
  await dropFiles(page.getByTestId('people-list'), planned.map((p) => p.file))
  const plan = page.getByTestId('bulk-plan')
  await expect(plan).toBeVisible()
  await expect(plan).toHaveAttribute('data-stage', 'review', { timeout: 120_000 })
  await expect(page.getByTestId('bulk-row')).toHaveCount(planned.length)

  // Every file in the state its name and bytes call for, named to the right person.
  const shown = new Map(
    (
      await page.getByTestId('bulk-row').evaluateAll((rows) =>
        rows.map((r) => ({
          file: r.querySelector('[data-testid="bulk-row-file"]')?.textContent ?? '',
          state: r.getAttribute('data-state'),
          userId: r.getAttribute('data-user-id'),
          rule: r.querySelector('[data-testid="bulk-row-rule"]')?.textContent ?? null
        }))
      )
    ).map((r) => [r.file, r])
  )
  const problems: string[] = []
  for (const p of planned) {
    const row = shown.get(p.file.name)
    if (!row) {
      problems.push(`${p.file.name}: no row`)
      continue
    }
    if (row.state !== p.state) problems.push(`${p.file.name}: ${row.state}, expected ${p.state}`)
    if (p.person && p.state !== 'duplicate' && row.userId !== p.person.id) problems.push(`${p.file.name}: person ${row.userId}, expected ${p.person.id} (${p.person.email})`)
    if (!p.person && row.userId) problems.push(`${p.file.name}: named person ${row.userId}, expected nobody`)
    if (p.rule && !row.rule?.includes(p.rule)) problems.push(`${p.file.name}: rule "${row.rule}", expected "${p.rule}"`)
  }
  for (const name of shown.keys()) if (!planned.some((p) => p.file.name === name)) problems.push(`row for a file never dropped: ${name}`)
  expect(problems, 'rows of the plan').toEqual([])
  if (sharedName) {
    const ambiguous = rowOf(page, `${sharedName[0]!.firstName} ${sharedName[0]!.lastName}.jpg`)
    await expect(ambiguous.getByTestId('bulk-row-pick')).toHaveText(new RegExp(String(sharedName.length)))
  }

  const expectedCounts = (states: readonly State[]) => {
    const out = new Map<string, number>([['all', planned.length]])
    for (const s of states) out.set(s, (out.get(s) ?? 0) + 1)
    return out
  }
  const countsNow = async () => {
    const out = new Map<string, number>()
    for (const chip of await page.getByTestId('bulk-filter').all()) out.set((await chip.getAttribute('data-filter'))!, Number(await chip.getAttribute('data-count')))
    return out
  }
  await expect.poll(countsNow).toEqual(expectedCounts(planned.map((p) => p.state)))
  const refusedBanner = page.getByTestId('bulk-refused-banner')
  await expect(refusedBanner).toHaveAttribute('data-count', '2')

  // Keep the file named by email: the other file loses its match, the kept one becomes a new photo.
  await rowOf(page, keptName).getByTestId('bulk-row-keep').click()
  await expect(rowOf(page, keptName)).toHaveAttribute('data-state', 'new')
  await expect(rowOf(page, keptName)).toHaveAttribute('data-user-id', twice!.id)
  await expect(rowOf(page, droppedName)).toHaveAttribute('data-state', 'unmatched')
  const applied = planned.filter((p) => p.colour !== undefined)
  const afterKeep = planned.map((p) => (p.file.name === keptName ? 'new' : p.file.name === droppedName ? 'unmatched' : p.state))
  await expect.poll(countsNow).toEqual(expectedCounts(afterKeep))
  const apply = page.getByTestId('bulk-apply')
  await expect(apply).toHaveAttribute('data-count', String(applied.length))

  // The portal pushes back during the run: one upload rate-limited with Retry-After, one gateway error.
  const limited = applied.find((p) => p.state === 'replace')!.person!
  const unavailable = applied.find((p) => p.state === 'new')!.person!
  portal.faults.set({
    failNext: [
      { path: `/people/${limited.id}/photo`, method: 'POST', kind: '429' },
      { path: `/people/${unavailable.id}/photo`, method: 'POST', kind: '503' }
    ]
  })
  // For the team's notes: what a new user sees before anything is sent (test-results/ is not committed).
  await page.screenshot({ path: 'test-results/bulk-plan.png' })
  await apply.click()
  const summary = page.getByTestId('bulk-summary')
  await expect(summary).toBeVisible({ timeout: 180_000 })
  expect(portal.faults.current().failNext, 'both faults were hit').toEqual([])
  await expect(summary).toHaveAttribute('data-failed', '0')
  await expect(summary).toHaveAttribute('data-ok', String(applied.length))
  for (const p of applied) await expect(rowOf(page, p.file.name), p.file.name).toHaveAttribute('data-result', 'ok')

  // Each applied person's stored 32 px photo is their colour; everyone else's is untouched.
  const wrong: string[] = []
  for (const p of applied) {
    const small = portal.storedPhoto(p.person!.id, 'small')
    if (!small) {
      wrong.push(`${p.file.name}: no small photo stored`)
      continue
    }
    const info = await decoded(small)
    const mean = await meanColour(small)
    if (info.width !== 32 || !near(mean, p.colour!)) wrong.push(`${p.file.name}: ${info.width}px rgb(${mean.join(',')}), expected rgb(${p.colour!.join(',')})`)
  }
  for (const p of planned.filter((q) => q.person && q.colour === undefined && q.person.id !== twice!.id)) {
    const was = before.get(p.person!.id)!
    const original = photoOf(portal, p.person!.id)
    const small = portal.storedPhoto(p.person!.id, 'small')
    if (!sameBytes(was.original, original) || !sameBytes(was.small, small)) wrong.push(`${p.file.name} (${p.state}): stored photo changed`)
  }
  expect(wrong, 'stored photos after apply').toEqual([])

  // Undo the job: every changed person has exactly the bytes they had, or no photo again.
  await page.screenshot({ path: 'test-results/bulk-applied.png' })
  await page.getByTestId('bulk-undo-job').click()
  await expect(summary).toHaveAttribute('data-undone', String(applied.length), { timeout: 180_000 })
  const notBack: string[] = []
  const now = new Map((await listEveryone(portal, admin)).map((p) => [p.id, p]))
  for (const p of applied) {
    const id = p.person!.id
    const was = before.get(id)!.original
    const original = photoOf(portal, id)
    if (p.person!.hasPhoto) {
      if (!sameBytes(was, original)) notBack.push(`${p.file.name}: original is not the one from before the job`)
    } else if (now.get(id)?.hasPhoto) {
      notBack.push(`${p.file.name}: has a photo again after undo, expected none`)
    }
  }
  expect(notBack, 'photos after undo').toEqual([])
  for (const p of applied) await expect(rowOf(page, p.file.name).getByTestId('bulk-row-result')).toHaveText('Put back')
})

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  return Buffer.from(a).equals(Buffer.from(b))
}
