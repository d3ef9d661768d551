/** Simplified Chinese texts of face framing and the photo quality check, the `face` section of index.ts. */
export const faceZhCN = {
  autoFrame: '自动取景',
  autoFrameHint: '按公司统一样式将方框对准面部 (A)',
  preset: '取景',
  presets: {
    tight: '紧凑',
    standard: '标准',
    loose: '宽松'
  },
  framing: '正在查找面部…',
  warningsTitle: '关于这张照片',
  turn: '旋转 {degrees}°',
  warnings: {
    'no-face': '未找到面部。方框从中间开始，请自行放置。',
    'several-faces': '找到 {n} 张面孔；方框对准了最大的一张。',
    'face-too-small': '面部只占画面的一小部分；近一些拍的照片效果更好。',
    blurry: '面部看起来模糊。',
    'too-dark': '面部非常暗。',
    'too-bright': '面部非常亮（过曝）。',
    upscaled: '面部区域只有 {n} px，小于门户的 360 px：看起来会不清晰。',
    'not-upright': '图片不是正的：顺时针旋转 {degrees}° 后面部才是正的。',
    tilted: '头部倾斜了 {degrees}°。'
  },
  short: {
    'no-face': '没有面部',
    'several-faces': '多张面孔',
    'face-too-small': '面部过小',
    blurry: '模糊',
    'too-dark': '太暗',
    'too-bright': '太亮',
    upscaled: '分辨率低',
    'not-upright': '图片不正',
    tilted: '头部倾斜'
  },
  column: '检查',
  filterAll: '所有照片',
  filterWarnings: '有警告的照片',
  noWarnings: '无警告'
}
