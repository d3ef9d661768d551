/**
 * `npm run screenshots`: the main screens at 1024×700 and 1440×900, in English and German, light and
 * dark, written to docs/screenshots/ through the e2e harness (real main services, a real emulated
 * portal). Language and theme come from the browser's locale and colour scheme, which the app follows.
 * JPEG at 1x keeps each file small enough to commit.
 */
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { quadrantsJpeg } from '../main/testing/images/editor-test-images'
import { expect, test, ui } from './harness'
import { dropAndOpenEditor, jpegFile, rowFor } from './photo-support'

const OUT = resolve(import.meta.dirname, '..', 'docs', 'screenshots')
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 }
] as const
const LOCALES = ['en', 'de'] as const
const SCHEMES = ['light', 'dark'] as const

test.use({ portalOptions: { version: '3.7.2', people: 400 } })

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))))
  await page.screenshot({ path: join(OUT, `${name}.jpg`), type: 'jpeg', quality: 78 })
}

for (const size of SIZES) {
  for (const locale of LOCALES) {
    for (const colorScheme of SCHEMES) {
      const tag = `${size.width}x${size.height}-${locale}-${colorScheme}`
      test.describe(tag, () => {
        test.use({ viewport: size, locale, colorScheme })

        test(`main screens ${tag}`, async ({ app, portal }) => {
          await mkdir(OUT, { recursive: true })
          const page = app.page
          await expect(page.getByTestId('signin-view')).toBeVisible()
          await page.getByTestId('signin-portal').fill(portal.url)
          await shot(page, `sign-in-${tag}`)

          const me = portal.accounts.admin
          await app.signIn(me)
          await app.waitForFullList()
          await shot(page, `list-${tag}`)

          const row = await rowFor(page, me.email)
          await row.click()
          await expect(ui.detail(page)).toBeVisible()
          await ui.search(page).fill('')
          await expect(ui.rows(page).nth(5)).toBeVisible()
          await shot(page, `detail-${tag}`)

          await dropAndOpenEditor(row.first(), jpegFile('portrait.jpg', await quadrantsJpeg(900, 1200)))
          await shot(page, `editor-${tag}`)
          await page.getByTestId('photo-editor').getByTestId('editor-cancel').click()
          await expect(page.getByTestId('photo-editor')).toHaveCount(0)

          await page.getByTestId('open-activity').click()
          await expect(page.getByTestId('activity-view')).toBeVisible()
          await shot(page, `activity-${tag}`)
        })
      })
    }
  }
}
