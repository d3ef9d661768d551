import { afterEach, describe, expect, it } from 'vitest'
import { usePhotoEditorStore, type CropChoice } from '../stores/photo-editor-store'
import { byTestId, click, key } from '../testing/dom'
import { settle } from '../testing/mount-app'
import { mountPhotoApp, type PhotoApp } from '../testing/photo-app'

const BYTES = new Uint8Array([255, 216, 255, 224, 8, 8, 8])
const START: CropChoice = { crop: { x: 0.1, y: 0.2, width: 0.4, height: 0.3 }, rotate: 2 }

let app: PhotoApp | null = null
afterEach(() => {
  app?.unmount()
  app = null
})

async function openForCrop(): Promise<{ app: PhotoApp; chosen: Promise<CropChoice | null> }> {
  app = await mountPhotoApp()
  const chosen = usePhotoEditorStore().openForCrop({ bytes: BYTES, fileName: 'row-7.jpg', name: 'Adam Ng', initial: START })
  await settle(15)
  expect(byTestId('photo-editor')).not.toBeNull()
  return { app, chosen }
}

describe('the editor opened for a crop only', () => {
  it('starts the cropper from the given crop, and Save with nothing changed hands that crop back without uploading', async () => {
    const { app, chosen } = await openForCrop()
    expect(byTestId('editor-title')?.textContent).toBe('New photo for Adam Ng')
    expect(byTestId('photo-editor')?.textContent).toContain('row-7.jpg')
    expect(JSON.parse(byTestId('cropper-stub')?.dataset.initial ?? 'null')).toEqual({ crop: START.crop, turns: START.rotate })
    expect(byTestId('photo-editor')?.querySelector('[data-crop]')?.getAttribute('data-rotate')).toBe('2')

    await click(byTestId('editor-save'))
    expect(await chosen).toEqual(START)
    expect(byTestId('photo-editor')).toBeNull()
    expect(app.revoked).toEqual(['blob:editor/1'])
    expect(app.api.calls).not.toContain('photos.replace')
  })

  it('Escape gets the caller nothing', async () => {
    const { app, chosen } = await openForCrop()
    await key(byTestId('photo-editor')?.querySelector('.canvas-wrap') as HTMLElement, 'Escape')
    expect(await chosen).toBeNull()
    expect(byTestId('photo-editor')).toBeNull()
    expect(app.api.calls).not.toContain('photos.replace')
  })
})
