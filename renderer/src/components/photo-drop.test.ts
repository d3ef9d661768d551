import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ImagePreview, ImageSummary, Result } from '../../../preload/contract'
import { useBrowserFilesStore } from '../stores/browser-files'
import { usePhotoEditorStore } from '../stores/photo-editor-store'
import { fail, makeAccount, makePerson, ok } from '../testing/fake-app-api'
import { settle } from '../testing/mount-app'
import { allByTestId, byTestId, click, dragOver, drop, key } from '../testing/dom'
import { imageFile, mountPhotoApp, STUB_CROP, type PhotoApp } from '../testing/photo-app'

let app: PhotoApp | null = null
afterEach(() => {
  app?.unmount()
  app = null
})

async function start(...args: Parameters<typeof mountPhotoApp>): Promise<PhotoApp> {
  app = await mountPhotoApp(...args)
  return app
}

describe('drop a photo on a person', () => {
  it('over an editable row says whose photo will change, and a drop opens the editor for that person', async () => {
    const { api, row } = await start()
    await dragOver(row('Zoë Ålander'), [imageFile()])
    const overlay = byTestId('drop-overlay')
    expect(overlay?.textContent?.trim()).toBe('Drop to replace Zoë Ålander’s photo')
    expect(overlay?.dataset).toMatchObject({ personName: 'Zoë Ålander', personId: 'u-00001', state: 'accept' })
    expect(row('Zoë Ålander').classList.contains('drop-target')).toBe(true)

    row('Zoë Ålander').dispatchEvent(new Event('dragleave', { bubbles: true }))
    await new Promise((r) => setTimeout(r, 80))
    expect(byTestId('drop-overlay')).toBeNull()

    await drop(row('Zoë Ålander'), [imageFile('portrait.jpg', [255, 216, 255, 7, 7, 7])])
    expect(api.calls).toContain('photos.inspect')
    expect(Array.from((api.args['photos.inspect']?.[0] as { bytes: Uint8Array }).bytes)).toEqual([255, 216, 255, 7, 7, 7])
    const editor = byTestId('photo-editor')
    expect(editor).not.toBeNull()
    expect(byTestId('editor-title')?.textContent).toBe('New photo for Zoë Ålander')
    expect(editor?.querySelector('[data-person-id]')?.getAttribute('data-person-id')).toBe('u-00001')
    expect(byTestId('source-size')?.textContent).toBe('JPEG · 1,200 × 900 px · 1 kB')
    expect(byTestId('source-size')?.dataset).toMatchObject({ width: '1200', height: '900' })
    expect(allByTestId('crop-preview').map((p) => p.dataset.size)).toEqual(['360', '200', '82', '48', '32'])
    expect(api.calls).not.toContain('photos.replace')
  })

  it('on a row the account may not edit, offers to prepare a hand-over instead of a replace', async () => {
    const account = makeAccount({ policy: { rule: 'self-only', portalVersion: '3.7.2' }, user: { id: 'u-00001', displayName: 'Zoë Ålander', email: 'zoe@example.com', role: 'admin' } })
    const { api, row } = await start({ account })
    await dragOver(row('Mia Holm'), [imageFile()])
    expect(byTestId('drop-overlay')?.textContent?.trim()).toBe('Drop to prepare a photo for Mia Holm')
    expect(row('Mia Holm').classList.contains('drop-refused')).toBe(false)

    await drop(row('Mia Holm'), [imageFile()])
    expect(byTestId('editor-title')?.textContent).toBe('New photo for Mia Holm (to hand over)')
    expect(api.calls).not.toContain('photos.replace')
  })

  it('on a locked row, Ctrl+V and Ctrl+O prepare a hand-over instead of refusing', async () => {
    const account = makeAccount({ policy: { rule: 'self-only', portalVersion: '3.7.2' }, user: { id: 'u-00001', displayName: 'Zoë Ålander', email: 'zoe@example.com', role: 'admin' } })
    const { api, row } = await start({ account })
    await click(row('Mia Holm'))
    const data = new DataTransfer()
    data.items.add(new File([new Uint8Array([9, 9])], 'image.png', { type: 'image/png' }))
    const event = new Event('paste', { bubbles: true, cancelable: true })
    Object.defineProperty(event, 'clipboardData', { value: data })
    document.body.dispatchEvent(event)
    await settle(15)
    expect(byTestId('editor-title')?.textContent).toBe('New photo for Mia Holm (to hand over)')
    await key(document.body, 'Escape')
    await settle(10)
    expect(byTestId('photo-editor')).toBeNull()

    const input = byTestId('photo-file-input') as HTMLInputElement
    const opened = vi.spyOn(input, 'click').mockImplementation(() => {})
    await key(document.body, 'o', { ctrlKey: true })
    expect(opened).toHaveBeenCalledTimes(1)
    expect(document.body.textContent, 'no refusal toast').not.toContain('photo was not changed')
    Object.defineProperty(input, 'files', { configurable: true, value: [imageFile('picked.jpg')] })
    input.dispatchEvent(new Event('change'))
    await settle(15)
    expect(byTestId('editor-title')?.textContent).toBe('New photo for Mia Holm (to hand over)')
    expect(api.calls).not.toContain('photos.replace')
  })

  it('says so when several files are dropped, and uses the first', async () => {
    const { api, row } = await start()
    await drop(row('Adam Ng'), [imageFile('first.jpg', [1, 1]), imageFile('second.jpg', [2, 2]), imageFile('third.jpg', [3, 3])])
    expect(byTestId('many-files-notice')?.textContent?.trim()).toBe('3 files dropped; using the first')
    expect(Array.from((api.args['photos.inspect']?.[0] as { bytes: Uint8Array }).bytes)).toEqual([1, 1])
    expect(api.args['photos.inspect']).toHaveLength(1)
    expect(byTestId('photo-editor')?.textContent).toContain('first.jpg')
  })

  describe('sources the browser cannot show (HEIC, TIFF)', () => {
    const HEIC_BYTES = [0, 0, 0, 24, 102, 116, 121, 112, 104, 101, 105, 99]
    const PREVIEW: ImagePreview = { bytes: new Uint8Array([255, 216, 255, 219, 9, 9]), mime: 'image/jpeg', width: 2048, height: 1536 }
    const summaryOf = (format: string) => async ({ bytes }: { bytes: Uint8Array }): Promise<Result<ImageSummary>> =>
      ok({ format, width: 4032, height: 3024, byteLength: bytes.byteLength, frames: 1, hasAlpha: false })

    /** A preview override that records what it was asked (overrides bypass the fake's recording). */
    function previewing(answer: Result<ImagePreview> = ok(PREVIEW)) {
      const asked: Uint8Array[] = []
      const preview = async ({ bytes }: { bytes: Uint8Array }): Promise<Result<ImagePreview>> => {
        asked.push(bytes)
        return answer
      }
      return { asked, preview }
    }

    /** Editor URLs say which bytes they show: `blob:<mime>/<length>`. */
    function recordUrls(): void {
      useBrowserFilesStore().setDeps({ urls: { createUrl: (blob) => `blob:${blob.type}/${blob.size}`, revokeUrl: () => {} } })
    }

    it("the editor crops main's upright JPEG preview of a HEIC photo, and saving sends the HEIC itself", async () => {
      const main = previewing()
      const { api, row } = await start({ overrides: { photos: { inspect: summaryOf('heic'), preview: main.preview } } })
      recordUrls()
      await drop(row('Zoë Ålander'), [new File([new Uint8Array(HEIC_BYTES)], 'IMG_0001.HEIC', { type: 'image/heic' })])
      // Asked once, by photos:open (main prepares the HEIC as it opens it), not again by the editor.
      expect(main.asked.map((b) => Array.from(b))).toEqual([HEIC_BYTES])
      expect(byTestId('photo-editor')).not.toBeNull()
      expect(byTestId('cropper-stub')?.dataset.src).toBe('blob:image/jpeg/6')
      expect(byTestId('editor-no-preview')).toBeNull()
      // The size shown is the source's upright size, not the preview's.
      expect(byTestId('source-size')?.textContent).toContain('HEIC · 4,032 × 3,024 px')

      await click(byTestId('editor-save'))
      const sent = api.args['photos.replace']?.[0] as { bytes: Uint8Array; crop: unknown; rotate: number }
      expect(Array.from(sent.bytes)).toEqual(HEIC_BYTES)
      expect(sent.crop).toEqual(STUB_CROP.crop)
      expect(sent.rotate).toBe(STUB_CROP.turns)
    })

    it("shows main's preview for TIFF by the header, whatever the file is called; a small JPEG as it is", async () => {
      const forTiff = previewing()
      const tiff = await start({ overrides: { photos: { inspect: summaryOf('tiff'), preview: forTiff.preview } } })
      recordUrls()
      await drop(tiff.row('Zoë Ålander'), [imageFile('scan.jpg')])
      expect(byTestId('cropper-stub')?.dataset.src).toBe('blob:image/jpeg/6')
      expect(usePhotoEditorStore().session?.previewed).toBe(true)
      tiff.unmount()
      app = null

      const forJpeg = previewing()
      const jpeg = await start({ overrides: { photos: { preview: forJpeg.preview } } })
      recordUrls()
      const file = imageFile('portrait.jpg')
      await drop(jpeg.row('Zoë Ålander'), [file])
      expect(byTestId('photo-editor')).not.toBeNull()
      expect(usePhotoEditorStore().session?.previewed).toBe(false)
      expect(byTestId('cropper-stub')?.dataset.src).toBe(`blob:image/jpeg/${file.size}`)
    })

    it('a preview main cannot make is said at once, and the editor does not open', async () => {
      const main = previewing(fail('image/corrupt', 'The image is damaged or incomplete.'))
      const { api, row } = await start({ overrides: { photos: { inspect: summaryOf('heic'), preview: main.preview } } })
      await drop(row('Zoë Ålander'), [new File([new Uint8Array(HEIC_BYTES)], 'IMG_0002.HEIC', { type: 'image/heic' })])
      expect(byTestId('photo-editor')).toBeNull()
      expect(allByTestId('toast').some((t) => t.dataset.errorCode === 'image/corrupt')).toBe(true)
      expect(api.calls).not.toContain('photos.replace')
    })

    it('when the browser fails to show a source after all, the editor switches to the preview', async () => {
      const main = previewing()
      const { row } = await start({ overrides: { photos: { preview: main.preview } } })
      recordUrls()
      await drop(row('Zoë Ålander'), [imageFile('odd.jpg')])
      const editor = usePhotoEditorStore()
      expect(editor.session?.previewed).toBe(false)
      expect(await editor.showPreview()).toBe(true)
      expect(editor.session?.previewed).toBe(true)
      expect(editor.session?.url).toBe('blob:image/jpeg/6')
      expect(main.asked).toHaveLength(1)
      // Only once: a preview the browser cannot show either leaves the centred-square fallback.
      expect(await editor.showPreview()).toBe(false)
    })
  })

  it('shows the specific message for an unusable file and does not open the editor', async () => {
    const inspect = async (): Promise<Result<ImageSummary>> =>
      fail('image/unsupported', 'not an image: no known image signature', { facts: { imageProblem: 'not-an-image' } })
    const { row } = await start({ overrides: { photos: { inspect } } })
    await drop(row('Zoë Ålander'), [new File(['hello'], 'notes.jpg', { type: 'image/jpeg' })])
    expect(byTestId('photo-editor')).toBeNull()
    const toast = allByTestId('toast').find((t) => t.dataset.errorCode === 'image/unsupported')
    expect(toast?.querySelector('[data-testid="toast-message"]')?.textContent).toBe(
      '“notes.jpg” is not an image the app can read. Use a JPEG, PNG, WebP, GIF, TIFF, AVIF or HEIC file.'
    )
    // The specifics come from main's facts, worded here: main's own (English) message is not shown.
    expect(toast?.textContent).toContain('Its content is not an image, whatever its name says.')
    expect(toast?.textContent).not.toContain('no known image signature')
  })

  it('takes a drop on the detail panel for the person it shows', async () => {
    const { row } = await start()
    await click(row('Adam Ng'))
    const panel = byTestId('detail-panel') as HTMLElement
    expect(panel.dataset.personId).toBe('u-00003')
    await dragOver(panel.querySelector('.facts') as Element, [imageFile()])
    expect(panel.classList.contains('drop-accept')).toBe(true)
    expect(byTestId('drop-overlay')?.dataset.personName).toBe('Adam Ng')
    await drop(panel, [imageFile()])
    expect(byTestId('editor-title')?.textContent).toBe('New photo for Adam Ng')
  })

  it('opens the editor from a pasted image for the selected person, but not while typing', async () => {
    const { row } = await start()
    await click(row('Zoë Ålander'))
    const paste = (target: EventTarget) => {
      const data = new DataTransfer()
      data.items.add(new File([new Uint8Array([9, 9])], 'image.png', { type: 'image/png' }))
      const event = new Event('paste', { bubbles: true, cancelable: true })
      Object.defineProperty(event, 'clipboardData', { value: data })
      target.dispatchEvent(event)
    }
    paste(byTestId('search') as HTMLElement)
    await settle(10)
    expect(byTestId('photo-editor')).toBeNull()
    paste(document.body)
    await settle(15)
    expect(byTestId('editor-title')?.textContent).toBe('New photo for Zoë Ålander')
  })

  it('opens the file picker from the panel button and from Ctrl+O', async () => {
    const { row } = await start()
    await click(row('Zoë Ålander'))
    const input = byTestId('photo-file-input') as HTMLInputElement
    const opened = vi.spyOn(input, 'click').mockImplementation(() => {})
    await click(byTestId('replace-photo'))
    expect(opened).toHaveBeenCalledTimes(1)
    await key(document.body, 'o', { ctrlKey: true })
    expect(opened).toHaveBeenCalledTimes(2)
    Object.defineProperty(input, 'files', { configurable: true, value: [imageFile('picked.jpg')] })
    input.dispatchEvent(new Event('change'))
    await settle(15)
    expect(byTestId('editor-title')?.textContent).toBe('New photo for Zoë Ålander')
    expect(byTestId('photo-editor')?.textContent).toContain('picked.jpg')
  })

  it('controls the crop from the keyboard, and Escape closes without saving', async () => {
    const { api, row, cropperCalls, revoked } = await start()
    await click(row('Zoë Ålander'))
    expect(byTestId('detail-panel')).not.toBeNull()
    await drop(row('Zoë Ålander'), [imageFile()])
    const area = byTestId('photo-editor')?.querySelector('.canvas-wrap') as HTMLElement
    expect(document.activeElement).toBe(area)
    await key(area, 'ArrowLeft')
    await key(area, 'ArrowDown', { shiftKey: true })
    await key(area, '+')
    await key(area, '-')
    await key(area, 'r')
    await key(area, '0')
    expect(cropperCalls).toEqual(['move -2 0', 'move 0 20', 'zoom 1', 'zoom -1', 'rotate', 'reset'])
    await click(byTestId('editor-rotate'))
    await click(byTestId('editor-zoom-in'))
    await click(byTestId('editor-zoom-out'))
    await click(byTestId('editor-reset'))
    expect(cropperCalls.slice(6)).toEqual(['rotate', 'zoom 1', 'zoom -1', 'reset'])
    await key(area, 'Escape')
    expect(byTestId('photo-editor')).toBeNull()
    expect(api.calls).not.toContain('photos.replace')
    expect(revoked).toEqual(['blob:editor/1'])
    // Escape in the editor did not also close the detail panel behind it.
    expect(byTestId('detail-panel')?.dataset.personId).toBe('u-00001')
  })

  it('keeps Tab inside the editor', async () => {
    const { row } = await start()
    await drop(row('Zoë Ålander'), [imageFile()])
    const dialog = byTestId('photo-editor') as HTMLElement
    const save = byTestId('editor-save') as HTMLElement
    save.focus()
    await key(save, 'Tab')
    expect(dialog.contains(document.activeElement)).toBe(true)
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('New photo for Zoë Ålander')
  })

  it('ignores drags that carry no files', async () => {
    const { row } = await start({ people: [makePerson(1, { displayName: 'Zoë Ålander' })] })
    const event = new Event('dragover', { bubbles: true, cancelable: true })
    const data = new DataTransfer()
    data.setData('text/plain', 'just text')
    Object.defineProperty(event, 'dataTransfer', { value: data })
    row('Zoë Ålander').dispatchEvent(event)
    await settle(3)
    expect(byTestId('drop-overlay')).toBeNull()
    expect(event.defaultPrevented).toBe(false)
  })
})
