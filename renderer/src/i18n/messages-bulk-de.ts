/** German texts of the bulk import, the `bulk` section of messages-de.ts; typed against the English ones. */
import type { bulkEn } from './messages-bulk-en'

export const bulkDe: typeof bulkEn = {
  open: 'Fotos importieren…',
  openHint: 'Einen Ordner mit Fotos wählen; die Dateien werden den Personen anhand ihrer Namen zugeordnet',
  openFiles: 'Dateien oder ein ZIP wählen',
  folderPicker: 'Ordner mit Fotos zum Importieren',
  filesPicker: 'Fotos, ein ZIP oder eine CSV zum Importieren',
  show: 'Import anzeigen',
  showRunning: 'Import: {done} von {total}',
  title: 'Fotos importieren',
  hide: 'Ausblenden',
  dropFiles: 'Ablegen, um {n} Datei zu importieren | Ablegen, um {n} Dateien zu importieren',
  dropFolder: 'Ablegen, um diese Fotos zu importieren',
  busy: 'Ein Import ist noch offen. Wenden Sie ihn zuerst an, schließen Sie ihn ab oder verwerfen Sie ihn.',
  intake: {
    reading: 'Dateien werden gelesen… {n} gefunden',
    sending: '{sent} von {found} Dateien werden an die App übergeben…',
    planning: 'Dateien werden Personen zugeordnet…',
    stop: 'Anhalten',
    leftOut: '{n} Datei wurde ausgelassen: | {n} Dateien wurden ausgelassen:',
    truncated: 'Nur die ersten {max} Dateien wurden übernommen. Importieren Sie den Rest in einem zweiten Durchgang.',
    nothing: 'In dem Abgelegten war nichts zu importieren.',
    reasons: {
      tooLarge: 'größer als {mb} MB',
      empty: 'leer',
      unreadable: 'konnte nicht gelesen werden',
      badZip: 'kein ZIP, das die App entpacken kann',
      ignored: 'eine Systemdatei oder schon in diesem Import'
    }
  },
  states: {
    new: 'Neues Foto',
    replace: 'Ersetzt Foto',
    unchanged: 'Gleiches Foto',
    unmatched: 'Keine Zuordnung',
    ambiguous: 'Mehrere passen',
    duplicate: 'Doppelt',
    refused: 'Nicht erlaubt',
    invalid: 'Nicht verwendbar'
  },
  stateHints: {
    new: '{name} hat noch kein Foto: dies wird das erste.',
    replace: 'Das aktuelle Foto von {name} wird ersetzt.',
    unchanged: '{name} hat dieses Bild bereits: nichts zu senden.',
    unmatched: 'Zu diesem Dateinamen passt niemand. Suchen Sie die Person oder ziehen Sie die Zeile auf sie in der Liste.',
    ambiguous: 'Zu diesem Dateinamen passt mehr als eine Person: Wählen Sie, wer es ist.',
    duplicate: 'Eine weitere Datei ist ebenfalls {name} zugeordnet: Behalten Sie eine davon.',
    refused: 'Das Portal erlaubt Ihnen nicht, das Foto von {name} zu ändern.',
    invalid: 'Diese Datei kann nicht verwendet werden.'
  },
  rules: {
    mapping: 'zugeordnet über die CSV',
    email: 'zugeordnet über die E-Mail',
    emailLocal: "zugeordnet über den Teil der E-Mail vor {'@'}",
    userName: 'zugeordnet über den Benutzernamen',
    userId: 'zugeordnet über die Benutzer-ID',
    firstLast: 'zugeordnet über „Vorname Nachname“',
    firstDotLast: 'zugeordnet über „vorname.nachname“',
    firstUnderscoreLast: 'zugeordnet über „vorname_nachname“',
    lastFirst: 'zugeordnet über „Nachname Vorname“',
    lastCommaFirst: 'zugeordnet über „Nachname, Vorname“',
    manual: 'von Ihnen zugewiesen'
  },
  results: {
    pending: 'Wartet',
    running: 'Wird gesendet…',
    ok: 'Erledigt',
    failed: 'Fehlgeschlagen',
    skipped: 'Übersprungen',
    undone: 'Zurückgesetzt'
  },
  filters: {
    label: 'Zeilen anzeigen',
    all: 'Alle',
    done: 'Erledigt',
    failed: 'Fehlgeschlagen'
  },
  refusedBanner:
    '{n} Datei ist für eine Person, deren Foto Sie nicht ändern dürfen. | {n} Dateien sind für Personen, deren Fotos Sie nicht ändern dürfen.',
  list: {
    label: 'Zu importierende Dateien',
    noPerson: 'Noch niemand',
    currentPhoto: 'Aktuelles Foto',
    newPhoto: 'Neues Foto',
    approve: '{file} anwenden',
    empty: 'Keine Zeilen in dieser Ansicht.',
    keys: '↑ ↓ bewegen · Leertaste wendet an oder überspringt · Eingabe öffnet die Zeile · Umschalt+↑ ↓ wählt aus',
    moreCandidates: '{n} Personen passen',
    sameAs: 'auch: {file}'
  },
  toolbar: {
    selectAll: 'Alle auswählen',
    selectNone: 'Auswahl aufheben',
    approveAll: 'Alle anwenden',
    approveNone: 'Alle überspringen',
    approveSelected: 'Auswahl anwenden',
    skipSelected: 'Auswahl überspringen',
    selected: '{n} ausgewählt',
    exportPlan: 'Plan exportieren (CSV)',
    discard: 'Plan verwerfen',
    atOnce: 'Gleichzeitig',
    atOnceHint: 'Wie viele Personen gleichzeitig geändert werden. Mehr ist schneller; das Portal nimmt höchstens 15 Änderungen zugleich an.'
  },
  apply: '{n} Änderung anwenden | {n} Änderungen anwenden',
  applyNothing: 'Nichts anzuwenden',
  progress: {
    applying: '{done} von {total} werden angewendet',
    undoing: '{done} von {total} werden rückgängig gemacht',
    paused: 'Angehalten bei {done} von {total}',
    failed: '{n} fehlgeschlagen',
    rate: '{n} pro Minute',
    left: 'noch etwa {time}',
    pause: 'Anhalten',
    resume: 'Fortsetzen',
    cancel: 'Abbrechen',
    announce: '{done} von {total} erledigt, {failed} fehlgeschlagen.'
  },
  summary: {
    finished: '{ok} geändert, {failed} fehlgeschlagen, {skipped} übersprungen.',
    cancelled: 'Abgebrochen: {ok} vor dem Abbruch geändert, {failed} fehlgeschlagen.',
    undone: '{n} Foto zurückgesetzt. | {n} Fotos zurückgesetzt.',
    undoJob: 'Diesen Import rückgängig machen',
    undoSelected: 'Auswahl rückgängig machen ({n})',
    exportReport: 'Bericht exportieren (CSV)',
    close: 'Schließen',
    newImport: 'Der Import bleibt gespeichert: Sie können ihn später hier rückgängig machen.'
  },
  resume: {
    title: 'Ein Import wurde vor dem Ende unterbrochen',
    body: 'Der Import vom {date} wurde nach {done} von {total} Änderungen unterbrochen.',
    resume: 'Fortsetzen',
    discard: 'Verwerfen',
    discardHint: 'Bereits geänderte Fotos bleiben geändert; der Verlauf jeder Person kann sie weiterhin zurückholen.'
  },
  actions: {
    title: '{file}',
    person: 'Person',
    reassign: 'Jemand anderem zuweisen',
    search: 'Personen suchen',
    searchPlaceholder: 'Name, E-Mail oder Abteilung',
    noResults: 'Niemand gefunden.',
    candidates: 'Wer ist es?',
    assignTo: '{name} zuweisen',
    duplicates: 'Ebenfalls {name} zugeordnet:',
    keep: 'Diese Datei behalten',
    unassign: 'Zuordnung entfernen',
    adjustCrop: 'Ausschnitt anpassen…',
    turn: 'Um {degrees}° drehen',
    approve: 'Diese Zeile anwenden',
    skip: 'Diese Zeile überspringen',
    close: 'Schließen'
  },
  cropNoTurn: 'Ein Import übernimmt das Foto aufrecht: Wählen Sie den Ausschnitt ohne Drehen, oder ersetzen Sie das Foto dieser Person einzeln.',
  dragHint: 'Ablegen, um {file} {name} zuzuweisen'
}
