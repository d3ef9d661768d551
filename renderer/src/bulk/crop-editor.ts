/**
 * "Adjust crop" on a plan row: the single-replace editor opened in its crop-only mode on the
 * prepared image main made for that row, starting from the row's crop. A row's crop is a square of
 * the upright image (setCrop takes no turns), so a crop the user turned is not taken: `onTurned`
 * says why.
 */
import type { CropFraction } from '../../../preload/contract'
import { centredCrop } from '../editor/crop-math'
import type { usePhotoEditorStore } from '../stores/photo-editor-store'
import type { CropEditor } from './bulk-api'
import { baseName } from './bulk-text'

const WHOLE: CropFraction = { x: 0, y: 0, width: 1, height: 1 }

export function editorCropper(editor: ReturnType<typeof usePhotoEditorStore>, onTurned: () => void): CropEditor {
  return async ({ image, crop, fileName, person }) => {
    const file = baseName(fileName)
    const start = crop ?? centredCrop(image, 0)?.crop ?? WHOLE
    const choice = await editor.openForCrop({ bytes: image.bytes, mime: image.mime, fileName: file, name: person?.displayName ?? file, initial: { crop: start, rotate: 0 } })
    if (!choice) return null
    if (choice.rotate !== 0) {
      onTurned()
      return null
    }
    return choice.crop
  }
}
