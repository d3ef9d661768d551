/**
 * Photo changes that must NOT happen, or must not half-happen (a half-changed photo is worse than
 * none): unusable files are refused with their own message and nothing goes to the portal; the portal
 * version's permission rule is said before anything is sent; a 5xx or a lost connection during the
 * upload leaves the old photo (checked on the emulator's stored bytes) and the same Save then succeeds.
 */
import type { Page } from '@playwright/test'
import type { RunningPortal } from '../emulator/index'
import { decompressionBombPng, photoLikeJpeg, quadrantsJpeg } from '../main/testing/images/editor-test-images'
import { dragFilesOver, dropFiles, expect, test, type AppHarness } from './harness'
import { colourName, decoded, dropAndOpenEditor, editor, jpegFile, meanColour, rowFor, saveAndWait, stored, writesTo } from './photo-support'

function errorToast(page: Page) {
  return page.locator('[data-testid="toast"][data-kind="error"]')
}

/** Nothing that could change a photo went to the portal since `since`, and the stored photo is as it was. */
function expectUntouched(app: AppHarness, portal: RunningPortal, userId: string, since: number, before: Buffer): void {
  expect(writesTo(app, portal, since), 'requests that could change the photo').toEqual([])
  expect(stored(portal, userId, 'original').equals(before), 'the stored original is unchanged').toBe(true)
}

test.describe('unusable files', () => {
  test.use({ portalOptions: { version: '3.7.2', people: 60 } })

  test('a text file renamed .jpg, a truncated JPEG and a 30000×30000 PNG each get their own message and nothing is sent', async ({ app, portal }) => {
    const me = portal.accounts.admin
    await app.signIn(me)
    const page = app.page
    const row = await rowFor(page, me.email)
    const before = stored(portal, me.id, 'original')
    const since = app.outgoing.length

    // Not an image at all, whatever its name says: refused on the drop, the editor never opens.
    await dropFiles(row, [jpegFile('notes.jpg', new TextEncoder().encode('Quarterly review notes: photo still missing.\n'))])
    await expect(errorToast(page)).toHaveAttribute('data-error-code', 'image/unsupported')
    await expect(errorToast(page)).toContainText('“notes.jpg” is not an image the app can read. Use a JPEG, PNG, WebP, GIF, TIFF, AVIF or HEIC file.')
    await expect(editor(page)).toHaveCount(0)
    await errorToast(page).getByRole('button', { name: 'Dismiss' }).click()

    // A decompression bomb: refused from its header (900 megapixels), before any pixel is decoded.
    await dropFiles(row, [{ name: 'huge.png', mimeType: 'image/png', bytes: decompressionBombPng(30_000) }])
    await expect(errorToast(page)).toHaveAttribute('data-error-code', 'image/too-large')
    await expect(errorToast(page)).toContainText('“huge.png” is too large to process safely (30,000 × 30,000 px). Scale it down and try again.')
    await expect(editor(page)).toHaveCount(0)
    await errorToast(page).getByRole('button', { name: 'Dismiss' }).click()

    // A cut-off download: its header is intact (so the editor opens, showing what the browser can
    // draw), its pixels are not. Main decodes it on Save and refuses it there, before any request.
    const whole = await photoLikeJpeg(600, 400)
    const dialog = await dropAndOpenEditor(row, jpegFile('cut.jpg', whole.subarray(0, Math.floor(whole.byteLength * 0.6))))
    await dialog.getByRole('button', { name: 'Save photo' }).click()
    await expect(dialog.getByTestId('photo-error')).toHaveAttribute('data-error-code', 'image/corrupt')
    await expect(dialog.getByTestId('photo-error-message')).toHaveText('“cut.jpg” is damaged: it says it is an image, but its pixels cannot be read. Export it again from the original.')
    await dialog.getByTestId('editor-cancel').click()
    await expect(dialog).toHaveCount(0)

    expectUntouched(app, portal, me.id, since, before)
  })
})

test.describe('on a DocSpace 3.7.2 portal', () => {
  test.use({ portalOptions: { version: '3.7.2', people: 60 } })

  test('replacing another person’s photo is refused with the version rule and nothing is sent; replacing your own works', async ({ app, portal }) => {
    const me = portal.accounts.admin
    const other = portal.accounts.user
    await app.signIn(me)
    const page = app.page
    const photo = jpegFile('quadrants.jpg', await quadrantsJpeg(400, 300))
    const otherBefore = stored(portal, other.id, 'original')
    const since = app.outgoing.length

    // The locked row takes the drop only to prepare a hand-over (the person applies it themselves):
    // the editor opens for that, and cancelling it sends nothing.
    const otherRow = await rowFor(page, other.email)
    await dragFilesOver(otherRow, [photo])
    const overlay = page.getByTestId('drop-overlay')
    await expect(overlay).toHaveAttribute('data-person-id', other.id)
    await expect(overlay).toContainText(`Drop to prepare a photo for ${other.displayName}`)
    await expect(otherRow.getByTestId('row-lock')).toHaveAttribute('aria-label', /from DocSpace 3.6 on, only/)
    await dropFiles(otherRow, [photo])
    await expect(overlay).toHaveCount(0)
    await expect(editor(page).getByTestId('editor-title')).toHaveText(`New photo for ${other.displayName} (to hand over)`)
    await editor(page).getByTestId('editor-cancel').click()
    await expect(editor(page)).toHaveCount(0)
    expectUntouched(app, portal, other.id, since, otherBefore)

    // Even through main directly (no UI lock in the way), the refusal comes before any request that writes.
    const direct = await app.call('photos:replace', {
      accountId: (await activeAccountId(app)) ?? '',
      userId: other.id,
      jobId: 'e2e-direct',
      bytes: photo.bytes,
      rotate: 0,
      crop: { x: 0, y: 0, width: 0.75, height: 1 }
    })
    expect(direct.ok).toBe(false)
    if (!direct.ok) {
      expect(direct.error.code).toBe('portal/forbidden')
      expect(direct.error.message).toContain('3.7.2')
    }
    expectUntouched(app, portal, other.id, since, otherBefore)

    // Your own photo: allowed.
    const ownRow = await rowFor(page, me.email)
    await dropAndOpenEditor(ownRow, photo)
    await saveAndWait(page, `Photo of ${me.displayName} replaced`)
    expect(writesTo(app, portal, since).length).toBeGreaterThan(0)
    expect(await decodedSize(stored(portal, me.id, 'original'))).toEqual({ width: 400, height: 300 })
  })
})

test.describe('on a DocSpace 3.5.0 portal', () => {
  test.use({ portalOptions: { version: '3.5.0', people: 60 } })

  test('an admin replaces a user’s photo', async ({ app, portal }) => {
    const admin = portal.accounts.admin
    const user = portal.accounts.user
    await app.signIn(admin)
    const page = app.page
    const before = stored(portal, user.id, 'original')
    const row = await rowFor(page, user.email)
    await expect(row).toHaveAttribute('data-editable', 'true')
    const dialog = await dropAndOpenEditor(row, jpegFile('quadrants.jpg', await quadrantsJpeg(400, 300)))
    await expect(dialog.getByTestId('editor-title')).toHaveText(`New photo for ${user.displayName}`)
    await saveAndWait(page, `Photo of ${user.displayName} replaced`)

    const original = stored(portal, user.id, 'original')
    expect(original.equals(before)).toBe(false)
    expect(await decodedSize(original)).toEqual({ width: 400, height: 300 })
    // The editor's default square is centred on the 4:3 photo: all four colours meet in the thumbnail.
    expect(colourName(await meanColour(stored(portal, user.id, 'small'), { left: 0, top: 0, width: 12, height: 12 }))).toBe('red')
    expect(colourName(await meanColour(stored(portal, user.id, 'small'), { left: 20, top: 20, width: 12, height: 12 }))).toBe('yellow')
  })
})

test.describe('faults during the upload', () => {
  test.use({ portalOptions: { version: '3.7.2', people: 60 } })

  for (const kind of ['503', 'reset'] as const) {
    test(`a ${kind === '503' ? '503' : 'connection reset'} during the upload leaves the old photo, the editor says so, and Save again succeeds`, async ({ app, portal }) => {
      const me = portal.accounts.admin
      await app.signIn(me)
      const page = app.page
      const before = stored(portal, me.id, 'original')
      const smallBefore = stored(portal, me.id, 'small')
      const row = await rowFor(page, me.email)
      const dialog = await dropAndOpenEditor(row, jpegFile('quadrants.jpg', await quadrantsJpeg(400, 300)))

      // The upload is POST /api/2.0/people/{id}/photo (the thumbnails calls come after it).
      portal.faults.set({ failNext: [{ path: `/people/${me.id}/photo`, method: 'POST', kind }] })
      await dialog.getByRole('button', { name: 'Save photo' }).click()
      const problem = dialog.getByTestId('photo-error')
      await expect(problem).toBeVisible({ timeout: 30_000 })
      await expect(problem).toHaveAttribute('data-error-code', kind === '503' ? 'portal/server-error' : 'net/connection-lost')
      await expect(dialog.getByTestId('photo-error-message')).toContainText(
        kind === '503' ? `did not take the change. ${me.displayName} keeps the old photo.` : `was lost while the photo was uploading. ${me.displayName} keeps the old photo.`
      )
      // One message, and the button it names.
      await expect(dialog.getByTestId('photo-error-detail')).toHaveCount(0)
      await expect(problem.getByRole('button', { name: 'Try again' })).toBeVisible()
      expect(portal.faults.current().failNext, 'the fault was used').toEqual([])
      // No half state on the portal: the same photo in every size.
      expect(stored(portal, me.id, 'original').equals(before)).toBe(true)
      expect(stored(portal, me.id, 'small').equals(smallBefore)).toBe(true)

      // The editor stayed open with the same photo and crop: Save again.
      await saveAndWait(page, `Photo of ${me.displayName} replaced`)
      expect(await decodedSize(stored(portal, me.id, 'original'))).toEqual({ width: 400, height: 300 })
    })
  }
})

async function decodedSize(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const { width, height } = await decoded(bytes)
  return { width, height }
}

async function activeAccountId(app: AppHarness): Promise<string | undefined> {
  const overview = await app.call('accounts:overview', undefined)
  return overview.ok ? (overview.value.activeAccountId ?? undefined) : undefined
}
