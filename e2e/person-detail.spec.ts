/**
 * The detail panel and keyboard use of the list: six stored sizes with the real pixel dimensions the
 * portal holds (decoded here from the emulator's stored bytes), and the list driven without a mouse.
 */
import sharp from 'sharp'
import type { PhotoSize } from '../emulator/index'
import { expect, test, ui } from './harness'

const SIZES: readonly PhotoSize[] = ['original', 'retina', 'max', 'big', 'medium', 'small']

test('the detail panel shows all six sizes with their real pixel dimensions', async ({ app, portal }) => {
  const admin = portal.accounts.admin
  await app.signIn(admin)
  const detail = await app.openPerson(admin.email)
  await expect(detail).toHaveAttribute('data-person-id', admin.id)
  await expect(detail.getByTestId('detail-name')).toHaveText(admin.displayName)

  const tiles = detail.getByTestId('size-tile')
  await expect(tiles).toHaveCount(6)
  await expect(detail.getByTestId('detail-default-note')).toHaveCount(0)
  for (const size of SIZES) {
    const stored = portal.storedPhoto(admin.id, size)
    if (!stored) throw new Error(`the portal has no ${size} photo of the admin`)
    const { width, height } = await sharp(stored).metadata()
    const tile = detail.locator(`[data-testid="size-tile"][data-size="${size}"]`)
    await expect(tile).toHaveAttribute('data-width', String(width))
    await expect(tile).toHaveAttribute('data-height', String(height))
    await expect(tile.getByTestId('size-dimensions')).toHaveText(`${width} × ${height} px`)
  }
  // The portal's fixed sizes (CONTRACT.md §3.1), as the user reads them.
  await expect(detail.locator('[data-size="retina"]').getByTestId('size-dimensions')).toHaveText('360 × 360 px')
  await expect(detail.locator('[data-size="small"]').getByTestId('size-dimensions')).toHaveText('32 × 32 px')
})

test('a person without a photo shows the portal default and says so', async ({ app, portal }) => {
  const roomAdmin = portal.accounts.roomAdmin
  expect(portal.storedPhoto(roomAdmin.id, 'original')).toBeUndefined()
  await app.signIn(portal.accounts.admin)
  const detail = await app.openPerson(roomAdmin.email)
  await expect(detail.getByTestId('detail-default-note')).toContainText(`${roomAdmin.displayName} has no photo yet`)
  await expect(detail.getByTestId('size-tile')).toHaveCount(6)
  await expect(detail.locator('[data-testid="size-tile"][data-default="true"]')).toHaveCount(6)
})

test('keyboard: / focuses search, arrow keys move the selection, Enter opens the detail, Escape closes it', async ({ app, portal }) => {
  await app.signIn(portal.accounts.admin)
  await app.waitForFullList()
  const page = app.page
  const search = ui.search(page)
  const selected = page.locator('[data-testid="person-row"][aria-selected="true"]')

  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('/')
  await expect(search).toBeFocused()

  // ↓ from the search box enters the list on the first row.
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('listbox', { name: 'People' })).toBeFocused()
  await expect(selected).toHaveCount(1)
  const firstId = await ui.rows(page).nth(0).getAttribute('data-person-id')
  const secondId = await ui.rows(page).nth(1).getAttribute('data-person-id')
  await expect(selected).toHaveAttribute('data-person-id', firstId ?? '')

  await page.keyboard.press('ArrowDown')
  await expect(selected).toHaveAttribute('data-person-id', secondId ?? '')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowDown')
  await expect(selected).toHaveAttribute('data-person-id', secondId ?? '')
  await expect(ui.detail(page)).toHaveCount(0)

  await page.keyboard.press('Enter')
  await expect(ui.detail(page)).toBeVisible()
  await expect(ui.detail(page)).toHaveAttribute('data-person-id', secondId ?? '')

  await page.keyboard.press('Escape')
  await expect(ui.detail(page)).toHaveCount(0)
  await expect(page.getByRole('listbox', { name: 'People' })).toBeFocused()

  // Far down the list: End jumps to the last person and scrolls it into view.
  await page.keyboard.press('End')
  const total = Number(await ui.counts(page).getAttribute('data-total'))
  await expect(selected).toHaveAttribute('aria-posinset', String(total))
  await expect(selected).toBeInViewport()
})
