/** Japanese: the notes above the list, small windows, the list’s legend and export, sign-in extras (one plural form). */
export const layoutJa = {
  bannerMore: '詳細',
  bannerLess: '閉じる',
  bannerHide: 'このメモを隠す',
  showCapability: 'ここで何を変更できますか？',
  columnStatus: '状態',
  legendNoPhoto: '写真なし',
  legendLocked: '閲覧のみ',
  legendLabel: '記号',
  searchHint: '名前、メール、役職、部署を検索します',
  export: 'CSV をエクスポート',
  exportHint: '表示中の {n} 人を、現在の絞り込みと並べ替えのまま CSV ファイルに保存',
  imageUnsupportedShort: '「{file}」はアプリで読み取れる画像ではありません。'
}
