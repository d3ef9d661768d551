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

async function setup(
  options: { inspect?: (arg: { bytes: Uint8Array }) => Promise<Result<ImageSummary>>; frame?: AppApi['photos']['frame']; preview?: AppApi['photos']['preview'] } = {}
) {
  const photos = {
    ...(options.inspect ? { inspect: options.inspect } : {}),
    ...(options.frame ? { frame: options.frame } : {}),
    ...(options.preview ? { preview: options.preview } : {})
  }
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

  it('a 12 MP photo opens on main’s prepared picture from one photos:open call, and its framing lands afterwards', async () => {
    const preview = { bytes: new Uint8Array([255, 216, 255, 219, 7]), mime: 'image/jpeg' as const, width: 1280, height: 960 }
    const framed: ArgOf<'photos:frame'>[] = []
    const face = { x: 0.3, y: 0.1, width: 0.4, height: 0.5333 }
    const { api, editor, made } = await setup({
      inspect: async ({ bytes }) => ({ ok: true, value: { format: 'jpeg', width: 4000, height: 3000, byteLength: bytes.byteLength, frames: 1, hasAlpha: false } }),
      preview: async () => ({ ok: true, value: preview }),
      frame: async (arg) => {
        framed.push(arg)
        return { ok: true, value: { crop: face, turns: 0, faces: 1, rollDegrees: 0, warnings: [] } }
      }
    })
    expect(await editor.openForPerson(makePerson(1), [new File([JPEG], 'camera.jpg', { type: 'image/jpeg' })])).toBe(true)
    // The bytes went to main once: no separate inspection, framing or staging.
    expect(api.args['photos.open']).toEqual([{ accountId: editor.session?.kind === 'person' ? editor.session.accountId : '', bytes: JPEG, preset: 'standard' }])
    expect(api.calls.filter((c) => ['photos.inspect', 'photos.frame', 'photos.stage', 'photos.preview'].includes(c))).toEqual([])
    expect(editor.session?.previewed).toBe(true)
    expect(new Uint8Array(await made[0]!.arrayBuffer())).toEqual(preview.bytes)
    await settle()
    expect(framed).toHaveLength(1)
    expect(editor.session?.framing?.crop).toEqual(face)
    expect(editor.session?.framing).not.toHaveProperty('preview')
    expect(editor.session?.framingPending).toBeNull()
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
