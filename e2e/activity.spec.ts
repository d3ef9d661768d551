/**
 * The activity view as people read it: each change in words ("Cropped to a square of … px",
 * "Restored the photo of 3 March"), never a backup id or an error code; filters by person, change,
 * who and day; and someone signed in as an ordinary user sees only the changes they made.
 */
import { quadrantsJpeg } from '../main/testing/images/editor-test-images'
import { dayText, localDay } from '../renderer/src/i18n/dates'
import { expect, test, ui, type AppHarness } from './harness'
import { dropAndOpenEditor, jpegFile, rowFor, saveAndWait, successToast } from './photo-support'

test.use({ portalOptions: { version: '3.7.2', people: 40 } })

test('details in words, and filters by person, change, who and day', async ({ app, portal }) => {
  const me = portal.accounts.admin
  await app.signIn(me)
  const page = app.page
  const row = await rowFor(page, me.email)
  await dropAndOpenEditor(row, jpegFile('quadrants.jpg', await quadrantsJpeg(400, 300)))
  await saveAndWait(page, `Photo of ${me.displayName} replaced`)
  await row.click()
  const detail = ui.detail(page)
  await detail.getByRole('button', { name: 'History' }).click()
  await detail.locator('[data-testid="history-entry"][data-before="replace"]').getByRole('button', { name: 'Restore' }).click()
  await page.getByRole('dialog', { name: /^Restore / }).getByRole('button', { name: 'Restore photo' }).click()
  await expect(successToast(page)).toContainText('is back')

  await page.getByRole('button', { name: 'Activity' }).click()
  const view = page.getByRole('dialog', { name: 'Activity' })
  const rows = view.getByTestId('activity-entry')
  await expect(rows).toHaveCount(2)
  const today = dayText(new Date().toISOString(), 'en')
  await expect(rows.nth(0).getByTestId('activity-detail')).toHaveText(`Restored the photo of ${today}`)
  // The editor's starting square, in pixels of the stored original (at most its 300 px height).
  await expect(rows.nth(1).getByTestId('activity-detail')).toHaveText(/^Cropped to a square of (\d{2}|[12]\d{2}|300) px$/)
  await expect(view.getByRole('table')).not.toContainText(/backup|portal\/|net\//)

  const filters = view.getByRole('search', { name: 'Filter the activity' })
  await filters.getByLabel('Change', { exact: true }).selectOption({ label: 'Restore' })
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toHaveAttribute('data-action', 'restore')
  await filters.getByRole('button', { name: 'Clear filters' }).click()
  await expect(rows).toHaveCount(2)

  await filters.getByLabel('Person', { exact: true }).fill('nobody of that name')
  await expect(rows).toHaveCount(0)
  await expect(view.getByText('No changes match these filters.')).toBeVisible()
  await filters.getByLabel('Person', { exact: true }).fill(me.displayName.split(' ')[0] ?? '')
  await expect(rows).toHaveCount(2)

  await filters.getByLabel('By', { exact: true }).selectOption(me.email)
  await expect(rows).toHaveCount(2)
  const tomorrow = localDay(new Date(Date.now() + 86_400_000).toISOString())
  await filters.getByLabel('From', { exact: true }).fill(tomorrow)
  await expect(rows).toHaveCount(0)
  await filters.getByLabel('From', { exact: true }).fill(localDay(new Date().toISOString()))
  await filters.getByLabel('To', { exact: true }).fill(localDay(new Date().toISOString()))
  await expect(rows).toHaveCount(2)
  await expect(filters.getByRole('status')).toHaveText('2 of 2 changes')
})

test('signed in as an ordinary user, the activity holds only your own changes', async ({ app, portal }) => {
  const admin = portal.accounts.admin
  const user = portal.accounts.user
  await app.signIn(admin)
  const page = app.page
  await dropAndOpenEditor(await rowFor(page, admin.email), jpegFile('quadrants.jpg', await quadrantsJpeg(400, 300)))
  await saveAndWait(page, `Photo of ${admin.displayName} replaced`)

  // The user signs in on the same computer and changes their own photo (3.7.2: only their own).
  const signedIn = await app.call('accounts:sign-in', { method: 'password', portalUrl: portal.url, email: user.email, password: user.password })
  if (!signedIn.ok || signedIn.value.kind !== 'signed-in') throw new Error('the user could not sign in')
  const userAccount = signedIn.value.account.id
  const own = await app.call('photos:replace', { accountId: userAccount, userId: user.id, jobId: 'e2e-user', bytes: await quadrantsJpeg(300, 300), rotate: 0, crop: { x: 0, y: 0, width: 1, height: 1 } })
  expect(own.ok).toBe(true)

  await app.open()
  await expect(ui.counts(page)).toBeVisible()
  await openActivity(app)
  const rows = page.getByRole('dialog', { name: 'Activity' }).getByTestId('activity-entry')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toHaveAttribute('data-user-id', user.id)
  await expect(page.getByRole('dialog', { name: 'Activity' })).not.toContainText(admin.displayName)
  // Main keeps to it too: the list and the CSV hold only the user's own change.
  const listed = await app.call('activity:list', {})
  expect(listed.ok && listed.value.map((e) => e.actor)).toEqual([user.email])
  const csv = await app.call('activity:export-csv', undefined)
  expect(csv.ok && csv.value.csv).not.toContain(admin.email)

  // Back as the admin, everything made on this computer is there.
  const admins = await app.call('accounts:overview', undefined)
  const adminId = admins.ok ? admins.value.accounts.find((a) => a.user.email === admin.email)?.id : undefined
  await app.call('accounts:switch', { accountId: adminId ?? '' })
  await app.open()
  await expect(ui.counts(page)).toBeVisible()
  await openActivity(app)
  await expect(page.getByRole('dialog', { name: 'Activity' }).getByTestId('activity-entry')).toHaveCount(2)
})

async function openActivity(app: AppHarness): Promise<void> {
  await app.page.getByRole('button', { name: 'Activity' }).click()
  await expect(app.page.getByRole('dialog', { name: 'Activity' })).toBeVisible()
}
