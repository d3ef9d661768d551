/** Brazilian Portuguese texts of the bulk import, the `bulk` section of index.ts. */
export const bulkPtBR = {
  open: 'Importar fotos…',
  openHint: 'Escolha uma pasta de fotos; os arquivos são associados às pessoas pelo nome',
  openFiles: 'Escolher arquivos ou um ZIP',
  folderPicker: 'Pasta de fotos para importar',
  filesPicker: 'Fotos, um ZIP ou um CSV para importar',
  show: 'Mostrar importação',
  showRunning: 'Importação: {done} de {total}',
  title: 'Importar fotos',
  hide: 'Ocultar',
  dropFiles: 'Solte para importar {n} arquivo | Solte para importar {n} arquivos',
  dropFolder: 'Solte para importar estas fotos',
  busy: 'Ainda há uma importação aberta. Aplique, conclua ou descarte-a primeiro.',
  intake: {
    reading: 'Lendo arquivos… {n} encontrados',
    sending: 'Enviando {sent} de {found} arquivos ao aplicativo…',
    planning: 'Associando arquivos a pessoas…',
    stop: 'Parar',
    leftOut: '{n} arquivo ficou de fora: | {n} arquivos ficaram de fora:',
    truncated: 'Só os primeiros {max} arquivos foram usados. Importe o restante em uma segunda importação.',
    nothing: 'Não havia nada para importar no que você soltou.',
    reasons: {
      tooLarge: 'maior que {mb} MB',
      empty: 'vazio',
      unreadable: 'não pôde ser lido',
      badZip: 'um ZIP que o aplicativo não consegue descompactar',
      ignored: 'um arquivo do sistema, ou já está nesta importação'
    }
  },
  states: {
    new: 'Foto nova',
    replace: 'Substitui a foto',
    unchanged: 'Mesma foto',
    unmatched: 'Sem correspondência',
    ambiguous: 'Várias possíveis',
    duplicate: 'Duplicado',
    refused: 'Não permitido',
    invalid: 'Não utilizável'
  },
  stateHints: {
    new: '{name} ainda não tem foto: esta será a primeira.',
    replace: 'A foto atual de {name} será substituída.',
    unchanged: '{name} já tem esta imagem: nada a enviar.',
    unmatched: 'Ninguém corresponde a este nome de arquivo. Busque a pessoa ou arraste a linha até ela na lista.',
    ambiguous: 'Mais de uma pessoa corresponde a este nome de arquivo: escolha quem é.',
    duplicate: 'Outro arquivo também está associado a {name}: fique com apenas um.',
    refused: 'O portal não permite que você altere a foto de {name}.',
    invalid: 'Este arquivo não pode ser usado.'
  },
  rules: {
    mapping: 'associado pelo CSV',
    email: 'associado pelo e-mail',
    emailLocal: "associado pela parte do e-mail antes de {'@'}",
    userName: 'associado pelo nome de usuário',
    userId: 'associado pelo ID de usuário',
    firstLast: 'associado por “Nome Sobrenome”',
    firstDotLast: 'associado por “nome.sobrenome”',
    firstUnderscoreLast: 'associado por “nome_sobrenome”',
    lastFirst: 'associado por “Sobrenome Nome”',
    lastCommaFirst: 'associado por “Sobrenome, Nome”',
    manual: 'atribuído por você'
  },
  results: {
    pending: 'Aguardando',
    running: 'Enviando…',
    ok: 'Concluído',
    failed: 'Falhou',
    skipped: 'Ignorado',
    undone: 'Revertido'
  },
  filters: {
    label: 'Mostrar linhas',
    all: 'Todas',
    done: 'Concluídas',
    failed: 'Com falha'
  },
  refusedBanner: '{n} arquivo é de alguém cuja foto você não pode alterar. | {n} arquivos são de pessoas cujas fotos você não pode alterar.',
  list: {
    label: 'Arquivos para importar',
    noPerson: 'Ninguém ainda',
    currentPhoto: 'Foto atual',
    newPhoto: 'Foto nova',
    approve: 'Aplicar {file}',
    empty: 'Nenhuma linha nesta visualização.',
    keys: '↑ ↓ move · Espaço aplica ou ignora · Enter abre a linha · Shift+↑ ↓ seleciona',
    moreCandidates: '{n} pessoas possíveis',
    sameAs: 'também: {file}'
  },
  toolbar: {
    selectAll: 'Selecionar tudo',
    selectNone: 'Limpar seleção',
    approveAll: 'Aplicar tudo',
    approveNone: 'Ignorar tudo',
    approveSelected: 'Aplicar selecionados',
    skipSelected: 'Ignorar selecionados',
    selected: '{n} selecionados',
    exportPlan: 'Exportar plano (CSV)',
    discard: 'Descartar plano',
    atOnce: 'Ao mesmo tempo',
    atOnceHint: 'Quantas pessoas são alteradas ao mesmo tempo. Mais é mais rápido; o portal aceita no máximo 15 alterações de uma vez.'
  },
  apply: 'Aplicar {n} alteração | Aplicar {n} alterações',
  applyNothing: 'Nada para aplicar',
  progress: {
    applying: 'Aplicando {done} de {total}',
    undoing: 'Desfazendo {done} de {total}',
    paused: 'Pausado em {done} de {total}',
    failed: '{n} com falha',
    rate: '{n} por minuto',
    left: 'faltam cerca de {time}',
    pause: 'Pausar',
    resume: 'Continuar',
    cancel: 'Cancelar',
    announce: '{done} de {total} concluídos, {failed} com falha.'
  },
  summary: {
    finished: '{ok} alteradas, {failed} com falha, {skipped} ignoradas.',
    cancelled: 'Cancelado: {ok} alteradas antes de você parar, {failed} com falha.',
    undone: '{n} foto revertida. | {n} fotos revertidas.',
    undoJob: 'Desfazer esta importação',
    undoSelected: 'Desfazer selecionados ({n})',
    exportReport: 'Exportar relatório (CSV)',
    close: 'Fechar',
    newImport: 'A importação fica guardada: você pode desfazê-la depois por aqui.'
  },
  resume: {
    title: 'Uma importação parou antes de terminar',
    body: 'A importação iniciada em {date} parou depois de {done} de {total} alterações.',
    resume: 'Continuar',
    discard: 'Descartar',
    discardHint: 'As fotos já alteradas continuam alteradas; o histórico de cada pessoa ainda pode revertê-las.'
  },
  actions: {
    title: '{file}',
    person: 'Pessoa',
    reassign: 'Atribuir a outra pessoa',
    search: 'Buscar pessoas',
    searchPlaceholder: 'Nome, e-mail ou departamento',
    noResults: 'Ninguém encontrado.',
    candidates: 'Quem é?',
    assignTo: 'Atribuir a {name}',
    duplicates: 'Também associado a {name}:',
    keep: 'Manter este arquivo',
    unassign: 'Remover a associação',
    adjustCrop: 'Ajustar corte…',
    turn: 'Girar {degrees}°',
    approve: 'Aplicar esta linha',
    skip: 'Ignorar esta linha',
    close: 'Fechar'
  },
  cropNoTurn: 'Uma importação usa a foto em pé: corte sem girar, ou substitua a foto desta pessoa separadamente.',
  dragHint: 'Solte para atribuir {file} a {name}'
}
