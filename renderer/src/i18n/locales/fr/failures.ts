/** French: what the user reads about failures. Part of index.ts. */
export const frFailures = {
  photoErrors: {
    thePerson: 'La personne',
    theFile: 'Le fichier',
    keepsOld: '{name} garde l’ancienne photo.',
    keepsNone: '{name} n’a toujours pas de photo.',
    authExpired: 'Votre session sur {portal} a expiré. Reconnectez-vous : la modification de la photo de {name} reprendra d’elle-même.',
    forbiddenUrl:
      'DocSpace 3.7.1 et versions suivantes ne récupèrent les photos que depuis des adresses https:// publiques : pas de http://, ni d’adresses privées ou locales comme 10.x, 172.16–31.x, 192.168.x, 127.x ou 169.254.x. Utilisez un lien https public qui mène directement à l’image.',
    notFound: '{name} n’est plus sur {portal}. Actualisez la liste.',
    rejected: '{portal} a refusé la photo : « {detail} ».',
    rejectedNoDetail: '{portal} a refusé la photo.',
    adviceSmaller: 'Utilisez une image plus petite.',
    adviceSmallerLimit: 'Utilisez une image plus petite (le portail accepte jusqu’à {limit}).',
    adviceFormat: 'Enregistrez la photo en JPEG ou PNG et réessayez.',
    advicePermission: 'L’utilisateur connecté n’a pas le droit de modifier cette photo.',
    adviceRefresh: 'Actualisez la liste : la personne a peut-être été supprimée.',
    adviceGeneric: 'Réessayez ; si l’échec se répète, essayez une autre image ou contactez l’administrateur du portail.',
    partlyApplied: 'La nouvelle photo de {name} est sur {portal}, mais avec le recadrage carré centré du portail : votre recadrage n’a pas pu être appliqué.',
    netLost: 'La connexion à {portal} a été perdue ; {name} a toujours l’ancienne photo.',
    netLostNoPhoto: 'La connexion à {portal} a été perdue ; {name} n’a toujours pas de photo.',
    imageUnsupported: '« {file} » n’est pas une image que l’application sait lire. Utilisez un fichier JPEG, PNG, WebP, GIF, TIFF, AVIF ou HEIC.',
    imageCorrupt: '« {file} » est endommagé : il se présente comme une image, mais ses pixels sont illisibles. Exportez-le à nouveau depuis l’original.',
    imageTooLarge: '« {file} » est trop grand pour être traité sans risque ({width} × {height} px). Réduisez-le et réessayez.',
    imageTooLargeNoSize: '« {file} » est trop grand pour être traité sans risque. Réduisez-le et réessayez.',
    imageTooSmall: '« {file} » est trop petit pour une photo ({width} × {height} px). Utilisez une image plus grande.',
    imageTooSmallNoSize: '« {file} » est trop petit pour une photo. Utilisez une image plus grande.',
    cancelled: 'Annulé.',
    nothingToUndo: 'Rien à annuler pour l’instant sur {portal}.',
    noBackup: 'Cette ancienne photo n’est plus enregistrée : elle ne peut pas être restaurée.',
    checkConnection: 'Vérifiez la connexion et réessayez.',
    lostUpload: 'La connexion au portail a été perdue pendant l’envoi de la photo.',
    lostPromote: 'La connexion au portail a été perdue pendant le passage à la nouvelle photo, et ce passage n’a pas eu lieu.',
    lostBefore: 'La connexion au portail a été perdue avant toute modification.',
    lostWrite: 'La connexion au portail a été perdue, et la modification n’a pas été faite.',
    lostUnknown:
      'La connexion a été perdue pendant que le portail passait à la nouvelle photo, et l’application n’a pas pu vérifier si {name} a l’ancienne ou la nouvelle photo. Actualisez pour le savoir ; l’ancienne photo est enregistrée dans l’historique.',
    tlsDetail: 'Le certificat de sécurité du portail n’est pas fiable.',
    serverProblem: 'Le portail a rencontré un problème ({status}) et n’a pas pris en compte la modification.',
    tryAgainSoon: 'Réessayez dans un instant.',
    tryAgainIn: 'Réessayez dans {seconds} s.',
    partlyCrop: '{name} a maintenant la nouvelle photo, mais avec le recadrage carré centré du portail : l’application de votre recadrage a échoué{cause}.',
    partlyVerify: '{name} a maintenant la nouvelle photo, mais la relecture a échoué{cause} : toutes les tailles n’ont pas pu être vérifiées. Actualisez pour la voir, et réessayez si quelque chose ne va pas.',
    partlyRemoved: 'La photo de {name} a été supprimée, mais la relecture a échoué{cause} : toutes les tailles n’ont pas pu être vérifiées. Actualisez pour la voir, et réessayez si quelque chose ne va pas.',
    addressRule: 'DocSpace {version} a refusé l’adresse. Il ne récupère les photos que depuis des adresses https:// publiques.',
    downloadFailed:
      'Le portail n’a pas pu télécharger l’image : l’adresse a répondu « {answer} ». Utilisez un lien direct vers le fichier image, qui s’ouvre sans connexion et sans redirection.',
    urlTooLarge: 'L’image à cette adresse dépasse la taille acceptée par le portail. Utilisez une image plus petite.',
    urlNotImage: 'Le portail n’a pas pu utiliser le fichier à cette adresse (ce n’est peut-être pas une image).',
    backupFailed: 'La photo actuelle de {name} n’a pas pu être enregistrée dans le dossier de données de l’application (le disque est-il plein ?) : rien n’a été modifié.',
    image: {
      empty: 'Le fichier est vide.',
      notAnImage: 'Son contenu n’est pas une image, quel que soit son nom.',
      heic: 'Les photos HEIC ne peuvent pas être ouvertes sur cet ordinateur. Exportez la photo en JPEG (sur iPhone : Réglages › Appareil photo › Formats › Le plus compatible) et réessayez.',
      heif: 'Cette image HEIF utilise une compression non prise en charge. Exportez la photo en JPEG et réessayez.',
      damaged: 'L’image est endommagée et ne peut pas être lue.',
      incomplete: 'L’image est endommagée ou incomplète (par exemple un téléchargement interrompu) et ne peut pas être lue.',
      pixels: 'L’image fait {width} × {height} pixels ({megapixels} mégapixels) ; les photos jusqu’à {max} mégapixels sont acceptées. Réduisez-la dans un éditeur d’images et réessayez.',
      bytes: 'La photo ne peut pas passer sous la limite d’envoi du portail ({limit}) sans perdre trop de détails. Recadrez-la ou enregistrez-la avec une qualité plus basse, puis réessayez.',
      small: 'L’image ne fait que {width} × {height} pixels ; une photo doit faire au moins {min} pixels de chaque côté.'
    },
    formats: {
      bmp: 'Les images BMP ne sont pas prises en charge. Enregistrez la photo en JPEG ou PNG et réessayez.',
      svg: 'Les dessins SVG ne sont pas pris en charge : le portail enregistre des photos. Exportez l’image en PNG ou JPEG et réessayez.',
      ico: 'Les fichiers d’icône (.ico) ne sont pas pris en charge. Utilisez une photo JPEG ou PNG.',
      psd: 'Les documents Photoshop ne sont pas pris en charge. Exportez la photo en JPEG ou PNG et réessayez.',
      jxl: 'Les images JPEG XL ne sont pas encore prises en charge. Exportez la photo en JPEG ou PNG et réessayez.',
      jpeg2000: 'Les images JPEG 2000 ne sont pas prises en charge. Exportez la photo en JPEG ou PNG et réessayez.',
      pdf: 'C’est un document PDF, pas une photo. Exportez la page en image JPEG ou PNG et réessayez.'
    },
    url: {
      notAUrl: 'Ce n’est pas une adresse web. Collez l’adresse complète de l’image, qui commence par https://.',
      notHttp: 'Seules des adresses web (https://…) peuvent servir pour une photo.',
      credentials: 'L’adresse ne doit contenir ni nom d’utilisateur ni mot de passe.',
      notHttps: 'Seules des adresses sécurisées (https://…) peuvent servir pour une photo ; {host} a été donné sans https.',
      privateAddress:
        '{host} se trouve sur un réseau privé, local ou interne. Le portail irait le chercher depuis son propre réseau, c’est pourquoi l’application n’envoie pas ce type d’adresse. Utilisez une adresse https:// publique de l’image.',
      unresolved: 'L’application n’a pas trouvé {host} sur Internet. Vérifiez l’adresse, ou utilisez une adresse https:// publique de l’image.'
    }
  },
  refusal: {
    short: {
      selfOnly: 'Sur DocSpace 3.6+, vous ne pouvez modifier que votre propre photo',
      admin: 'Le portail ne vous permet pas de modifier la photo du propriétaire ou d’un autre administrateur',
      ownOnly: 'Votre rôle ne permet de modifier que votre propre photo',
      owner: 'Seul le propriétaire peut modifier sa photo',
      otherAdmin: 'Seul le propriétaire peut modifier la photo d’un autre administrateur',
      terminated: 'Le portail ne modifie pas la photo d’une personne désactivée (partie)'
    },
    explain: {
      selfOnly:
        '{portal} utilise DocSpace {version} : depuis la 3.6, chaque personne ne peut modifier que sa propre photo, administrateurs et propriétaire compris. Seul(e) {name} peut la modifier.',
      admin: 'Sur DocSpace {version}, les administrateurs peuvent modifier la photo des autres, mais pas celle du propriétaire, ni celle d’un autre administrateur (sauf si vous êtes le propriétaire), ni celle d’une personne désactivée.',
      ownOnly: 'Sur DocSpace {version}, seuls le propriétaire et les administrateurs DocSpace peuvent modifier la photo des autres, et vous êtes connecté avec le rôle {role}.'
    },
    why: {
      selfOnly:
        'DocSpace {version} ne permet à chacun de modifier que sa propre photo, y compris au propriétaire et aux administrateurs. Seul(e) {name} peut modifier cette photo, en se connectant avec son propre compte.',
      owner: 'Sur DocSpace {version}, le propriétaire et les administrateurs peuvent modifier la photo des autres, avec des exceptions : ici, seul le propriétaire peut modifier sa photo.',
      otherAdmin: 'Sur DocSpace {version}, le propriétaire et les administrateurs peuvent modifier la photo des autres, avec des exceptions : ici, seul le propriétaire peut modifier la photo d’un autre administrateur.',
      terminated:
        'Sur DocSpace {version}, le propriétaire et les administrateurs peuvent modifier la photo des autres, avec des exceptions : ici, {name} est désactivé(e), et le portail ne modifie pas la photo des personnes désactivées.',
      roleAdmin: 'Sur DocSpace {version}, le propriétaire et les administrateurs peuvent modifier la photo des autres, avec des exceptions : ici, vous êtes connecté avec le rôle {role}.',
      roleOwnOnly:
        'Sur DocSpace {version}, seuls le propriétaire et les administrateurs DocSpace peuvent modifier la photo des autres, et vous êtes connecté avec le rôle {role}. Demandez à un administrateur, ou à {name}, de la modifier.'
    }
  },
  errors: {
    bulkTooManyFiles: 'Un import accepte au plus 5 000 photos. Divisez le dossier et importez le reste dans un second import.',
    bulkUnknownJob: 'Cet import n’existe plus. Il a peut-être été abandonné.',
    bulkBusy: 'Cet import est en cours. Mettez-le en pause ou annulez-le d’abord, ou attendez qu’il soit terminé.',
    bulkFileMissing: 'La copie de ce fichier conservée par l’import est manquante ou endommagée. Ajoutez à nouveau le fichier.',
    authInvalidCredentials: 'Le portail n’a pas accepté ces identifiants. Vérifiez l’e-mail et le mot de passe, ou la clé API, et réessayez.',
    authInvalidCode: 'Ce code n’est pas correct. Saisissez le code actuel et réessayez.',
    authChallengeExpired: 'L’étape de vérification a pris trop de temps. Reconnectez-vous.',
    authExpired: 'Votre session sur {portal} a expiré. Reconnectez-vous.',
    authUserDisabled: 'Cet utilisateur est désactivé sur {portal}. Contactez un administrateur du portail.',
    authTooManyAttempts: 'Trop de tentatives de connexion. Le portail a suspendu la connexion pour un moment ; attendez quelques minutes et réessayez.',
    authNotSignedIn: 'Vous n’êtes pas connecté à {portal} dans cette session. Reconnectez-vous.',
    portalForbidden: '{portal} a refusé : votre rôle ou les règles du portail ne le permettent pas.',
    portalNotFound: '{portal} n’a plus cet élément ; il a peut-être été supprimé. Actualisez la liste.',
    portalBadRequest: '{portal} a rejeté la demande.',
    portalPaymentRequired: 'L’abonnement de {portal} doit être réglé. Contactez le propriétaire du portail.',
    portalRateLimited: '{portal} limite les demandes en ce moment. Attendez un instant et réessayez.',
    portalServerError: '{portal} a rencontré une erreur interne. Réessayez plus tard.',
    portalRejected: '{portal} a refusé la modification.',
    portalUnexpected: '{portal} a répondu d’une manière que l’application ne comprend pas. Est-ce bien un portail DocSpace ?',
    answerTooLarge: '{portal} a envoyé une réponse bien plus grande que toute réponse réelle, et l’application a arrêté de la lire. Réessayez ; si cela se reproduit, contactez l’administrateur du portail.',
    answerPeopleCount: '{portal} a donné des nombres de personnes impossibles ou contradictoires : la liste n’a pas été chargée. Réessayez plus tard, ou contactez l’administrateur du portail.',
    answerTokenCharacters: '{portal} a répondu à la connexion avec un jeton contenant des retours à la ligne ou d’autres caractères que l’application ne peut pas envoyer : vous n’êtes pas connecté. Contactez l’administrateur du portail.',
    answerKeyCharacters: 'La clé API contient des retours à la ligne, des espaces au début ou à la fin, ou d’autres caractères qu’une clé n’a jamais. Copiez de nouveau la clé, exactement, et collez-la.',
    urlInvalid: 'Ce n’est pas une adresse de portail. Saisissez-la sous la forme https://docspace.example.com.',
    urlInsecure: 'Seules les adresses https:// sont acceptées, sauf pour un portail sur cet ordinateur.',
    netUnreachable: 'Impossible de joindre {portal}. Vérifiez l’adresse et votre connexion réseau.',
    netTimeout: '{portal} a mis trop de temps à répondre. Réessayez.',
    netConnectionLost: 'La connexion à {portal} a été perdue. Réessayez.',
    netTls: 'Le certificat de sécurité de {portal} n’est pas valide : l’application ne s’y connectera pas. Contactez votre service informatique.',
    keychainUnavailable: 'Le trousseau du système n’est pas utilisable : votre connexion dure jusqu’à la fermeture de l’application.',
    imageUnsupported: 'Ce fichier n’est pas dans un format d’image que l’application sait lire.',
    imageCorrupt: 'L’image est endommagée et ne peut pas être lue.',
    imageTooLarge: 'L’image est trop grande pour être traitée.',
    imageTooSmall: 'L’image est trop petite.',
    photoPartlyApplied: 'La nouvelle photo est sur {portal}, mais une étape suivante n’a pas abouti.',
    photoNoBackup: 'Il n’y a pas d’ancienne photo à restaurer.',
    inputInvalid: 'L’application a envoyé une demande non valide. C’est un bug ; merci de le signaler.',
    appCancelled: 'Annulé.',
    appInternal: 'Une erreur s’est produite dans l’application. Réessayez ; si cela se reproduit, redémarrez l’application.',
    thePortal: 'le portail',
    portalSaid: 'Le portail a répondu : « {detail} »'
  }
}
