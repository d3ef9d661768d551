/** Spanish: what the user reads about failures. Part of index.ts. */
export const esFailures = {
  photoErrors: {
    thePerson: 'La persona',
    theFile: 'El archivo',
    keepsOld: '{name} conserva la foto anterior.',
    keepsNone: '{name} sigue sin foto.',
    authExpired: 'Su sesión en {portal} ha caducado. Vuelva a iniciar sesión: el cambio de la foto de {name} continuará por sí solo.',
    forbiddenUrl:
      'DocSpace 3.7.1 y posteriores solo obtienen fotos de direcciones https:// públicas: nada de http:// ni de direcciones privadas o locales como 10.x, 172.16–31.x, 192.168.x, 127.x o 169.254.x. Use un enlace https público que lleve directamente a la imagen.',
    notFound: '{name} ya no está en {portal}. Actualice la lista.',
    rejected: '{portal} ha rechazado la foto: «{detail}».',
    rejectedNoDetail: '{portal} ha rechazado la foto.',
    adviceSmaller: 'Use una imagen más pequeña.',
    adviceSmallerLimit: 'Use una imagen más pequeña (el portal admite hasta {limit}).',
    adviceFormat: 'Guarde la foto como JPEG o PNG y vuelva a intentarlo.',
    advicePermission: 'El usuario con la sesión iniciada no puede cambiar esta foto.',
    adviceRefresh: 'Actualice la lista: puede que la persona se haya eliminado.',
    adviceGeneric: 'Vuelva a intentarlo; si sigue fallando, pruebe con otra imagen o consulte al administrador del portal.',
    partlyApplied: 'La nueva foto de {name} está en {portal}, pero con el recorte cuadrado centrado del portal: no se terminó de aplicar su recorte.',
    netLost: 'Se perdió la conexión con {portal}; {name} conserva la foto anterior.',
    netLostNoPhoto: 'Se perdió la conexión con {portal}; {name} sigue sin foto.',
    imageUnsupported: '«{file}» no es una imagen que la aplicación pueda leer. Use un archivo JPEG, PNG, WebP, GIF, TIFF, AVIF o HEIC.',
    imageCorrupt: '«{file}» está dañado: dice ser una imagen, pero sus píxeles no se pueden leer. Vuelva a exportarlo desde el original.',
    imageTooLarge: '«{file}» es demasiado grande para procesarlo con seguridad ({width} × {height} px). Redúzcalo y vuelva a intentarlo.',
    imageTooLargeNoSize: '«{file}» es demasiado grande para procesarlo con seguridad. Redúzcalo y vuelva a intentarlo.',
    imageTooSmall: '«{file}» es demasiado pequeño para una foto ({width} × {height} px). Use una imagen más grande.',
    imageTooSmallNoSize: '«{file}» es demasiado pequeño para una foto. Use una imagen más grande.',
    cancelled: 'Cancelado.',
    nothingToUndo: 'Aún no hay nada que deshacer en {portal}.',
    noBackup: 'Esta foto anterior ya no está guardada, así que no se puede restaurar.',
    checkConnection: 'Compruebe la conexión y vuelva a intentarlo.',
    lostUpload: 'Se perdió la conexión con el portal mientras se subía la foto.',
    lostPromote: 'Se perdió la conexión con el portal mientras pasaba a la nueva foto, y no llegó a cambiar.',
    lostBefore: 'Se perdió la conexión con el portal antes de cambiar nada.',
    lostWrite: 'Se perdió la conexión con el portal y el cambio no se hizo.',
    lostUnknown:
      'Se perdió la conexión mientras el portal pasaba a la nueva foto, y la aplicación no pudo comprobar si {name} tiene la foto anterior o la nueva. Actualice para verlo; la foto anterior está guardada en el historial.',
    tlsDetail: 'El certificado de seguridad del portal no es de confianza.',
    serverProblem: 'El portal tuvo un problema ({status}) y no aceptó el cambio.',
    tryAgainSoon: 'Vuelva a intentarlo en un momento.',
    tryAgainIn: 'Vuelva a intentarlo dentro de {seconds} s.',
    partlyCrop: '{name} ya tiene la nueva foto, pero con el recorte cuadrado centrado del portal: falló la aplicación de su recorte{cause}.',
    partlyVerify: '{name} ya tiene la nueva foto, pero falló la lectura de comprobación{cause}, así que no se pudieron comprobar todos los tamaños. Actualice para verla y vuelva a intentarlo si algo no se ve bien.',
    partlyRemoved: 'Se eliminó la foto de {name}, pero falló la lectura de comprobación{cause}, así que no se pudieron comprobar todos los tamaños. Actualice para verla y vuelva a intentarlo si algo no se ve bien.',
    addressRule: 'DocSpace {version} rechazó la dirección. Solo obtiene fotos de direcciones https:// públicas.',
    downloadFailed:
      'El portal no pudo descargar la imagen: la dirección respondió «{answer}». Use un enlace directo al archivo de imagen que se abra sin iniciar sesión y sin redirecciones.',
    urlTooLarge: 'La imagen de esa dirección es más grande de lo que admite el portal. Use una imagen más pequeña.',
    urlNotImage: 'El portal no pudo usar el archivo de esa dirección (puede que no sea una imagen).',
    backupFailed: 'No se pudo guardar la foto actual de {name} en la carpeta de datos de la aplicación (¿está lleno el disco?), así que no se cambió nada.',
    image: {
      empty: 'El archivo está vacío.',
      notAnImage: 'Su contenido no es una imagen, diga lo que diga su nombre.',
      heic: 'Las fotos HEIC no se pueden abrir en este equipo. Exporte la foto como JPEG (en un iPhone: Ajustes › Cámara › Formatos › Más compatible) y vuelva a intentarlo.',
      heif: 'Esta imagen HEIF usa una compresión no compatible. Exporte la foto como JPEG y vuelva a intentarlo.',
      damaged: 'La imagen está dañada y no se puede leer.',
      incomplete: 'La imagen está dañada o incompleta (por ejemplo, una descarga que no terminó) y no se puede leer.',
      pixels: 'La imagen mide {width} × {height} píxeles ({megapixels} megapíxeles); se admiten fotos de hasta {max} megapíxeles. Redúzcala en un editor de imágenes y vuelva a intentarlo.',
      bytes: 'La foto no se puede reducir por debajo del límite de subida del portal ({limit}) sin perder demasiado detalle. Recórtela o guárdela con menos calidad y vuelva a intentarlo.',
      small: 'La imagen solo mide {width} × {height} píxeles; una foto necesita al menos {min} píxeles por lado.'
    },
    formats: {
      bmp: 'Las imágenes BMP no son compatibles. Guarde la foto como JPEG o PNG y vuelva a intentarlo.',
      svg: 'Los dibujos SVG no son compatibles: el portal guarda fotos. Exporte la imagen como PNG o JPEG y vuelva a intentarlo.',
      ico: 'Los archivos de icono (.ico) no son compatibles. Use una foto JPEG o PNG.',
      psd: 'Los documentos de Photoshop no son compatibles. Exporte la foto como JPEG o PNG y vuelva a intentarlo.',
      jxl: 'Las imágenes JPEG XL aún no son compatibles. Exporte la foto como JPEG o PNG y vuelva a intentarlo.',
      jpeg2000: 'Las imágenes JPEG 2000 no son compatibles. Exporte la foto como JPEG o PNG y vuelva a intentarlo.',
      pdf: 'Esto es un documento PDF, no una foto. Exporte la página como imagen JPEG o PNG y vuelva a intentarlo.'
    },
    url: {
      notAUrl: 'Esto no es una dirección web. Pegue la dirección completa de la imagen, empezando por https://.',
      notHttp: 'Solo se pueden usar direcciones web (https://…) para una foto.',
      credentials: 'La dirección no debe contener un nombre de usuario ni una contraseña.',
      notHttps: 'Solo se pueden usar direcciones seguras (https://…) para una foto; {host} se indicó sin https.',
      privateAddress:
        '{host} está en una red privada, local o interna. El portal lo buscaría desde dentro de su propia red, por eso la aplicación no envía este tipo de direcciones. Use una dirección https:// pública de la imagen.',
      unresolved: 'La aplicación no encontró {host} en internet. Compruebe la dirección o use una dirección https:// pública de la imagen.'
    }
  },
  refusal: {
    short: {
      selfOnly: 'En DocSpace 3.6+ solo puede cambiar su propia foto',
      admin: 'El portal no le permite cambiar la foto del propietario ni la de otro administrador',
      ownOnly: 'Su rol solo puede cambiar su propia foto',
      owner: 'Solo el propietario puede cambiar la foto del propietario',
      otherAdmin: 'Solo el propietario puede cambiar la foto de otro administrador',
      terminated: 'El portal no cambia la foto de una persona desactivada (dada de baja)'
    },
    explain: {
      selfOnly:
        '{portal} usa DocSpace {version}: desde la 3.6, cada persona solo puede cambiar su propia foto, también los administradores y el propietario. Solo {name} puede cambiarla.',
      admin: 'En DocSpace {version} los administradores pueden cambiar la foto de otras personas, pero no la del propietario, la de otro administrador (salvo que usted sea el propietario) ni la de una persona desactivada.',
      ownOnly: 'En DocSpace {version} solo el propietario y los administradores de DocSpace pueden cambiar la foto de otras personas, y usted ha iniciado sesión como {role}.'
    },
    why: {
      selfOnly:
        'DocSpace {version} solo permite a cada persona cambiar su propia foto, y eso incluye al propietario y a los administradores. Solo {name} puede cambiar esta foto, con su propia sesión.',
      owner: 'En DocSpace {version} el propietario y los administradores pueden cambiar la foto de otras personas, con excepciones; aquí solo el propietario puede cambiar la foto del propietario.',
      otherAdmin: 'En DocSpace {version} el propietario y los administradores pueden cambiar la foto de otras personas, con excepciones; aquí solo el propietario puede cambiar la foto de otro administrador.',
      terminated:
        'En DocSpace {version} el propietario y los administradores pueden cambiar la foto de otras personas, con excepciones; aquí {name} está desactivado, y el portal no cambia la foto de las personas desactivadas.',
      roleAdmin: 'En DocSpace {version} el propietario y los administradores pueden cambiar la foto de otras personas, con excepciones; aquí usted ha iniciado sesión como {role}.',
      roleOwnOnly:
        'En DocSpace {version} solo el propietario y los administradores de DocSpace pueden cambiar la foto de otras personas, y usted ha iniciado sesión como {role}. Pida a un administrador, o a {name}, que la cambie.'
    }
  },
  errors: {
    bulkTooManyFiles: 'Una importación admite como máximo 5000 fotos. Divida la carpeta e importe el resto en una segunda importación.',
    bulkUnknownJob: 'Esta importación ya no existe. Puede que se haya descartado.',
    bulkBusy: 'Esta importación está en curso. Páusela o cancélela primero, o espere a que termine.',
    bulkFileMissing: 'Falta o está dañada la copia de este archivo que guardó la importación. Vuelva a añadir el archivo.',
    authInvalidCredentials: 'El portal no aceptó estos datos. Compruebe el correo y la contraseña, o la clave de API, y vuelva a intentarlo.',
    authInvalidCode: 'Ese código no es correcto. Introduzca el código actual y vuelva a intentarlo.',
    authChallengeExpired: 'El paso de verificación tardó demasiado. Vuelva a iniciar sesión.',
    authExpired: 'Su sesión en {portal} ha caducado. Vuelva a iniciar sesión.',
    authUserDisabled: 'Este usuario está desactivado en {portal}. Consulte a un administrador del portal.',
    authTooManyAttempts: 'Demasiados intentos de inicio de sesión. El portal ha pausado el acceso durante un rato; espere unos minutos y vuelva a intentarlo.',
    authNotSignedIn: 'No ha iniciado sesión en {portal} en esta sesión. Vuelva a iniciar sesión.',
    portalForbidden: '{portal} lo ha rechazado: su rol o las reglas del portal no lo permiten.',
    portalNotFound: '{portal} ya no tiene esto; puede que se haya eliminado. Actualice la lista.',
    portalBadRequest: '{portal} rechazó la solicitud.',
    portalPaymentRequired: 'La suscripción de {portal} necesita un pago. Consulte al propietario del portal.',
    portalRateLimited: '{portal} está limitando las solicitudes ahora mismo. Espere un momento y vuelva a intentarlo.',
    portalServerError: '{portal} tuvo un error interno. Vuelva a intentarlo más tarde.',
    portalRejected: '{portal} rechazó el cambio.',
    portalUnexpected: '{portal} respondió de una forma que esta aplicación no entiende. ¿Es un portal DocSpace?',
    answerTooLarge: '{portal} envió una respuesta mucho mayor que cualquier respuesta real, así que la aplicación dejó de leerla. Vuelva a intentarlo; si sigue pasando, consulte al administrador del portal.',
    answerPeopleCount: '{portal} dio cifras de personas imposibles o contradictorias, así que no se cargó la lista. Vuelva a intentarlo más tarde o consulte al administrador del portal.',
    answerTokenCharacters: '{portal} respondió al inicio de sesión con un token que contiene saltos de línea u otros caracteres que la aplicación no puede enviar, así que no ha iniciado sesión. Consulte al administrador del portal.',
    answerKeyCharacters: 'La clave de API contiene saltos de línea, espacios en los extremos u otros caracteres que una clave nunca tiene. Vuelva a copiar la clave, exactamente, y péguela.',
    urlInvalid: 'Esa no es una dirección de portal. Escríbala como https://docspace.example.com.',
    urlInsecure: 'Solo se admiten direcciones https://, salvo para un portal en este equipo.',
    netUnreachable: 'No se puede acceder a {portal}. Compruebe la dirección y su conexión de red.',
    netTimeout: '{portal} tardó demasiado en responder. Vuelva a intentarlo.',
    netConnectionLost: 'Se perdió la conexión con {portal}. Vuelva a intentarlo.',
    netTls: 'El certificado de seguridad de {portal} no es válido, así que la aplicación no se conectará. Consulte a su equipo de informática.',
    keychainUnavailable: 'El llavero del sistema no se puede usar, así que su sesión dura hasta que cierre la aplicación.',
    imageUnsupported: 'Este archivo no tiene un formato de imagen que la aplicación pueda leer.',
    imageCorrupt: 'La imagen está dañada y no se puede leer.',
    imageTooLarge: 'La imagen es demasiado grande para procesarla.',
    imageTooSmall: 'La imagen es demasiado pequeña.',
    photoPartlyApplied: 'La nueva foto está en {portal}, pero un paso posterior no terminó.',
    photoNoBackup: 'No hay ninguna foto anterior que recuperar.',
    inputInvalid: 'La aplicación envió una solicitud no válida. Es un error; por favor, comuníquelo.',
    appCancelled: 'Cancelado.',
    appInternal: 'Algo salió mal dentro de la aplicación. Vuelva a intentarlo; si sigue pasando, reinicie la aplicación.',
    thePortal: 'el portal',
    portalSaid: 'El portal dijo: «{detail}»'
  }
}
