/**
 * The whole everyday flow with the keyboard alone: sign in, move through the people list, open a
 * person, pick a file for them with Ctrl+O, save, restore from the history, open Activity and
 * Settings. Every stop of the focus must be visible (a drawn outline or ring, not the browser's
 * nothing), and each result must land in a live region, so a screen reader says it.
 */
import type { Locator, Page } from '@playwright/test'
import { quadrantsJpeg } from '../main/testing/images/editor-test-images'
import { expect, test, ui } from './harness'

// From 3.6 on everyone changes only their own photo (CONTRACT.md §2.1): the admin edits their own.
test.use({ portalOptions: { version: '3.7.2', people: 30 } })

/** What the focused element draws to show it has the focus; fails when it is not :focus-visible or draws nothing. */
async function focusRing(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return 'nothing focused'
    if (!el.matches(':focus-visible')) return `${el.tagName} focused but not :focus-visible`
    const style = getComputedStyle(el)
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    const ring = style.boxShadow !== 'none'
    return outline || ring ? 'visible' : `${el.tagName}.${el.className} draws no focus ring`
  })
}

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus, checking each stop's ring on the way. */
async function tabTo(target: Locator, options: { readonly back?: boolean; readonly max?: number } = {}): Promise<void> {
  const page = target.page()
  const handle = await target.elementHandle()
  for (let i = 0; i < (options.max ?? 40); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab')
    if (await page.evaluate((el) => el === document.activeElement, handle)) {
      expect(await focusRing(page)).toBe('visible')
      return
    }
    const ring = await focusRing(page)
    if (ring !== 'nothing focused') expect(ring, `stop ${i + 1} on the way`).toBe('visible')
  }
  throw new Error(`Tab never reached ${target.toString()}`)
}

/** A live region (aria-live, or a role that implies it) that says `text`. */
function announced(scope: Page | Locator, text: string | RegExp): Locator {
  return scope.locator('[aria-live="polite"], [aria-live="assertive"], [role="status"], [role="alert"], [role="log"]').filter({ hasText: text }).first()
}

test('sign in, browse, replace, restore, activity and settings with the keyboard alone, focus always visible, results announced', async ({ app, portal }) => {
  const page = app.page
  const me = portal.accounts.admin
  // Listened for long before Ctrl+O: Playwright turns file-chooser interception on only when the first
  // listener subscribes, and a key press sent right after can reach the page first (then no chooser event).
  const chooser = page.waitForEvent('filechooser')

  // Sign-in: the portal address is filled in; Email and Password by Tab, Enter submits.
  await expect(page.getByRole('heading', { name: 'Sign in to a DocSpace portal' })).toBeVisible()
  await tabTo(page.getByLabel('Email'))
  await page.keyboard.type(me.email)
  await tabTo(page.getByLabel('Password'))
  await page.keyboard.type(me.password)
  await page.keyboard.press('Enter')
  await expect(announced(page, /\d+ people/)).toBeVisible()
  const total = await app.waitForFullList()
  expect(total).toBeGreaterThan(1)

  // The search field narrows the list; the list is reached by Tab and moved with the arrows.
  const search = page.getByRole('searchbox')
  await tabTo(search)
  await page.keyboard.type(me.displayName)
  await expect(announced(page, `1 of ${total} people`)).toBeVisible()
  const list = page.getByRole('listbox', { name: 'People' })
  await tabTo(list)
  await page.keyboard.press('ArrowDown')
  await expect(list.getByRole('option', { selected: true })).toContainText(me.displayName)
  await page.keyboard.press('Enter')
  const detail = page.getByRole('region', { name: new RegExp(me.displayName) })
  await expect(detail).toBeVisible()

  // Ctrl+O picks a file for the selected person; the editor opens on it and Enter saves.
  await page.keyboard.press('Control+O')
  await (await chooser).setFiles({ name: 'quadrants.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await quadrantsJpeg(400, 300)) })
  const editor = page.getByRole('dialog', { name: `New photo for ${me.displayName}` })
  await expect(editor).toBeVisible({ timeout: 30_000 }) // the first picture also loads the face model
  await expect(editor.getByRole('button', { name: 'Save' })).toBeEnabled()
  expect(await focusRing(page)).toBe('visible')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Enter')
  await expect(editor).toHaveCount(0)
  // Results arrive in the notifications region, a live region that was there before they came.
  await expect(page.getByRole('region', { name: 'Notifications' })).toHaveAttribute('aria-live', 'polite')
  await expect(announced(page, `Photo of ${me.displayName} replaced`)).toBeVisible()

  // History: Tab to it in the detail panel, Enter opens it; Restore asks, Enter on its button confirms.
  await tabTo(detail.getByRole('button', { name: 'History' }))
  await page.keyboard.press('Enter')
  const restore = detail.locator('[data-testid="history-entry"][data-before="replace"]').getByRole('button', { name: 'Restore' })
  await tabTo(restore)
  await page.keyboard.press('Enter')
  const ask = page.getByRole('dialog', { name: /^Restore .*photo of/ })
  await expect(ask).toBeVisible()
  expect(await focusRing(page)).toBe('visible')
  await tabTo(ask.getByRole('button', { name: 'Restore photo' }), { max: 6 })
  await page.keyboard.press('Enter')
  await expect(ask).toHaveCount(0)
  await expect(announced(page, /photo of .* is back/)).toBeVisible()

  // Activity from the top bar: Shift+Tab back up to it (the toolbar is above the list), Escape closes.
  await tabTo(page.getByRole('button', { name: 'Activity' }), { back: true, max: 60 })
  await page.keyboard.press('Enter')
  const activity = page.getByRole('dialog', { name: 'Activity' })
  await expect(activity).toBeVisible()
  expect(await focusRing(page)).toBe('visible')
  await expect(announced(activity, /\d+ of \d+/)).toBeVisible()
  await expect(activity.getByRole('row').filter({ hasText: 'Restored' }).first()).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(activity).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Activity' })).toBeFocused()

  // Settings: next stop after Activity; the language list takes the focus, Escape gives it back.
  await tabTo(page.getByRole('button', { name: 'Settings' }), { max: 3 })
  await page.keyboard.press('Enter')
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await expect(settings).toBeVisible()
  await expect(settings.getByLabel('Language')).toBeFocused()
  expect(await focusRing(page)).toBe('visible')
  await page.keyboard.press('Escape')
  await expect(settings).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused()
  await expect(ui.counts(page)).toBeVisible()
})
