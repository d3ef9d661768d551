/** French texts of the bulk import, the `bulk` section of index.ts. */
export const bulkFr = {
  open: 'Importer des photos…',
  openHint: 'Choisissez un dossier de photos ; les fichiers sont associés aux personnes d’après leur nom',
  openFiles: 'Choisir des fichiers ou un ZIP',
  folderPicker: 'Dossier de photos à importer',
  filesPicker: 'Photos, ZIP ou CSV à importer',
  show: 'Afficher l’import',
  showRunning: 'Import : {done} sur {total}',
  title: 'Importer des photos',
  hide: 'Masquer',
  dropFiles: 'Déposez pour importer {n} fichier | Déposez pour importer {n} fichiers',
  dropFolder: 'Déposez pour importer ces photos',
  busy: 'Un import est encore ouvert. Appliquez-le, terminez-le ou abandonnez-le d’abord.',
  intake: {
    reading: 'Lecture des fichiers… {n} trouvés',
    sending: 'Envoi de {sent} fichiers sur {found} à l’application…',
    planning: 'Association des fichiers aux personnes…',
    stop: 'Arrêter',
    leftOut: '{n} fichier a été écarté : | {n} fichiers ont été écartés :',
    truncated: 'Seuls les {max} premiers fichiers ont été pris. Importez le reste dans un second import.',
    nothing: 'Il n’y avait rien à importer dans ce que vous avez déposé.',
    reasons: {
      tooLarge: 'plus de {mb} Mo',
      empty: 'vide',
      unreadable: 'illisible',
      badZip: 'ZIP que l’application ne sait pas décompresser',
      ignored: 'fichier système, ou déjà dans cet import'
    }
  },
  states: {
    new: 'Nouvelle photo',
    replace: 'Remplace la photo',
    unchanged: 'Même photo',
    unmatched: 'Aucune correspondance',
    ambiguous: 'Plusieurs possibles',
    duplicate: 'Doublon',
    refused: 'Non autorisé',
    invalid: 'Inutilisable'
  },
  stateHints: {
    new: '{name} n’a pas encore de photo : ce sera la première.',
    replace: 'La photo actuelle de {name} sera remplacée.',
    unchanged: '{name} a déjà cette image : rien à envoyer.',
    unmatched: 'Personne ne correspond à ce nom de fichier. Recherchez la personne, ou faites glisser la ligne sur elle dans la liste.',
    ambiguous: 'Plusieurs personnes correspondent à ce nom de fichier : choisissez la bonne.',
    duplicate: 'Un autre fichier est aussi associé à {name} : gardez-en un seul.',
    refused: 'Le portail ne vous permet pas de modifier la photo de {name}.',
    invalid: 'Ce fichier ne peut pas être utilisé.'
  },
  rules: {
    mapping: 'associé par le CSV',
    email: 'associé par l’e-mail',
    emailLocal: "associé par la partie de l’e-mail avant {'@'}",
    userName: 'associé par le nom d’utilisateur',
    userId: 'associé par l’ID utilisateur',
    firstLast: 'associé par « Prénom Nom »',
    firstDotLast: 'associé par « prenom.nom »',
    firstUnderscoreLast: 'associé par « prenom_nom »',
    lastFirst: 'associé par « Nom Prénom »',
    lastCommaFirst: 'associé par « Nom, Prénom »',
    manual: 'attribué par vous'
  },
  results: {
    pending: 'En attente',
    running: 'Envoi…',
    ok: 'Terminé',
    failed: 'Échec',
    skipped: 'Ignoré',
    undone: 'Rétabli'
  },
  filters: {
    label: 'Afficher les lignes',
    all: 'Toutes',
    done: 'Terminées',
    failed: 'En échec'
  },
  refusedBanner: '{n} fichier concerne une personne dont vous ne pouvez pas modifier la photo. | {n} fichiers concernent des personnes dont vous ne pouvez pas modifier la photo.',
  list: {
    label: 'Fichiers à importer',
    noPerson: 'Personne pour l’instant',
    currentPhoto: 'Photo actuelle',
    newPhoto: 'Nouvelle photo',
    approve: 'Appliquer {file}',
    empty: 'Aucune ligne dans cette vue.',
    keys: '↑ ↓ déplacer · Espace applique ou ignore · Entrée ouvre la ligne · Maj+↑ ↓ sélectionne',
    moreCandidates: '{n} personnes possibles',
    sameAs: 'aussi : {file}'
  },
  toolbar: {
    selectAll: 'Tout sélectionner',
    selectNone: 'Ne rien sélectionner',
    approveAll: 'Tout appliquer',
    approveNone: 'Tout ignorer',
    approveSelected: 'Appliquer la sélection',
    skipSelected: 'Ignorer la sélection',
    selected: '{n} sélectionné(s)',
    exportPlan: 'Exporter le plan (CSV)',
    discard: 'Abandonner le plan',
    atOnce: 'À la fois',
    atOnceHint: 'Combien de personnes sont modifiées en même temps. Plus c’est rapide ; le portail accepte au plus 15 modifications à la fois.'
  },
  apply: 'Appliquer {n} modification | Appliquer {n} modifications',
  applyNothing: 'Rien à appliquer',
  progress: {
    applying: 'Application : {done} sur {total}',
    undoing: 'Annulation : {done} sur {total}',
    paused: 'En pause à {done} sur {total}',
    failed: '{n} en échec',
    rate: '{n} par minute',
    left: 'environ {time} restant',
    pause: 'Pause',
    resume: 'Reprendre',
    cancel: 'Annuler',
    announce: '{done} sur {total} terminés, {failed} en échec.'
  },
  summary: {
    finished: '{ok} modifiées, {failed} en échec, {skipped} ignorées.',
    cancelled: 'Annulé : {ok} modifiées avant l’arrêt, {failed} en échec.',
    undone: '{n} photo rétablie. | {n} photos rétablies.',
    undoJob: 'Annuler cet import',
    undoSelected: 'Annuler la sélection ({n})',
    exportReport: 'Exporter le rapport (CSV)',
    close: 'Fermer',
    newImport: 'L’import est conservé : vous pourrez l’annuler plus tard depuis cet écran.'
  },
  resume: {
    title: 'Un import s’est arrêté avant la fin',
    body: 'L’import commencé le {date} s’est arrêté après {done} modifications sur {total}.',
    resume: 'Reprendre',
    discard: 'Abandonner',
    discardHint: 'Les photos déjà modifiées le restent ; l’historique de chaque personne permet toujours de les rétablir.'
  },
  actions: {
    title: '{file}',
    person: 'Personne',
    reassign: 'Attribuer à quelqu’un d’autre',
    search: 'Rechercher des personnes',
    searchPlaceholder: 'Nom, e-mail ou service',
    noResults: 'Personne trouvée.',
    candidates: 'De qui s’agit-il ?',
    assignTo: 'Attribuer à {name}',
    duplicates: 'Aussi associé à {name} :',
    keep: 'Garder ce fichier',
    unassign: 'Retirer l’association',
    adjustCrop: 'Ajuster le recadrage…',
    turn: 'Tourner de {degrees}°',
    approve: 'Appliquer cette ligne',
    skip: 'Ignorer cette ligne',
    close: 'Fermer'
  },
  cropNoTurn: 'Un import prend la photo à l’endroit : recadrez sans pivoter, ou remplacez la photo de cette personne séparément.',
  dragHint: 'Déposez pour attribuer {file} à {name}'
}
