/** Brazilian Portuguese texts of face framing and the photo quality check, the `face` section of index.ts. */
export const facePtBR = {
  autoFrame: 'Enquadrar automaticamente',
  autoFrameHint: 'Enquadrar o quadrado no rosto no padrão da empresa (A)',
  preset: 'Enquadramento',
  presets: {
    tight: 'Fechado',
    standard: 'Padrão',
    loose: 'Aberto'
  },
  framing: 'Procurando um rosto…',
  warningsTitle: 'Sobre esta foto',
  turn: 'Girar {degrees}°',
  warnings: {
    'no-face': 'Nenhum rosto encontrado. O quadrado começa no centro; posicione-o você mesmo.',
    'several-faces': '{n} rostos encontrados; o quadrado está no maior.',
    'face-too-small': 'O rosto ocupa só uma pequena parte da imagem; uma foto mais próxima ficará melhor.',
    blurry: 'O rosto parece desfocado.',
    'too-dark': 'O rosto está muito escuro.',
    'too-bright': 'O rosto está muito claro (estourado).',
    upscaled: 'A área do rosto tem só {n} px, menos que os 360 px do portal: vai ficar sem nitidez.',
    'not-upright': 'A imagem não está em pé: o rosto fica em pé depois de girá-la {degrees}° no sentido horário.',
    tilted: 'A cabeça está inclinada {degrees}°.'
  },
  short: {
    'no-face': 'Sem rosto',
    'several-faces': 'Vários rostos',
    'face-too-small': 'Rosto pequeno na imagem',
    blurry: 'Desfocada',
    'too-dark': 'Escura demais',
    'too-bright': 'Clara demais',
    upscaled: 'Baixa resolução',
    'not-upright': 'Fora de prumo',
    tilted: 'Cabeça inclinada'
  },
  column: 'Verificação',
  filterAll: 'Todas as fotos',
  filterWarnings: 'Fotos com avisos',
  noWarnings: 'Sem avisos'
}
