/**
 * Remembered portals and sessions: sign-out deletes the keychain item, several portals survive a
 * restart of the app (main + host) without signing in again, and a token the portal no longer
 * accepts sends that portal back to sign-in with a clear message.
 */
import type { Page } from '@playwright/test'
import { secretAccount } from '../main/secrets/secret-store'
import { expect, test, ui } from './harness'

async function openSwitcher(page: Page): Promise<void> {
  await page.getByTestId('account-switcher').click()
  await expect(page.getByTestId('account-menu')).toBeVisible()
}

test('sign-out removes the keychain item and returns to sign-in with the portal remembered', async ({ app, portal, keychain }) => {
  const admin = portal.accounts.admin
  const item = secretAccount(portal.url, admin.id)
  await app.signIn(admin)
  expect(await keychain.items()).toContain(item)

  const page = app.page
  await openSwitcher(page)
  await page.getByRole('button', { name: 'Sign out' }).click()

  await expect(page.getByRole('heading', { name: 'Sign in to a DocSpace portal' })).toBeVisible()
  await expect(ui.counts(page)).toHaveCount(0)
  expect(await keychain.items()).not.toContain(item)
  expect(await keychain.secretFor(portal.url, admin.id)).toBeNull()
  const remembered = page.getByTestId('remembered-account')
  await expect(remembered).toHaveCount(1)
  await expect(remembered).toHaveAttribute('data-state', 'signed-out')
  // The remembered portal offers a sign-in with the address and email filled in.
  await remembered.getByTestId('remembered-open').click()
  await expect(page.getByLabel('Portal address')).toHaveValue(portal.url)
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(admin.email)

  // Still signed out after a restart: nothing was left behind to sign in with.
  await app.restartHost()
  await expect(page.getByRole('heading', { name: 'Sign in to a DocSpace portal' })).toBeVisible()
  await expect(page.getByTestId('remembered-account')).toHaveAttribute('data-state', 'signed-out')
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(admin.email)
})

test('two portals are remembered across a restart and stay signed in', async ({ app, portal, keychain }) => {
  const second = await app.startExtraPortal({ version: '3.5.0', people: 120, seed: 2 })
  const page = app.page

  await app.signIn(portal.accounts.admin)
  await openSwitcher(page)
  await page.getByRole('button', { name: 'Sign in to another portal…' }).click()
  await app.signIn(second.accounts.owner, { portalUrl: second.url })
  await expect(page.getByTestId('account-switcher')).toContainText(second.accounts.owner.displayName)
  expect(await keychain.items()).toEqual(
    expect.arrayContaining([secretAccount(portal.url, portal.accounts.admin.id), secretAccount(second.url, second.accounts.owner.id)])
  )

  await app.restartHost()

  // Back on the last portal used, without a sign-in.
  await expect(page.getByRole('heading', { name: 'Sign in to a DocSpace portal' })).toHaveCount(0)
  await expect(page.getByTestId('account-switcher')).toContainText(second.accounts.owner.displayName)
  await expect(page.getByTestId('capability-banner')).toHaveAttribute('data-rule', 'admin-may-edit-others')
  await expect(ui.counts(page)).toHaveAttribute('data-total', '120')
  await expect(ui.rows(page).first()).toBeVisible()

  await openSwitcher(page)
  const items = page.getByTestId('account-item')
  await expect(items).toHaveCount(2)
  for (const item of await items.all()) await expect(item).toHaveAttribute('data-state', 'signed-in')

  // Switching to the other portal needs no password either.
  await items.filter({ hasText: portal.accounts.admin.displayName }).getByRole('button').first().click()
  await expect(page.getByTestId('account-switcher')).toContainText(portal.accounts.admin.displayName)
  await expect(page.getByTestId('capability-banner')).toHaveAttribute('data-rule', 'self-only')
  await expect(ui.counts(page)).toHaveAttribute('data-total', '300')
  await expect(page.getByRole('heading', { name: 'Sign in to a DocSpace portal' })).toHaveCount(0)
})

test('an expired token sends the portal back to sign-in with a clear message', async ({ app, portal, keychain }) => {
  const admin = portal.accounts.admin
  await app.signIn(admin)
  await app.waitForFullList()
  const page = app.page

  portal.expireTokens()
  // The next portal call (opening someone's photos) meets the 401.
  await ui.rows(page).first().click()

  await expect(page.getByRole('heading', { name: 'Sign in to a DocSpace portal' })).toBeVisible()
  const notice = page.getByTestId('signin-notice')
  await expect(notice).toContainText(`Your session on ${new URL(portal.url).host} ended. Sign in again.`)
  await expect(page.getByLabel('Portal address')).toHaveValue(portal.url)
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(admin.email)
  await expect(page.getByTestId('remembered-account')).toHaveAttribute('data-state', 'expired')
  expect(await keychain.secretFor(portal.url, admin.id)).toBeNull()

  // Signing in again brings the list back.
  await page.getByLabel('Password', { exact: true }).fill(admin.password)
  await page.locator('form').getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(ui.counts(page)).toBeVisible()
  await expect(page.getByTestId('signin-notice')).toHaveCount(0)
  expect(await keychain.secretFor(portal.url, admin.id)).not.toBeNull()
})
