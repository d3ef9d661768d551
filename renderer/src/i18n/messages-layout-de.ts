import type { layoutEn } from './messages-layout-en'

/** German, key for key as in messages-layout-en.ts. */
export const layoutDe: typeof layoutEn = {
  bannerMore: 'Details',
  bannerLess: 'Weniger',
  bannerHide: 'Hinweis ausblenden',
  showCapability: 'Was kann ich hier ändern?',
  columnStatus: 'Status',
  legendNoPhoto: 'Kein Foto',
  legendLocked: 'Schreibgeschützt',
  legendLabel: 'Symbole',
  searchHint: 'Sucht in Name, E-Mail, Position und Abteilung',
  export: 'CSV exportieren',
  exportHint: 'Die angezeigte Person als CSV-Datei speichern | Die {n} angezeigten Personen, gefiltert und sortiert, als CSV-Datei speichern',
  imageUnsupportedShort: '„{file}“ ist kein Bild, das die App lesen kann.'
}
