/**
 * The portal goes away in the middle of a change (its server dies: every connection drops and
 * nothing listens any more). The app says one thing: where it broke and what the person has now, or
 * that nobody can know yet, with the one action that helps, as a real button that works once the
 * portal is back. The Activity view tells the failure in the same words.
 */
import { photoLikeJpeg } from '../main/testing/images/editor-test-images'
import { expect, test } from './harness'
import { dropAndOpenEditor, jpegFile, rowFor, stored, successToast } from './photo-support'
import { startPortalProxy, type PortalProxy } from './support/portal-proxy'

test.use({ portalOptions: { version: '3.7.2', people: 40 } })

let proxy: PortalProxy
test.beforeEach(async ({ portal }) => {
  proxy = await startPortalProxy(portal.url)
})
test.afterEach(async () => {
  await proxy.close()
})

test('killed while uploading: the person keeps their photo, Try again works once the portal is back, Activity says the same', async ({ app, portal }) => {
  // Whatever else was loading when the plug was pulled may log its failure.
  app.allowConsoleError(/Failed to load resource|net::ERR/)
  const me = portal.accounts.admin
  await app.signIn(me, { portalUrl: proxy.url })
  const page = app.page
  const before = stored(portal, me.id, 'original')
  const dialog = await dropAndOpenEditor(await rowFor(page, me.email), jpegFile('portrait.jpg', await photoLikeJpeg(1200, 900)))

  // A slow upload, so the plug can be pulled while it runs.
  portal.faults.set({ uploadBytesPerSecond: 20_000 })
  const logged = app.logLines.length
  await dialog.getByRole('button', { name: 'Save photo' }).click()
  await expect(dialog.getByText('Uploading…')).toBeVisible({ timeout: 20_000 })
  // The current photo (for the backup) is read while the upload starts; a plug pulled before that
  // read is back is rightly told as "before anything was changed", so wait for its original.
  const original = new RegExp(`http method=GET path=\\S*${me.id}_orig_\\S* status=200`)
  await expect.poll(() => app.logLines.slice(logged).some((line) => original.test(line)), { timeout: 20_000 }).toBe(true)
  await proxy.kill()

  const portalName = new URL(proxy.url).host
  const said = `The connection to ${portalName} was lost while the photo was uploading. ${me.displayName} keeps the old photo.`
  const problem = dialog.getByRole('alert')
  await expect(problem).toHaveText(new RegExp(`^\\s*${escape(said)}\\s*Try again\\s*$`), { timeout: 30_000 })
  expect(stored(portal, me.id, 'original').equals(before), 'the portal still has the old photo').toBe(true)

  // The portal is back: the button sends the same photo and crop again.
  portal.faults.set({ uploadBytesPerSecond: 0 })
  await proxy.revive()
  await problem.getByRole('button', { name: 'Try again' }).click()
  await expect(dialog).toHaveCount(0, { timeout: 30_000 })
  await expect(successToast(page)).toContainText(`Photo of ${me.displayName} replaced`)
  expect(stored(portal, me.id, 'original').equals(before)).toBe(false)

  await page.getByRole('button', { name: 'Activity' }).click()
  const view = page.getByRole('dialog', { name: 'Activity' })
  const rows = view.getByTestId('activity-entry')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toHaveAttribute('data-result', 'ok')
  await expect(rows.nth(1).getByTestId('activity-detail')).toHaveText(said)
})

test('killed while the portal switches to the new photo: nobody can know which photo the person has, Refresh shows it', async ({ app, portal }) => {
  app.allowConsoleError(/Failed to load resource|net::ERR/)
  const me = portal.accounts.admin
  await app.signIn(me, { portalUrl: proxy.url })
  const page = app.page
  const before = stored(portal, me.id, 'original')
  const dialog = await dropAndOpenEditor(await rowFor(page, me.email), jpegFile('portrait.jpg', await photoLikeJpeg(800, 600)))

  // The switch is the thumbnails call with the uploaded temp file (CONTRACT.md §1.5): the plug is pulled as it arrives.
  const killed = proxy.killOn(/^POST \/api\/2\.0\/people\/[^ ]+\/photo\/thumbnails/m)
  await dialog.getByRole('button', { name: 'Save photo' }).click()
  await killed

  const portalName = new URL(proxy.url).host
  const said = `${portalName} stopped answering while it was switching to the new photo, so it is not known whether ${me.displayName} has the old or the new photo. Refresh to see which; the old photo is saved in the history.`
  const problem = dialog.getByRole('alert')
  await expect(problem).toHaveText(new RegExp(`^\\s*${escape(said)}\\s*Refresh\\s*$`), { timeout: 30_000 })
  // One paragraph, no second one repeating it.
  await expect(problem.locator('p')).toHaveCount(1)

  await proxy.revive()
  await problem.getByRole('button', { name: 'Refresh' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Notifications' }).getByText(`${me.displayName}’s photo is shown as the portal has it now.`)).toBeVisible()
  // The switch never reached the portal: the old photo, which the panel now shows.
  expect(stored(portal, me.id, 'original').equals(before)).toBe(true)

  await page.getByRole('button', { name: 'Activity' }).click()
  const rows = page.getByRole('dialog', { name: 'Activity' }).getByTestId('activity-entry')
  await expect(rows).toHaveCount(1)
  await expect(rows.nth(0).getByTestId('activity-detail')).toHaveText(said)
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
