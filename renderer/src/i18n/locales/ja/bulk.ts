/** Japanese texts of the bulk import, the `bulk` section of index.ts. */
export const bulkJa = {
  open: '写真を一括取り込み…',
  openHint: '写真のフォルダーを選んでください。ファイルは名前でユーザーと照合されます',
  openFiles: 'ファイルまたは ZIP を選択',
  folderPicker: '取り込む写真のフォルダー',
  filesPicker: '取り込む写真、ZIP、または CSV',
  show: '取り込みを表示',
  showRunning: '取り込み: {done} / {total}',
  title: '写真の一括取り込み',
  hide: '隠す',
  dropFiles: 'ドロップして {n} 個のファイルを取り込み',
  dropFolder: 'ドロップしてこれらの写真を取り込み',
  busy: '開いたままの取り込みがあります。先に適用、完了、または破棄してください。',
  intake: {
    reading: 'ファイルを読み込んでいます… {n} 個見つかりました',
    sending: '{found} 個中 {sent} 個のファイルをアプリに送信しています…',
    planning: 'ファイルをユーザーと照合しています…',
    stop: '停止',
    leftOut: '{n} 個のファイルを除外しました:',
    truncated: '最初の {max} 個のファイルだけを取り込みました。残りは 2 回目の取り込みにしてください。',
    nothing: 'ドロップした中に取り込めるものはありませんでした。',
    reasons: {
      tooLarge: '{mb} MB を超えています',
      empty: '空のファイル',
      unreadable: '読み込めません',
      badZip: 'アプリで展開できない ZIP',
      ignored: 'システム ファイル、またはこの取り込みに追加済み'
    }
  },
  states: {
    new: '新しい写真',
    replace: '写真を置き換え',
    unchanged: '同じ写真',
    unmatched: '該当なし',
    ambiguous: '複数が該当',
    duplicate: '重複',
    refused: '許可されていません',
    invalid: '使用できません'
  },
  stateHints: {
    new: '{name} にはまだ写真がありません。これが最初の写真になります。',
    replace: '{name} の現在の写真が置き換えられます。',
    unchanged: '{name} はすでにこの画像です。送信するものはありません。',
    unmatched: 'このファイル名に該当するユーザーがいません。ユーザーを検索するか、一覧でその人の上に行をドラッグしてください。',
    ambiguous: 'このファイル名に該当するユーザーが複数います。誰なのかを選んでください。',
    duplicate: '別のファイルも {name} に照合されています。どちらか 1 つにしてください。',
    refused: 'ポータルは {name} の写真の変更を許可していません。',
    invalid: 'このファイルは使用できません。'
  },
  rules: {
    mapping: 'CSV で照合',
    email: 'メールで照合',
    emailLocal: "メールの {'@'} より前の部分で照合",
    userName: 'ユーザー名で照合',
    userId: 'ユーザー ID で照合',
    firstLast: '「名 姓」で照合',
    firstDotLast: '「名.姓」で照合',
    firstUnderscoreLast: '「名_姓」で照合',
    lastFirst: '「姓 名」で照合',
    lastCommaFirst: '「姓, 名」で照合',
    manual: 'あなたが割り当て'
  },
  results: {
    pending: '待機中',
    running: '送信しています…',
    ok: '完了',
    failed: '失敗',
    skipped: 'スキップ',
    undone: '元に戻した'
  },
  filters: {
    label: '表示する行',
    all: 'すべて',
    done: '完了',
    failed: '失敗'
  },
  refusedBanner: '{n} 個のファイルは、あなたが写真を変更できないユーザーのものです。',
  list: {
    label: '取り込むファイル',
    noPerson: 'まだいません',
    currentPhoto: '現在の写真',
    newPhoto: '新しい写真',
    approve: '{file} を適用',
    empty: 'この表示には行がありません。',
    keys: '↑ ↓ 移動 · Space 適用/スキップ · Enter 行を開く · Shift+↑ ↓ 選択',
    moreCandidates: '{n} 人が該当',
    sameAs: 'ほかに: {file}'
  },
  toolbar: {
    selectAll: 'すべて選択',
    selectNone: '選択を解除',
    approveAll: 'すべて適用',
    approveNone: 'すべてスキップ',
    approveSelected: '選択した行を適用',
    skipSelected: '選択した行をスキップ',
    selected: '{n} 件選択',
    exportPlan: '計画をエクスポート（CSV）',
    discard: '計画を破棄',
    atOnce: '同時に',
    atOnceHint: '同時に変更する人数。多いほど速くなります。ポータルが一度に受け付ける変更は最大 15 件です。'
  },
  apply: '{n} 件の変更を適用',
  applyNothing: '適用するものはありません',
  progress: {
    applying: '適用中 {done} / {total}',
    undoing: '元に戻しています {done} / {total}',
    paused: '{done} / {total} で一時停止中',
    failed: '{n} 件失敗',
    rate: '毎分 {n} 件',
    left: '残り約 {time}',
    pause: '一時停止',
    resume: '再開',
    cancel: 'キャンセル',
    announce: '{total} 件中 {done} 件完了、{failed} 件失敗。'
  },
  summary: {
    finished: '{ok} 件変更、{failed} 件失敗、{skipped} 件スキップ。',
    cancelled: 'キャンセルしました: 停止前に {ok} 件変更、{failed} 件失敗。',
    undone: '{n} 枚の写真を元に戻しました。',
    undoJob: 'この取り込みを元に戻す',
    undoSelected: '選択した行を元に戻す（{n}）',
    exportReport: 'レポートをエクスポート（CSV）',
    close: '閉じる',
    newImport: 'この取り込みは保存されます。後でここから元に戻せます。'
  },
  resume: {
    title: '取り込みが途中で止まりました',
    body: '{date} に開始した取り込みは、{total} 件中 {done} 件の変更の後に止まりました。',
    resume: '再開',
    discard: '破棄',
    discardHint: 'すでに変更した写真はそのままです。各ユーザーの履歴から元に戻すこともできます。'
  },
  actions: {
    title: '{file}',
    person: 'ユーザー',
    reassign: '別のユーザーに割り当て',
    search: 'ユーザーを検索',
    searchPlaceholder: '名前、メール、または部署',
    noResults: '見つかりませんでした。',
    candidates: 'どの人ですか?',
    assignTo: '{name} に割り当て',
    duplicates: '{name} にも照合されています:',
    keep: 'このファイルを残す',
    unassign: '照合を解除',
    adjustCrop: '切り抜きを調整…',
    turn: '{degrees}°回転',
    approve: 'この行を適用',
    skip: 'この行をスキップ',
    close: '閉じる'
  },
  cropNoTurn: '一括取り込みでは写真を正しい向きのまま使います。回転せずに切り抜くか、このユーザーの写真は個別に置き換えてください。',
  dragHint: 'ドロップして {file} を {name} に割り当て'
}
