/** The words for a face warning (main's quality check), in the user's language. */
import type { FaceWarning } from '../../../preload/contract'
import type { Translate } from '../api-context'

export function faceWarningText(t: Translate, w: FaceWarning): string {
  const key = `face.warnings.${w.code}`
  switch (w.code) {
    case 'several-faces':
      return t(key, { n: w.faces ?? 2 })
    case 'upscaled':
      return t(key, { n: w.cropSide ?? 0 })
    case 'not-upright':
      return t(key, { degrees: (w.turns ?? 0) * 90 })
    case 'tilted':
      return t(key, { degrees: Math.round(Math.abs(w.rollDegrees ?? 0)) })
    default:
      return t(key)
  }
}
