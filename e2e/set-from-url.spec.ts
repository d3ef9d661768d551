/**
 * Set from URL as a person meets it: the picture is downloaded by the app, shown in the editor and
 * cropped, and set only on Save. A typo, a dead address and the portal's own "no photo" image each get
 * their own message, and none of them sends anything to the portal. Every server here is on 127.0.0.1
 * (test mode lets the app download loopback addresses; no external host or DNS is used).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { quadrantsJpeg } from '../main/testing/images/editor-test-images'
import { expect, test } from './harness'
import { cropToCorner, decoded, quadrantNames, stored, successToast, waitForEditor, writesTo } from './photo-support'

test.use({ portalOptions: { version: '3.7.2', people: 40 } })

let images: Server
let imageBase = ''
let deadPort = 0
test.beforeAll(async () => {
  const photo = await quadrantsJpeg(400, 300)
  images = createServer((req, res) => {
    if (req.url === '/portrait.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo)
    else res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve))
  imageBase = `http://127.0.0.1:${(images.address() as AddressInfo).port}`
  const dead = createServer()
  await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve))
  deadPort = (dead.address() as AddressInfo).port
  await new Promise<void>((resolve) => dead.close(() => resolve()))
})
test.afterAll(() => new Promise<void>((resolve) => images.close(() => resolve())))

test('a preview and the crop before anything is set; a typo, a dead address and the default image are refused by name', async ({ app, portal }) => {
  const me = portal.accounts.admin
  await app.signIn(me)
  const page = app.page
  const before = stored(portal, me.id, 'original')
  const detail = await app.openPerson(me.email)
  const since = app.outgoing.length

  await detail.getByRole('button', { name: 'From URL…' }).click()
  const ask = page.getByRole('dialog', { name: `Set ${me.displayName}’s photo from an address` })
  const address = ask.getByLabel('Image address')
  const tryAddress = async (url: string) => {
    await address.fill(url)
    await ask.getByRole('button', { name: 'Show and crop' }).click()
  }
  const problem = ask.getByRole('alert')

  await tryAddress('not a url')
  await expect(problem).toHaveText('This is not a web address. Paste the full address of the image, starting with https://.')

  await tryAddress(`https://127.0.0.1:${deadPort}/portrait.jpg`)
  await expect(problem).toHaveText('Could not download the image: nothing answers at 127.0.0.1. Check the address and your connection.')
  await expect(problem.locator('p')).toHaveCount(1)

  await tryAddress(`${portal.url}/static/images/default_user_photo_size_200-200.png`)
  await expect(problem).toHaveText(`This is the portal’s grey “no photo” image, not a photo of ${me.displayName}. Use the address of a real photo.`)
  expect(writesTo(app, portal, since), 'nothing was sent that could change a photo').toEqual([])

  // A real photo: shown in the editor, cropped there, and only Save sets it.
  await tryAddress(`${imageBase}/portrait.jpg`)
  await expect(ask).toHaveCount(0)
  const editor = await waitForEditor(page)
  await expect(editor.getByRole('heading', { name: `New photo for ${me.displayName}` })).toBeVisible()
  expect(writesTo(app, portal, since)).toEqual([])
  expect(stored(portal, me.id, 'original').equals(before)).toBe(true)
  await cropToCorner(editor, 'top-right')
  await editor.getByRole('button', { name: 'Save photo' }).click()
  await expect(editor).toHaveCount(0, { timeout: 30_000 })
  await expect(successToast(page)).toContainText(`Photo of ${me.displayName} set from the address`)
  expect(await decoded(stored(portal, me.id, 'original'))).toMatchObject({ width: 400, height: 300 })
  // The crop chosen in the editor was applied: the thumbnails are the green top-right quarter.
  expect((await quadrantNames(stored(portal, me.id, 'retina'))).every((c) => c === 'green')).toBe(true)

  await page.getByRole('button', { name: 'Activity' }).click()
  const rows = page.getByRole('dialog', { name: 'Activity' }).getByTestId('activity-entry')
  await expect(rows.first()).toHaveAttribute('data-action', 'set-from-url')
  await expect(rows.first().getByTestId('activity-detail')).toContainText('Image from 127.0.0.1 · Cropped to a square of')
})
