import type { faceEn } from './messages-face-en'

/** German texts of face framing and the photo quality check (the `face` section). */
export const faceDe: typeof faceEn = {
  autoFrame: 'Automatisch zuschneiden',
  autoFrameHint: 'Quadrat nach Hausstil auf das Gesicht legen (A)',
  preset: 'Ausschnitt',
  presets: { tight: 'Eng', standard: 'Standard', loose: 'Weit' },
  framing: 'Gesicht wird gesucht…',
  warningsTitle: 'Zu diesem Foto',
  turn: 'Um {degrees}° drehen',
  warnings: {
    'no-face': 'Kein Gesicht gefunden. Das Quadrat steht in der Mitte; bitte selbst platzieren.',
    'several-faces': '{n} Gesichter gefunden; das Quadrat liegt auf dem größten.',
    'face-too-small': 'Das Gesicht ist nur ein kleiner Teil des Bildes; ein näheres Foto wirkt besser.',
    blurry: 'Das Gesicht ist unscharf.',
    'too-dark': 'Das Gesicht ist sehr dunkel.',
    'too-bright': 'Das Gesicht ist sehr hell (überbelichtet).',
    upscaled: 'Der Gesichtsausschnitt hat nur {n} px, weniger als die 360 px des Portals: Er wirkt weich.',
    'not-upright': 'Das Bild steht nicht aufrecht: Das Gesicht ist nach einer Drehung um {degrees}° im Uhrzeigersinn aufrecht.',
    tilted: 'Der Kopf ist um {degrees}° geneigt.'
  },
  short: {
    'no-face': 'Kein Gesicht',
    'several-faces': 'Mehrere Gesichter',
    'face-too-small': 'Gesicht klein im Bild',
    blurry: 'Unscharf',
    'too-dark': 'Zu dunkel',
    'too-bright': 'Zu hell',
    upscaled: 'Geringe Auflösung',
    'not-upright': 'Nicht aufrecht',
    tilted: 'Kopf geneigt'
  },
  column: 'Prüfung',
  filterAll: 'Alle Fotos',
  filterWarnings: 'Fotos mit Hinweisen',
  noWarnings: 'Keine Hinweise'
}
