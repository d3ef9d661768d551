/** Simplified Chinese texts of the bulk import, the `bulk` section of index.ts. */
export const bulkZhCN = {
  open: '导入照片…',
  openHint: '选择一个照片文件夹；文件会按名称与人员匹配',
  openFiles: '选择文件或 ZIP',
  folderPicker: '要导入的照片文件夹',
  filesPicker: '要导入的照片、ZIP 或 CSV',
  show: '显示导入',
  showRunning: '导入：{done} / {total}',
  title: '导入照片',
  hide: '隐藏',
  dropFiles: '松开以导入 {n} 个文件',
  dropFolder: '松开以导入这些照片',
  busy: '仍有一个导入处于打开状态。请先应用、完成或放弃它。',
  intake: {
    reading: '正在读取文件… 已找到 {n} 个',
    sending: '正在将 {sent} / {found} 个文件发送给应用…',
    planning: '正在将文件与人员匹配…',
    stop: '停止',
    leftOut: '有 {n} 个文件未纳入：',
    truncated: '只取了前 {max} 个文件。请把其余文件作为第二次导入。',
    nothing: '您拖入的内容中没有可导入的文件。',
    reasons: {
      tooLarge: '大于 {mb} MB',
      empty: '为空',
      unreadable: '无法读取',
      badZip: '应用无法解压的 ZIP',
      ignored: '系统文件，或已在此导入中'
    }
  },
  states: {
    new: '新照片',
    replace: '替换照片',
    unchanged: '相同照片',
    unmatched: '无匹配',
    ambiguous: '多人符合',
    duplicate: '重复',
    refused: '不允许',
    invalid: '不可用'
  },
  stateHints: {
    new: '{name} 还没有照片：这将是第一张。',
    replace: '{name} 的当前照片将被替换。',
    unchanged: '{name} 已经有这张图片：无需发送。',
    unmatched: '没有人与此文件名匹配。请搜索此人，或在列表中将该行拖到此人身上。',
    ambiguous: '有多人与此文件名匹配：请选择是谁。',
    duplicate: '另一个文件也匹配到了 {name}：请只保留一个。',
    refused: '门户不允许您更改 {name} 的照片。',
    invalid: '此文件无法使用。'
  },
  rules: {
    mapping: '按 CSV 匹配',
    email: '按邮箱匹配',
    emailLocal: "按邮箱中 {'@'} 之前的部分匹配",
    userName: '按用户名匹配',
    userId: '按用户 ID 匹配',
    firstLast: '按“名 姓”匹配',
    firstDotLast: '按“名.姓”匹配',
    firstUnderscoreLast: '按“名_姓”匹配',
    lastFirst: '按“姓 名”匹配',
    lastCommaFirst: '按“姓, 名”匹配',
    manual: '由您指定'
  },
  results: {
    pending: '等待中',
    running: '正在发送…',
    ok: '完成',
    failed: '失败',
    skipped: '已跳过',
    undone: '已还原'
  },
  filters: {
    label: '显示行',
    all: '全部',
    done: '已完成',
    failed: '失败'
  },
  refusedBanner: '有 {n} 个文件对应的人员照片您无权更改。',
  list: {
    label: '要导入的文件',
    noPerson: '尚未匹配',
    currentPhoto: '当前照片',
    newPhoto: '新照片',
    approve: '应用 {file}',
    empty: '此视图中没有行。',
    keys: '↑ ↓ 移动 · 空格 应用或跳过 · Enter 打开行 · Shift+↑ ↓ 选择',
    moreCandidates: '{n} 人符合',
    sameAs: '另有：{file}'
  },
  toolbar: {
    selectAll: '全选',
    selectNone: '取消全选',
    approveAll: '全部应用',
    approveNone: '全部跳过',
    approveSelected: '应用所选',
    skipSelected: '跳过所选',
    selected: '已选 {n} 个',
    exportPlan: '导出计划（CSV）',
    discard: '放弃计划',
    atOnce: '同时',
    atOnceHint: '同时更改的人数。越多越快；门户一次最多接受 15 项更改。'
  },
  apply: '应用 {n} 项更改',
  applyNothing: '没有要应用的更改',
  progress: {
    applying: '正在应用 {done} / {total}',
    undoing: '正在撤销 {done} / {total}',
    paused: '已暂停于 {done} / {total}',
    failed: '{n} 项失败',
    rate: '每分钟 {n} 项',
    left: '大约还剩 {time}',
    pause: '暂停',
    resume: '继续',
    cancel: '取消',
    announce: '已完成 {done} / {total}，{failed} 项失败。'
  },
  summary: {
    finished: '已更改 {ok} 项，失败 {failed} 项，跳过 {skipped} 项。',
    cancelled: '已取消：停止前已更改 {ok} 项，失败 {failed} 项。',
    undone: '已还原 {n} 张照片。',
    undoJob: '撤销此次导入',
    undoSelected: '撤销所选（{n}）',
    exportReport: '导出报告（CSV）',
    close: '关闭',
    newImport: '此次导入会保留：您之后可以在这里撤销它。'
  },
  resume: {
    title: '有一次导入未完成就停止了',
    body: '于 {date} 开始的导入在完成 {done} / {total} 项更改后停止了。',
    resume: '继续',
    discard: '放弃',
    discardHint: '已经更改的照片保持不变；每个人的历史记录仍可将其还原。'
  },
  actions: {
    title: '{file}',
    person: '人员',
    reassign: '指定给其他人',
    search: '搜索人员',
    searchPlaceholder: '姓名、邮箱或部门',
    noResults: '未找到任何人。',
    candidates: '是谁？',
    assignTo: '指定给 {name}',
    duplicates: '也匹配到了 {name}：',
    keep: '保留此文件',
    unassign: '取消匹配',
    adjustCrop: '调整裁剪…',
    turn: '旋转 {degrees}°',
    approve: '应用此行',
    skip: '跳过此行',
    close: '关闭'
  },
  cropNoTurn: '导入使用正向的照片：请在不旋转的情况下裁剪，或单独替换此人的照片。',
  dragHint: '松开以将 {file} 指定给 {name}'
}
