import { describe, expect, it } from 'vitest'
import type { AppApi, ArgOf, ImageSummary, Result } from '../../../preload/contract'
import { createFakeAppApi, fail, makeAccount, makePerson, overviewOf } from '../testing/fake-app-api'
import { createTestPinia, settle } from '../testing/mount-app'
import { useAccountsStore } from './accounts-store'
import { useBrowserFilesStore } from './browser-files'
import { usePhotoEditorStore, type CropChoice } from './photo-editor-store'
import { useToastStore } from './toast-store'

const JPEG = new Uint8Array([255, 216, 255, 224, 5, 5])
const START: CropChoice = { crop: { x: 0.1, y: 0.2, width: 0.4, height: 0.3 }, rotate: 2 }

async function setup(options: { inspect?: (arg: { bytes: Uint8Array }) => Promise<Result<ImageSummary>>; frame?: AppApi['photos']['frame'] } = {}) {
  const photos = { ...(options.inspect ? { inspect: options.inspect } : {}), ...(options.frame ? { frame: options.frame } : {}) }
  const api = createFakeAppApi({ people: [makePerson(1)], overview: overviewOf([makeAccount()]), photos })
  createTestPinia(api)
  await useAccountsStore().init()
  const made: Blob[] = []
  const revoked: string[] = []
  useBrowserFilesStore().setDeps({ urls: { createUrl: (blob) => `blob:e/${made.push(blob)}`, revokeUrl: (u) => void revoked.push(u) } })
  return { api, made, revoked, editor: usePhotoEditorStore() }
}

describe('photo editor store', () => {
  it('revokes the editor’s blob URL when it closes', async () => {
    const { editor, revoked } = await setup()
    expect(await editor.openForPerson(makePerson(1), [new File([new Uint8Array([1])], 'a.jpg', { type: 'image/jpeg' })])).toBe(true)
    expect(editor.session?.url).toBe('blob:e/1')
    editor.close()
    expect(editor.session).toBeNull()
    expect(revoked).toEqual(['blob:e/1'])
  })

  it('a 12 MP photo opens on the preview made by the framing, and main starts preparing it for Save', async () => {
    const preview = { bytes: new Uint8Array([255, 216, 255, 219, 7]), mime: 'image/jpeg' as const, width: 2048, height: 1536 }
    const framed: ArgOf<'photos:frame'>[] = []
    const { api, editor, made } = await setup({
      inspect: async ({ bytes }) => ({ ok: true, value: { format: 'jpeg', width: 4000, height: 3000, byteLength: bytes.byteLength, frames: 1, hasAlpha: false } }),
      frame: async (arg) => {
        framed.push(arg)
        return { ok: true, value: { crop: null, turns: 0, faces: 0, rollDegrees: null, warnings: [], ...(arg.withPreview ? { preview } : {}) } }
      }
    })
    expect(await editor.openForPerson(makePerson(1), [new File([JPEG], 'camera.jpg', { type: 'image/jpeg' })])).toBe(true)
    await settle()
    expect(framed).toEqual([expect.objectContaining({ withPreview: true })])
    expect(editor.session?.previewed).toBe(true)
    expect(new Uint8Array(await made[0]!.arrayBuffer())).toEqual(preview.bytes)
    expect(editor.session?.framing).not.toHaveProperty('preview')
    expect(api.calls).not.toContain('photos.preview')
    expect(api.args['photos.stage']).toEqual([{ accountId: editor.session?.kind === 'person' ? editor.session.accountId : '', bytes: JPEG }])
  })

  describe('opened with prepared bytes and a starting crop', () => {
    it('shows those bytes from the starting crop, and hands back the crop confirmed without saving anything', async () => {
      const { api, editor, made, revoked } = await setup()
      const chosen = editor.openForCrop({ bytes: JPEG, fileName: 'row-12.jpg', name: 'Zoë Ålander', initial: START })
      await settle(3)
      const session = editor.session
      expect(session?.kind).toBe('crop')
      expect(session?.kind === 'crop' && session.initial).toEqual(START)
      expect(session?.fileName).toBe('row-12.jpg')
      expect(Array.from(session?.bytes ?? [])).toEqual(Array.from(JPEG))
      expect(made[0]?.type).toBe('image/jpeg')
      expect(made[0]?.size).toBe(JPEG.byteLength)

      await editor.confirm(START)
      expect(await chosen).toEqual(START)
      expect(editor.session).toBeNull()
      expect(revoked).toEqual(['blob:e/1'])
      expect(api.calls).not.toContain('photos.replace')
    })

    it('gets the caller nothing on cancel', async () => {
      const { api, editor, revoked } = await setup()
      const chosen = editor.openForCrop({ bytes: JPEG, fileName: 'row-12.jpg', name: 'Zoë Ålander', initial: START })
      await settle(3)
      editor.close()
      expect(await chosen).toBeNull()
      expect(editor.session).toBeNull()
      expect(revoked).toEqual(['blob:e/1'])
      expect(api.calls).not.toContain('photos.replace')
    })

    it('gets nothing and says why when main cannot read the bytes; nothing at once while another session is open', async () => {
      const broken = await setup({ inspect: async () => fail('image/corrupt', 'The image is damaged or incomplete.') })
      expect(await broken.editor.openForCrop({ bytes: JPEG, fileName: 'row-3.jpg', name: 'Mia Holm', initial: START })).toBeNull()
      expect(broken.editor.session).toBeNull()
      expect(useToastStore().toasts.map((t) => t.errorCode)).toContain('image/corrupt')

      const { editor } = await setup()
      const first = editor.openForCrop({ bytes: JPEG, fileName: 'a.jpg', name: 'A', initial: START })
      await settle(3)
      expect(await editor.openForCrop({ bytes: JPEG, fileName: 'b.jpg', name: 'B', initial: START })).toBeNull()
      expect(editor.session?.fileName).toBe('a.jpg')
      editor.close()
      expect(await first).toBeNull()
    })
  })
})
