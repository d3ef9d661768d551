/** Italian: what the user reads about failures. Part of index.ts. */
export const itFailures = {
  photoErrors: {
    thePerson: 'La persona',
    theFile: 'Il file',
    keepsOld: '{name} mantiene la foto precedente.',
    keepsNone: '{name} non ha ancora una foto.',
    authExpired: 'La sessione su {portal} è scaduta. Acceda di nuovo: la modifica della foto di {name} proseguirà da sola.',
    forbiddenUrl:
      'DocSpace 3.7.1 e successivi scaricano le foto solo da indirizzi https:// pubblici: niente http:// e nessun indirizzo privato o locale come 10.x, 172.16–31.x, 192.168.x, 127.x o 169.254.x. Usi un link https pubblico che porti direttamente all’immagine.',
    notFound: '{name} non è più su {portal}. Aggiorni l’elenco.',
    rejected: '{portal} ha rifiutato la foto: «{detail}».',
    rejectedNoDetail: '{portal} ha rifiutato la foto.',
    adviceSmaller: 'Usi un’immagine più piccola.',
    adviceSmallerLimit: 'Usi un’immagine più piccola (il portale accetta fino a {limit}).',
    adviceFormat: 'Salvi la foto in JPEG o PNG e riprovi.',
    advicePermission: 'L’utente connesso non può modificare questa foto.',
    adviceRefresh: 'Aggiorni l’elenco: la persona potrebbe essere stata rimossa.',
    adviceGeneric: 'Riprovi; se continua a non riuscire, provi un’altra immagine o si rivolga all’amministratore del portale.',
    partlyApplied: 'La nuova foto di {name} è su {portal}, ma con il ritaglio quadrato centrato del portale: l’applicazione del suo ritaglio non è terminata.',
    netLost: 'La connessione a {portal} si è interrotta; {name} ha ancora la foto precedente.',
    netLostNoPhoto: 'La connessione a {portal} si è interrotta; {name} non ha ancora una foto.',
    imageUnsupported: '«{file}» non è un’immagine che l’app sa leggere. Usi un file JPEG, PNG, WebP, GIF, TIFF, AVIF o HEIC.',
    imageCorrupt: '«{file}» è danneggiato: dichiara di essere un’immagine, ma i suoi pixel non si possono leggere. Lo esporti di nuovo dall’originale.',
    imageTooLarge: '«{file}» è troppo grande per essere elaborato in sicurezza ({width} × {height} px). Lo riduca e riprovi.',
    imageTooLargeNoSize: '«{file}» è troppo grande per essere elaborato in sicurezza. Lo riduca e riprovi.',
    imageTooSmall: '«{file}» è troppo piccolo per una foto ({width} × {height} px). Usi un’immagine più grande.',
    imageTooSmallNoSize: '«{file}» è troppo piccolo per una foto. Usi un’immagine più grande.',
    cancelled: 'Annullato.',
    nothingToUndo: 'Ancora niente da annullare su {portal}.',
    noBackup: 'Questa foto precedente non è più salvata, quindi non può essere ripristinata.',
    checkConnection: 'Controlli la connessione e riprovi.',
    lostUpload: 'La connessione al portale si è interrotta durante il caricamento della foto.',
    lostPromote: 'La connessione al portale si è interrotta mentre passava alla nuova foto, e il passaggio non è avvenuto.',
    lostBefore: 'La connessione al portale si è interrotta prima di qualsiasi modifica.',
    lostWrite: 'La connessione al portale si è interrotta e la modifica non è stata fatta.',
    lostUnknown:
      'La connessione si è interrotta mentre il portale passava alla nuova foto, e l’app non ha potuto verificare se {name} ha la foto precedente o la nuova. Aggiorni per vederlo; la foto precedente è salvata nella cronologia.',
    tlsDetail: 'Il certificato di sicurezza del portale non è affidabile.',
    serverProblem: 'Il portale ha avuto un problema ({status}) e non ha accettato la modifica.',
    tryAgainSoon: 'Riprovi tra un momento.',
    tryAgainIn: 'Riprovi tra {seconds} s.',
    partlyCrop: '{name} ha ora la nuova foto, ma con il ritaglio quadrato centrato del portale: l’applicazione del suo ritaglio non è riuscita{cause}.',
    partlyVerify: '{name} ha ora la nuova foto, ma la rilettura non è riuscita{cause}, quindi non è stato possibile controllare tutte le dimensioni. Aggiorni per vederla e riprovi se qualcosa non va.',
    partlyRemoved: 'La foto di {name} è stata rimossa, ma la rilettura non è riuscita{cause}, quindi non è stato possibile controllare tutte le dimensioni. Aggiorni per vederla e riprovi se qualcosa non va.',
    addressRule: 'DocSpace {version} ha rifiutato l’indirizzo. Scarica le foto solo da indirizzi https:// pubblici.',
    downloadFailed:
      'Il portale non ha potuto scaricare l’immagine: l’indirizzo ha risposto «{answer}». Usi un link diretto al file dell’immagine che si apra senza accesso e senza reindirizzamenti.',
    urlTooLarge: 'L’immagine a quell’indirizzo è più grande di quanto il portale accetti. Usi un’immagine più piccola.',
    urlNotImage: 'Il portale non ha potuto usare il file a quell’indirizzo (forse non è un’immagine).',
    backupFailed: 'Non è stato possibile salvare la foto attuale di {name} nella cartella dei dati dell’app (il disco è pieno?), quindi non è stato cambiato nulla.',
    image: {
      empty: 'Il file è vuoto.',
      notAnImage: 'Il suo contenuto non è un’immagine, qualunque sia il nome.',
      heic: 'Le foto HEIC non si possono aprire su questo computer. Esporti la foto in JPEG (su iPhone: Impostazioni › Fotocamera › Formati › Più compatibile) e riprovi.',
      heif: 'Questa immagine HEIF usa una compressione non supportata. Esporti la foto in JPEG e riprovi.',
      damaged: 'L’immagine è danneggiata e non può essere letta.',
      incomplete: 'L’immagine è danneggiata o incompleta (ad esempio un download non terminato) e non può essere letta.',
      pixels: 'L’immagine è di {width} × {height} pixel ({megapixels} megapixel); si possono usare foto fino a {max} megapixel. La riduca in un editor di immagini e riprovi.',
      bytes: 'La foto non può scendere sotto il limite di caricamento del portale di {limit} senza perdere troppi dettagli. La ritagli o la salvi con una qualità più bassa e riprovi.',
      small: 'L’immagine è di soli {width} × {height} pixel; una foto deve avere almeno {min} pixel per lato.'
    },
    formats: {
      bmp: 'Le immagini BMP non sono supportate. Salvi la foto in JPEG o PNG e riprovi.',
      svg: 'I disegni SVG non sono supportati: il portale conserva foto. Esporti l’immagine in PNG o JPEG e riprovi.',
      ico: 'I file di icona (.ico) non sono supportati. Usi una foto JPEG o PNG.',
      psd: 'I documenti Photoshop non sono supportati. Esporti la foto in JPEG o PNG e riprovi.',
      jxl: 'Le immagini JPEG XL non sono ancora supportate. Esporti la foto in JPEG o PNG e riprovi.',
      jpeg2000: 'Le immagini JPEG 2000 non sono supportate. Esporti la foto in JPEG o PNG e riprovi.',
      pdf: 'Questo è un documento PDF, non una foto. Esporti la pagina come immagine JPEG o PNG e riprovi.'
    },
    url: {
      notAUrl: 'Questo non è un indirizzo web. Incolli l’indirizzo completo dell’immagine, che inizia con https://.',
      notHttp: 'Per una foto si possono usare solo indirizzi web (https://…).',
      credentials: 'L’indirizzo non deve contenere un nome utente o una password.',
      notHttps: 'Per una foto si possono usare solo indirizzi sicuri (https://…); {host} è stato indicato senza https.',
      privateAddress:
        '{host} si trova su una rete privata, locale o interna. Il portale lo cercherebbe dall’interno della propria rete, per questo l’app non invia indirizzi di questo tipo. Usi un indirizzo https:// pubblico dell’immagine.',
      unresolved: 'L’app non ha trovato {host} su internet. Controlli l’indirizzo, oppure usi un indirizzo https:// pubblico dell’immagine.'
    }
  },
  refusal: {
    short: {
      selfOnly: 'Su DocSpace 3.6+ può modificare solo la propria foto',
      admin: 'Il portale non le permette di modificare la foto del proprietario o di un altro amministratore',
      ownOnly: 'Il suo ruolo può modificare solo la propria foto',
      owner: 'Solo il proprietario può modificare la foto del proprietario',
      otherAdmin: 'Solo il proprietario può modificare la foto di un altro amministratore',
      terminated: 'Il portale non modifica la foto di una persona disattivata (cessata)'
    },
    explain: {
      selfOnly:
        '{portal} usa DocSpace {version}: dalla 3.6 ogni persona può modificare solo la propria foto, compresi amministratori e proprietario. Solo {name} può modificarla.',
      admin: 'Su DocSpace {version} gli amministratori possono modificare la foto degli altri, ma non quella del proprietario, di un altro amministratore (a meno che lei non sia il proprietario) o di una persona disattivata.',
      ownOnly: 'Su DocSpace {version} solo il proprietario e gli amministratori DocSpace possono modificare la foto degli altri, e lei ha effettuato l’accesso come {role}.'
    },
    why: {
      selfOnly:
        'DocSpace {version} permette a ogni persona di modificare solo la propria foto, e questo vale anche per il proprietario e gli amministratori. Solo {name} può modificare questa foto, accedendo con il proprio account.',
      owner: 'Su DocSpace {version} il proprietario e gli amministratori possono modificare la foto degli altri, con eccezioni; qui solo il proprietario può modificare la foto del proprietario.',
      otherAdmin: 'Su DocSpace {version} il proprietario e gli amministratori possono modificare la foto degli altri, con eccezioni; qui solo il proprietario può modificare la foto di un altro amministratore.',
      terminated:
        'Su DocSpace {version} il proprietario e gli amministratori possono modificare la foto degli altri, con eccezioni; qui {name} è disattivato e il portale non modifica la foto delle persone disattivate.',
      roleAdmin: 'Su DocSpace {version} il proprietario e gli amministratori possono modificare la foto degli altri, con eccezioni; qui lei ha effettuato l’accesso come {role}.',
      roleOwnOnly:
        'Su DocSpace {version} solo il proprietario e gli amministratori DocSpace possono modificare la foto degli altri, e lei ha effettuato l’accesso come {role}. Chieda a un amministratore, o a {name}, di modificarla.'
    }
  },
  errors: {
    bulkTooManyFiles: 'Un’importazione accetta al massimo 5.000 foto. Divida la cartella e importi il resto in una seconda importazione.',
    bulkUnknownJob: 'Questa importazione non esiste più. Forse è stata scartata.',
    bulkBusy: 'Questa importazione è in corso. Prima la metta in pausa o la annulli, oppure attenda che finisca.',
    bulkFileMissing: 'La copia di questo file conservata dall’importazione manca o è danneggiata. Aggiunga di nuovo il file.',
    authInvalidCredentials: 'Il portale non ha accettato queste credenziali. Controlli e-mail e password, o la chiave API, e riprovi.',
    authInvalidCode: 'Il codice non è corretto. Inserisca il codice attuale e riprovi.',
    authChallengeExpired: 'La verifica ha richiesto troppo tempo. Acceda di nuovo.',
    authExpired: 'La sessione su {portal} è scaduta. Acceda di nuovo.',
    authUserDisabled: 'Questo utente è disattivato su {portal}. Si rivolga a un amministratore del portale.',
    authTooManyAttempts: 'Troppi tentativi di accesso. Il portale ha sospeso l’accesso per un po’; attenda qualche minuto e riprovi.',
    authNotSignedIn: 'In questa sessione non ha effettuato l’accesso a {portal}. Acceda di nuovo.',
    portalForbidden: '{portal} ha rifiutato: il suo ruolo o le regole del portale non lo consentono.',
    portalNotFound: '{portal} non ha più questo elemento; forse è stato eliminato. Aggiorni l’elenco.',
    portalBadRequest: '{portal} ha respinto la richiesta.',
    portalPaymentRequired: 'L’abbonamento di {portal} richiede un pagamento. Si rivolga al proprietario del portale.',
    portalRateLimited: '{portal} sta limitando le richieste in questo momento. Attenda un attimo e riprovi.',
    portalServerError: '{portal} ha avuto un errore interno. Riprovi più tardi.',
    portalRejected: '{portal} ha rifiutato la modifica.',
    portalUnexpected: '{portal} ha risposto in un modo che questa app non capisce. È un portale DocSpace?',
    answerTooLarge: '{portal} ha inviato una risposta molto più grande di qualsiasi risposta reale, quindi l’app ha smesso di leggerla. Riprovi; se succede ancora, si rivolga all’amministratore del portale.',
    answerPeopleCount: '{portal} ha fornito numeri di persone impossibili o contraddittori, quindi l’elenco non è stato caricato. Riprovi più tardi o si rivolga all’amministratore del portale.',
    answerTokenCharacters: '{portal} ha risposto all’accesso con un token che contiene interruzioni di riga o altri caratteri che l’app non può inviare, quindi l’accesso non è avvenuto. Si rivolga all’amministratore del portale.',
    answerKeyCharacters: 'La chiave API contiene interruzioni di riga, spazi all’inizio o alla fine o altri caratteri che una chiave non ha mai. Copi di nuovo la chiave, esattamente, e la incolli.',
    urlInvalid: 'Questo non è un indirizzo di portale. Lo inserisca come https://docspace.example.com.',
    urlInsecure: 'Sono ammessi solo indirizzi https://, tranne per un portale su questo computer.',
    netUnreachable: 'Impossibile raggiungere {portal}. Controlli l’indirizzo e la connessione di rete.',
    netTimeout: '{portal} ha impiegato troppo a rispondere. Riprovi.',
    netConnectionLost: 'La connessione a {portal} si è interrotta. Riprovi.',
    netTls: 'Il certificato di sicurezza di {portal} non è valido, quindi l’app non si connetterà. Si rivolga al reparto IT.',
    keychainUnavailable: 'Il portachiavi di sistema non è utilizzabile, quindi l’accesso dura fino alla chiusura dell’app.',
    imageUnsupported: 'Questo file non è in un formato di immagine che l’app sa leggere.',
    imageCorrupt: 'L’immagine è danneggiata e non può essere letta.',
    imageTooLarge: 'L’immagine è troppo grande da elaborare.',
    imageTooSmall: 'L’immagine è troppo piccola.',
    photoPartlyApplied: 'La nuova foto è su {portal}, ma un passaggio successivo non è terminato.',
    photoNoBackup: 'Non c’è nessuna foto precedente da ripristinare.',
    inputInvalid: 'L’app ha inviato una richiesta non valida. È un bug; la preghiamo di segnalarlo.',
    appCancelled: 'Annullato.',
    appInternal: 'Si è verificato un problema nell’app. Riprovi; se succede ancora, riavvii l’app.',
    thePortal: 'il portale',
    portalSaid: 'Il portale ha risposto: «{detail}»'
  }
}
