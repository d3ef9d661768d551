/** French texts of face framing and the photo quality check, the `face` section of index.ts. */
export const faceFr = {
  autoFrame: 'Cadrage auto',
  autoFrameHint: 'Cadrer le carré sur le visage selon le style maison (A)',
  preset: 'Cadrage',
  presets: {
    tight: 'Serré',
    standard: 'Standard',
    loose: 'Large'
  },
  framing: 'Recherche d’un visage…',
  warningsTitle: 'À propos de cette photo',
  turn: 'Tourner de {degrees}°',
  warnings: {
    'no-face': 'Aucun visage trouvé. Le carré part du centre ; placez-le vous-même.',
    'several-faces': '{n} visages trouvés ; le carré est sur le plus grand.',
    'face-too-small': 'Le visage n’occupe qu’une petite partie de l’image ; une photo plus rapprochée rendra mieux.',
    blurry: 'Le visage semble flou.',
    'too-dark': 'Le visage est très sombre.',
    'too-bright': 'Le visage est très clair (surexposé).',
    upscaled: 'La zone du visage ne fait que {n} px, moins que les 360 px du portail : elle paraîtra floue.',
    'not-upright': 'L’image n’est pas droite : le visage est droit après une rotation de {degrees}° dans le sens horaire.',
    tilted: 'La tête est inclinée de {degrees}°.'
  },
  short: {
    'no-face': 'Aucun visage',
    'several-faces': 'Plusieurs visages',
    'face-too-small': 'Visage petit dans l’image',
    blurry: 'Flou',
    'too-dark': 'Trop sombre',
    'too-bright': 'Trop clair',
    upscaled: 'Basse résolution',
    'not-upright': 'Pas droite',
    tilted: 'Tête inclinée'
  },
  column: 'Contrôle',
  filterAll: 'Toutes les photos',
  filterWarnings: 'Photos avec avertissements',
  noWarnings: 'Aucun avertissement'
}
