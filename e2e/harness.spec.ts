/**
 * The harness itself: a page error or console error must fail a test, or every other spec could
 * pass over a broken page. (Marked test.fail(): these pass only when the harness fails them.)
 */
import { dropFiles, expect, test } from './harness'

test('a console error in the page fails the test (expected failure: the list reporter shows ✘)', async ({ app }) => {
  test.fail()
  await app.page.evaluate(() => console.error('deliberate console error'))
})

test('an uncaught page error fails the test (expected failure: the list reporter shows ✘)', async ({ app }) => {
  test.fail()
  await app.page.evaluate(() => setTimeout(() => {
    throw new Error('deliberate page error')
  }, 0))
  await app.page.waitForTimeout(100)
})

test('an allowed console error does not', async ({ app }) => {
  app.allowConsoleError(/deliberate, and expected/)
  await app.page.evaluate(() => console.error('deliberate, and expected'))
  await expect(app.page.getByTestId('signin-view')).toBeVisible()
})

test('dropFiles delivers the files, bytes intact, with real drag events', async ({ app }) => {
  const page = app.page
  await page.evaluate(() => {
    const w = window as unknown as { __dropped: Promise<{ events: string[]; files: { name: string; type: string; bytes: number[] }[] }> }
    const events: string[] = []
    w.__dropped = new Promise((done) => {
      for (const type of ['dragenter', 'dragover']) document.body.addEventListener(type, (e) => events.push(e.type))
      document.body.addEventListener('drop', async (e) => {
        events.push(e.type)
        const files = [...(e.dataTransfer?.files ?? [])]
        done({ events, files: await Promise.all(files.map(async (f) => ({ name: f.name, type: f.type, bytes: [...new Uint8Array(await f.arrayBuffer())] }))) })
      })
    })
  })
  const bytes = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 250])
  await dropFiles(page.locator('body'), [{ name: 'portrait.jpg', mimeType: 'image/jpeg', bytes }])
  const dropped = await page.evaluate(() => (window as unknown as { __dropped: Promise<unknown> }).__dropped)
  expect(dropped).toEqual({ events: ['dragenter', 'dragover', 'drop'], files: [{ name: 'portrait.jpg', type: 'image/jpeg', bytes: [...bytes] }] })
})
