/** Italian: the notes above the list, small windows, the list’s legend and export, sign-in extras. */
export const layoutIt = {
  bannerMore: 'Dettagli',
  bannerLess: 'Meno',
  bannerHide: 'Nascondi questa nota',
  showCapability: 'Cosa posso modificare qui?',
  columnStatus: 'Stato',
  legendNoPhoto: 'Nessuna foto',
  legendLocked: 'Sola lettura',
  legendLabel: 'Simboli',
  searchHint: 'Cerca in nome, e-mail, qualifica e reparto',
  export: 'Esporta CSV',
  exportHint: 'Salva la {n} persona mostrata come file CSV | Salva le {n} persone mostrate, filtrate e ordinate come sullo schermo, come file CSV',
  imageUnsupportedShort: '«{file}» non è un’immagine che l’app sa leggere.'
}
