/** Spanish texts of face framing and the photo quality check, the `face` section of index.ts. */
export const faceEs = {
  autoFrame: 'Encuadre automático',
  autoFrameHint: 'Encuadrar el cuadrado en la cara según el estilo de la casa (A)',
  preset: 'Encuadre',
  presets: {
    tight: 'Ajustado',
    standard: 'Estándar',
    loose: 'Amplio'
  },
  framing: 'Buscando una cara…',
  warningsTitle: 'Sobre esta foto',
  turn: 'Girar {degrees}°',
  warnings: {
    'no-face': 'No se encontró ninguna cara. El cuadrado empieza en el centro; colóquelo usted.',
    'several-faces': 'Se encontraron {n} caras; el cuadrado está en la más grande.',
    'face-too-small': 'La cara ocupa solo una pequeña parte de la imagen; una foto más cercana quedará mejor.',
    blurry: 'La cara se ve borrosa.',
    'too-dark': 'La cara está muy oscura.',
    'too-bright': 'La cara está muy clara (sobreexpuesta).',
    upscaled: 'La zona de la cara tiene solo {n} px, menos que los 360 px del portal: se verá poco nítida.',
    'not-upright': 'La imagen no está derecha: la cara queda derecha al girarla {degrees}° en el sentido de las agujas del reloj.',
    tilted: 'La cabeza está inclinada {degrees}°.'
  },
  short: {
    'no-face': 'Sin cara',
    'several-faces': 'Varias caras',
    'face-too-small': 'Cara pequeña en la imagen',
    blurry: 'Borrosa',
    'too-dark': 'Demasiado oscura',
    'too-bright': 'Demasiado clara',
    upscaled: 'Baja resolución',
    'not-upright': 'No está derecha',
    tilted: 'Cabeza inclinada'
  },
  column: 'Revisión',
  filterAll: 'Todas las fotos',
  filterWarnings: 'Fotos con avisos',
  noWarnings: 'Sin avisos'
}
