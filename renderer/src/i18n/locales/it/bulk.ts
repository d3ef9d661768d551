/** Italian texts of the bulk import, the `bulk` section of index.ts. */
export const bulkIt = {
  open: 'Importa foto…',
  openHint: 'Scelga una cartella di foto; i file vengono abbinati alle persone in base al nome',
  openFiles: 'Scegli file o un ZIP',
  folderPicker: 'Cartella di foto da importare',
  filesPicker: 'Foto, un ZIP o un CSV da importare',
  show: 'Mostra importazione',
  showRunning: 'Importazione: {done} di {total}',
  title: 'Importa foto',
  hide: 'Nascondi',
  dropFiles: 'Rilasci per importare {n} file | Rilasci per importare {n} file',
  dropFolder: 'Rilasci per importare queste foto',
  busy: 'Un’importazione è ancora aperta. Prima la applichi, la concluda o la scarti.',
  intake: {
    reading: 'Lettura dei file… {n} trovati',
    sending: 'Invio di {sent} di {found} file all’app…',
    planning: 'Abbinamento dei file alle persone…',
    stop: 'Interrompi',
    leftOut: '{n} file è stato escluso: | {n} file sono stati esclusi:',
    truncated: 'Sono stati presi solo i primi {max} file. Importi il resto in una seconda importazione.',
    nothing: 'In ciò che ha rilasciato non c’era nulla da importare.',
    reasons: {
      tooLarge: 'più di {mb} MB',
      empty: 'vuoto',
      unreadable: 'non leggibile',
      badZip: 'uno ZIP che l’app non sa estrarre',
      ignored: 'un file di sistema, o già in questa importazione'
    }
  },
  states: {
    new: 'Nuova foto',
    replace: 'Sostituisce la foto',
    unchanged: 'Stessa foto',
    unmatched: 'Nessun abbinamento',
    ambiguous: 'Più possibili',
    duplicate: 'Duplicato',
    refused: 'Non consentito',
    invalid: 'Non utilizzabile'
  },
  stateHints: {
    new: '{name} non ha ancora una foto: questa sarà la prima.',
    replace: 'La foto attuale di {name} verrà sostituita.',
    unchanged: '{name} ha già questa immagine: niente da inviare.',
    unmatched: 'Nessuno corrisponde a questo nome di file. Cerchi la persona o trascini la riga su di lei nell’elenco.',
    ambiguous: 'Più persone corrispondono a questo nome di file: scelga chi è.',
    duplicate: 'Anche un altro file è abbinato a {name}: ne tenga uno solo.',
    refused: 'Il portale non le permette di modificare la foto di {name}.',
    invalid: 'Questo file non può essere usato.'
  },
  rules: {
    mapping: 'abbinato dal CSV',
    email: 'abbinato per e-mail',
    emailLocal: "abbinato dalla parte dell’e-mail prima di {'@'}",
    userName: 'abbinato per nome utente',
    userId: 'abbinato per ID utente',
    firstLast: 'abbinato per «Nome Cognome»',
    firstDotLast: 'abbinato per «nome.cognome»',
    firstUnderscoreLast: 'abbinato per «nome_cognome»',
    lastFirst: 'abbinato per «Cognome Nome»',
    lastCommaFirst: 'abbinato per «Cognome, Nome»',
    manual: 'assegnato da lei'
  },
  results: {
    pending: 'In attesa',
    running: 'Invio…',
    ok: 'Fatto',
    failed: 'Non riuscito',
    skipped: 'Saltato',
    undone: 'Ripristinato'
  },
  filters: {
    label: 'Mostra righe',
    all: 'Tutte',
    done: 'Fatte',
    failed: 'Non riuscite'
  },
  refusedBanner: '{n} file riguarda una persona di cui non può modificare la foto. | {n} file riguardano persone di cui non può modificare la foto.',
  list: {
    label: 'File da importare',
    noPerson: 'Ancora nessuno',
    currentPhoto: 'Foto attuale',
    newPhoto: 'Nuova foto',
    approve: 'Applica {file}',
    empty: 'Nessuna riga in questa vista.',
    keys: '↑ ↓ sposta · Spazio applica o salta · Invio apre la riga · Maiusc+↑ ↓ seleziona',
    moreCandidates: '{n} persone possibili',
    sameAs: 'anche: {file}'
  },
  toolbar: {
    selectAll: 'Seleziona tutto',
    selectNone: 'Deseleziona tutto',
    approveAll: 'Applica tutto',
    approveNone: 'Salta tutto',
    approveSelected: 'Applica selezionati',
    skipSelected: 'Salta selezionati',
    selected: '{n} selezionati',
    exportPlan: 'Esporta piano (CSV)',
    discard: 'Scarta piano',
    atOnce: 'Alla volta',
    atOnceHint: 'Quante persone vengono modificate contemporaneamente. Di più è più veloce; il portale accetta al massimo 15 modifiche alla volta.'
  },
  apply: 'Applica {n} modifica | Applica {n} modifiche',
  applyNothing: 'Niente da applicare',
  progress: {
    applying: 'Applicazione {done} di {total}',
    undoing: 'Annullamento {done} di {total}',
    paused: 'In pausa a {done} di {total}',
    failed: '{n} non riusciti',
    rate: '{n} al minuto',
    left: 'circa {time} rimanenti',
    pause: 'Pausa',
    resume: 'Riprendi',
    cancel: 'Annulla',
    announce: '{done} di {total} fatti, {failed} non riusciti.'
  },
  summary: {
    finished: '{ok} modificate, {failed} non riuscite, {skipped} saltate.',
    cancelled: 'Annullato: {ok} modificate prima dell’interruzione, {failed} non riuscite.',
    undone: '{n} foto ripristinata. | {n} foto ripristinate.',
    undoJob: 'Annulla questa importazione',
    undoSelected: 'Annulla selezionati ({n})',
    exportReport: 'Esporta rapporto (CSV)',
    close: 'Chiudi',
    newImport: 'L’importazione resta salvata: può annullarla più tardi da qui.'
  },
  resume: {
    title: 'Un’importazione si è fermata prima della fine',
    body: 'L’importazione avviata il {date} si è fermata dopo {done} di {total} modifiche.',
    resume: 'Riprendi',
    discard: 'Scarta',
    discardHint: 'Le foto già modificate restano modificate; la cronologia di ogni persona può ancora ripristinarle.'
  },
  actions: {
    title: '{file}',
    person: 'Persona',
    reassign: 'Assegna a un’altra persona',
    search: 'Cerca persone',
    searchPlaceholder: 'Nome, e-mail o reparto',
    noResults: 'Nessuno trovato.',
    candidates: 'Chi è?',
    assignTo: 'Assegna a {name}',
    duplicates: 'Abbinato anche a {name}:',
    keep: 'Tieni questo file',
    unassign: 'Rimuovi l’abbinamento',
    adjustCrop: 'Regola il ritaglio…',
    turn: 'Ruota di {degrees}°',
    approve: 'Applica questa riga',
    skip: 'Salta questa riga',
    close: 'Chiudi'
  },
  cropNoTurn: 'Un’importazione prende la foto dritta: ritagli senza ruotare, oppure sostituisca la foto di questa persona a parte.',
  dragHint: 'Rilasci per assegnare {file} a {name}'
}
