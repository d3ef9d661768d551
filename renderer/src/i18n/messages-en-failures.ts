/** English: what the user reads about failures (photo changes, refusals, every ErrorCode). Part of messages-en.ts. */
export const enFailures = {
  photoErrors: {
    thePerson: 'The person',
    theFile: 'The file',
    keepsOld: '{name} keeps the old photo.',
    keepsNone: '{name} still has no photo.',
    authExpired: 'Your session on {portal} ended. Sign in again: the change to {name}’s photo then continues by itself.',
    forbiddenUrl:
      'DocSpace 3.7.1 and later only fetch photos from public https:// addresses: no http://, and no private or local addresses such as 10.x, 172.16–31.x, 192.168.x, 127.x or 169.254.x. Use a public https link straight to the image.',
    notFound: '{name} is no longer on {portal}. Refresh the list.',
    rejected: '{portal} refused the photo: “{detail}”.',
    rejectedNoDetail: '{portal} refused the photo.',
    adviceSmaller: 'Use a smaller image.',
    adviceSmallerLimit: 'Use a smaller image (the portal takes up to {limit}).',
    adviceFormat: 'Save the photo as JPEG or PNG and try again.',
    advicePermission: 'The signed-in user may not change this photo.',
    adviceRefresh: 'Refresh the list: the person may have been removed.',
    adviceGeneric: 'Try again; if it keeps failing, try another image or ask the portal administrator.',
    partlyApplied: '{name}’s new photo is on {portal}, but with the portal’s centred square crop: applying your crop did not finish.',
    netLost: 'The connection to {portal} was lost; {name} still has the old photo.',
    netLostNoPhoto: 'The connection to {portal} was lost; {name} still has no photo.',
    imageUnsupported: '“{file}” is not an image the app can read. Use a JPEG, PNG, WebP, GIF, TIFF, AVIF or HEIC file.',
    imageCorrupt: '“{file}” is damaged: it says it is an image, but its pixels cannot be read. Export it again from the original.',
    imageTooLarge: '“{file}” is too large to process safely ({width} × {height} px). Scale it down and try again.',
    imageTooLargeNoSize: '“{file}” is too large to process safely. Scale it down and try again.',
    imageTooSmall: '“{file}” is too small for a photo ({width} × {height} px). Use a larger image.',
    imageTooSmallNoSize: '“{file}” is too small for a photo. Use a larger image.',
    cancelled: 'Cancelled.',
    nothingToUndo: 'Nothing to undo yet on {portal}.',
    noBackup: 'This earlier photo is no longer saved, so it cannot be restored.',
    checkConnection: 'Check the connection and try again.',
    lostUpload: 'The connection to the portal was lost while uploading the photo.',
    lostPromote: 'The connection to the portal was lost while it was switching to the new photo, and it did not switch.',
    lostBefore: 'The connection to the portal was lost before anything was changed.',
    lostWrite: 'The connection to the portal was lost, and the change was not made.',
    lostUnknown:
      'The connection was lost while the portal was switching to the new photo, and the app could not check whether {name} has the old or the new photo. Refresh to see which; the old photo is saved in the history.',
    tlsDetail: 'The portal’s security certificate cannot be trusted.',
    serverProblem: 'The portal had a problem ({status}) and did not take the change.',
    tryAgainSoon: 'Try again in a moment.',
    tryAgainIn: 'Try again in {seconds} s.',
    partlyCrop: '{name} now has the new photo, but with the portal’s centred square crop: applying your crop failed{cause}.',
    partlyVerify: '{name} now has the new photo, but reading it back failed{cause}, so not every size could be checked. Refresh to see it, and try again if something looks wrong.',
    partlyRemoved: '{name}’s photo was removed, but reading it back failed{cause}, so not every size could be checked. Refresh to see it, and try again if something looks wrong.',
    addressRule: 'DocSpace {version} refused the address. It only fetches photos from public https:// addresses.',
    downloadFailed:
      'The portal could not download the image: the address answered “{answer}”. Use a direct link to the image file that opens without signing in and without redirects.',
    urlTooLarge: 'The image at that address is larger than the portal accepts. Use a smaller image.',
    urlNotImage: 'The portal could not use the file at that address (it may not be an image).',
    backupFailed: 'The current photo of {name} could not be saved in the app’s data folder (is the disk full?), so nothing was changed.',
    image: {
      empty: 'The file is empty.',
      notAnImage: 'Its content is not an image, whatever its name says.',
      heic: 'HEIC photos cannot be opened on this computer. Export the photo as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible) and try again.',
      heif: 'This HEIF image uses a compression that is not supported. Export the photo as JPEG and try again.',
      damaged: 'The image is damaged and cannot be read.',
      incomplete: 'The image is damaged or incomplete (for example a download that did not finish) and cannot be read.',
      pixels: 'The image is {width} × {height} pixels ({megapixels} megapixels); photos up to {max} megapixels can be used. Scale it down in an image editor and try again.',
      bytes: 'The photo cannot be made smaller than the portal’s upload limit of {limit} without losing too much detail. Crop it or save it at a lower quality and try again.',
      small: 'The image is only {width} × {height} pixels; a photo needs at least {min} pixels on each side.'
    },
    formats: {
      bmp: 'BMP images are not supported. Save the photo as JPEG or PNG and try again.',
      svg: 'SVG drawings are not supported: the portal stores photos. Export the picture as PNG or JPEG and try again.',
      ico: 'Icon files (.ico) are not supported. Use a JPEG or PNG photo.',
      psd: 'Photoshop documents are not supported. Export the photo as JPEG or PNG and try again.',
      jxl: 'JPEG XL images are not supported yet. Export the photo as JPEG or PNG and try again.',
      jpeg2000: 'JPEG 2000 images are not supported. Export the photo as JPEG or PNG and try again.',
      pdf: 'This is a PDF document, not a photo. Export the page as a JPEG or PNG image and try again.'
    },
    url: {
      notAUrl: 'This is not a web address. Paste the full address of the image, starting with https://.',
      notHttp: 'Only web addresses (https://…) can be used for a photo.',
      credentials: 'The address must not contain a user name or password.',
      notHttps: 'Only secure addresses (https://…) can be used for a photo; {host} was given without https.',
      privateAddress:
        '{host} is on a private, local or internal network. The portal would fetch it from inside its own network, so the app does not send such addresses. Use a public https:// address of the image.',
      unresolved: 'The app could not find {host} on the internet. Check the address, or use a public https:// address of the image.'
    }
  },
  refusal: {
    short: {
      selfOnly: 'You can only change your own photo on DocSpace 3.6+',
      admin: 'The portal does not let you change the owner’s or another admin’s photo',
      ownOnly: 'Your role can change only your own photo',
      owner: 'Only the owner may change the owner’s photo',
      otherAdmin: 'Only the owner may change another admin’s photo',
      terminated: 'The portal does not change a disabled (terminated) person’s photo'
    },
    explain: {
      selfOnly:
        '{portal} runs DocSpace {version}: from 3.6 on, each person may change only their own photo, and that includes admins and the owner. Only {name} can change it.',
      admin: 'On DocSpace {version} admins may change other people’s photos, but not the owner’s, another admin’s (unless you are the owner) or a disabled person’s.',
      ownOnly: 'On DocSpace {version} only the owner and DocSpace admins may change other people’s photos, and you are signed in as {role}.'
    },
    why: {
      selfOnly:
        'DocSpace {version} lets each person change only their own photo, and that applies to the owner and admins too. Only {name} can change this photo, signed in as themselves.',
      owner: 'On DocSpace {version} the owner and admins may change other people’s photos, with exceptions; here only the owner may change the owner’s photo.',
      otherAdmin: 'On DocSpace {version} the owner and admins may change other people’s photos, with exceptions; here only the owner may change another admin’s photo.',
      terminated:
        'On DocSpace {version} the owner and admins may change other people’s photos, with exceptions; here {name} is disabled, and the portal does not change disabled people’s photos.',
      roleAdmin: 'On DocSpace {version} the owner and admins may change other people’s photos, with exceptions; here you are signed in as {role}.',
      roleOwnOnly:
        'On DocSpace {version} only the owner and DocSpace admins may change other people’s photos, and you are signed in as {role}. Ask an admin, or ask {name} to change it.'
    }
  },
  errors: {
    bulkTooManyFiles: 'An import takes at most 5,000 photos. Split the folder and import the rest as a second job.',
    bulkUnknownJob: 'This import no longer exists. It may have been discarded.',
    bulkBusy: 'This import is running. Pause or cancel it first, or wait until it has finished.',
    bulkFileMissing: 'The copy of this file that the import kept is missing or damaged. Add the file again.',
    handoff: {
      notShared: 'It is not shared with you (any more), or it is not named for you, so the app does not treat it as your photo.',
      notNamedForYou: 'The file is not named for you, so the app does not treat it as your photo.',
      fromYourself: 'You shared this file yourself.',
      tooLarge: 'The shared file is larger than {portal} takes for a photo ({limit}). Nothing was changed.',
      dropped: '{portal} did not share the file with {name}: it does not let you share with this person.'
    },
    handoffNotAllowed: 'Guests cannot share files on {portal}, so they cannot hand photos over. Ask a room admin or a DocSpace admin.',
    handoffNotWaiting: 'This photo is no longer waiting for you. It may have been withdrawn, or it was not shared with you.',
    handoffUnknown: 'Nothing was handed over to this person from this account.',
    authInvalidCredentials: 'The portal did not accept these credentials. Check the email and password, or the API key, and try again.',
    authInvalidCode: 'That code is not right. Enter the current code and try again.',
    authChallengeExpired: 'The verification step took too long. Sign in again.',
    authExpired: 'Your session on {portal} ended. Sign in again.',
    authUserDisabled: 'This user is disabled on {portal}. Ask a portal administrator.',
    authTooManyAttempts: 'Too many sign-in attempts. The portal has paused sign-in for a while; wait a few minutes and try again.',
    authNotSignedIn: 'You are not signed in to {portal} in this session. Sign in again.',
    portalForbidden: "{portal} refused this: your role or the portal's rules do not allow it.",
    portalNotFound: '{portal} no longer has this; it may have been deleted. Refresh the list.',
    portalBadRequest: '{portal} rejected the request.',
    portalPaymentRequired: "{portal}'s subscription needs payment. Ask the portal owner.",
    portalRateLimited: '{portal} is limiting requests right now. Wait a moment and try again.',
    portalServerError: '{portal} had an internal error. Try again later.',
    portalRejected: '{portal} refused the change.',
    portalUnexpected: '{portal} answered in a way this app does not understand. Is it a DocSpace portal?',
    answerTooLarge: '{portal} sent an answer far larger than any real one, so the app stopped reading it. Try again; if it keeps happening, ask the portal administrator.',
    answerPeopleCount: '{portal} gave numbers of people that cannot be right or contradict each other, so the list was not loaded. Try again later, or ask the portal administrator.',
    answerTokenCharacters: '{portal} answered the sign-in with a token that contains line breaks or other characters the app cannot send, so you are not signed in. Ask the portal administrator.',
    answerKeyCharacters: 'The API key contains line breaks, spaces at the edge or other characters a key never has. Copy the key again, exactly, and paste it.',
    urlInvalid: 'That is not a portal address. Enter it like https://docspace.example.com.',
    urlInsecure: 'Only https:// addresses are allowed, except for a portal on this computer.',
    netUnreachable: 'Cannot reach {portal}. Check the address and your network connection.',
    netTimeout: '{portal} took too long to answer. Try again.',
    netConnectionLost: 'The connection to {portal} was lost. Try again.',
    netTls: "{portal}'s security certificate is not valid, so the app will not connect. Ask your IT team.",
    keychainUnavailable: 'The system keychain cannot be used, so your sign-in lasts until you close the app.',
    imageUnsupported: 'This file is not an image format the app can read.',
    imageCorrupt: 'The image is damaged and cannot be read.',
    imageTooLarge: 'The image is too large to process.',
    imageTooSmall: 'The image is too small.',
    photoPartlyApplied: 'The new photo is on {portal}, but a later step did not finish.',
    photoNoBackup: 'There is no earlier photo to bring back.',
    inputInvalid: 'The app sent an invalid request. This is a bug; please report it.',
    appCancelled: 'Cancelled.',
    appInternal: 'Something went wrong inside the app. Try again; if it keeps happening, restart the app.',
    thePortal: 'the portal',
    portalSaid: 'The portal said: “{detail}”'
  }
}

/** The failure messages every locale must have, key for key. */
export type FailureMessages = typeof enFailures
