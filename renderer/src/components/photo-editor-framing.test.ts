import { afterEach, describe, expect, it } from 'vitest'
import type { FaceFraming, Result } from '../../../preload/contract'
import { ok } from '../testing/fake-app-api'
import { byTestId, click, deferred, drop, key } from '../testing/dom'
import { settle } from '../testing/mount-app'
import { imageFile, mountPhotoApp, STUB_CROP, type PhotoApp } from '../testing/photo-app'

const FRAMED: FaceFraming = {
  crop: { x: 0.3, y: 0.1, width: 0.4, height: 0.5333 },
  turns: 0,
  faces: 3,
  rollDegrees: 1.5,
  warnings: [{ code: 'several-faces', faces: 3 }, { code: 'blurry' }]
}

let app: PhotoApp | null = null
afterEach(() => {
  app?.unmount()
  app = null
  localStorage.clear()
})

/** The presets main was asked to frame with. */
let presets: string[] = []

async function openEditor(framing: FaceFraming, locale: 'en' | 'de' = 'en'): Promise<PhotoApp> {
  presets = []
  const frame = async ({ preset }: { preset: string }) => {
    presets.push(preset)
    return ok(framing)
  }
  app = await mountPhotoApp({ locale, overrides: { photos: { frame } } })
  await drop(app.row('Zoë Ålander'), [imageFile('portrait.jpg', [255, 216, 255, 7, 7, 7])])
  expect(byTestId('photo-editor')).not.toBeNull()
  return app
}

const initialOf = () => JSON.parse(byTestId('cropper-stub')?.dataset.initial ?? 'null')
const cropOf = () => byTestId('photo-editor')?.querySelector('[data-crop]')?.getAttribute('data-crop')

describe('the editor opens framed on the face', () => {
  it('starts on main’s proposed crop and shows the warnings; A switches auto-frame off and on', async () => {
    const { cropperCalls } = await openEditor(FRAMED)
    expect(presets).toEqual(['standard'])
    expect(initialOf()).toEqual({ crop: FRAMED.crop, turns: 0 })
    expect(cropOf()).toBe('0.300000,0.100000,0.400000,0.533300')
    const warnings = byTestId('face-warnings')
    expect(warnings?.textContent).toContain('3 faces found; the square is on the largest one.')
    expect(warnings?.textContent).toContain('The face looks blurry.')
    expect(byTestId('auto-frame')?.getAttribute('aria-pressed')).toBe('true')

    await key(byTestId('photo-editor')?.querySelector('.canvas-wrap') as HTMLElement, 'a')
    expect(byTestId('auto-frame')?.getAttribute('aria-pressed')).toBe('false')
    expect(cropperCalls.at(-1)).toBe('place centred')
    expect(cropOf()).not.toBe('0.300000,0.100000,0.400000,0.533300')

    await click(byTestId('auto-frame'))
    expect(cropperCalls.at(-1)).toBe(`place ${JSON.stringify({ crop: FRAMED.crop, turns: 0 })}`)
    expect(cropOf()).toBe('0.300000,0.100000,0.400000,0.533300')
  })

  it('remembers the preset and frames again with it', async () => {
    await openEditor(FRAMED)
    const select = byTestId('framing-preset') as HTMLSelectElement
    select.value = 'tight'
    select.dispatchEvent(new Event('change'))
    await new Promise((r) => setTimeout(r, 20))
    expect(presets).toEqual(['standard', 'tight'])
    app?.unmount()
    await openEditor(FRAMED)
    expect(presets).toEqual(['tight'])
    expect((byTestId('framing-preset') as HTMLSelectElement).value).toBe('tight')
  })

  it('a picture lying on its side is not turned until the user takes the offered turn', async () => {
    const turned: FaceFraming = { ...FRAMED, turns: 1, warnings: [{ code: 'not-upright', turns: 1 }] }
    const { cropperCalls } = await openEditor(turned, 'de')
    expect(initialOf()).toBeNull()
    expect(byTestId('face-warnings')?.textContent).toContain('nach einer Drehung um 90° im Uhrzeigersinn aufrecht')
    await click(byTestId('accept-turn'))
    expect(cropperCalls.at(-1)).toBe(`place ${JSON.stringify({ crop: FRAMED.crop, turns: 1 })}`)
    expect(byTestId('photo-editor')?.querySelector('[data-crop]')?.getAttribute('data-rotate')).toBe('1')
    expect(byTestId('accept-turn')).toBeNull()
  })

  it('without a face it opens on the centred square and says so', async () => {
    await openEditor({ crop: null, turns: 0, faces: 0, rollDegrees: null, warnings: [{ code: 'no-face' }] })
    expect(initialOf()).toBeNull()
    expect(byTestId('face-warnings')?.textContent).toContain('No face found.')
  })
})

describe('a save says whether the crop is the face-framed one', () => {
  async function saveWith(turnOff: boolean): Promise<boolean | undefined> {
    const sent: { faceFramed?: boolean }[] = []
    app = await mountPhotoApp({
      overrides: { photos: { frame: async () => ok(FRAMED) } },
      api: (base) => ({ ...base, photos: { ...base.photos, replace: (arg) => (sent.push(arg), base.photos.replace(arg)) } })
    })
    await drop(app.row('Zoë Ålander'), [imageFile('portrait.jpg', [255, 216, 255, 7, 7, 7])])
    if (turnOff) await click(byTestId('auto-frame'))
    await click(byTestId('editor-save'))
    expect(sent).toHaveLength(1)
    return sent[0]?.faceFramed
  }

  it('Auto-frame’s square, untouched: cropped to the face', async () => {
    expect(await saveWith(false)).toBe(true)
  })

  it('Auto-frame off (the centred square): not', async () => {
    expect(await saveWith(true)).toBeUndefined()
  })
})

describe('a framing that answers only after the editor shows', () => {
  const framedCrop = '0.300000,0.100000,0.400000,0.533300'
  const placedOnFace = `place ${JSON.stringify({ crop: FRAMED.crop, turns: 0 })}`

  /** Opens the editor while main's framing is still on its way; `land` answers it. */
  async function openBeforeFraming(): Promise<{ app: PhotoApp; land: (framing: FaceFraming) => Promise<void> }> {
    const answer = deferred<Result<FaceFraming>>()
    const frame = () => answer.promise
    app = await mountPhotoApp({ overrides: { photos: { frame } } })
    await drop(app.row('Zoë Ålander'), [imageFile('portrait.jpg', [255, 216, 255, 7, 7, 7])])
    expect(byTestId('photo-editor')).not.toBeNull()
    expect(byTestId('photo-editor')?.querySelector('[data-framing-pending]')).not.toBeNull()
    expect(initialOf()).toBeNull()
    return {
      app,
      land: async (framing) => {
        answer.resolve(ok(framing))
        await settle(10)
      }
    }
  }

  it('puts an untouched square on the face when it lands', async () => {
    const { app, land } = await openBeforeFraming()
    expect(cropOf()).not.toBe(framedCrop)
    expect(byTestId('framing-pending')?.textContent).toBe('Looking for a face…')
    await land(FRAMED)
    expect(app.cropperCalls.at(-1)).toBe(placedOnFace)
    expect(cropOf()).toBe(framedCrop)
    expect(byTestId('face-warnings')?.textContent).toContain('The face looks blurry.')
    expect(byTestId('framing-pending')).toBeNull()
  })

  it('never takes away a square the user has moved', async () => {
    const { app, land } = await openBeforeFraming()
    await key(byTestId('photo-editor')?.querySelector('.canvas-wrap') as HTMLElement, 'ArrowLeft')
    expect(app.cropperCalls.at(-1)).toMatch(/^move /)
    const moved = cropOf()
    await land(FRAMED)
    expect(app.cropperCalls.filter((c) => c.startsWith('place'))).toEqual([])
    expect(cropOf()).toBe(moved)
    // The warnings still show: only the square stays where the user put it.
    expect(byTestId('face-warnings')?.textContent).toContain('The face looks blurry.')
    await click(byTestId('editor-save'))
    const sent = app.api.args['photos.replace']?.[0] as { crop: unknown; faceFramed?: boolean }
    expect(sent.crop).not.toEqual(FRAMED.crop)
    expect(sent.faceFramed).toBeUndefined()
  })

  it('Save pressed before it lands goes at once, and asks main to crop to the face when the framing answers', async () => {
    const { app } = await openBeforeFraming()
    await click(byTestId('editor-save'))
    const sent = app.api.args['photos.replace']?.[0] as { crop: unknown; faceFrameOf?: string; faceFramed?: boolean }
    expect(sent.faceFrameOf).toBe((app.api.args['photos.framing']?.[0] as { openId: string }).openId)
    // The square shown is sent as the fallback (no face found): not claimed as face-framed.
    expect(sent.crop).toEqual(STUB_CROP.crop)
    expect(sent.faceFramed).toBeUndefined()
  })

  it('a square the user moved is saved as it is, without asking for the framing', async () => {
    const { app } = await openBeforeFraming()
    await key(byTestId('photo-editor')?.querySelector('.canvas-wrap') as HTMLElement, 'ArrowLeft')
    await click(byTestId('editor-save'))
    const sent = app.api.args['photos.replace']?.[0] as { faceFrameOf?: string }
    expect(sent.faceFrameOf).toBeUndefined()
  })

  it('once the framing has landed, Save sends the face-framed square itself', async () => {
    const { app, land } = await openBeforeFraming()
    await land(FRAMED)
    await click(byTestId('editor-save'))
    const sent = app.api.args['photos.replace']?.[0] as { crop: unknown; faceFrameOf?: string; faceFramed?: boolean }
    expect(sent.crop).toEqual(FRAMED.crop)
    expect(sent.faceFramed).toBe(true)
    expect(sent.faceFrameOf).toBeUndefined()
  })
})
