/** Japanese texts of face framing and the photo quality check, the `face` section of index.ts. */
export const faceJa = {
  autoFrame: '自動フレーミング',
  autoFrameHint: '社内の基準に沿って正方形を顔に合わせます (A)',
  preset: 'フレーミング',
  presets: {
    tight: 'アップ',
    standard: '標準',
    loose: 'ゆったり'
  },
  framing: '顔を探しています…',
  warningsTitle: 'この写真について',
  turn: '{degrees}° 回転',
  warnings: {
    'no-face': '顔が見つかりません。正方形は中央から始まります。自分で配置してください。',
    'several-faces': '{n} 人の顔が見つかりました。正方形はいちばん大きい顔に合わせています。',
    'face-too-small': '顔が画像のごく一部しか占めていません。もっと近くで撮った写真のほうがきれいに見えます。',
    blurry: '顔がぼやけて見えます。',
    'too-dark': '顔がとても暗くなっています。',
    'too-bright': '顔がとても明るくなっています（白飛び）。',
    upscaled: '顔の領域が {n} px しかなく、ポータルの 360 px に足りません。ぼやけて見えます。',
    'not-upright': '画像がまっすぐではありません。時計回りに {degrees}° 回転すると顔がまっすぐになります。',
    tilted: '頭が {degrees}° 傾いています。'
  },
  short: {
    'no-face': '顔なし',
    'several-faces': '複数の顔',
    'face-too-small': '顔が小さい',
    blurry: 'ぼやけ',
    'too-dark': '暗すぎる',
    'too-bright': '明るすぎる',
    upscaled: '低解像度',
    'not-upright': '向きが違う',
    tilted: '頭の傾き'
  },
  column: 'チェック',
  filterAll: 'すべての写真',
  filterWarnings: '警告のある写真',
  noWarnings: '警告なし'
}
