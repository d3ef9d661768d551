/**
 * Signing in to a portal: by password, with the two-factor step, by API key; and the failures a user
 * meets first (wrong password, a portal that is not there, an http:// address).
 */
import { createServer } from 'node:net'
import { expect, test, ui } from './harness'

test('signs in with email and password and keeps a token, not the password, in the keychain', async ({ app, portal, keychain }) => {
  const admin = portal.accounts.admin
  await app.signIn(admin)

  const page = app.page
  await expect(page.getByRole('heading', { name: 'Sign in to a DocSpace portal' })).toHaveCount(0)
  await expect(page.getByTestId('account-switcher')).toContainText(admin.displayName)
  await expect(ui.rows(page).first()).toBeVisible()
  await expect(page.getByTestId('session-only-notice')).toHaveCount(0)
  // The request recorder sees main's calls (so the "nothing sent" check below can fail).
  expect(app.outgoing.some((r) => r.host === new URL(portal.url).host && r.path.startsWith('/api/2.0/authentication'))).toBe(true)

  const secret = await keychain.secretFor(portal.url, admin.id)
  expect(secret, 'a keychain item for this portal and user').not.toBeNull()
  expect(secret).not.toContain(admin.password)
})

test('asks for the two-factor code and signs in after it', async ({ app, portal }) => {
  const account = portal.accounts.twoFactor
  const page = app.page
  await page.getByLabel('Portal address').fill(portal.url)
  await page.getByLabel('Email', { exact: true }).fill(account.email)
  await page.getByLabel('Password', { exact: true }).fill(account.password)
  await page.locator('form').getByRole('button', { name: 'Sign in', exact: true }).click()

  const code = page.getByLabel('Verification code')
  await expect(code).toBeVisible()
  await expect(code).toBeFocused()

  // A wrong code keeps the user on the code step with a message.
  await code.fill('000000')
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(ui.signInError(page)).toHaveAttribute('data-error-code', 'auth/invalid-code')
  await expect(page.getByLabel('Verification code')).toBeVisible()

  await page.getByLabel('Verification code').fill(account.code)
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(ui.counts(page)).toBeVisible()
  await expect(page.getByTestId('account-switcher')).toContainText(account.displayName)
})

test('signs in with an API key created on the portal', async ({ app, portal, keychain }) => {
  const admin = portal.accounts.admin
  const key = portal.createApiKey(admin.id)
  await app.signInWithApiKey(key)

  await expect(app.page.getByTestId('account-switcher')).toContainText(admin.displayName)
  await expect(ui.rows(app.page).first()).toBeVisible()
  expect(await keychain.secretFor(portal.url, admin.id)).toBe(key)
})

test('a wrong password says so and stays on sign-in', async ({ app, portal, keychain }) => {
  const page = app.page
  await page.getByLabel('Portal address').fill(portal.url)
  await page.getByLabel('Email', { exact: true }).fill(portal.accounts.admin.email)
  await page.getByLabel('Password', { exact: true }).fill('not-the-password')
  await page.locator('form').getByRole('button', { name: 'Sign in', exact: true }).click()

  const error = ui.signInError(page)
  await expect(error).toHaveAttribute('data-error-code', 'auth/invalid-credentials')
  await expect(error).toContainText('did not accept these credentials')
  await expect(page.getByRole('heading', { name: 'Sign in to a DocSpace portal' })).toBeVisible()
  await expect(ui.counts(page)).toHaveCount(0)
  expect(await keychain.secretFor(portal.url, portal.accounts.admin.id)).toBeNull()
})

test('a portal that does not answer is reported as unreachable', async ({ app, portal }) => {
  const closedPort = await freePort()
  const page = app.page
  await page.getByLabel('Portal address').fill(`http://127.0.0.1:${closedPort}`)
  await page.getByLabel('Email', { exact: true }).fill(portal.accounts.admin.email)
  await page.getByLabel('Password', { exact: true }).fill(portal.accounts.admin.password)
  await page.locator('form').getByRole('button', { name: 'Sign in', exact: true }).click()

  const error = ui.signInError(page)
  await expect(error).toHaveAttribute('data-error-code', 'net/unreachable')
  await expect(error).toContainText('Cannot reach')
  await expect(page.getByRole('heading', { name: 'Sign in to a DocSpace portal' })).toBeVisible()
})

test('an http:// address of a remote portal is refused before anything is sent', async ({ app, portal }) => {
  const page = app.page
  await page.getByLabel('Portal address').fill('http://hr.example.com')
  await page.getByLabel('Email', { exact: true }).fill(portal.accounts.admin.email)
  await page.getByLabel('Password', { exact: true }).fill(portal.accounts.admin.password)
  await page.locator('form').getByRole('button', { name: 'Sign in', exact: true }).click()

  const error = ui.signInError(page)
  await expect(error).toHaveAttribute('data-error-code', 'url/insecure')
  await expect(error).toContainText('Only https://')
  expect(app.outgoing.filter((r) => r.host.includes('example.com'))).toEqual([])
})

/** A loopback port that nothing listens on: bound, then released. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}
