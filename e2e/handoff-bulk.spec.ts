/**
 * The bulk plan's hand-over on a 3.7.2 portal, where only a person may write their own photo: HR
 * drops a folder's worth of photos named after people on the list; the plan refuses every row but
 * offers "Hand over N photos", which hands each refused row's prepared photo to its person; the
 * people list then reads "Waiting" for each; one of them, signed in on their own computer (a second
 * app on the same portal), sees theirs waiting and applies it, and HR's status turns "applied".
 */
import sharp from 'sharp'
import { dropFiles, expect, test, ui } from './harness'
import { listEveryone } from './portal-oracle'
import { quadrantsJpeg } from '../main/testing/images/editor-test-images'
import { BLUE, GREEN, YELLOW, colourName, cropToCorner, meanColour, rowFor, stored, successToast, waitForEditor } from './photo-support'

test.use({ portalOptions: { version: '3.7.2', people: 40 }, viewport: { width: 1500, height: 1400 } })

async function solidJpeg(colour: readonly [number, number, number]): Promise<Uint8Array> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: colour[0], g: colour[1], b: colour[2] } } }).jpeg({ quality: 95 }).toBuffer()
}

test('"Hand over N photos" in a bulk plan hands every refused row to its person, who applies theirs', async ({ app, secondApp, portal }) => {
  test.setTimeout(240_000)
  const hr = portal.accounts.admin
  const demo = new Set(Object.values(portal.accounts).map((a) => a.id))
  const third = (await listEveryone(portal, hr)).find((p) => p.role === 'user' && p.status === 'active' && !demo.has(p.id) && p.email !== '')
  if (!third) throw new Error('the seed has no other active user')
  const people = [
    { account: portal.accounts.user, colour: YELLOW, name: 'yellow' },
    { account: portal.accounts.roomAdmin, colour: BLUE, name: 'blue' },
    { account: { id: third.id, email: third.email, displayName: third.displayName }, colour: GREEN, name: 'green' }
  ]
  const page = app.page
  await app.signIn(hr)
  await app.waitForFullList()

  // A folder of photos named by email, dropped on the list: every row is refused on this portal.
  const files = await Promise.all(people.map(async (p) => ({ name: `${p.account.email}.jpg`, mimeType: 'image/jpeg', bytes: await solidJpeg(p.colour) })))
  await dropFiles(page.getByTestId('people-list'), files)
  const plan = page.getByTestId('bulk-plan')
  await expect(plan).toHaveAttribute('data-stage', 'review', { timeout: 120_000 })
  await expect(page.getByTestId('bulk-row')).toHaveCount(people.length)
  for (const p of people) await expect(page.locator(`[data-testid="bulk-row"][data-user-id="${p.account.id}"]`)).toHaveAttribute('data-state', 'refused')
  await expect(page.getByTestId('bulk-refused-banner')).toHaveAttribute('data-count', String(people.length))

  const handOver = plan.getByRole('button', { name: `Hand over ${people.length} photos` })
  await handOver.click()
  await expect(successToast(page)).toContainText(`Photos handed over: ${people.length}.`)
  await expect(handOver).toBeDisabled()
  await page.getByTestId('bulk-hide').click()
  await expect(plan).toHaveCount(0)

  // The people list reads "Waiting" for each of them, and the hand-over filter finds exactly them.
  for (const p of people) await expect((await rowFor(page, p.account.email)).getByTestId('row-handoff')).toHaveText('Waiting')
  await ui.search(page).fill('')
  await page.getByLabel('Hand-over status').selectOption('waiting')
  await expect(ui.rows(page)).toHaveCount(people.length)
  await page.getByLabel('Hand-over status').selectOption('')

  // The first of them signs in on their own computer, sees it waiting and applies it.
  const first = people[0]!
  const person = secondApp.page
  await secondApp.signIn(portal.accounts.user)
  const offer = person.getByTestId('waiting-photo')
  await expect(offer.getByRole('heading', { level: 2 })).toHaveText(`A new photo is waiting for you from ${hr.displayName}`)
  await offer.getByRole('button', { name: 'Use this photo' }).click()
  await expect(successToast(person)).toContainText(`Photo of ${first.account.displayName} replaced`)
  await expect(offer).toHaveCount(0)
  expect(colourName(await meanColour(stored(portal, first.account.id, 'small'))), 'the stored 32 px photo is the one HR dropped').toBe(first.name)

  // HR's status: applied for them, still waiting for the others.
  await page.getByRole('button', { name: /^Hand-overs/ }).click()
  const list = page.getByTestId('handoff-dialog')
  await list.getByRole('button', { name: 'Check status' }).click()
  await expect(list.locator(`[data-testid="handoff-row"][data-user-id="${first.account.id}"]`)).toHaveAttribute('data-state', 'applied')
  for (const p of people.slice(1)) await expect(list.locator(`[data-testid="handoff-row"][data-user-id="${p.account.id}"]`)).toHaveAttribute('data-state', 'waiting')
})

test('HR chooses the room route, told that everyone in it sees every photo; the person finds the photo in the room and applies it', async ({ app, secondApp, portal }) => {
  test.setTimeout(180_000)
  const hr = portal.accounts.admin
  const first = portal.accounts.user
  const page = app.page
  await app.signIn(hr)
  await app.waitForFullList()

  await page.getByRole('button', { name: /^Hand-overs/ }).click()
  const list = page.getByTestId('handoff-dialog')
  await list.getByLabel('A room everyone concerned can see (“Profile photos”)').check()
  await expect(list.getByTestId('handoff-route-note')).toHaveText('In a room, everyone invited sees every photo in it and every other member.')
  await list.getByRole('button', { name: 'Close' }).click()

  const row = await rowFor(page, first.email)
  await dropFiles(row, [{ name: 'quadrants.jpg', mimeType: 'image/jpeg', bytes: await quadrantsJpeg(400, 300) }])
  const dialog = await waitForEditor(page)
  await cropToCorner(dialog, 'bottom-right')
  await dialog.getByTestId('editor-save').click()
  await expect(successToast(page)).toContainText(`Photo shared with ${first.displayName}.`)
  await expect(row.getByTestId('row-handoff')).toHaveText('Waiting')
  const rooms = portal.notifications().filter((n) => n.kind === 'room-invite' && n.recipientId === first.id)
  expect(rooms, 'the person was invited to the room with a notice').toHaveLength(1)

  const person = secondApp.page
  await secondApp.signIn(first)
  const offer = person.getByTestId('waiting-photo')
  await expect(offer.getByRole('heading', { level: 2 })).toHaveText(`A new photo is waiting for you from ${hr.displayName}`)
  await offer.getByRole('button', { name: 'Use this photo' }).click()
  await expect(successToast(person)).toContainText(`Photo of ${first.displayName} replaced`)
  expect(colourName(await meanColour(stored(portal, first.id, 'small'))), 'the quarter HR chose').toBe('yellow')

  await page.getByRole('button', { name: /^Hand-overs/ }).click()
  await list.getByRole('button', { name: 'Check status' }).click()
  await expect(list.locator(`[data-testid="handoff-row"][data-user-id="${first.id}"]`)).toHaveAttribute('data-state', 'applied')
  await expect(list.getByTestId('handoff-route-room')).toBeChecked()
})
