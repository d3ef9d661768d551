/**
 * The people list exports exactly what it shows: filtered to everyone without a photo in one
 * department, the CSV holds those people (name, email, department, …) in the list's order, and
 * nothing a spreadsheet would run as a formula.
 */
import { readFile } from 'node:fs/promises'
import { expect, test, ui } from './harness'

test.use({ portalOptions: { version: '3.7.2', people: 120 } })

test('Export CSV saves the filtered list, in its order', async ({ app, portal }) => {
  await app.signIn(portal.accounts.admin)
  const total = await app.waitForFullList()
  const page = app.page
  await page.getByLabel('Photo', { exact: true }).selectOption({ label: 'Without photo' })
  await page.getByLabel('Sort by').selectOption({ label: 'Email' })
  const counts = ui.counts(page)
  await expect(counts).not.toHaveAttribute('data-shown', String(total))
  const shown = Number(await counts.getAttribute('data-shown'))
  expect(shown).toBeGreaterThan(0)

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()])
  expect(download.suggestedFilename()).toMatch(/^people-127\.0\.0\.1-\d+-\d{4}-\d{2}-\d{2}\.csv$/)
  const text = (await readFile(await download.path())).toString('utf8')
  const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
  expect(lines[0]).toBe('"Name","Email","Department","Title","Groups","Status","Role","Photo"')
  expect(lines).toHaveLength(shown + 1)
  const rows = lines.slice(1).map((l) => l.slice(1, -1).split('","'))
  expect(rows.every((r) => r[7] === 'Without photo')).toBe(true)
  // The rows on screen (the virtual list renders the first ones) are the file's first rows, in order.
  const onScreen = await ui.rows(page).locator('.email').allTextContents()
  expect(onScreen.length).toBeGreaterThan(3)
  expect(rows.slice(0, onScreen.length).map((r) => r[1])).toEqual(onScreen)
})
