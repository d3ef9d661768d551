/**
 * Nothing lost, because every change keeps the previous photo: a deleted photo comes back byte for byte
 * from the history, Undo in the toast after a replace brings back the previous original, and the
 * activity view lists what was done and exports it as a CSV download. Checked on the emulator's stored
 * bytes.
 */
import { readFile } from 'node:fs/promises'
import { quadrantsJpeg } from '../main/testing/images/editor-test-images'
import { dayText } from '../renderer/src/i18n/dates'
import { expect, test, ui } from './harness'
import { decoded, dropAndOpenEditor, jpegFile, meanColour, rowFor, saveAndWait, stored, successToast } from './photo-support'

test.use({ portalOptions: { version: '3.7.2', people: 60 } })

test('delete (after a confirmation) then restore from the history brings back the identical original', async ({ app, portal }) => {
  const me = portal.accounts.admin
  await app.signIn(me)
  const page = app.page
  const before = stored(portal, me.id, 'original')
  const detail = await app.openPerson(me.email)
  await expect(detail).toHaveAttribute('data-person-id', me.id)

  // The confirmation names the person; Cancel changes nothing.
  await detail.getByRole('button', { name: 'Delete…' }).click()
  const confirm = page.getByTestId('delete-confirm-dialog')
  await expect(confirm).toContainText(`Delete ${me.displayName}’s photo?`)
  await confirm.getByTestId('delete-cancel').click()
  await expect(confirm).toHaveCount(0)
  expect(stored(portal, me.id, 'original').equals(before)).toBe(true)

  await detail.getByRole('button', { name: 'Delete…' }).click()
  await confirm.getByTestId('delete-confirm').click()
  await expect(successToast(page)).toContainText(`Photo of ${me.displayName} deleted`)
  expect(portal.storedPhoto(me.id, 'original')).toBeUndefined()
  await expect(detail.getByTestId('detail-default-note')).toBeVisible()
  await expect(ui.rows(page).first()).toHaveAttribute('data-has-photo', 'false')

  await detail.getByRole('button', { name: 'History' }).click()
  const saved = detail.locator('[data-testid="history-entry"][data-before="delete"]')
  await expect(saved).toHaveCount(1)
  await expect(saved).toHaveAttribute('data-had-photo', 'true')
  await saved.getByTestId('history-restore').click()
  const ask = page.getByRole('dialog', { name: /^Restore .* photo of / })
  await ask.getByRole('button', { name: 'Restore photo' }).click()
  await expect(successToast(page)).toContainText(`${me.displayName}’s photo of`)

  const after = stored(portal, me.id, 'original')
  expect(after.equals(before), 'the restored original is byte-identical').toBe(true)
  expect(await decoded(stored(portal, me.id, 'small'))).toMatchObject({ width: 32, height: 32 })
  await expect(detail.getByTestId('detail-default-note')).toHaveCount(0)
  await expect(ui.rows(page).first()).toHaveAttribute('data-has-photo', 'true')
  // The restore saved what it replaced (no photo) first, so it could be undone in turn.
  await expect(detail.locator('[data-testid="history-entry"][data-before="restore"]')).toHaveAttribute('data-had-photo', 'false')
})

test('Undo in the toast after a replace brings back the previous original', async ({ app, portal }) => {
  const me = portal.accounts.admin
  await app.signIn(me)
  const page = app.page
  const before = stored(portal, me.id, 'original')
  const smallBefore = stored(portal, me.id, 'small')
  const row = await rowFor(page, me.email)
  await dropAndOpenEditor(row, jpegFile('quadrants.jpg', await quadrantsJpeg(400, 300)))
  await saveAndWait(page, `Photo of ${me.displayName} replaced`)
  expect(stored(portal, me.id, 'original').equals(before)).toBe(false)

  await successToast(page).getByTestId('toast-undo').click()
  await expect(successToast(page)).toContainText(`Undone: ${me.displayName}’s photo is back as it was`)
  expect(stored(portal, me.id, 'original').equals(before), 'the previous original, byte for byte').toBe(true)
  // No crop of this app's was known for the seeded photo: the portal's centred square, as before.
  const now = await meanColour(stored(portal, me.id, 'small'))
  const then = await meanColour(smallBefore)
  expect(now.map((v, i) => Math.abs(v - then[i]!)).every((d) => d <= 3), `small thumbnail rgb(${now.join(',')}) is the old one, rgb(${then.join(',')})`).toBe(true)
})

test('Restore asks first with both pictures, then its toast’s Undo puts back what the restore replaced', async ({ app, portal }) => {
  const me = portal.accounts.admin
  await app.signIn(me)
  const page = app.page
  const seeded = stored(portal, me.id, 'original')
  const row = await rowFor(page, me.email)
  await dropAndOpenEditor(row, jpegFile('quadrants.jpg', await quadrantsJpeg(400, 300)))
  await saveAndWait(page, `Photo of ${me.displayName} replaced`)
  const replaced = stored(portal, me.id, 'original')

  await row.click()
  const detail = ui.detail(page)
  await detail.getByRole('button', { name: 'History' }).click()
  const entry = detail.locator('[data-testid="history-entry"][data-before="replace"]')
  await entry.getByRole('button', { name: 'Restore' }).click()

  // The question shows what the person has now and what comes back, named by the day it was saved.
  const day = dayText(new Date().toISOString(), 'en')
  const ask = page.getByRole('dialog', { name: `Restore ${me.displayName}’s photo of ${day}?` })
  await expect(ask).toBeVisible()
  const now = ask.getByRole('img', { name: `${me.displayName}’s current photo` })
  const after = ask.getByRole('img', { name: `${me.displayName}’s photo of ${day}` })
  await expect(now).toBeVisible()
  await expect(after).toBeVisible()
  expect(await now.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  expect(await after.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  await expect(ask).toContainText('The current photo is saved in the history first, so Undo brings it back.')

  // Cancel sends nothing.
  const since = app.outgoing.length
  await ask.getByRole('button', { name: 'Cancel' }).click()
  await expect(ask).toHaveCount(0)
  expect(app.outgoing.slice(since).filter((r) => r.method !== 'GET')).toEqual([])
  expect(stored(portal, me.id, 'original').equals(replaced)).toBe(true)

  await entry.getByRole('button', { name: 'Restore' }).click()
  await ask.getByRole('button', { name: 'Restore photo' }).click()
  const toast = successToast(page)
  await expect(toast).toContainText(`${me.displayName}’s photo of ${day} is back`)
  expect(stored(portal, me.id, 'original').equals(seeded), 'the seeded original is back').toBe(true)

  // Undo = the photo the restore replaced, from the backup the restore made.
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(toast).toContainText(`Undone: ${me.displayName}’s photo is back as it was`)
  expect(stored(portal, me.id, 'original').equals(replaced), 'the replaced photo is back').toBe(true)
})

test('the activity view lists the changes and Export CSV downloads them', async ({ app, portal }) => {
  const me = portal.accounts.admin
  await app.signIn(me)
  const page = app.page
  const row = await rowFor(page, me.email)
  await dropAndOpenEditor(row, jpegFile('quadrants.jpg', await quadrantsJpeg(400, 300)))
  await saveAndWait(page, `Photo of ${me.displayName} replaced`)
  await row.click()
  const detail = ui.detail(page)
  await detail.getByRole('button', { name: 'Delete…' }).click()
  await page.getByTestId('delete-confirm').click()
  await expect(successToast(page).filter({ hasText: 'deleted' })).toBeVisible()

  await page.getByRole('button', { name: 'Activity' }).click()
  const view = page.getByRole('dialog', { name: 'Activity' })
  const entries = view.getByTestId('activity-entry')
  await expect(entries).toHaveCount(2)
  // Newest first.
  await expect(entries.nth(0)).toHaveAttribute('data-action', 'delete')
  await expect(entries.nth(1)).toHaveAttribute('data-action', 'replace')
  for (const i of [0, 1]) {
    await expect(entries.nth(i)).toHaveAttribute('data-result', 'ok')
    await expect(entries.nth(i)).toHaveAttribute('data-user-id', me.id)
    await expect(entries.nth(i)).toContainText(me.displayName)
  }

  const [download] = await Promise.all([page.waitForEvent('download'), view.getByTestId('activity-export').click()])
  expect(download.suggestedFilename()).toMatch(/^photo-activity-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = await readFile(await download.path(), 'utf8')
  const lines = csv.trim().split(/\r?\n/)
  expect(lines[0]).toContain('Person')
  expect(lines).toHaveLength(3)
  // Oldest first in the file (a log), one row per change, with who did it and to whom.
  expect(lines[1]).toContain('"replace","ok"')
  expect(lines[2]).toContain('"delete","ok"')
  for (const line of lines.slice(1)) {
    expect(line).toContain(me.id)
    expect(line).toContain(me.email)
    expect(line).toContain(me.displayName)
  }
})
