/** German: what the user reads about failures. Typed against the English, so a missing or extra key fails the typecheck. */
import type { FailureMessages } from './messages-en-failures'

export const deFailures: FailureMessages = {
  photoErrors: {
    thePerson: 'Die Person',
    theFile: 'Die Datei',
    keepsOld: '{name} behält das alte Foto.',
    keepsNone: '{name} hat weiterhin kein Foto.',
    authExpired: 'Ihre Sitzung auf {portal} ist abgelaufen. Melden Sie sich erneut an: Die Änderung am Foto von {name} läuft danach von selbst weiter.',
    forbiddenUrl:
      'Ab DocSpace 3.7.1 lädt das Portal Fotos nur von öffentlichen https://-Adressen: kein http:// und keine privaten oder lokalen Adressen wie 10.x, 172.16–31.x, 192.168.x, 127.x oder 169.254.x. Verwenden Sie einen öffentlichen https-Link direkt auf das Bild.',
    notFound: '{name} ist nicht mehr auf {portal}. Aktualisieren Sie die Liste.',
    rejected: '{portal} hat das Foto abgelehnt: „{detail}“.',
    rejectedNoDetail: '{portal} hat das Foto abgelehnt.',
    adviceSmaller: 'Verwenden Sie ein kleineres Bild.',
    adviceSmallerLimit: 'Verwenden Sie ein kleineres Bild (das Portal nimmt bis zu {limit}).',
    adviceFormat: 'Speichern Sie das Foto als JPEG oder PNG und versuchen Sie es erneut.',
    advicePermission: 'Der angemeldete Benutzer darf dieses Foto nicht ändern.',
    adviceRefresh: 'Aktualisieren Sie die Liste: Die Person wurde vielleicht entfernt.',
    adviceGeneric: 'Versuchen Sie es erneut; wenn es weiter fehlschlägt, nehmen Sie ein anderes Bild oder fragen Sie den Portaladministrator.',
    partlyApplied: 'Das neue Foto von {name} ist auf {portal}, aber mit dem mittigen Standardzuschnitt des Portals: Ihr Zuschnitt wurde nicht fertig angewendet.',
    netLost: 'Die Verbindung zu {portal} wurde unterbrochen; {name} hat weiterhin das alte Foto.',
    netLostNoPhoto: 'Die Verbindung zu {portal} wurde unterbrochen; {name} hat weiterhin kein Foto.',
    imageUnsupported: '„{file}“ ist kein Bild, das die App lesen kann. Verwenden Sie eine JPEG-, PNG-, WebP-, GIF-, TIFF-, AVIF- oder HEIC-Datei.',
    imageCorrupt: '„{file}“ ist beschädigt: Die Datei gibt sich als Bild aus, aber ihre Pixel lassen sich nicht lesen. Exportieren Sie sie erneut aus dem Original.',
    imageTooLarge: '„{file}“ ist zu groß für eine sichere Verarbeitung ({width} × {height} px). Verkleinern Sie es und versuchen Sie es erneut.',
    imageTooLargeNoSize: '„{file}“ ist zu groß für eine sichere Verarbeitung. Verkleinern Sie es und versuchen Sie es erneut.',
    imageTooSmall: '„{file}“ ist zu klein für ein Foto ({width} × {height} px). Verwenden Sie ein größeres Bild.',
    imageTooSmallNoSize: '„{file}“ ist zu klein für ein Foto. Verwenden Sie ein größeres Bild.',
    cancelled: 'Abgebrochen.',
    nothingToUndo: 'Auf {portal} gibt es noch nichts rückgängig zu machen.',
    noBackup: 'Dieses frühere Foto ist nicht mehr gesichert und kann nicht wiederhergestellt werden.',
    checkConnection: 'Prüfen Sie die Verbindung und versuchen Sie es erneut.',
    lostUpload: 'Die Verbindung zum Portal wurde beim Hochladen des Fotos unterbrochen.',
    lostPromote: 'Die Verbindung zum Portal wurde unterbrochen, während es zum neuen Foto wechseln sollte; es hat nicht gewechselt.',
    lostBefore: 'Die Verbindung zum Portal wurde unterbrochen, bevor etwas geändert wurde.',
    lostWrite: 'Die Verbindung zum Portal wurde unterbrochen, und die Änderung wurde nicht vorgenommen.',
    lostUnknown:
      'Die Verbindung wurde unterbrochen, während das Portal zum neuen Foto wechselte, und die App konnte nicht prüfen, ob {name} das alte oder das neue Foto hat. Aktualisieren Sie, um es zu sehen; das alte Foto ist im Verlauf gesichert.',
    tlsDetail: 'Dem Sicherheitszertifikat des Portals kann nicht vertraut werden.',
    serverProblem: 'Das Portal hatte ein Problem ({status}) und hat die Änderung nicht übernommen.',
    tryAgainSoon: 'Versuchen Sie es gleich noch einmal.',
    tryAgainIn: 'Versuchen Sie es in {seconds} s erneut.',
    partlyCrop: '{name} hat jetzt das neue Foto, aber mit dem mittigen Standardzuschnitt des Portals: Ihr Zuschnitt ließ sich nicht anwenden{cause}.',
    partlyVerify:
      '{name} hat jetzt das neue Foto, aber das Zurücklesen ist fehlgeschlagen{cause}, daher konnten nicht alle Größen geprüft werden. Aktualisieren Sie, um es zu sehen, und versuchen Sie es erneut, wenn etwas nicht stimmt.',
    partlyRemoved:
      'Das Foto von {name} wurde entfernt, aber das Zurücklesen ist fehlgeschlagen{cause}, daher konnten nicht alle Größen geprüft werden. Aktualisieren Sie, um es zu sehen, und versuchen Sie es erneut, wenn etwas nicht stimmt.',
    addressRule: 'DocSpace {version} hat die Adresse abgelehnt. Es lädt Fotos nur von öffentlichen https://-Adressen.',
    downloadFailed:
      'Das Portal konnte das Bild nicht herunterladen: Die Adresse antwortete „{answer}“. Verwenden Sie einen direkten Link auf die Bilddatei, der ohne Anmeldung und ohne Weiterleitung öffnet.',
    urlTooLarge: 'Das Bild unter dieser Adresse ist größer, als das Portal annimmt. Verwenden Sie ein kleineres Bild.',
    urlNotImage: 'Das Portal konnte die Datei unter dieser Adresse nicht verwenden (vielleicht ist es kein Bild).',
    backupFailed: 'Das aktuelle Foto von {name} konnte nicht im Datenordner der App gesichert werden (ist der Datenträger voll?), daher wurde nichts geändert.',
    image: {
      empty: 'Die Datei ist leer.',
      notAnImage: 'Ihr Inhalt ist kein Bild, was auch immer der Name sagt.',
      heic: 'HEIC-Fotos lassen sich auf diesem Computer nicht öffnen. Exportieren Sie das Foto als JPEG (auf dem iPhone: Einstellungen › Kamera › Formate › Maximale Kompatibilität) und versuchen Sie es erneut.',
      heif: 'Dieses HEIF-Bild verwendet eine nicht unterstützte Kompression. Exportieren Sie das Foto als JPEG und versuchen Sie es erneut.',
      damaged: 'Das Bild ist beschädigt und kann nicht gelesen werden.',
      incomplete: 'Das Bild ist beschädigt oder unvollständig (zum Beispiel ein abgebrochener Download) und kann nicht gelesen werden.',
      pixels: 'Das Bild hat {width} × {height} Pixel ({megapixels} Megapixel); verwendbar sind Fotos bis {max} Megapixel. Verkleinern Sie es in einem Bildprogramm und versuchen Sie es erneut.',
      bytes: 'Das Foto lässt sich nicht unter die Upload-Grenze des Portals von {limit} bringen, ohne zu viele Details zu verlieren. Schneiden Sie es zu oder speichern Sie es mit geringerer Qualität und versuchen Sie es erneut.',
      small: 'Das Bild hat nur {width} × {height} Pixel; ein Foto braucht mindestens {min} Pixel auf jeder Seite.'
    },
    formats: {
      bmp: 'BMP-Bilder werden nicht unterstützt. Speichern Sie das Foto als JPEG oder PNG und versuchen Sie es erneut.',
      svg: 'SVG-Zeichnungen werden nicht unterstützt: Das Portal speichert Fotos. Exportieren Sie das Bild als PNG oder JPEG und versuchen Sie es erneut.',
      ico: 'Symboldateien (.ico) werden nicht unterstützt. Verwenden Sie ein JPEG- oder PNG-Foto.',
      psd: 'Photoshop-Dokumente werden nicht unterstützt. Exportieren Sie das Foto als JPEG oder PNG und versuchen Sie es erneut.',
      jxl: 'JPEG-XL-Bilder werden noch nicht unterstützt. Exportieren Sie das Foto als JPEG oder PNG und versuchen Sie es erneut.',
      jpeg2000: 'JPEG-2000-Bilder werden nicht unterstützt. Exportieren Sie das Foto als JPEG oder PNG und versuchen Sie es erneut.',
      pdf: 'Dies ist ein PDF-Dokument, kein Foto. Exportieren Sie die Seite als JPEG- oder PNG-Bild und versuchen Sie es erneut.'
    },
    url: {
      notAUrl: 'Das ist keine Webadresse. Fügen Sie die vollständige Adresse des Bildes ein, beginnend mit https://.',
      notHttp: 'Für ein Foto können nur Webadressen (https://…) verwendet werden.',
      credentials: 'Die Adresse darf keinen Benutzernamen und kein Passwort enthalten.',
      notHttps: 'Für ein Foto können nur sichere Adressen (https://…) verwendet werden; {host} wurde ohne https angegeben.',
      privateAddress:
        '{host} liegt in einem privaten, lokalen oder internen Netz. Das Portal würde die Adresse aus seinem eigenen Netz abrufen, deshalb sendet die App solche Adressen nicht. Verwenden Sie eine öffentliche https://-Adresse des Bildes.',
      unresolved: 'Die App konnte {host} im Internet nicht finden. Prüfen Sie die Adresse oder verwenden Sie eine öffentliche https://-Adresse des Bildes.'
    }
  },
  refusal: {
    short: {
      selfOnly: 'Ab DocSpace 3.6 können Sie nur Ihr eigenes Foto ändern',
      admin: 'Das Portal erlaubt nicht, das Foto des Besitzers oder eines anderen Admins zu ändern',
      ownOnly: 'Ihre Rolle darf nur das eigene Foto ändern',
      owner: 'Nur der Besitzer darf sein eigenes Foto ändern',
      otherAdmin: 'Nur der Besitzer darf das Foto eines anderen Admins ändern',
      terminated: 'Das Portal ändert das Foto einer deaktivierten (ausgeschiedenen) Person nicht'
    },
    explain: {
      selfOnly:
        '{portal} läuft mit DocSpace {version}: Ab 3.6 darf jede Person nur ihr eigenes Foto ändern, auch Admins und der Besitzer. Nur {name} kann es ändern.',
      admin:
        'Unter DocSpace {version} dürfen Admins die Fotos anderer ändern, aber nicht das des Besitzers, eines anderen Admins (außer Sie sind der Besitzer) oder einer deaktivierten Person.',
      ownOnly: 'Unter DocSpace {version} dürfen nur der Besitzer und DocSpace-Admins die Fotos anderer ändern, und Sie sind als {role} angemeldet.'
    },
    why: {
      selfOnly:
        'DocSpace {version} erlaubt jeder Person nur, ihr eigenes Foto zu ändern, und das gilt auch für den Besitzer und Admins. Nur {name} kann dieses Foto ändern, mit der eigenen Anmeldung.',
      owner: 'Unter DocSpace {version} dürfen der Besitzer und Admins die Fotos anderer ändern, mit Ausnahmen; hier darf nur der Besitzer das Foto des Besitzers ändern.',
      otherAdmin:
        'Unter DocSpace {version} dürfen der Besitzer und Admins die Fotos anderer ändern, mit Ausnahmen; hier darf nur der Besitzer das Foto eines anderen Admins ändern.',
      terminated:
        'Unter DocSpace {version} dürfen der Besitzer und Admins die Fotos anderer ändern, mit Ausnahmen; hier ist {name} deaktiviert, und das Portal ändert keine Fotos deaktivierter Personen.',
      roleAdmin: 'Unter DocSpace {version} dürfen der Besitzer und Admins die Fotos anderer ändern, mit Ausnahmen; hier sind Sie als {role} angemeldet.',
      roleOwnOnly:
        'Unter DocSpace {version} dürfen nur der Besitzer und DocSpace-Admins die Fotos anderer ändern, und Sie sind als {role} angemeldet. Fragen Sie einen Admin, oder bitten Sie {name}, es selbst zu ändern.'
    }
  },
  errors: {
    bulkTooManyFiles: 'Ein Import nimmt höchstens 5.000 Fotos auf. Teilen Sie den Ordner und importieren Sie den Rest als zweiten Import.',
    bulkUnknownJob: 'Diesen Import gibt es nicht mehr. Vielleicht wurde er verworfen.',
    bulkBusy: 'Dieser Import läuft gerade. Halten Sie ihn zuerst an oder brechen Sie ihn ab, oder warten Sie, bis er fertig ist.',
    bulkFileMissing: 'Die Kopie dieser Datei, die der Import aufbewahrt hat, fehlt oder ist beschädigt. Fügen Sie die Datei erneut hinzu.',
    handoff: {
      notShared: 'Die Datei ist (nicht mehr) für Sie freigegeben oder nicht nach Ihnen benannt; die App behandelt sie nicht als Ihr Foto.',
      notNamedForYou: 'Die Datei ist nicht nach Ihnen benannt; die App behandelt sie nicht als Ihr Foto.',
      fromYourself: 'Sie haben diese Datei selbst freigegeben.',
      tooLarge: 'Die freigegebene Datei ist größer, als {portal} für ein Foto annimmt ({limit}). Es wurde nichts geändert.',
      dropped: '{portal} hat die Datei nicht für {name} freigegeben: Sie dürfen mit dieser Person nichts teilen.'
    },
    handoffNotAllowed: 'Gäste können auf {portal} keine Dateien freigeben und daher keine Fotos übergeben. Wenden Sie sich an einen Raumadmin oder DocSpace-Admin.',
    handoffNotWaiting: 'Dieses Foto wartet nicht mehr auf Sie. Es wurde vielleicht zurückgezogen oder nicht für Sie freigegeben.',
    handoffUnknown: 'Dieser Person wurde von diesem Konto aus nichts übergeben.',
    authInvalidCredentials:
      'Das Portal hat diese Anmeldedaten nicht akzeptiert. Prüfen Sie E-Mail und Passwort bzw. den API-Schlüssel und versuchen Sie es erneut.',
    authInvalidCode: 'Dieser Code stimmt nicht. Geben Sie den aktuellen Code ein und versuchen Sie es erneut.',
    authChallengeExpired: 'Die Bestätigung hat zu lange gedauert. Bitte melden Sie sich erneut an.',
    authExpired: 'Ihre Sitzung auf {portal} ist abgelaufen. Bitte melden Sie sich erneut an.',
    authUserDisabled: 'Dieser Benutzer ist auf {portal} deaktiviert. Wenden Sie sich an einen Portaladministrator.',
    authTooManyAttempts:
      'Zu viele Anmeldeversuche. Das Portal hat die Anmeldung vorübergehend gesperrt; warten Sie einige Minuten und versuchen Sie es erneut.',
    authNotSignedIn: 'Sie sind in dieser Sitzung nicht bei {portal} angemeldet. Bitte melden Sie sich erneut an.',
    portalForbidden: '{portal} hat dies abgelehnt: Ihre Rolle oder die Regeln des Portals erlauben es nicht.',
    portalNotFound: '{portal} hat diesen Eintrag nicht mehr; er wurde vielleicht gelöscht. Aktualisieren Sie die Liste.',
    portalBadRequest: '{portal} hat die Anfrage abgelehnt.',
    portalPaymentRequired: 'Das Abonnement von {portal} muss bezahlt werden. Wenden Sie sich an den Besitzer des Portals.',
    portalRateLimited: '{portal} begrenzt gerade die Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.',
    portalServerError: 'Auf {portal} ist ein interner Fehler aufgetreten. Versuchen Sie es später erneut.',
    portalRejected: '{portal} hat die Änderung abgelehnt.',
    portalUnexpected: '{portal} hat auf eine Weise geantwortet, die diese App nicht versteht. Ist es ein DocSpace-Portal?',
    answerTooLarge:
      '{portal} hat eine Antwort geschickt, die weit größer ist als jede echte, deshalb hat die App aufgehört, sie zu lesen. Versuchen Sie es erneut; wenn es wieder passiert, wenden Sie sich an den Portaladministrator.',
    answerPeopleCount:
      '{portal} hat Personenzahlen gemeldet, die nicht stimmen können oder sich widersprechen, deshalb wurde die Liste nicht geladen. Versuchen Sie es später erneut oder wenden Sie sich an den Portaladministrator.',
    answerTokenCharacters:
      '{portal} hat die Anmeldung mit einem Token beantwortet, das Zeilenumbrüche oder andere Zeichen enthält, die die App nicht senden kann. Sie sind deshalb nicht angemeldet. Wenden Sie sich an den Portaladministrator.',
    answerKeyCharacters:
      'Der API-Schlüssel enthält Zeilenumbrüche, Leerzeichen am Rand oder andere Zeichen, die ein Schlüssel nie hat. Kopieren Sie den Schlüssel erneut, genau, und fügen Sie ihn ein.',
    urlInvalid: 'Das ist keine Portaladresse. Geben Sie sie in der Form https://docspace.example.com ein.',
    urlInsecure: 'Nur https://-Adressen sind erlaubt, außer für ein Portal auf diesem Computer.',
    netUnreachable: '{portal} ist nicht erreichbar. Prüfen Sie die Adresse und Ihre Netzwerkverbindung.',
    netTimeout: '{portal} hat zu lange nicht geantwortet. Versuchen Sie es erneut.',
    netConnectionLost: 'Die Verbindung zu {portal} wurde unterbrochen. Versuchen Sie es erneut.',
    netTls: 'Das Sicherheitszertifikat von {portal} ist ungültig, daher verbindet sich die App nicht. Wenden Sie sich an Ihre IT.',
    keychainUnavailable:
      'Der Schlüsselbund des Systems kann nicht verwendet werden. Ihre Anmeldung gilt daher nur, bis Sie die App schließen.',
    imageUnsupported: 'Diese Datei hat kein Bildformat, das die App lesen kann.',
    imageCorrupt: 'Das Bild ist beschädigt und kann nicht gelesen werden.',
    imageTooLarge: 'Das Bild ist zu groß für die Verarbeitung.',
    imageTooSmall: 'Das Bild ist zu klein.',
    photoPartlyApplied: 'Das neue Foto ist auf {portal}, aber ein späterer Schritt wurde nicht abgeschlossen.',
    photoNoBackup: 'Es gibt kein früheres Foto, das wiederhergestellt werden kann.',
    inputInvalid: 'Die App hat eine ungültige Anfrage gesendet. Das ist ein Fehler; bitte melden Sie ihn.',
    appCancelled: 'Abgebrochen.',
    appInternal: 'In der App ist etwas schiefgelaufen. Versuchen Sie es erneut; wenn es wieder passiert, starten Sie die App neu.',
    thePortal: 'das Portal',
    portalSaid: 'Das Portal meldet: „{detail}“'
  }
}
