/**
 * A second start is instant: the people list the last full load left (encrypted in the data folder,
 * its key in the OS keychain) is on screen before the portal has answered a single people page, the
 * view says it is updating, and once the pages arrive a person renamed on the portal meanwhile shows
 * the new name, the selection kept. Sign-out deletes the file and its key.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { PEOPLE_CACHE_SERVICE } from '../main/services/people-cache'
import { expect, test, ui } from './harness'

test.use({ portalOptions: { version: '3.5.0', people: 450 } })

/** The finished cache files (not write-file-atomic's temp file of a save in progress). */
async function cacheFiles(dataDir: string): Promise<string[]> {
  const names = await readdir(join(dataDir, 'people-cache')).catch(() => [] as string[])
  return names.filter((n) => n.endsWith('.bin'))
}

/** Holds every people page on its way from the page to main until release() is called. */
async function holdPeoplePages(page: Page): Promise<{ held: () => number; release: () => void }> {
  let release!: () => void
  const gate = new Promise<void>((r) => (release = r))
  let held = 0
  await page.route(
    (url) => decodeURIComponent(url.pathname).endsWith('/__ipc/people:page'),
    async (route) => {
      held++
      await gate
      await route.continue()
    }
  )
  return { held: () => held, release }
}

test('a second start shows the cached list before any people page, then what changed on the portal', async ({ app, portal, keychain }) => {
  const page = app.page
  const renamed = portal.accounts.user
  await app.signIn(portal.accounts.admin)
  const total = await app.waitForFullList()
  await expect.poll(() => cacheFiles(app.dataDir)).toHaveLength(1)
  const [file = ''] = await cacheFiles(app.dataDir)
  const accountId = file.replace(/\.bin$/, '')
  // Named by the account id, and no name or email readable in it.
  expect(file).toMatch(/^[0-9a-f]{16}\.bin$/)
  const bytes = await readFile(join(app.dataDir, 'people-cache', file))
  for (const text of [portal.accounts.admin.email, renamed.email, renamed.displayName]) expect(bytes.includes(Buffer.from(text))).toBe(false)

  portal.renamePerson(renamed.id, 'Renata', 'Renamed-Cache')
  const pages = await holdPeoplePages(page)
  await app.restartHost()

  // Signed in from the remembered session: everyone is there while the first page is still held.
  await expect(ui.counts(page)).toHaveAttribute('data-total', String(total))
  await expect(ui.rows(page).first()).toBeVisible()
  const progress = page.getByTestId('load-progress')
  await expect(progress).toHaveAttribute('data-refreshing', 'true')
  await expect(progress).toContainText('Updating the list')
  expect(pages.held()).toBeGreaterThan(0)
  await ui.search(page).fill(renamed.email)
  await expect(ui.rows(page)).toHaveCount(1)
  await expect(ui.rows(page).first()).toContainText(renamed.displayName)
  await ui.rows(page).first().click()
  await expect(ui.rows(page).first()).toHaveAttribute('aria-selected', 'true')

  pages.release()
  await expect(page.getByTestId('load-done')).toBeVisible({ timeout: 30_000 })
  await expect(progress).toHaveCount(0)
  await expect(ui.rows(page)).toHaveCount(1)
  await expect(ui.rows(page).first()).toContainText('Renata Renamed-Cache')
  await expect(ui.rows(page).first()).toHaveAttribute('aria-selected', 'true')
  await expect(ui.counts(page)).toHaveAttribute('data-total', String(total))

  // Signing out deletes the cache and its key.
  expect(await keychain.store.get(PEOPLE_CACHE_SERVICE, accountId)).toMatchObject({ ok: true, value: expect.any(String) })
  await page.getByTestId('account-switcher').click()
  await page.getByTestId('account-sign-out').click()
  await expect(page.getByTestId('signin-view')).toBeVisible()
  expect(await cacheFiles(app.dataDir)).toEqual([])
  expect(await keychain.store.get(PEOPLE_CACHE_SERVICE, accountId)).toEqual({ ok: true, value: null })
})
