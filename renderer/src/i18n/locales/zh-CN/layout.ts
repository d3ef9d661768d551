/** Simplified Chinese: the notes above the list, small windows, the list’s legend and export, sign-in extras (one plural form). */
export const layoutZhCN = {
  bannerMore: '详细信息',
  bannerLess: '收起',
  bannerHide: '隐藏此提示',
  showCapability: '我在这里可以更改什么？',
  columnStatus: '状态',
  legendNoPhoto: '没有照片',
  legendLocked: '只读',
  legendLabel: '图例',
  searchHint: '搜索姓名、邮箱、职位和部门',
  export: '导出 CSV',
  exportHint: '将当前显示的 {n} 人（按当前筛选和排序）保存为 CSV 文件',
  imageUnsupportedShort: '“{file}”不是应用能读取的图片。'
}
