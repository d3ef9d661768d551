/** German. Typed against the English schema, so a missing or extra key fails the typecheck. */
import { deFailures } from './messages-de-failures'
import { bulkDe } from './messages-bulk-de'
import { handoffDe } from './messages-handoff-de'
import { faceDe } from './messages-face-de'
import { layoutDe } from './messages-layout-de'
import type { MessageSchema } from './messages-en'

export const de: MessageSchema = {
  app: {
    title: 'DocSpace Photo Manager',
    starting: 'Wird gestartet…',
    noHostTitle: 'Bitte diese Seite aus der App öffnen',
    noHostBody:
      'Diese Seite muss über den eigenen Link der App geöffnet werden. Starten Sie die App (zum Beispiel mit dem Demo-Befehl) und verwenden Sie die Adresse, die sie ausgibt oder öffnet; dieser Link enthält den Schlüssel, mit dem die Seite mit der App spricht.',
    skipToList: 'Zur Personenliste springen'
  },
  signIn: {
    title: 'Bei einem DocSpace-Portal anmelden',
    subtitle: 'Ihr Passwort geht nur an das Portal. Die App speichert ein Anmelde-Token, nie das Passwort.',
    portalLabel: 'Portaladresse',
    portalPlaceholder: 'https://docspace.example.com',
    portalHint: 'Nur https://-Adressen, außer für ein Portal auf diesem Computer (ohne http:// oder https:// eingegeben, verwendet eine solche Adresse http://).',
    methodLabel: 'Anmeldeverfahren',
    methodPassword: 'E-Mail und Passwort',
    methodApiKey: 'API-Schlüssel',
    emailLabel: 'E-Mail',
    passwordLabel: 'Passwort',
    apiKeyLabel: 'API-Schlüssel',
    apiKeyHint: 'Erstellen Sie einen Schlüssel im Portal unter Entwicklertools › API-Schlüssel. Er braucht Lese- und Schreibzugriff auf Personen.',
    submit: 'Anmelden',
    submitting: 'Anmeldung läuft…',
    cancel: 'Abbrechen',
    missingPortal: 'Geben Sie die Portaladresse ein.',
    missingEmail: 'Geben Sie Ihre E-Mail-Adresse ein.',
    missingPassword: 'Geben Sie Ihr Passwort ein.',
    missingApiKey: 'Fügen Sie Ihren API-Schlüssel ein.',
    keychainOff:
      'Der Schlüsselbund des Systems kann auf diesem Computer nicht verwendet werden. Ihre Anmeldung gilt daher nur, bis Sie die App schließen.',
    sessionEnded: 'Ihre Sitzung auf {portal} ist abgelaufen. Bitte melden Sie sich erneut an.',
    twoFactorTitle: 'Bestätigung in zwei Schritten',
    twoFactorApp: 'Geben Sie den 6-stelligen Code aus Ihrer Authentifizierungs-App für {portal} ein.',
    twoFactorSms: 'Geben Sie den Code ein, der per SMS an {phone} gesendet wurde.',
    twoFactorSmsNoPhone: 'Geben Sie den Code ein, der per SMS an Ihr Telefon gesendet wurde.',
    codeLabel: 'Bestätigungscode',
    missingCode: 'Geben Sie den Code ein.',
    verify: 'Bestätigen',
    verifying: 'Wird geprüft…',
    back: 'Zurück',
    rememberedTitle: 'Gespeicherte Portale',
    rememberedHint: 'Wählen Sie eines aus, um fortzufahren, oder melden Sie sich oben bei einem anderen Portal an.',
    use: 'Öffnen',
    signInAgain: 'Anmelden',
    forget: 'Entfernen',
    forgetLabel: '{user} auf {portal} entfernen'
  },
  account: {
    menuTitle: 'Portale und Konten',
    stateSignedIn: 'Angemeldet',
    stateSignedOut: 'Abgemeldet',
    stateExpired: 'Sitzung abgelaufen',
    sessionOnly: 'Bis die App geschlossen wird',
    active: 'Aktuell',
    addAccount: 'Bei einem anderen Portal anmelden…',
    signOut: 'Abmelden',
    forget: 'Dieses Portal entfernen',
    version: 'DocSpace {version}'
  },
  roles: {
    owner: 'Besitzer',
    admin: 'DocSpace-Administrator',
    'room-admin': 'Raumadministrator',
    user: 'Benutzer',
    guest: 'Gast'
  },
  statuses: {
    active: 'Aktiv',
    disabled: 'Deaktiviert',
    pending: 'Einladung ausstehend'
  },
  capability: {
    label: 'Was Sie ändern dürfen',
    selfOnlyTitle: 'Sie können nur Ihr eigenes Foto ändern',
    selfOnlyBody:
      '{portal} läuft mit DocSpace {version}. Ab DocSpace 3.6 darf jede Person nur ihr eigenes Foto ändern, auch Administratoren und der Besitzer. Die Fotos anderer Personen werden schreibgeschützt angezeigt.',
    ownerTitle: 'Sie können die Fotos aller Personen ändern',
    ownerBody:
      '{portal} läuft mit DocSpace {version}; dort darf der Besitzer des Portals jedes Foto ändern, außer dem einer deaktivierten (ausgeschiedenen) Person; diese Zeilen sind gesperrt.',
    adminTitle: 'Sie können die Fotos anderer Personen ändern',
    adminBody:
      '{portal} läuft mit DocSpace {version}; dort dürfen Administratoren die Fotos anderer Personen ändern. Das Portal lehnt Änderungen am Foto des Besitzers, an den Fotos anderer Administratoren und an den Fotos deaktivierter (ausgeschiedener) Personen ab; diese Zeilen sind gesperrt.',
    ownOnlyTitle: 'Sie können nur Ihr eigenes Foto ändern',
    ownOnlyBody:
      '{portal} läuft mit DocSpace {version}. In dieser Version dürfen nur der Besitzer und DocSpace-Administratoren die Fotos anderer Personen ändern; Ihre Rolle ist {role}.',
    selfListBody:
      '{portal} läuft mit DocSpace {version}. Als {role} können Sie in diesem Portal keine anderen Personen auflisten; Ihr eigenes Foto können Sie hier verwalten.',
    lockedRows: 'Zeilen mit Schloss sind schreibgeschützt.',
    lockSelfOnly: 'Schreibgeschützt: Ab DocSpace 3.6 kann nur {name} dieses Foto ändern.',
    lockAdmin: 'Schreibgeschützt: Das Portal erlaubt Ihnen nicht, das Foto des Besitzers oder eines anderen Administrators zu ändern.',
    lockOwner: 'Schreibgeschützt: Nur der Besitzer darf sein eigenes Foto ändern.',
    lockOtherAdmin: 'Schreibgeschützt: Nur der Besitzer darf das Foto eines anderen Administrators ändern.',
    lockTerminated: '{name} ist deaktiviert (ausgeschieden): Das Portal ändert die Fotos deaktivierter Personen nicht.',
    lockOwnOnly: 'Schreibgeschützt: Mit Ihrer Rolle können Sie nur Ihr eigenes Foto ändern.'
  },
  people: {
    listLabel: 'Personen',
    searchLabel: 'Personen suchen',
    searchPlaceholder: 'Name, E-Mail, Abteilung',
    searchShortcut: 'Mit / suchen',
    clearSearch: 'Suche löschen',
    groupLabel: 'Gruppe',
    allGroups: 'Alle Gruppen',
    statusLabel: 'Status',
    anyStatus: 'Jeder Status',
    roleLabel: 'Rolle',
    anyRole: 'Jede Rolle',
    photoLabel: 'Foto',
    photoAll: 'Mit oder ohne Foto',
    withPhoto: 'Mit Foto',
    withoutPhoto: 'Ohne Foto',
    clearFilters: 'Filter zurücksetzen',
    sortLabel: 'Sortieren nach',
    sortName: 'Name',
    sortLastName: 'Nachname',
    sortEmail: 'E-Mail',
    sortDepartment: 'Abteilung',
    sortTitle: 'Position',
    sortAsc: 'Aufsteigend',
    sortDesc: 'Absteigend',
    sortDirectionLabel: 'Sortierrichtung',
    countAll: 'Keine Personen | {n} Person | {n} Personen',
    countSome: '{shown} von {total} Personen',
    withoutPhotoCount: '{count} ohne Foto',
    allWithPhoto: 'mit Foto | alle mit Foto',
    noneWithPhoto: 'ohne Foto | alle ohne Foto',
    loadingFirst: 'Personen werden geladen…',
    loadingProgress: 'Personen werden geladen… {loaded} von {total}',
    refreshing: 'Liste wird aktualisiert…',
    loadedIn: '{total} Person in {seconds} s geladen | {total} Personen in {seconds} s geladen',
    loadStopped: 'Das Laden wurde nach {loaded} von {total} Personen unterbrochen.',
    listRefused:
      '{portal} verweigert diesem Konto die Personenliste (Zugriff verweigert). Wenn Sie sich mit einem API-Schlüssel angemeldet haben, braucht dieser den Bereich accounts:read; andernfalls bitten Sie einen DocSpace-Administrator, Ihren Kontotyp zu prüfen.',
    retry: 'Erneut versuchen',
    noMatches: 'Niemand passt zu dieser Suche und diesen Filtern. Versuchen Sie eine andere Schreibweise oder setzen Sie die Filter zurück.',
    emptyPortal: 'In diesem Portal gibt es keine Personen, die Sie sehen können. Legen Sie Personen in DocSpace an oder melden Sie sich mit einem Konto an, das sie auflisten darf.',
    you: 'Sie',
    noPhoto: 'Kein Foto',
    columnName: 'Name',
    columnTitle: 'Position',
    columnDepartment: 'Abteilung',
    photoOf: 'Foto von {name}'
  },
  detail: {
    label: 'Details zu {name}',
    close: 'Details schließen',
    email: 'E-Mail',
    title: 'Position',
    department: 'Abteilung',
    groups: 'Gruppen',
    status: 'Status',
    role: 'Rolle',
    none: '—',
    canEdit: 'Sie können dieses Foto ändern.',
    sizesTitle: 'Gespeicherte Fotogrößen',
    sizesLoading: 'Fotogrößen werden geladen…',
    dimensions: '{width} × {height} px',
    expected: 'erwartet {width} × {height}',
    fitsWithin: 'höchstens 1280 × 1280',
    defaultImage: 'Portal-Standardbild',
    defaultNote: '{name} hat noch kein Foto: Jede Größe zeigt das Standardbild des Portals.',
    sizeFailed: 'Konnte nicht geladen werden',
    sizes: {
      original: 'Original',
      retina: 'Retina',
      max: 'Max',
      big: 'Groß',
      medium: 'Mittel',
      small: 'Klein'
    }
  },
  drop: {
    replace: 'Ablegen, um das Foto von {name} zu ersetzen',
    refused: 'Das Foto von {name} wurde nicht geändert: {reason}.',
    manyFiles: '{n} Dateien abgelegt; die erste wird verwendet',
    hint: 'Legen Sie ein Bild hier ab, fügen Sie eines mit Strg+V ein oder wählen Sie eine Datei (Strg+O).',
    pastedImage: 'Eingefügtes Bild',
    pickerLabel: 'Foto für {name} auswählen'
  },
  editor: {
    title: 'Neues Foto für {name}',
    source: '{format} · {width} × {height} px · {size}',
    sourceLabel: 'Quelle',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    rotate: 'Um 90° im Uhrzeigersinn drehen',
    reset: 'Zurücksetzen',
    keysHint: 'Pfeiltasten verschieben das Quadrat · + und − zoomen · R dreht · A schneidet automatisch zu · Eingabe speichert · Esc bricht ab',
    previewsTitle: 'So zeigt es das Portal',
    previewSize: '{size} px',
    smallCrop:
      'Ihr Quadrat enthält nur {n} px des Fotos, die größte Größe des Portals ist aber 360 px, daher wirkt es unscharf. Verkleinern Sie die Ansicht oder wählen Sie einen größeren Ausschnitt.',
    noPreview: 'Dieses Format kann hier nicht angezeigt werden. Es wird auf ein mittiges Quadrat zugeschnitten; drehen Sie es bei Bedarf.',
    loadingImage: 'Bild wird geladen…',
    cropperLabel: 'Zuschnitt: Quadrat ziehen zum Verschieben, an den Ecken ziehen zum Ändern der Größe, scrollen zum Zoomen',
    save: 'Foto speichern',
    cancel: 'Abbrechen',
    cancelUpload: 'Abbrechen',
    cancelling: 'Wird abgebrochen…',
    tooLateToCancel: 'Zu spät zum Abbrechen: Das Portal verwendet bereits das neue Foto.',
    tryAgain: 'Erneut versuchen',
    refreshPerson: 'Aktualisieren',
    applyCropAgain: 'Zuschnitt erneut anwenden',
    refresh: 'Liste aktualisieren',
    rotated: 'Um {degrees}° gedreht'
  },
  phases: {
    preparing: 'Foto wird vorbereitet…',
    'backing-up': 'Aktuelles Foto wird gesichert…',
    uploading: 'Wird hochgeladen…',
    applying: 'Neues Foto wird übernommen…',
    cropping: 'Ihr Zuschnitt wird angewendet…',
    verifying: 'Alle Größen werden geprüft…',
    done: 'Fertig',
    working: 'Wird ausgeführt…'
  },
  jobs: {
    replace: 'Foto von {name} wird ersetzt',
    delete: 'Foto von {name} wird gelöscht',
    'set-from-url': 'Foto von {name} wird von einer Adresse gesetzt',
    restore: 'Früheres Foto von {name} wird wiederhergestellt',
    undo: 'Letzte Änderung wird rückgängig gemacht',
    accept: 'Das Ihnen übergebene Foto wird übernommen'
  },
  done: {
    replace: 'Foto von {name} ersetzt',
    delete: 'Foto von {name} gelöscht',
    'set-from-url': 'Foto von {name} von der Adresse gesetzt',
    restore: 'Früheres Foto von {name} wiederhergestellt',
    undo: 'Rückgängig gemacht: {name} hat wieder das vorherige Foto',
    restoreFrom: 'Das Foto von {name} vom {date} ist wieder da',
    unverified: 'Noch konnten nicht alle Größen geprüft werden; aktualisieren Sie gleich.'
  },
  photoActions: {
    label: 'Foto-Aktionen',
    replace: 'Ersetzen…',
    replaceTitle: 'Neues Foto auswählen (Strg+O)',
    setFromUrl: 'Von URL…',
    download: 'Original herunterladen',
    downloadNone: '{name} hat kein Foto zum Herunterladen.',
    delete: 'Löschen…',
    history: 'Verlauf',
    hideHistory: 'Verlauf ausblenden'
  },
  deleteDialog: {
    title: 'Foto von {name} löschen?',
    body: 'Das Portal zeigt dann sein Standardbild. Das aktuelle Foto bleibt im Verlauf dieser App, Sie können es wiederherstellen.',
    confirm: 'Foto löschen',
    cancel: 'Abbrechen'
  },
  urlDialog: {
    title: 'Foto von {name} von einer Adresse setzen',
    label: 'Bildadresse',
    placeholder: 'https://…',
    hint: 'Die App lädt das Bild herunter und zeigt es an, damit Sie es zuschneiden können, bevor etwas gesetzt wird. Nur öffentliche https://-Adressen sind möglich.',
    submit: 'Anzeigen und zuschneiden',
    cancel: 'Abbrechen',
    empty: 'Geben Sie die Adresse des Bildes ein.'
  },
  restoreDialog: {
    title: 'Foto von {name} vom {date} wiederherstellen?',
    now: 'Jetzt',
    after: 'Nach dem Wiederherstellen',
    nowAlt: 'Aktuelles Foto von {name}',
    afterAlt: 'Foto von {name} vom {date}',
    noPhoto: 'Kein Foto',
    loading: 'Das aktuelle Foto wird geladen…',
    body: 'Das aktuelle Foto wird vorher im Verlauf gesichert, „Rückgängig“ holt es zurück.',
    bodyRemove: 'Am {date} hatte {name} kein Foto: Beim Wiederherstellen wird das aktuelle entfernt. Es wird vorher im Verlauf gesichert, „Rückgängig“ holt es zurück.',
    confirm: 'Foto wiederherstellen',
    cancel: 'Abbrechen'
  },
  history: {
    title: 'Frühere Fotos von {name}',
    loading: 'Verlauf wird geladen…',
    empty: 'Noch keine früheren Fotos. Die App sichert das aktuelle Foto vor jeder Änderung, die sie vornimmt.',
    savedBefore: {
      replace: 'Gesichert vor dem Ersetzen',
      delete: 'Gesichert vor dem Löschen',
      'set-from-url': 'Gesichert vor dem Setzen von einer Adresse',
      restore: 'Gesichert vor einer Wiederherstellung',
      undo: 'Gesichert vor einem Rückgängigmachen'
    },
    noPhoto: 'Kein Foto',
    noPhotoNote: 'Hatte kein Foto: Wiederherstellen entfernt das aktuelle.',
    dimensions: '{width} × {height} px',
    restore: 'Wiederherstellen',
    previewAlt: 'Früheres Foto von {name}, {date}'
  },
  activity: {
    open: 'Aktivität',
    title: 'Aktivität',
    subtitle: 'Fotoänderungen, die mit dieser App auf diesem Computer gemacht wurden, neueste zuerst.',
    export: 'Als CSV exportieren',
    empty: 'Noch keine Fotoänderungen.',
    loading: 'Aktivität wird geladen…',
    close: 'Schließen',
    columns: {
      at: 'Wann',
      portal: 'Portal',
      actor: 'Von',
      person: 'Person',
      action: 'Änderung',
      result: 'Ergebnis',
      detail: 'Details'
    },
    detail: {
      bulk: '{ok} geändert, {failed} fehlgeschlagen, {skipped} übersprungen',
      failed: 'Die Änderung ist nicht durchgegangen.',
      restored: 'Foto vom {date} wiederhergestellt',
      restoredNone: '„Kein Foto“ wie am {date} wiederhergestellt',
      deleted: 'Foto entfernt; die App hat eine Kopie im Verlauf',
      fromHost: 'Bild von {host}',
      cropped: 'Auf ein Quadrat von {side} px zugeschnitten',
      croppedFace: 'Auf das Gesicht zugeschnitten, {side} px',
      unverified: 'Nicht jede Größe konnte geprüft werden'
    },
    filters: {
      label: 'Aktivität filtern',
      person: 'Person',
      personPlaceholder: 'Beliebiger Name',
      action: 'Änderung',
      anyAction: 'Jede Änderung',
      actor: 'Von',
      anyActor: 'Alle',
      from: 'Ab',
      to: 'Bis',
      clear: 'Filter zurücksetzen',
      noMatch: 'Keine Änderungen passen zu diesen Filtern.',
      shown: '{shown} von {total} Änderungen'
    },
    results: {
      ok: 'Erledigt',
      failed: 'Fehlgeschlagen'
    },
    actions: {
      replace: 'Ersetzen',
      delete: 'Löschen',
      'set-from-url': 'Von URL',
      restore: 'Wiederherstellen',
      undo: 'Rückgängig',
      'bulk-import': 'Foto-Import',
      'bulk-undo': 'Import rückgängig'
    }
  },
  toast: {
    undo: 'Rückgängig',
    redo: 'Wiederholen',
    dismiss: 'Schließen',
    busy: 'Warten Sie, bis die laufende Fotoänderung abgeschlossen ist.',
    pendingSignIn: 'Melden Sie sich erneut bei {portal} an: Die Änderung am Foto von {name} läuft danach von selbst weiter.',
    refreshed: 'Das Foto von {name} wird jetzt so angezeigt, wie das Portal es hat.',
    pendingSignInUndo: 'Melden Sie sich erneut bei {portal} an: Das Rückgängigmachen läuft danach von selbst weiter.',
    notifications: 'Benachrichtigungen'
  },
  settings: {
    open: 'Einstellungen',
    title: 'Einstellungen',
    language: 'Sprache',
    languageSystem: 'Wie im System ({language})',
    theme: 'Darstellung',
    themeSystem: 'Wie im System',
    themeLight: 'Hell',
    themeDark: 'Dunkel',
    saved: 'Änderungen gelten sofort und bleiben beim nächsten Start erhalten.',
    saveFailed: 'Die Einstellung konnte nicht gespeichert werden: {reason}',
    close: 'Schließen'
  },
  ...deFailures,
  bulk: bulkDe,
  handoff: handoffDe,
  face: faceDe,
  layout: layoutDe
}
