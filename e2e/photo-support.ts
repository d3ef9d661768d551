/**
 * Shared steps of the photo-editing specs: find a person's row, drop a file and wait for the editor,
 * move the real cropper selection with the mouse, save, and read what the portal STORED (decoded
 * with sharp) and what the page SHOWS (decoded from the <img> in the page).
 */
import type { Locator, Page } from '@playwright/test'
import sharp from 'sharp'
import type { RunningPortal } from '../emulator/index'
import { BLUE, GREEN, RED, YELLOW, type Rgb } from '../main/testing/images/editor-test-images'
import { dropFiles, expect, ui, type AppHarness, type DroppedFile, type OutgoingRequest } from './harness'

export { BLUE, GREEN, RED, YELLOW, type Rgb }

export const MiB = 1024 * 1024

export function jpegFile(name: string, bytes: Uint8Array): DroppedFile {
  return { name, mimeType: 'image/jpeg', bytes }
}

/** The row of the person with this email, alone on screen after a search. */
export async function rowFor(page: Page, email: string): Promise<Locator> {
  await ui.search(page).fill(email)
  const row = ui.rows(page).filter({ has: page.getByText(email, { exact: true }) })
  await expect(row).toHaveCount(1)
  return row
}

export function editor(page: Page): Locator {
  return page.getByTestId('photo-editor')
}

/** Drops the file on the target and waits until the editor shows it with a crop and Save enabled. */
export async function dropAndOpenEditor(target: Locator, file: DroppedFile): Promise<Locator> {
  const page = target.page()
  await dropFiles(target, [file])
  return waitForEditor(page)
}

export async function waitForEditor(page: Page): Promise<Locator> {
  const dialog = editor(page)
  // The first picture of a run also loads the face model in the image pool: on a busy machine that
  // alone can take longer than the usual 10 s.
  await expect(dialog).toBeVisible({ timeout: 30_000 })
  await expect(dialog.locator('[data-crop]')).not.toHaveAttribute('data-crop', '')
  await expect(dialog.getByTestId('editor-save')).toBeEnabled()
  // The dialog rises into place (a short CSS animation): measure the cropper only once it has settled.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined))
    )
  )
  return dialog
}

export interface CropFraction {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** The crop the editor will send, as fractions of the upright source (the editor's data-crop). */
export async function currentCrop(dialog: Locator): Promise<CropFraction> {
  const raw = (await dialog.locator('[data-crop]').getAttribute('data-crop')) ?? ''
  const [x = NaN, y = NaN, width = NaN, height = NaN] = raw.split(',').map(Number)
  return { x, y, width, height }
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox()
  if (!b) throw new Error('element has no box on screen')
  return b
}

/** A mouse drag in small steps, as a hand would do it (cropperjs acts on pointer moves). */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(to.x, to.y, { steps: 12 })
  await page.mouse.up()
}

/**
 * With the mouse only: shrinks the selection with its bottom-right handle to `side` (a share of the
 * shown image's shorter side), then drags it by its middle far towards `corner`, where the editor
 * stops it at the image's edge. Returns the crop the editor reports afterwards.
 */
export async function cropToCorner(dialog: Locator, corner: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right', side = 0.4): Promise<CropFraction> {
  const page = dialog.page()
  const image = await box(dialog.getByTestId('cropper-image'))
  const selection = dialog.getByTestId('cropper-selection')
  const target = Math.min(image.width, image.height) * side
  // Drag again if a drag came out short (pointer moves can coalesce on a busy machine).
  for (let attempt = 0; attempt < 3 && (await box(selection)).width > target + 4; attempt++) {
    const handle = await box(selection.locator('cropper-handle[action="se-resize"]'))
    // The handle's inner quarter: a square reaching the picture's bottom edge has half its handle outside the canvas.
    const grip = { x: handle.x + handle.width / 4, y: handle.y + handle.height / 4 }
    const shrink = (await box(selection)).width - target
    await drag(page, grip, { x: grip.x - shrink, y: grip.y - shrink })
  }
  await expect.poll(async () => Math.round((await box(selection)).width), { message: 'the selection shrinks' }).toBeLessThan(Math.round(target + 4))

  const now = await box(selection)
  const middle = { x: now.x + now.width / 2, y: now.y + now.height / 2 }
  const far = Math.max(image.width, image.height)
  const dx = corner.endsWith('left') ? -far : far
  const dy = corner.startsWith('top') ? -far : far
  await drag(page, middle, { x: middle.x + dx, y: middle.y + dy })
  return currentCrop(dialog)
}

/** Save in the editor, then wait until it closes and the success toast names the change. */
export async function saveAndWait(page: Page, message: string | RegExp): Promise<void> {
  await editor(page).getByTestId('editor-save').click()
  await expect(editor(page)).toHaveCount(0, { timeout: 30_000 })
  await expect(successToast(page)).toContainText(message)
}

export function successToast(page: Page): Locator {
  return page.locator('[data-testid="toast"][data-kind="success"]')
}

/** Requests main sent to this portal that could change something (anything but GET). */
export function writesTo(app: AppHarness, portal: RunningPortal, since = 0): OutgoingRequest[] {
  const host = new URL(portal.url).host
  return app.outgoing.slice(since).filter((r) => r.host === host && r.method !== 'GET' && r.method !== 'HEAD')
}

export function stored(portal: RunningPortal, userId: string, size: 'original' | 'retina' | 'max' | 'big' | 'medium' | 'small'): Buffer {
  const bytes = portal.storedPhoto(userId, size)
  if (!bytes) throw new Error(`the portal stores no ${size} photo for ${userId}`)
  return bytes
}

export async function decoded(bytes: Uint8Array): Promise<{ width: number; height: number; format: string; orientation: number | undefined }> {
  const meta = await sharp(bytes).metadata()
  return { width: meta.width, height: meta.height, format: meta.format, orientation: meta.orientation }
}

/** Mean colour of a region of encoded image bytes (default: all of it). */
export async function meanColour(bytes: Uint8Array, region?: { left: number; top: number; width: number; height: number }): Promise<Rgb> {
  const image = region ? sharp(bytes).extract(region) : sharp(bytes)
  const { data, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true })
  return meanOf(data, info.channels)
}

function meanOf(data: ArrayLike<number>, channels: number): Rgb {
  const sum = [0, 0, 0]
  for (let i = 0; i < data.length; i += channels) for (let c = 0; c < 3; c++) sum[c]! += data[i + c]!
  const n = data.length / channels
  return [Math.round(sum[0]! / n), Math.round(sum[1]! / n), Math.round(sum[2]! / n)]
}

const NAMED: readonly (readonly [string, Rgb])[] = [
  ['red', RED],
  ['green', GREEN],
  ['blue', BLUE],
  ['yellow', YELLOW]
]

/** 'red', 'green', 'blue', 'yellow' when within 40 per channel, else rgb(...). */
export function colourName(rgb: Rgb): string {
  for (const [label, colour] of NAMED) if (rgb.every((v, i) => Math.abs(v - colour[i]!) <= 40)) return label
  return `rgb(${rgb.join(',')})`
}

/** Colour names of the four quadrants' middles: top-left, top-right, bottom-left, bottom-right. */
export async function quadrantNames(bytes: Uint8Array): Promise<string[]> {
  const { width, height } = await decoded(bytes)
  const w = Math.floor(width / 4)
  const h = Math.floor(height / 4)
  const at = async (left: number, top: number) => colourName(await meanColour(bytes, { left: Math.round(left), top: Math.round(top), width: w, height: h }))
  return [await at(w / 2, h / 2), await at(width / 2 + w / 2, h / 2), await at(w / 2, height / 2 + h / 2), await at(width / 2 + w / 2, height / 2 + h / 2)]
}

/** The mean colour of what an <img> in the page shows, decoded by the browser. */
export async function shownColour(img: Locator): Promise<string> {
  const rgb = await img.evaluate(async (el) => {
    const image = el as HTMLImageElement
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = image.naturalWidth
    canvas.height = image.naturalHeight
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2d context')
    context.drawImage(image, 0, 0)
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
    const sum = [0, 0, 0]
    for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c++) sum[c]! += data[i + c]!
    const n = data.length / 4
    return [Math.round(sum[0]! / n), Math.round(sum[1]! / n), Math.round(sum[2]! / n)] as const
  })
  return colourName(rgb)
}
