/** English texts of face framing and the photo quality check, the `face` section of messages-en.ts. */
export const faceEn = {
  autoFrame: 'Auto-frame',
  autoFrameHint: 'Frame the square on the face in the house style (A)',
  preset: 'Framing',
  presets: { tight: 'Tight', standard: 'Standard', loose: 'Loose' },
  framing: 'Looking for a face…',
  warningsTitle: 'About this photo',
  turn: 'Turn {degrees}°',
  warnings: {
    'no-face': 'No face found. The square starts in the middle; place it yourself.',
    'several-faces': '{n} faces found; the square is on the largest one.',
    'face-too-small': 'The face is only a small part of the picture; a closer photo will look better.',
    blurry: 'The face looks blurry.',
    'too-dark': 'The face is very dark.',
    'too-bright': 'The face is very bright (washed out).',
    upscaled: 'The face area has only {n} px, less than the portal’s 360 px: it will look soft.',
    'not-upright': 'The picture is not upright: the face is upright after turning it {degrees}° clockwise.',
    tilted: 'The head is tilted by {degrees}°.'
  },
  short: {
    'no-face': 'No face',
    'several-faces': 'Several faces',
    'face-too-small': 'Face small in picture',
    blurry: 'Blurry',
    'too-dark': 'Too dark',
    'too-bright': 'Too bright',
    upscaled: 'Low resolution',
    'not-upright': 'Not upright',
    tilted: 'Head tilted'
  },
  column: 'Check',
  filterAll: 'All photos',
  filterWarnings: 'Photos with warnings',
  noWarnings: 'No warnings'
}
