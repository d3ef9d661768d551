/**
 * The people view at HR scale: a portal of 2,100 people loads completely, and search, filters,
 * counts and sorting agree with what the portal itself holds (read over its REST API).
 */
import type { Locator, Page } from '@playwright/test'
import type { RunningPortal } from '../emulator/index'
import { expect, test, ui, type AppHarness } from './harness'
import { fold, listEveryone, matchesSearch, type PortalPerson } from './portal-oracle'

const PEOPLE = 2100

test.use({ portalOptions: { people: PEOPLE } })

/** Signs in as the portal's admin, waits for the whole list, and returns the portal's own view of everyone. */
async function loadEveryone(app: AppHarness, portal: RunningPortal): Promise<PortalPerson[]> {
  const [everyone] = await Promise.all([listEveryone(portal, portal.accounts.admin), app.signIn(portal.accounts.admin)])
  const total = await app.waitForFullList()
  expect(total).toBe(everyone.length)
  return everyone
}

async function expectCounts(page: Page, expected: readonly PortalPerson[]): Promise<void> {
  const counts = ui.counts(page)
  await expect(counts).toHaveAttribute('data-shown', String(expected.length))
  await expect(counts).toHaveAttribute('data-without-photo', String(expected.filter((p) => !p.hasPhoto).length))
}

/** The text of the rows on screen (the list is virtualized: only those exist). */
async function visibleRowTexts(page: Page): Promise<string[]> {
  return ui.rows(page).allInnerTexts()
}

function rowEmail(row: Locator): Locator {
  return row.locator('.email')
}

test('loads all 2,100 people and says how many have no photo', async ({ app, portal }) => {
  const everyone = await loadEveryone(app, portal)
  expect(everyone.length).toBeGreaterThanOrEqual(2000)
  const page = app.page
  const withoutPhoto = everyone.filter((p) => !p.hasPhoto).length

  await expect(ui.counts(page)).toHaveAttribute('data-total', String(everyone.length))
  await expectCounts(page, everyone)
  // What the user reads: "2,100 people · 840 without a photo".
  await expect(ui.counts(page)).toContainText(`${everyone.length.toLocaleString('en-US')} people`)
  await expect(ui.counts(page)).toContainText(`${everyone.length.toLocaleString('en-US')} people · ${withoutPhoto.toLocaleString('en-US')} without a photo`)
  await expect(page.getByTestId('load-progress')).toHaveCount(0)
  // Virtualized: a screenful of rows, not 2,100 elements.
  expect(await ui.rows(page).count()).toBeLessThan(60)
})

test('search folds case and diacritics and looks in name, email, title and department', async ({ app, portal }) => {
  const everyone = await loadEveryone(app, portal)
  const page = app.page
  const search = ui.search(page)

  // "jose" finds José.
  const jose = everyone.filter((p) => matchesSearch(p, 'jose'))
  expect(jose.length).toBeGreaterThan(0)
  await search.fill('jose')
  await expectCounts(page, jose)
  await expect(ui.counts(page)).toContainText(`${jose.length} of ${everyone.length.toLocaleString('en-US')} people`)
  await expect(ui.rows(page).first()).toContainText('José')
  for (const text of await visibleRowTexts(page)) expect(fold(text)).toContain('jose')

  // Typed with the accent and in capitals: the same people.
  await search.fill('JOSÉ')
  await expectCounts(page, jose)

  // Two terms must both match.
  const joseGarcia = everyone.filter((p) => matchesSearch(p, 'jose garcia'))
  await search.fill('jose garcia')
  await expectCounts(page, joseGarcia)

  // A fragment of an email address.
  await search.fill('owner@demo')
  await expectCounts(page, everyone.filter((p) => matchesSearch(p, 'owner@demo')))
  await expect(ui.rows(page)).toHaveCount(1)
  await expect(rowEmail(ui.rows(page).first())).toHaveText(portal.accounts.owner.email)

  // A department (the portal sends it HTML-encoded: "Research &amp; Development").
  const research = everyone.filter((p) => matchesSearch(p, 'research'))
  expect(research.length).toBeGreaterThan(0)
  await search.fill('research')
  await expectCounts(page, research)
  await expect(ui.rows(page).first()).toContainText('Research & Development')

  // Nothing matches: a message, not an empty box.
  await search.fill('zzzz-nobody')
  await expect(ui.counts(page)).toHaveAttribute('data-shown', '0')
  await expect(page.getByTestId('empty')).toBeVisible()

  await search.fill('')
  await expectCounts(page, everyone)
})

test('filters by status, role, group and photo change the counts as the portal data says', async ({ app, portal }) => {
  const everyone = await loadEveryone(app, portal)
  const page = app.page
  const status = page.getByRole('combobox', { name: 'Status', exact: true })
  const role = page.getByRole('combobox', { name: 'Role', exact: true })
  const group = page.getByRole('combobox', { name: 'Group', exact: true })
  const photo = page.getByRole('combobox', { name: 'Photo', exact: true })

  const disabled = everyone.filter((p) => p.status === 'disabled')
  expect(disabled.length).toBeGreaterThan(0)
  await status.selectOption('disabled')
  await expectCounts(page, disabled)
  for (const text of await visibleRowTexts(page)) expect(text).toContain('Disabled')

  const pending = everyone.filter((p) => p.status === 'pending')
  await status.selectOption('pending')
  await expectCounts(page, pending)
  await status.selectOption('')

  const guests = everyone.filter((p) => p.role === 'guest')
  expect(guests.length).toBeGreaterThan(0)
  await role.selectOption('guest')
  await expectCounts(page, guests)

  // Guests belong to no group on this portal: combined with a group, nobody is left.
  const financeId = everyone.flatMap((p) => p.groups).find((g) => g.name === 'Finance')?.id
  expect(financeId).toBeDefined()
  await group.selectOption({ label: 'Finance' })
  await expectCounts(page, everyone.filter((p) => p.role === 'guest' && p.groups.some((g) => g.id === financeId)))
  await role.selectOption('')
  const finance = everyone.filter((p) => p.groups.some((g) => g.id === financeId))
  expect(finance.length).toBeGreaterThan(0)
  await expectCounts(page, finance)
  await group.selectOption('')

  const withoutPhoto = everyone.filter((p) => !p.hasPhoto)
  await photo.selectOption('without-photo')
  await expectCounts(page, withoutPhoto)
  await expect(ui.counts(page)).toHaveAttribute('data-without-photo', String(withoutPhoto.length))
  for (const row of await ui.rows(page).all()) await expect(row).toHaveAttribute('data-has-photo', 'false')

  await photo.selectOption('with-photo')
  await expectCounts(page, everyone.filter((p) => p.hasPhoto))
  await expect(ui.counts(page)).toHaveAttribute('data-without-photo', '0')

  // Several filters at once: active admins with a photo.
  await status.selectOption('active')
  await role.selectOption('admin')
  await expectCounts(page, everyone.filter((p) => p.status === 'active' && p.role === 'admin' && p.hasPhoto))

  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expectCounts(page, everyone)
})

test('sorts by name, and by email in both directions', async ({ app, portal }) => {
  const everyone = await loadEveryone(app, portal)
  const page = app.page
  const firstRow = () => ui.rows(page).first()

  const byName = [...everyone].sort((a, b) => compare(fold(a.displayName), fold(b.displayName)))
  const firstName = byName[0]
  if (!firstName) throw new Error('no people')
  await expect(firstRow().locator('.name')).toContainText(firstName.displayName)

  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('email')
  const emails = everyone.map((p) => p.email).sort(compare)
  await expect(rowEmail(firstRow())).toHaveText(emails[0] ?? '')
  await expect(rowEmail(ui.rows(page).nth(1))).toHaveText(emails[1] ?? '')

  await page.getByRole('button', { name: /^Sort direction/ }).click()
  await expect(page.getByRole('button', { name: /^Sort direction/ })).toHaveAttribute('data-direction', 'desc')
  await expect(rowEmail(firstRow())).toHaveText(emails[emails.length - 1] ?? '')

  // Sorting keeps the search: the best-sorted match comes first.
  const jose = everyone.filter((p) => matchesSearch(p, 'jose')).map((p) => p.email).sort(compare)
  await ui.search(page).fill('jose')
  await expect(rowEmail(firstRow())).toHaveText(jose[jose.length - 1] ?? '')
})

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
