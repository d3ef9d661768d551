/** Italian texts of face framing and the photo quality check, the `face` section of index.ts. */
export const faceIt = {
  autoFrame: 'Inquadratura automatica',
  autoFrameHint: 'Inquadra il quadrato sul viso secondo lo stile aziendale (A)',
  preset: 'Inquadratura',
  presets: {
    tight: 'Stretta',
    standard: 'Standard',
    loose: 'Ampia'
  },
  framing: 'Ricerca di un viso…',
  warningsTitle: 'Su questa foto',
  turn: 'Ruota di {degrees}°',
  warnings: {
    'no-face': 'Nessun viso trovato. Il quadrato parte dal centro; posizionalo tu.',
    'several-faces': 'Trovati {n} visi; il quadrato è sul più grande.',
    'face-too-small': 'Il viso occupa solo una piccola parte dell’immagine; una foto più ravvicinata renderà meglio.',
    blurry: 'Il viso sembra sfocato.',
    'too-dark': 'Il viso è molto scuro.',
    'too-bright': 'Il viso è molto chiaro (sovraesposto).',
    upscaled: 'L’area del viso ha solo {n} px, meno dei 360 px del portale: sembrerà poco nitida.',
    'not-upright': 'L’immagine non è dritta: il viso è dritto dopo una rotazione di {degrees}° in senso orario.',
    tilted: 'La testa è inclinata di {degrees}°.'
  },
  short: {
    'no-face': 'Nessun viso',
    'several-faces': 'Più visi',
    'face-too-small': 'Viso piccolo nell’immagine',
    blurry: 'Sfocata',
    'too-dark': 'Troppo scura',
    'too-bright': 'Troppo chiara',
    upscaled: 'Bassa risoluzione',
    'not-upright': 'Non dritta',
    tilted: 'Testa inclinata'
  },
  column: 'Controllo',
  filterAll: 'Tutte le foto',
  filterWarnings: 'Foto con avvisi',
  noWarnings: 'Nessun avviso'
}
