/** Brazilian Portuguese: the notes above the list, small windows, the list’s legend and export, sign-in extras. */
export const layoutPtBR = {
  bannerMore: 'Detalhes',
  bannerLess: 'Menos',
  bannerHide: 'Ocultar esta nota',
  showCapability: 'O que posso alterar aqui?',
  columnStatus: 'Status',
  legendNoPhoto: 'Sem foto',
  legendLocked: 'Somente leitura',
  legendLabel: 'Símbolos',
  searchHint: 'Pesquisa em nome, e-mail, cargo e departamento',
  export: 'Exportar CSV',
  exportHint: 'Salvar a {n} pessoa exibida como arquivo CSV | Salvar as {n} pessoas exibidas, filtradas e ordenadas como na tela, como arquivo CSV',
  imageUnsupportedShort: '“{file}” não é uma imagem que o aplicativo consegue ler.'
}
