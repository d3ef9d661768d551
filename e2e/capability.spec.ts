/**
 * The app says up front which photos the signed-in user may change (CONTRACT.md §2), and locks the
 * rows it may not: on 3.5 an admin may change other people's photos except the owner's and other
 * admins'; from 3.6 on everyone may change only their own.
 */
import type { Page } from '@playwright/test'
import { expect, test, ui } from './harness'

async function rowFor(page: Page, email: string) {
  await ui.search(page).fill(email)
  const row = ui.rows(page).filter({ has: page.getByText(email, { exact: true }) })
  await expect(row).toHaveCount(1)
  return row
}

test.describe('on a DocSpace 3.5.0 portal', () => {
  test.use({ portalOptions: { version: '3.5.0' } })

  test('an admin is told they may change other people’s photos, except the owner’s and admins’', async ({ app, portal }) => {
    await app.signIn(portal.accounts.admin)
    const page = app.page
    const banner = page.getByRole('note', { name: 'What you can change' })
    await expect(banner).toHaveAttribute('data-rule', 'admin-may-edit-others')
    await expect(banner.getByTestId('capability-title')).toHaveText("You can change other people's photos")
    await expect(banner).toContainText('DocSpace 3.5.0')

    const user = await rowFor(page, portal.accounts.user.email)
    await expect(user).toHaveAttribute('data-editable', 'true')
    await expect(user.getByRole('img', { name: /^Read-only/ })).toHaveCount(0)

    const owner = await rowFor(page, portal.accounts.owner.email)
    await expect(owner).toHaveAttribute('data-editable', 'false')
    await expect(owner.getByRole('img', { name: /only the owner may change the owner's photo/ })).toBeVisible()

    const otherAdmin = await rowFor(page, portal.accounts.twoFactor.email)
    await expect(otherAdmin).toHaveAttribute('data-editable', 'false')
    await expect(otherAdmin.getByRole('img', { name: /only the owner may change another administrator's photo/ })).toBeVisible()
  })

  // A room admin, not a plain user: users and guests may not list people at all (CONTRACT.md §2.3).
  test('a room admin is told they may change only their own photo', async ({ app, portal }) => {
    await app.signIn(portal.accounts.roomAdmin)
    const page = app.page
    const banner = page.getByRole('note', { name: 'What you can change' })
    await expect(banner).toHaveAttribute('data-rule', 'own-only-by-role')
    await expect(banner.getByTestId('capability-title')).toHaveText('You can change only your own photo')
    await expect(banner).toContainText('your role is Room admin')
    await expect(await rowFor(page, portal.accounts.roomAdmin.email)).toHaveAttribute('data-editable', 'true')
    await expect(await rowFor(page, portal.accounts.user.email)).toHaveAttribute('data-editable', 'false')
  })
})

test.describe('on a DocSpace 3.7.2 portal', () => {
  test.use({ portalOptions: { version: '3.7.2' } })

  test('even an admin is told they may change only their own photo, and every other row is locked', async ({ app, portal }) => {
    await app.signIn(portal.accounts.admin)
    await app.waitForFullList()
    const page = app.page
    const banner = page.getByRole('note', { name: 'What you can change' })
    await expect(banner).toHaveAttribute('data-rule', 'self-only')
    await expect(banner.getByTestId('capability-title')).toHaveText('You can change only your own photo')
    await expect(banner).toContainText('DocSpace 3.7.2')
    await expect(banner).toContainText('From DocSpace 3.6 on')

    // Of the rows on screen, only the admin's own one (if it is there) is editable.
    const editable = await page.locator('[data-testid="person-row"][data-editable="true"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-person-id')))
    expect(editable.filter((id) => id !== portal.accounts.admin.id)).toEqual([])
    expect(await ui.rows(page).count()).toBeGreaterThan(5)
    const user = await rowFor(page, portal.accounts.user.email)
    await expect(user).toHaveAttribute('data-editable', 'false')
    await expect(user.getByRole('img', { name: /only Ulrich Müller can change this photo/ })).toBeVisible()

    const own = await rowFor(page, portal.accounts.admin.email)
    await expect(own).toHaveAttribute('data-editable', 'true')
    await expect(own.getByRole('img', { name: /^Read-only/ })).toHaveCount(0)

    // The detail panel of someone else says it is read-only before any attempt.
    await ui.search(page).fill(portal.accounts.user.email)
    await ui.rows(page).first().click()
    await expect(ui.detail(page).getByTestId('detail-locked')).toBeVisible()
  })
})
