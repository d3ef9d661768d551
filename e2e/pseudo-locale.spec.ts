/**
 * The pseudo-locale run: en-XA (accented English, about 40% longer) and German on every main
 * screen at 1024 × 700, and no text may be clipped (CLIP_LOCALES=fr,ru,… checks others). An element
 * with text must fit its own box (scrollWidth <= clientWidth) unless it is made to ellipsize
 * (text-overflow: ellipsis) and carries the full text in a title, on itself or the element that
 * holds it; a placeholder must fit its empty field.
 */
import type { Page } from '@playwright/test'
import { quadrantsJpeg } from '../main/testing/images/editor-test-images'
import { expect, test, ui } from './harness'
import { dropAndOpenEditor, jpegFile, rowFor, saveAndWait } from './photo-support'

test.use({ portalOptions: { version: '3.5.0', people: 40 }, viewport: { width: 1024, height: 700 } })

/** Elements whose own text does not fit, as "selector-ish: text" lines (empty when nothing is clipped). */
function clippedText(page: Page, screen: string): Promise<string[]> {
  return page.evaluate((screenName) => {
    const out: string[] = []
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')
      if (!ownText) continue
      const style = getComputedStyle(el)
      if (style.display === 'inline' || style.display === 'contents' || style.visibility === 'hidden') continue
      if (el.getClientRects().length === 0 || el.closest('[hidden], [aria-hidden="true"]')) continue
      // Screen-reader-only text (a 1 px box that clips) is never meant to be seen.
      if (el.closest('.visually-hidden, .sr-only') || el.getBoundingClientRect().width <= 1) continue
      if (el.clientWidth === 0 || ['OPTION', 'SELECT', 'TEXTAREA', 'SCRIPT', 'STYLE'].includes(el.tagName)) continue
      const ellipsized = style.textOverflow === 'ellipsis' && (el.title !== '' || el.closest('[title]') !== null)
      const text = (el.textContent ?? '').trim().slice(0, 80)
      const over = el.scrollWidth - el.clientWidth
      if (over > 1 && !ellipsized) out.push(`${screenName}: ${describe(el)} is ${over}px too narrow for “${text}”`)
      // Cut off by a box around it that hides what sticks out (a scrolling box shows it on scroll).
      const rect = el.getBoundingClientRect()
      for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
        const overflowX = getComputedStyle(box).overflowX
        if (overflowX !== 'hidden' && overflowX !== 'clip') continue
        const cut = Math.round(rect.right - box.getBoundingClientRect().right)
        if (cut > 1 && !ellipsized) {
          out.push(`${screenName}: ${describe(el)} is cut ${cut}px by ${describe(box)}: “${text}”`)
          break
        }
      }
    }
    // A placeholder is text too: it must fit the empty field's content box.
    const canvas = document.createElement('canvas').getContext('2d')
    for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('input[placeholder]'))) {
      if (!canvas || input.value !== '' || input.getClientRects().length === 0) continue
      const style = getComputedStyle(input)
      if (style.textOverflow === 'ellipsis' && input.title !== '') continue
      canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      const over = Math.ceil(canvas.measureText(input.placeholder).width - room)
      if (over > 1) out.push(`${screenName}: placeholder of ${describe(input)} is ${over}px too long: “${input.placeholder}”`)
    }
    return out
  }, screen)
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))))
}

for (const locale of (process.env.CLIP_LOCALES ?? 'en-XA,de').split(',')) test(`${locale}: sign-in, list, detail, editor and activity show no clipped text at 1024 × 700`, async ({ app, portal }) => {
  const page = app.page
  await app.call('settings:update', { language: locale })
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
  const found: string[] = []
  found.push(...(await clippedText(page, 'sign-in')))

  const me = portal.accounts.admin
  await app.signIn(me)
  await app.waitForFullList()
  await settle(page)
  found.push(...(await clippedText(page, 'people list')))

  await page.getByTestId('account-switcher').click()
  await expect(page.getByTestId('account-menu')).toBeVisible()
  found.push(...(await clippedText(page, 'account menu')))
  await page.keyboard.press('Escape')

  const row = await rowFor(page, me.email)
  await row.click()
  await expect(ui.detail(page)).toHaveAttribute('data-person-id', me.id)
  await settle(page)
  found.push(...(await clippedText(page, 'detail panel')))

  await dropAndOpenEditor(row, jpegFile('quadrants.jpg', await quadrantsJpeg(400, 300)))
  found.push(...(await clippedText(page, 'photo editor')))
  await saveAndWait(page, locale === 'en-XA' ? /⟦/ : /./)

  await page.getByTestId('open-activity').click()
  await expect(page.getByTestId('activity-entry')).toHaveCount(1)
  await settle(page)
  found.push(...(await clippedText(page, 'activity')))
  await page.keyboard.press('Escape')

  await page.getByTestId('open-settings').click()
  await settle(page)
  found.push(...(await clippedText(page, 'settings')))
  expect(found).toEqual([])
})
