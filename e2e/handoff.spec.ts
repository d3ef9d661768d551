/**
 * The hand-over on a 3.7.2 portal, where only a person may write their own photo: HR (an admin)
 * drops a photo on a locked row, crops it and hands it over; the person, signed in on another
 * computer (a second app in its own browser context on the same portal), sees it waiting at every
 * size and applies it; the portal then stores the crop HR chose, and HR's status reads "applied".
 * A second person declines, and HR reads "declined". A text file named .jpg shared by someone else
 * is refused and changes nothing.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { call, signIn as tokenFor } from '../emulator/testing/helpers'
import type { DemoAccount, RunningPortal } from '../emulator/index'
import { quadrantsJpeg } from '../main/testing/images/editor-test-images'
import { dropFiles, expect, test, ui, type AppHarness } from './harness'
import { colourName, cropToCorner, decoded, jpegFile, meanColour, rowFor, stored, successToast, waitForEditor } from './photo-support'

test.use({ portalOptions: { version: '3.7.2', people: 40 }, viewport: { width: 1500, height: 1400 } })

async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))))
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: [${v.impact}] ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** Someone else (the owner) puts a file in their My documents and shares it with `to`, as the portal lets anyone do. */
async function shareFromOwner(portal: RunningPortal, title: string, bytes: Uint8Array, to: string): Promise<number> {
  const token = await tokenFor(portal, portal.accounts.owner)
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)]), title)
  const up = await call<unknown>(portal, '/api/2.0/files/@my/upload?createNewIfExist=false', { token, form, method: 'POST' })
  const file = (Array.isArray(up.body.response) ? up.body.response[0] : up.body.response) as { id: number }
  await call(portal, `/api/2.0/files/file/${file.id}/share`, { token, method: 'PUT', json: { share: [{ shareTo: to, access: 2 }], notify: true } })
  return file.id
}

async function switchTo(app: AppHarness, account: DemoAccount): Promise<void> {
  await app.page.getByTestId('account-switcher').click()
  await app.page.getByRole('button', { name: 'Sign in to another portal…' }).click()
  await app.signIn(account)
}

function handoffRow(page: Page, userId: string) {
  return page.getByTestId('handoff-dialog').locator(`[data-testid="handoff-row"][data-user-id="${userId}"]`)
}

test('HR hands photos over from a locked row and from the panel; one person applies theirs with the chosen crop, another declines, a bogus share is refused', async ({ app, secondApp, portal }) => {
  test.setTimeout(240_000)
  const hr = portal.accounts.admin
  const first = portal.accounts.user
  const second = portal.accounts.roomAdmin
  const page = app.page
  await app.signIn(hr)
  await app.waitForFullList()
  await expect(page.getByTestId('capability-body')).toContainText('“Prepare for …” shares the finished photo')

  // 1. A photo dropped on a locked row opens the editor; its bottom-right (yellow) quarter is handed over.
  const row = await rowFor(page, first.email)
  await expect(row.getByTestId('row-lock')).toBeVisible()
  await dropFiles(row, [jpegFile('quadrants.jpg', await quadrantsJpeg(400, 300))])
  const dialog = await waitForEditor(page)
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(`New photo for ${first.displayName} (to hand over)`)
  await cropToCorner(dialog, 'bottom-right')
  await dialog.getByRole('button', { name: 'Save photo' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(successToast(page)).toContainText(`Photo shared with ${first.displayName}.`)
  await expect(row.getByTestId('row-handoff')).toHaveText('Waiting')

  // 2. From the detail panel for the second person.
  const panel = await app.openPerson(second.email)
  const chooser = page.waitForEvent('filechooser')
  await panel.getByRole('button', { name: `Prepare for ${second.displayName}` }).click()
  await (await chooser).setFiles({ name: 'quadrants.jpg', mimeType: 'image/jpeg', buffer: await quadrantsJpeg(400, 300) })
  await (await waitForEditor(page)).getByRole('button', { name: 'Save photo' }).click()
  await expect(panel.getByTestId('handoff-status')).toContainText('Waiting')
  await expect(panel.getByRole('button', { name: 'Withdraw' })).toBeVisible()

  // 3. Someone else shares a text file named as a photo for the first person.
  const before = portal.storedPhoto(first.id, 'original')
  const bogus = await shareFromOwner(portal, `avatar-for-${first.id} (1).jpg`, new TextEncoder().encode('not a photo at all'), first.id)

  // 4. The first person signs in on their own computer: the photo waits, at every size, beside their current one.
  const person = secondApp.page
  await secondApp.signIn(first)
  const offer = person.getByTestId('waiting-photo')
  await expect(offer.getByRole('heading', { level: 2 })).toHaveText(`A new photo is waiting for you from ${hr.displayName}`)
  await expect(offer.getByTestId('waiting-sizes').getByTestId('crop-preview')).toHaveCount(5)
  const refused = person.locator(`[data-testid="waiting-refused"][data-file-id="${bogus}"]`)
  await expect(refused).toHaveText(`A file shared with you by ${portal.accounts.owner.displayName} was not used: it is not a PNG or JPEG photo.`)
  await expect(refused.getByRole('button')).toHaveCount(0)
  expect(portal.storedPhoto(first.id, 'original'), 'the refused share changed nothing').toEqual(before)
  expect(await seriousViolations(person, 'waiting photo')).toEqual([])

  await offer.getByRole('button', { name: 'Use this photo' }).click()
  await expect(successToast(person)).toContainText(`Photo of ${first.displayName} replaced`)
  await expect(person.getByTestId('toast-undo')).toBeVisible()
  await expect(offer).toHaveCount(0)
  await expect(refused).toBeVisible()
  const small = stored(portal, first.id, 'small')
  expect((await decoded(small)).width).toBe(32)
  expect(colourName(await meanColour(small)), 'the stored 32 px photo is the quarter HR chose').toBe('yellow')

  // 5. The second person says "No thanks".
  await switchTo(secondApp, second)
  const secondOffer = person.getByTestId('waiting-photo')
  await expect(secondOffer.getByRole('heading', { level: 2 })).toHaveText(`A new photo is waiting for you from ${hr.displayName}`)
  const secondBefore = portal.storedPhoto(second.id, 'original')
  await secondOffer.getByRole('button', { name: 'No thanks' }).click()
  await expect(secondOffer).toHaveCount(0)
  expect(portal.storedPhoto(second.id, 'original')).toEqual(secondBefore)

  // 6. HR checks the status: applied and declined, in the list, the rows and the filter.
  await page.getByRole('button', { name: /^Hand-overs/ }).click()
  const list = page.getByTestId('handoff-dialog')
  await expect(list).toBeVisible()
  await list.getByRole('button', { name: 'Check status' }).click()
  await expect(handoffRow(page, first.id)).toHaveAttribute('data-state', 'applied')
  await expect(handoffRow(page, second.id)).toHaveAttribute('data-state', 'declined')
  await expect(handoffRow(page, first.id).getByTestId('handoff-row-state')).toHaveText('Applied')
  expect(await seriousViolations(page, 'hand-overs list')).toEqual([])
  await list.getByRole('button', { name: 'Close' }).click()
  await ui.search(page).fill('')
  await page.getByLabel('Hand-over status').selectOption('declined')
  await expect(ui.rows(page)).toHaveCount(1)
  await expect(ui.rows(page).first()).toHaveAttribute('data-person-id', second.id)
  await expect(ui.rows(page).first().getByTestId('row-handoff')).toHaveText('Declined')
})
