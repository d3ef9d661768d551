/** French: the notes above the list, small windows, the list’s legend and export, sign-in extras. */
export const layoutFr = {
  bannerMore: 'Détails',
  bannerLess: 'Moins',
  bannerHide: 'Masquer cette note',
  showCapability: 'Que puis-je modifier ici ?',
  columnStatus: 'Statut',
  legendNoPhoto: 'Aucune photo',
  legendLocked: 'Lecture seule',
  legendLabel: 'Symboles',
  searchHint: 'Recherche dans le nom, l’e-mail, le poste et le service',
  export: 'Exporter en CSV',
  exportHint: 'Enregistrer la {n} personne affichée dans un fichier CSV | Enregistrer les {n} personnes affichées, filtrées et triées comme à l’écran, dans un fichier CSV',
  imageUnsupportedShort: '« {file} » n’est pas une image que l’application sait lire.'
}
