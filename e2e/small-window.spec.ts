/**
 * A small window (1024×700) stays fully usable: the toolbar on one row, the capability note on one
 * line and dismissable (and back from the account menu), many rows of the list, the detail panel
 * beside the list without hiding its status column or cutting names, and the editor's previews
 * inside the dialog above its buttons.
 */
import type { Locator } from '@playwright/test'
import { quadrantsJpeg } from '../main/testing/images/editor-test-images'
import { expect, test, ui } from './harness'
import { dropAndOpenEditor, jpegFile, rowFor } from './photo-support'

test.use({ portalOptions: { version: '3.7.2', people: 400 }, viewport: { width: 1024, height: 700 } })

type Box = { x: number; y: number; width: number; height: number }

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox()
  if (!b) throw new Error('not on screen')
  return b
}

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1
}

test('at 1024×700 the list, the detail panel and the editor show what the user needs', async ({ app, portal }) => {
  const page = app.page
  const me = portal.accounts.admin
  await app.signIn(me)
  await app.waitForFullList()

  // The toolbar is one row: every control's top within a few pixels of the search box's.
  const search = page.getByRole('searchbox', { name: 'Search people' })
  const toolbar = page.getByRole('search')
  const top = (await box(search)).y
  for (const control of await toolbar.locator('input:not([type=file]), select, button').all()) {
    expect(Math.abs((await box(control)).y - top), `${await control.evaluate((el) => el.outerHTML.slice(0, 80))} is on the first row`).toBeLessThan(8)
  }

  // The capability note is one line, with the full text a click away, and can be put away.
  const banner = page.getByRole('note', { name: 'What you can change' })
  expect((await box(banner)).height).toBeLessThan(52)
  await banner.getByRole('button', { name: 'Details' }).click()
  await expect(banner.getByRole('button', { name: 'Less' })).toHaveAttribute('aria-expanded', 'true')
  expect((await box(banner)).height).toBeGreaterThan(52)
  await banner.getByRole('button', { name: 'Hide this note' }).click()
  await expect(banner).toHaveCount(0)

  // Many whole rows on screen.
  const list = page.getByRole('listbox', { name: 'People' })
  const listBox = await box(list)
  let whole = 0
  for (const row of await ui.rows(page).all()) if (inside(await box(row), listBox)) whole++
  expect(whole, 'whole rows visible in the list').toBeGreaterThanOrEqual(9)

  // The detail panel beside the list: the status column (header, role chip, locks) and whole names stay.
  const row = await rowFor(page, me.email)
  await row.click()
  const detail = ui.detail(page)
  await expect(detail).toBeVisible()
  await ui.search(page).fill('')
  await expect(ui.rows(page).nth(8)).toBeVisible()
  const area = await box(list.locator('xpath=..'))
  expect(inside(await box(page.getByTestId('list-head').getByText('Status', { exact: true })), area)).toBe(true)
  const lock = page.getByTestId('row-lock').first()
  await expect(lock).toBeVisible()
  expect(inside(await box(lock), await box(list))).toBe(true)
  expect(inside(await box(ui.rows(page).filter({ hasText: me.email }).getByText('DocSpace admin')), await box(list))).toBe(true)
  const cutNames = await ui.rows(page).locator('.name').evaluateAll((names) => names.filter((n) => n.scrollWidth > n.clientWidth + 1).map((n) => n.textContent))
  expect(cutNames, 'names cut off beside the detail panel').toEqual([])
  expect(inside(await box(detail), { x: 0, y: 0, width: 1024, height: 700 })).toBe(true)

  // The capability note comes back from the account menu, with its full text.
  await page.getByTestId('account-switcher').click()
  await page.getByRole('button', { name: 'What can I change here?' }).click()
  await expect(banner).toBeVisible()
  await expect(banner).toHaveAttribute('data-expanded', 'true')

  // The editor fits: the previews and both buttons are inside the dialog, above its footer.
  const dialog = await dropAndOpenEditor(ui.rows(page).filter({ hasText: me.email }), jpegFile('portrait.jpg', await quadrantsJpeg(900, 1200)))
  const dialogBox = await box(dialog)
  expect(inside(dialogBox, { x: 0, y: 0, width: 1024, height: 700 })).toBe(true)
  const save = dialog.getByRole('button', { name: 'Save photo' })
  const footTop = (await box(save)).y
  for (const size of ['200', '82', '48', '32']) {
    const preview = dialog.locator(`[data-testid="crop-preview"][data-size="${size}"]`)
    await expect(preview).toBeVisible()
    const b = await box(preview)
    expect(inside(b, dialogBox) && b.y + b.height <= footTop, `the ${size} px preview sits above the footer`).toBe(true)
  }
  await expect(dialog.getByRole('button', { name: 'Cancel', exact: true }).last()).toBeInViewport()
})

for (const locale of ['en-US', 'de-DE']) {
  test.describe(locale, () => {
    test.use({ locale })
    test(`at 1024×700 in ${locale} the search hint and the account menu are not cut off`, async ({ app, portal }) => {
  const page = app.page
  await app.signIn(portal.accounts.admin)
  await app.waitForFullList()
  // The placeholder fits its box (measured with the input's own font).
  const fits = await ui.search(page).evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input)
    const ctx = document.createElement('canvas').getContext('2d')
    if (!ctx) return { text: Infinity, room: 0 }
    ctx.font = `${style.fontSize} ${style.fontFamily}`
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
    return { text: ctx.measureText(input.placeholder).width, room }
  })
  expect(fits.text, 'the search placeholder fits').toBeLessThanOrEqual(fits.room)
  await page.getByTestId('account-switcher').click()
  const menu = page.getByTestId('account-menu')
  for (const button of await menu.getByRole('button').all()) {
    const clipped = await button.evaluate((el) => el.scrollWidth > el.clientWidth + 1)
    expect(clipped, `${await button.textContent()} is cut off`).toBe(false)
  }
})
  })
}
