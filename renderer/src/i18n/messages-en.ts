/**
 * English: the reference locale. Every other locale must have exactly these keys (MessageSchema).
 * vue-i18n syntax: {name} interpolates, "a | b | c" picks by count (none | one | many),
 * and a literal @ or | must be written {'@'} / {'|'}.
 */
import { enFailures } from './messages-en-failures'
import { bulkEn } from './messages-bulk-en'
import { handoffEn } from './messages-handoff-en'
import { faceEn } from './messages-face-en'
import { layoutEn } from './messages-layout-en'

export const en = {
  app: {
    title: 'DocSpace Photo Manager',
    starting: 'Starting…',
    noHostTitle: 'Open this page from the app',
    noHostBody:
      "This page must be opened from the app's own link. Start the app (for example with the demo command) and use the address it prints or opens; that link carries the key that lets this page talk to it.",
    skipToList: 'Skip to the people list'
  },
  signIn: {
    title: 'Sign in to a DocSpace portal',
    subtitle: 'Your password is sent to the portal only. The app keeps a sign-in token, never the password.',
    portalLabel: 'Portal address',
    portalPlaceholder: 'https://docspace.example.com',
    portalHint: 'Only https:// addresses, except a portal on this computer (typed without http:// or https://, such an address uses http://).',
    methodLabel: 'Sign-in method',
    methodPassword: 'Email and password',
    methodApiKey: 'API key',
    emailLabel: 'Email',
    passwordLabel: 'Password',
    apiKeyLabel: 'API key',
    apiKeyHint: 'Create a key in the portal under Developer Tools › API keys. It needs read and write access to people.',
    submit: 'Sign in',
    submitting: 'Signing in…',
    cancel: 'Cancel',
    missingPortal: 'Enter the portal address.',
    missingEmail: 'Enter your email.',
    missingPassword: 'Enter your password.',
    missingApiKey: 'Paste your API key.',
    keychainOff: 'The system keychain cannot be used on this computer, so your sign-in lasts until you close the app.',
    sessionEnded: 'Your session on {portal} ended. Sign in again.',
    twoFactorTitle: 'Two-factor verification',
    twoFactorApp: 'Enter the 6-digit code from your authenticator app for {portal}.',
    twoFactorSms: 'Enter the code sent by text message to {phone}.',
    twoFactorSmsNoPhone: 'Enter the code sent to your phone by text message.',
    codeLabel: 'Verification code',
    missingCode: 'Enter the code.',
    verify: 'Verify',
    verifying: 'Verifying…',
    back: 'Back',
    rememberedTitle: 'Remembered portals',
    rememberedHint: 'Pick one to continue, or sign in to another portal above.',
    use: 'Open',
    signInAgain: 'Sign in',
    forget: 'Forget',
    forgetLabel: 'Forget {user} on {portal}'
  },
  account: {
    menuTitle: 'Portals and accounts',
    stateSignedIn: 'Signed in',
    stateSignedOut: 'Signed out',
    stateExpired: 'Session ended',
    sessionOnly: 'Until the app closes',
    active: 'Current',
    addAccount: 'Sign in to another portal…',
    signOut: 'Sign out',
    forget: 'Forget this portal',
    version: 'DocSpace {version}'
  },
  roles: {
    owner: 'Owner',
    admin: 'DocSpace admin',
    'room-admin': 'Room admin',
    user: 'User',
    guest: 'Guest'
  },
  statuses: {
    active: 'Active',
    disabled: 'Disabled',
    pending: 'Invitation pending'
  },
  capability: {
    label: 'What you can change',
    selfOnlyTitle: 'You can change only your own photo',
    selfOnlyBody:
      "{portal} runs DocSpace {version}. From DocSpace 3.6 on, each person may change only their own photo, administrators and the owner included. Other people's photos are shown read-only.",
    ownerTitle: "You can change everyone's photo",
    ownerBody:
      '{portal} runs DocSpace {version}, where the portal owner may change anyone’s photo except a disabled (terminated) person’s; those rows are locked.',
    adminTitle: "You can change other people's photos",
    adminBody:
      "{portal} runs DocSpace {version}, where administrators may change other people's photos. The portal refuses changes to the owner's photo, to other administrators' photos and to disabled (terminated) people's photos; those rows are locked.",
    ownOnlyTitle: 'You can change only your own photo',
    ownOnlyBody:
      "{portal} runs DocSpace {version}. On this version only the owner and DocSpace admins may change other people's photos, and your role is {role}.",
    selfListBody:
      "{portal} runs DocSpace {version}. As a {role} on this portal you can't list other people; you can manage your own photo here.",
    lockedRows: 'Rows with a lock are read-only.',
    lockSelfOnly: 'Read-only: from DocSpace 3.6 on, only {name} can change this photo.',
    lockAdmin: "Read-only: the portal does not let you change the owner's or another administrator's photo.",
    lockOwner: "Read-only: only the owner may change the owner's photo.",
    lockOtherAdmin: "Read-only: only the owner may change another administrator's photo.",
    lockTerminated: '{name} is disabled (terminated): the portal does not change disabled people’s photos.',
    lockOwnOnly: 'Read-only: your role can change only your own photo.'
  },
  people: {
    listLabel: 'People',
    searchLabel: 'Search people',
    searchPlaceholder: 'Name, email, department',
    searchShortcut: 'Press / to search',
    clearSearch: 'Clear search',
    groupLabel: 'Group',
    allGroups: 'All groups',
    statusLabel: 'Status',
    anyStatus: 'Any status',
    roleLabel: 'Role',
    anyRole: 'Any role',
    photoLabel: 'Photo',
    photoAll: 'With or without photo',
    withPhoto: 'With photo',
    withoutPhoto: 'Without photo',
    clearFilters: 'Clear filters',
    sortLabel: 'Sort by',
    sortName: 'Name',
    sortLastName: 'Last name',
    sortEmail: 'Email',
    sortDepartment: 'Department',
    sortTitle: 'Title',
    sortAsc: 'Ascending',
    sortDesc: 'Descending',
    sortDirectionLabel: 'Sort direction',
    countAll: 'No people | {n} person | {n} people',
    countSome: '{shown} of {total} people',
    withoutPhotoCount: '{count} without a photo',
    allWithPhoto: 'with a photo | all with a photo',
    noneWithPhoto: 'without a photo | all without a photo',
    loadingFirst: 'Loading people…',
    loadingProgress: 'Loading people… {loaded} of {total}',
    refreshing: 'Updating the list…',
    loadedIn: 'Loaded {total} person in {seconds} s | Loaded {total} people in {seconds} s',
    loadStopped: 'Loading stopped after {loaded} of {total} people.',
    listRefused:
      '{portal} refused to list its people to this account (access denied). If you signed in with an API key, the key needs the accounts:read scope; otherwise ask a DocSpace admin to check your account type.',
    retry: 'Retry',
    noMatches: 'No one matches this search and these filters. Try another spelling, or clear the filters.',
    emptyPortal: 'This portal has no people you can see. Add people in DocSpace, or sign in with an account that may list them.',
    you: 'you',
    noPhoto: 'No photo',
    columnName: 'Name',
    columnTitle: 'Title',
    columnDepartment: 'Department',
    photoOf: 'Photo of {name}'
  },
  detail: {
    label: 'Details of {name}',
    close: 'Close details',
    email: 'Email',
    title: 'Title',
    department: 'Department',
    groups: 'Groups',
    status: 'Status',
    role: 'Role',
    none: '—',
    canEdit: 'You can change this photo.',
    sizesTitle: 'Stored photo sizes',
    sizesLoading: 'Loading photo sizes…',
    dimensions: '{width} × {height} px',
    expected: 'expected {width} × {height}',
    fitsWithin: 'fits within 1280 × 1280',
    defaultImage: 'Portal default',
    defaultNote: '{name} has no photo yet: every size shows the portal’s default image.',
    sizeFailed: 'Could not load',
    sizes: {
      original: 'Original',
      retina: 'Retina',
      max: 'Max',
      big: 'Big',
      medium: 'Medium',
      small: 'Small'
    }
  },
  drop: {
    replace: 'Drop to replace {name}’s photo',
    refused: '{name}’s photo was not changed: {reason}.',
    manyFiles: '{n} files dropped; using the first',
    hint: 'Drop an image here, paste one with Ctrl+V, or choose a file (Ctrl+O).',
    pastedImage: 'Pasted image',
    pickerLabel: 'Choose a photo for {name}'
  },
  editor: {
    title: 'New photo for {name}',
    source: '{format} · {width} × {height} px · {size}',
    sourceLabel: 'Source',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    rotate: 'Rotate 90° clockwise',
    reset: 'Reset',
    keysHint: 'Arrow keys move the square · + and − zoom · R rotates · A auto-frames · Enter saves · Esc cancels',
    previewsTitle: 'As the portal will show it',
    previewSize: '{size} px',
    smallCrop: 'Your square keeps only {n} px of the photo, but the portal’s largest size is 360 px, so it will look soft. Zoom out or pick a larger area.',
    noPreview: 'This format cannot be shown here. It will be cropped to a centred square; rotate it if it needs turning.',
    loadingImage: 'Loading the image…',
    cropperLabel: 'Crop area: drag to move the square, drag its corners to resize, scroll to zoom',
    save: 'Save photo',
    cancel: 'Cancel',
    cancelUpload: 'Cancel',
    cancelling: 'Cancelling…',
    tooLateToCancel: 'Too late to cancel: the portal has already switched to the new photo.',
    tryAgain: 'Try again',
    refreshPerson: 'Refresh',
    applyCropAgain: 'Apply crop again',
    refresh: 'Refresh list',
    rotated: 'Turned {degrees}°'
  },
  phases: {
    preparing: 'Preparing the photo…',
    'backing-up': 'Saving the current photo…',
    uploading: 'Uploading…',
    applying: 'Switching to the new photo…',
    cropping: 'Applying your crop…',
    verifying: 'Checking every size…',
    done: 'Done',
    working: 'Working…'
  },
  jobs: {
    replace: 'Replacing {name}’s photo',
    delete: 'Deleting {name}’s photo',
    'set-from-url': 'Setting {name}’s photo from an address',
    restore: 'Restoring {name}’s earlier photo',
    undo: 'Undoing the last change',
    accept: 'Applying the photo handed over to you'
  },
  done: {
    replace: 'Photo of {name} replaced',
    delete: 'Photo of {name} deleted',
    'set-from-url': 'Photo of {name} set from the address',
    restore: 'Earlier photo of {name} restored',
    undo: 'Undone: {name}’s photo is back as it was',
    restoreFrom: '{name}’s photo of {date} is back',
    unverified: 'Not every size could be checked yet; refresh in a moment.'
  },
  photoActions: {
    label: 'Photo actions',
    replace: 'Replace…',
    replaceTitle: 'Choose a new photo (Ctrl+O)',
    setFromUrl: 'From URL…',
    download: 'Download original',
    downloadNone: '{name} has no photo to download.',
    delete: 'Delete…',
    history: 'History',
    hideHistory: 'Hide history'
  },
  deleteDialog: {
    title: 'Delete {name}’s photo?',
    body: 'The portal will show its default image instead. The current photo stays in this app’s history, so you can restore it.',
    confirm: 'Delete photo',
    cancel: 'Cancel'
  },
  urlDialog: {
    title: 'Set {name}’s photo from an address',
    label: 'Image address',
    placeholder: 'https://…',
    hint: 'The app downloads the image and shows it, so you can crop it before anything is set. Only public https:// addresses can be used.',
    submit: 'Show and crop',
    cancel: 'Cancel',
    empty: 'Enter the address of the image.'
  },
  restoreDialog: {
    title: 'Restore {name}’s photo of {date}?',
    now: 'Now',
    after: 'After restoring',
    nowAlt: '{name}’s current photo',
    afterAlt: '{name}’s photo of {date}',
    noPhoto: 'No photo',
    loading: 'Loading the current photo…',
    body: 'The current photo is saved in the history first, so Undo brings it back.',
    bodyRemove: 'On {date} {name} had no photo: restoring removes the current one. It is saved in the history first, so Undo brings it back.',
    confirm: 'Restore photo',
    cancel: 'Cancel'
  },
  history: {
    title: 'Earlier photos of {name}',
    loading: 'Loading history…',
    empty: 'No earlier photos yet. The app saves the current photo before every change it makes.',
    savedBefore: {
      replace: 'Saved before a replace',
      delete: 'Saved before a delete',
      'set-from-url': 'Saved before setting from an address',
      restore: 'Saved before a restore',
      undo: 'Saved before an undo'
    },
    noPhoto: 'No photo',
    noPhotoNote: 'Had no photo: restoring removes the current one.',
    dimensions: '{width} × {height} px',
    restore: 'Restore',
    previewAlt: 'Earlier photo of {name}, {date}'
  },
  activity: {
    open: 'Activity',
    title: 'Activity',
    subtitle: 'Photo changes made with this app on this computer, newest first.',
    export: 'Export CSV',
    empty: 'No photo changes yet.',
    loading: 'Loading activity…',
    close: 'Close',
    columns: {
      at: 'When',
      portal: 'Portal',
      actor: 'By',
      person: 'Person',
      action: 'Change',
      result: 'Result',
      detail: 'Details'
    },
    detail: {
      bulk: '{ok} changed, {failed} failed, {skipped} skipped',
      failed: 'The change did not go through.',
      restored: 'Restored the photo of {date}',
      restoredNone: 'Put back “no photo”, as on {date}',
      deleted: 'Photo removed; the app kept a copy in the history',
      fromHost: 'Image from {host}',
      cropped: 'Cropped to a square of {side} px',
      croppedFace: 'Cropped to the face, {side} px',
      unverified: 'Not every size could be checked'
    },
    filters: {
      label: 'Filter the activity',
      person: 'Person',
      personPlaceholder: 'Any name',
      action: 'Change',
      anyAction: 'Any change',
      actor: 'By',
      anyActor: 'Anyone',
      from: 'From',
      to: 'To',
      clear: 'Clear filters',
      noMatch: 'No changes match these filters.',
      shown: '{shown} of {total} changes'
    },
    results: {
      ok: 'Done',
      failed: 'Failed'
    },
    actions: {
      replace: 'Replace',
      delete: 'Delete',
      'set-from-url': 'From URL',
      restore: 'Restore',
      undo: 'Undo',
      'bulk-import': 'Import of photos',
      'bulk-undo': 'Undo of an import'
    }
  },
  toast: {
    undo: 'Undo',
    redo: 'Redo',
    dismiss: 'Dismiss',
    busy: 'Wait until the current photo change has finished.',
    pendingSignIn: 'Sign in to {portal} again: the change to {name}’s photo then continues by itself.',
    refreshed: '{name}’s photo is shown as the portal has it now.',
    pendingSignInUndo: 'Sign in to {portal} again: the undo then continues by itself.',
    notifications: 'Notifications'
  },
  settings: {
    open: 'Settings',
    title: 'Settings',
    language: 'Language',
    languageSystem: 'Same as the system ({language})',
    theme: 'Theme',
    themeSystem: 'Same as the system',
    themeLight: 'Light',
    themeDark: 'Dark',
    saved: 'Changes apply at once and are kept for the next start.',
    saveFailed: 'The setting could not be saved: {reason}',
    close: 'Close'
  },
  ...enFailures,
  bulk: bulkEn,
  handoff: handoffEn,
  face: faceEn,
  layout: layoutEn
}

/** The shape every locale must match, key for key. */
export type MessageSchema = typeof en
