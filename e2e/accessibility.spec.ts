/**
 * Accessibility checked by a machine: axe-core runs on every main screen (sign-in, the people list, the
 * detail panel, the photo editor, the history, its restore and delete confirmations, the account menu, the
 * hand-overs list, the bulk plan and the activity view) in light and dark, and none may have a serious or critical violation.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { quadrantsJpeg } from '../main/testing/images/editor-test-images'
import { dropFiles, expect, test, ui } from './harness'
import { dropAndOpenEditor, jpegFile, rowFor, saveAndWait } from './photo-support'

test.use({ portalOptions: { version: '3.7.2', people: 60 } })

const SCHEMES = ['light', 'dark'] as const

/** The serious and critical violations on the page as it is now, printed so a failure says what to fix. */
async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  // Let entrance animations end first: axe measures contrast on what is painted.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))))
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: [${v.impact}] ${v.id}: ${v.help}\n    at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}\n    first: ${v.nodes[0]?.failureSummary ?? ''}`)
}

for (const colorScheme of SCHEMES) {
  test.describe(`${colorScheme} theme`, () => {
    test.beforeEach(async ({ app }) => {
      await app.page.emulateMedia({ colorScheme })
    })

    test('sign-in has no serious or critical accessibility violations', async ({ app }) => {
      await expect(app.page.getByRole('heading', { name: 'Sign in to a DocSpace portal' })).toBeVisible()
      expect(await seriousViolations(app.page, 'sign-in')).toEqual([])
    })

    test('the list, the detail panel, the editor and the history have no serious or critical violations', async ({ app, portal }) => {
      // Six full axe runs, a photo framed and saved: on a busy machine more than the default minute.
      test.slow()
      const me = portal.accounts.admin
      await app.signIn(me)
      await app.waitForFullList()
      const page = app.page
      const found: string[] = []
      found.push(...(await seriousViolations(page, 'people list')))

      const row = await rowFor(page, me.email)
      await row.click()
      const detail = ui.detail(page)
      await expect(detail).toHaveAttribute('data-person-id', me.id)
      found.push(...(await seriousViolations(page, 'detail panel')))

      await dropAndOpenEditor(row, jpegFile('quadrants.jpg', await quadrantsJpeg(400, 300)))
      found.push(...(await seriousViolations(page, 'photo editor')))
      await saveAndWait(page, `Photo of ${me.displayName} replaced`)

      // With the replace saved, the history has an entry to restore (the screen as a user meets it).
      await detail.getByRole('button', { name: 'History' }).click()
      await expect(detail.getByTestId('history-entry')).toHaveCount(1)
      found.push(...(await seriousViolations(page, 'history')))

      // The restore confirmation, with its before and after pictures.
      await detail.getByTestId('history-restore').first().click()
      const ask = page.getByRole('dialog', { name: /^Restore .* photo of / })
      await expect(ask).toBeVisible()
      found.push(...(await seriousViolations(page, 'restore confirmation')))
      await ask.getByRole('button', { name: 'Cancel' }).click()
      await expect(ask).toHaveCount(0)

      // The delete confirmation (the person now has a photo to delete), then the account menu.
      await detail.getByRole('button', { name: /^Delete/ }).click()
      const confirm = page.getByRole('dialog', { name: /Delete/ })
      await expect(confirm).toBeVisible()
      found.push(...(await seriousViolations(page, 'delete confirmation')))
      await confirm.getByRole('button', { name: 'Cancel' }).click()
      await expect(confirm).toHaveCount(0)

      await page.getByRole('button', { name: new RegExp(me.displayName) }).click()
      await expect(page.getByTestId('account-menu')).toBeVisible()
      found.push(...(await seriousViolations(page, 'account menu')))
      await page.keyboard.press('Escape')

      // The hand-overs list with its choice of route (the portal is 3.7.2: others' photos are handed over).
      await page.getByRole('button', { name: /^Hand-overs/ }).click()
      await expect(page.getByTestId('handoff-dialog')).toBeVisible()
      found.push(...(await seriousViolations(page, 'hand-overs list')))
      expect(found).toEqual([])
    })

    test('the bulk plan has no serious or critical violations', async ({ app, portal }) => {
      // Every photo is framed in the image pool before the plan shows (the face model loads first).
      test.slow()
      const me = portal.accounts.admin
      await app.signIn(me)
      await app.waitForFullList()
      const page = app.page
      const [first = '', last = ''] = me.displayName.split(' ')
      const photo = await quadrantsJpeg(400, 400)
      await dropFiles(page.getByRole('listbox', { name: 'People' }), [
        jpegFile(`${first.toLowerCase()}-${last.toLowerCase()}.jpg`, photo),
        jpegFile('nobody-by-this-name.jpg', photo),
        jpegFile(`${first.toLowerCase()}.${last.toLowerCase()}.jpg`, photo)
      ])
      const plan = page.getByTestId('bulk-plan')
      await expect(plan).toBeVisible()
      // Matching frames every photo in the image pool, which loads the face model first (slow on a busy machine).
      await expect(plan.getByTestId('bulk-row')).toHaveCount(3, { timeout: 30_000 })
      expect(await seriousViolations(page, 'bulk plan')).toEqual([])
    })

    test('the activity view has no serious or critical violations', async ({ app, portal }) => {
      await app.signIn(portal.accounts.admin)
      const page = app.page
      await page.getByRole('button', { name: 'Activity' }).click()
      await expect(page.getByRole('dialog', { name: 'Activity' })).toBeVisible()
      expect(await seriousViolations(page, 'activity')).toEqual([])
    })
  })
}
