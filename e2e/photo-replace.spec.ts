/**
 * Replacing a photo end to end, as HR staff do it: a real drop on a person, the real cropper moved with
 * the mouse or the keyboard, Save, and then what the emulated portal STORED, decoded here with sharp:
 * the crop lands in every size while the original stays whole, EXIF orientation ends upright, a
 * 24-megapixel photo arrives within 1280 px and under the upload limit. Pasting opens the editor too.
 */
import sharp from 'sharp'
import { photoLikeJpeg, quadrantsJpeg, quadrantsPng, sidewaysJpeg } from '../main/testing/images/editor-test-images'
import { dragFilesOver, expect, test, ui } from './harness'
import {
  MiB,
  colourName,
  cropToCorner,
  currentCrop,
  decoded,
  dropAndOpenEditor,
  jpegFile,
  meanColour,
  quadrantNames,
  rowFor,
  saveAndWait,
  shownColour,
  stored,
  waitForEditor,
  writesTo
} from './photo-support'

// From 3.6 on everyone changes only their own photo (CONTRACT.md §2.1): the admin edits their own.
test.use({ portalOptions: { version: '3.7.2', people: 60 } })

test('a four-colour photo dropped on a row and cropped to one quadrant with the mouse: every stored size is that quadrant, the original stays whole', async ({ app, portal }) => {
  const me = portal.accounts.admin
  await app.signIn(me)
  await app.waitForFullList()
  const page = app.page
  const row = await rowFor(page, me.email)
  await row.click()
  const detail = ui.detail(page)
  await expect(detail).toHaveAttribute('data-person-id', me.id)
  const rowPhoto = row.locator('.avatar img')
  await expect(rowPhoto).toBeVisible()
  const rowSrcBefore = await rowPhoto.getAttribute('src')
  const originalBefore = stored(portal, me.id, 'original')

  // Dragging over the row says whose photo will change; the drop opens the editor for them.
  const photo = jpegFile('quadrants.jpg', await quadrantsJpeg(800, 600))
  await dragFilesOver(row, [photo])
  const overlay = page.getByTestId('drop-overlay')
  await expect(overlay).toHaveAttribute('data-state', 'accept')
  await expect(overlay).toHaveAttribute('data-person-id', me.id)
  await expect(overlay).toHaveText(`Drop to replace ${me.displayName}’s photo`)
  const dialog = await dropAndOpenEditor(row, photo)
  await expect(overlay).toHaveCount(0)
  await expect(dialog.locator('[data-person-id]')).toHaveAttribute('data-person-id', me.id)
  await expect(dialog.getByTestId('editor-title')).toHaveText(`New photo for ${me.displayName}`)
  await expect(dialog.getByTestId('source-size')).toHaveAttribute('data-width', '800')
  await expect(dialog.getByTestId('source-size')).toHaveAttribute('data-height', '600')

  // Red is the top-left quadrant: shrink the square with its corner handle, drag it into that corner.
  const crop = await cropToCorner(dialog, 'top-left', 0.4)
  expect(crop.x).toBeLessThan(0.01)
  expect(crop.y).toBeLessThan(0.01)
  expect(crop.x + crop.width).toBeLessThan(0.5)
  expect(crop.y + crop.height).toBeLessThan(0.5)
  expect(crop.width * 800).toBeCloseTo(crop.height * 600, 0)

  const before = app.outgoing.length
  await saveAndWait(page, `Photo of ${me.displayName} replaced`)

  // What the portal stores: the crop in every size, the original whole.
  const small = stored(portal, me.id, 'small')
  expect(await decoded(small)).toMatchObject({ width: 32, height: 32 })
  expect(colourName(await meanColour(small))).toBe('red')
  expect(colourName(await meanColour(stored(portal, me.id, 'retina')))).toBe('red')
  const original = stored(portal, me.id, 'original')
  expect(original.equals(originalBefore)).toBe(false)
  expect(await decoded(original)).toMatchObject({ width: 800, height: 600, format: 'jpeg' })
  expect(await quadrantNames(original)).toEqual(['red', 'green', 'blue', 'yellow'])

  // The Photos API as intended (CONTRACT.md §1.4/§1.5): temp upload, promotion, then the exact crop.
  const writes = writesTo(app, portal, before).map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`)
  expect(writes).toEqual([`POST /api/2.0/people/${me.id}/photo`, `POST /api/2.0/people/${me.id}/photo/thumbnails`, `POST /api/2.0/people/${me.id}/photo/thumbnails`])

  // The row and the panel show the new photo at once, decoded in the page.
  await expect(rowPhoto).not.toHaveAttribute('src', rowSrcBefore ?? '')
  await expect.poll(() => shownColour(rowPhoto)).toBe('red')
  const smallTile = detail.locator('[data-testid="size-tile"][data-size="small"]')
  await expect.poll(() => shownColour(smallTile.locator('img'))).toBe('red')
  const originalTile = detail.locator('[data-testid="size-tile"][data-size="original"]')
  await expect(originalTile).toHaveAttribute('data-width', '800')
  await expect(originalTile).toHaveAttribute('data-height', '600')
})

test('a JPEG with EXIF orientation 6, dropped on the panel and cropped with the keyboard, ends upright on the portal', async ({ app, portal }) => {
  const me = portal.accounts.admin
  await app.signIn(me)
  const page = app.page
  const detail = await app.openPerson(me.email)
  await expect(detail).toHaveAttribute('data-person-id', me.id)

  // Stored 600×300 with red on top; upright it is 300×600 with blue on the left, red on the right.
  const dialog = await dropAndOpenEditor(detail, jpegFile('sideways.jpg', await sidewaysJpeg(600, 300)))
  await expect(dialog.getByTestId('source-size')).toHaveAttribute('data-width', '300')
  await expect(dialog.getByTestId('source-size')).toHaveAttribute('data-height', '600')
  // The whole width is selectable (upright, the image is taller than wide); move it down with the keys.
  const start = await currentCrop(dialog)
  expect(start.width).toBeGreaterThan(0.85)
  await dialog.locator('.canvas-wrap').focus()
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown')
  await expect.poll(async () => (await currentCrop(dialog)).y).toBeGreaterThan(start.y + 0.02)

  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0, { timeout: 30_000 })
  await expect(page.locator('[data-testid="toast"][data-kind="success"]')).toContainText(`Photo of ${me.displayName} replaced`)

  const original = stored(portal, me.id, 'original')
  const info = await decoded(original)
  expect(info).toMatchObject({ width: 300, height: 600 })
  expect(info.orientation).toBeUndefined()
  // Pixel positions: left strip blue, right strip red, top to bottom.
  expect(colourName(await meanColour(original, { left: 10, top: 10, width: 120, height: 580 }))).toBe('blue')
  expect(colourName(await meanColour(original, { left: 170, top: 10, width: 120, height: 580 }))).toBe('red')
  const small = stored(portal, me.id, 'small')
  expect(colourName(await meanColour(small, { left: 0, top: 0, width: 14, height: 32 }))).toBe('blue')
  expect(colourName(await meanColour(small, { left: 18, top: 0, width: 14, height: 32 }))).toBe('red')
})

test.describe('on a portal with the 1 MiB upload limit', () => {
  test.use({ portalOptions: { version: '3.7.2', people: 60, maxImageUploadSize: MiB } })

  test('a 6000×4000 JPEG is stored within 1280 px and under the portal’s maxImageUploadSize', async ({ app, portal }) => {
    const me = portal.accounts.admin
    const big = await photoLikeJpeg(6000, 4000, { quality: 75 })
    expect(big.byteLength).toBeGreaterThan(MiB)
    await app.signIn(me)
    const page = app.page
    const row = await rowFor(page, me.email)
    const dialog = await dropAndOpenEditor(row, jpegFile('camera.jpg', big))
    await expect(dialog.getByTestId('source-size')).toHaveAttribute('data-width', '6000')
    await expect(dialog.getByTestId('source-size')).toHaveAttribute('data-height', '4000')
    await saveAndWait(page, `Photo of ${me.displayName} replaced`)

    const original = stored(portal, me.id, 'original')
    const info = await decoded(original)
    expect(info.format).toBe('jpeg')
    expect(Math.max(info.width, info.height)).toBe(1280)
    expect(info.height).toBe(853)
    expect(original.byteLength).toBeLessThanOrEqual(MiB)
    expect(await decoded(stored(portal, me.id, 'retina'))).toMatchObject({ width: 360, height: 360 })
  })
})

test('an image copied to the clipboard and pasted with Ctrl+V onto the selected person opens the editor for them, and saving stores it', async ({ app, portal, context }) => {
  const me = portal.accounts.admin
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.hostUrl).origin })
  await app.signIn(me)
  const page = app.page
  const row = await rowFor(page, me.email)
  await row.click()
  await expect(ui.detail(page)).toHaveAttribute('data-person-id', me.id)

  // The browser's real clipboard (headless Chromium keeps its own), as a screenshot tool would fill it.
  const png = await quadrantsPng(400, 300)
  await page.evaluate(async (base64) => {
    const binary = atob(base64)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': new Blob([bytes], { type: 'image/png' }) })])
  }, png.toString('base64'))
  // Focus on the list, not in the search box: a paste into a text field stays there.
  await page.getByTestId('people-list').focus()
  await page.keyboard.press('Control+V')

  const dialog = await waitForEditor(page)
  await expect(dialog.locator('[data-person-id]')).toHaveAttribute('data-person-id', me.id)
  await expect(dialog.getByTestId('source-size')).toContainText('PNG')
  await expect(dialog.getByTestId('source-size')).toHaveAttribute('data-width', '400')
  await saveAndWait(page, `Photo of ${me.displayName} replaced`)
  expect(await decoded(stored(portal, me.id, 'original'))).toMatchObject({ width: 400, height: 300 })
})

test('a one-colour photo with no face, saved without touching the crop, is stored in every size and the page raises no error', async ({ app, portal }) => {
  const me = portal.accounts.admin
  const errors: string[] = []
  app.page.on('pageerror', (error) => errors.push(error.message))
  await app.signIn(me)
  const page = app.page
  const row = await rowFor(page, me.email)
  const plain = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 30, g: 160, b: 60 } } }).jpeg({ quality: 95 }).toBuffer()
  await dropAndOpenEditor(row, jpegFile('plain.jpg', plain))
  await saveAndWait(page, `Photo of ${me.displayName} replaced`)
  const small = await meanColour(stored(portal, me.id, 'small'))
  ;[30, 160, 60].forEach((v, i) => expect(Math.abs(small[i]! - v)).toBeLessThan(12))
  expect(errors).toEqual([])
})
