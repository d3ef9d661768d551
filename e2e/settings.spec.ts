/**
 * Language and theme from the Settings dialog: the whole UI switches at once, and the choice is
 * still there after a reload and after the app restarts (it lives in main's data folder).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './harness'

test.use({ portalOptions: { version: '3.7.2', people: 40 } })

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor)

test('switching language and theme changes the UI at once and is remembered after reload and restart', async ({ app }) => {
  const page = app.page
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.getByRole('heading', { name: 'Sign in to a DocSpace portal' })).toBeVisible()
  const lightBackground = await background(page)

  // Keyboard only: the button is in the tab order, the dialog takes focus on the language list.
  await page.getByRole('button', { name: 'Settings' }).focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Language')).toBeFocused()
  await dialog.getByLabel('Language').selectOption('de')
  await expect(page.getByRole('dialog', { name: 'Einstellungen' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Bei einem DocSpace-Portal anmelden' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')

  const german = page.getByRole('dialog', { name: 'Einstellungen' })
  await german.getByRole('radio', { name: 'Dunkel' }).check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(await background(page)).not.toBe(lightBackground)
  await page.keyboard.press('Escape')
  await expect(german).toHaveCount(0)

  // The UI changes first and saves behind it: wait for the file rather than race it.
  await expect.poll(async () => JSON.parse(await readFile(join(app.dataDir, 'settings.json'), 'utf8').catch(() => '{}'))).toEqual({ language: 'de', theme: 'dark' })

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Bei einem DocSpace-Portal anmelden' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')

  await app.restartHost()
  await expect(page.getByRole('heading', { name: 'Bei einem DocSpace-Portal anmelden' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')

  // Back to the system's: English (the browser's language) and the OS's light scheme, following it live.
  await page.getByRole('button', { name: 'Einstellungen' }).click()
  const again = page.getByRole('dialog', { name: 'Einstellungen' })
  await again.getByLabel('Sprache').selectOption('system')
  const english = page.getByRole('dialog', { name: 'Settings' })
  await english.getByRole('radio', { name: 'Same as the system' }).check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await english.getByRole('button', { name: 'Close' }).last().click()
  await expect(page.getByRole('heading', { name: 'Sign in to a DocSpace portal' })).toBeVisible()
})

test('the people list reads in Russian, with Russian plural forms and number formats', async ({ app, portal }) => {
  await app.call('settings:update', { language: 'ru' })
  await app.page.reload()
  await expect(app.page.getByRole('heading', { name: 'Вход в портал DocSpace' })).toBeVisible()
  await app.signIn(portal.accounts.admin)
  const total = await app.waitForFullList()
  const word = { one: 'сотрудник', few: 'сотрудника', many: 'сотрудников' }[new Intl.PluralRules('ru').select(total) as 'one' | 'few' | 'many']
  await expect(app.page.getByTestId('counts')).toContainText(`${new Intl.NumberFormat('ru').format(total)} ${word}`)
})

for (const theme of ['light', 'dark'] as const) {
  test(`the settings dialog has no serious or critical accessibility violations in ${theme}`, async ({ app }) => {
    await app.call('settings:update', { theme })
    await app.page.reload()
    await expect(app.page.locator('html')).toHaveAttribute('data-theme', theme)
    await app.page.getByRole('button', { name: 'Settings' }).click()
    await expect(app.page.getByRole('dialog', { name: 'Settings' })).toBeVisible()
    await app.page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))))
    const results = await new AxeBuilder({ page: app.page }).include('[data-testid="settings-dialog"]').analyze()
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    expect(serious).toEqual([])
  })
}
