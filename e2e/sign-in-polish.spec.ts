/**
 * Sign-in as a new user meets it: a slow sign-in can be cancelled (main stops waiting too), a local
 * portal typed without a scheme just works, the header forgets a person who signed out, and a
 * remembered portal that no longer answers can be removed and is not "until the app closes".
 */
import { expect, test } from './harness'

test.use({ portalOptions: { version: '3.7.2', people: 20 } })

test('a slow sign-in can be cancelled, and the form works again at once', async ({ app, portal }) => {
  const page = app.page
  const me = portal.accounts.admin
  portal.faults.set({ latencyMs: 20_000 })
  await page.getByLabel('Portal address').fill(portal.url)
  await page.getByLabel('Email').fill(me.email)
  await page.getByLabel('Password').fill(me.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Signing in…' })).toBeDisabled()
  const started = Date.now()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled()
  expect(Date.now() - started).toBeLessThan(3_000)
  await expect(page.getByTestId('signin-error')).toHaveCount(0)
  await expect(page.getByTestId('remembered-accounts')).toHaveCount(0)

  portal.faults.reset()
  await page.getByLabel('Password').fill(me.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByTestId('counts')).toBeVisible()
})

test('a portal on this computer typed without http:// signs in (no certificate error)', async ({ app, portal }) => {
  const page = app.page
  const me = portal.accounts.admin
  await page.getByLabel('Portal address').fill(portal.url.replace(/^http:\/\//, ''))
  await page.getByLabel('Email').fill(me.email)
  await page.getByLabel('Password').fill(me.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByTestId('counts')).toBeVisible()
  await expect(page.getByTestId('account-switcher')).toContainText(me.displayName)
})

test('after sign-out the header no longer names the person; a portal that stopped answering can be forgotten', async ({ app, portal }) => {
  const page = app.page
  const other = await app.startExtraPortal({ version: '3.7.2', people: 5 })
  await app.signIn(other.accounts.admin, { portalUrl: other.url })
  const switcher = page.getByTestId('account-switcher')
  await expect(switcher).toContainText(other.accounts.admin.displayName)

  await switcher.click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByTestId('signin-view')).toBeVisible()
  await expect(switcher).not.toContainText(other.accounts.admin.displayName)

  await other.close()
  const remembered = page.getByTestId('remembered-account')
  await expect(remembered).toHaveCount(1)
  await expect(remembered).toContainText('Signed out')
  await expect(remembered).not.toContainText('Until the app closes')
  await switcher.click()
  await expect(page.getByTestId('account-menu')).not.toContainText('Until the app closes')
  await page.keyboard.press('Escape')
  await remembered.getByRole('button', { name: /Forget/ }).click()
  await expect(remembered).toHaveCount(0)
  void portal
})
