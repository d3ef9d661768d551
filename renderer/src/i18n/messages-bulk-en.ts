/**
 * English texts of the bulk import, the `bulk` section of messages-en.ts (kept in its own file so
 * neither messages file passes the 450-line limit). Same syntax: {name} interpolates, "a | b" picks
 * by count (one | many).
 */
export const bulkEn = {
  open: 'Import photos…',
  openHint: 'Choose a folder of photos; files are matched to people by their names',
  openFiles: 'Choose files or a ZIP',
  folderPicker: 'Folder of photos to import',
  filesPicker: 'Photos, a ZIP or a CSV to import',
  show: 'Show import',
  showRunning: 'Import: {done} of {total}',
  title: 'Import photos',
  hide: 'Hide',
  dropFiles: 'Drop to import {n} file | Drop to import {n} files',
  dropFolder: 'Drop to import these photos',
  busy: 'An import is still open. Apply, finish or discard it first.',
  intake: {
    reading: 'Reading files… {n} found',
    sending: 'Sending {sent} of {found} files to the app…',
    planning: 'Matching files to people…',
    stop: 'Stop',
    leftOut: '{n} file was left out: | {n} files were left out:',
    truncated: 'Only the first {max} files were taken. Import the rest as a second job.',
    nothing: 'There was nothing to import in what you dropped.',
    reasons: {
      tooLarge: 'larger than {mb} MB',
      empty: 'empty',
      unreadable: 'could not be read',
      badZip: 'not a ZIP the app can unpack',
      ignored: 'a system file, or already in this import'
    }
  },
  states: {
    new: 'New photo',
    replace: 'Replaces photo',
    unchanged: 'Same photo',
    unmatched: 'No match',
    ambiguous: 'Several fit',
    duplicate: 'Duplicate',
    refused: 'Not allowed',
    invalid: 'Not usable'
  },
  stateHints: {
    new: '{name} has no photo yet: this becomes the first.',
    replace: '{name}’s current photo will be replaced.',
    unchanged: '{name} already has this picture: nothing to send.',
    unmatched: 'No one fits this file name. Search for the person, or drag the row onto them in the list.',
    ambiguous: 'More than one person fits this file name: pick who it is.',
    duplicate: 'Another file is matched to {name} too: keep one of them.',
    refused: 'The portal does not let you change {name}’s photo.',
    invalid: 'This file cannot be used.'
  },
  rules: {
    mapping: 'matched by the CSV',
    email: 'matched by email',
    emailLocal: "matched by the part of the email before {'@'}",
    userName: 'matched by user name',
    userId: 'matched by user ID',
    firstLast: 'matched by “First Last”',
    firstDotLast: 'matched by “first.last”',
    firstUnderscoreLast: 'matched by “first_last”',
    lastFirst: 'matched by “Last First”',
    lastCommaFirst: 'matched by “Last, First”',
    manual: 'assigned by you'
  },
  results: {
    pending: 'Waiting',
    running: 'Sending…',
    ok: 'Done',
    failed: 'Failed',
    skipped: 'Skipped',
    undone: 'Put back'
  },
  filters: {
    label: 'Show rows',
    all: 'All',
    done: 'Done',
    failed: 'Failed'
  },
  refusedBanner: '{n} file is for someone whose photo you may not change. | {n} files are for people whose photos you may not change.',
  list: {
    label: 'Files to import',
    noPerson: 'No one yet',
    currentPhoto: 'Current photo',
    newPhoto: 'New photo',
    approve: 'Apply {file}',
    empty: 'No rows in this view.',
    keys: '↑ ↓ move · Space applies or skips · Enter opens the row · Shift+↑ ↓ selects',
    moreCandidates: '{n} people fit',
    sameAs: 'also: {file}'
  },
  toolbar: {
    selectAll: 'Select all',
    selectNone: 'Select none',
    approveAll: 'Apply all',
    approveNone: 'Skip all',
    approveSelected: 'Apply selected',
    skipSelected: 'Skip selected',
    selected: '{n} selected',
    exportPlan: 'Export plan (CSV)',
    discard: 'Discard plan',
    atOnce: 'At once',
    atOnceHint: 'How many people are changed at the same time. More is faster; the portal takes at most 15 changes at once.'
  },
  apply: 'Apply {n} change | Apply {n} changes',
  applyNothing: 'Nothing to apply',
  progress: {
    applying: 'Applying {done} of {total}',
    undoing: 'Undoing {done} of {total}',
    paused: 'Paused at {done} of {total}',
    failed: '{n} failed',
    rate: '{n} per minute',
    left: 'about {time} left',
    pause: 'Pause',
    resume: 'Resume',
    cancel: 'Cancel',
    announce: '{done} of {total} done, {failed} failed.'
  },
  summary: {
    finished: '{ok} changed, {failed} failed, {skipped} skipped.',
    cancelled: 'Cancelled: {ok} changed before you stopped, {failed} failed.',
    undone: '{n} photo put back. | {n} photos put back.',
    undoJob: 'Undo this job',
    undoSelected: 'Undo selected ({n})',
    exportReport: 'Export report (CSV)',
    close: 'Close',
    newImport: 'The job is kept: you can undo it later from here.'
  },
  resume: {
    title: 'An import stopped before it finished',
    body: 'The import started {date} stopped after {done} of {total} changes.',
    resume: 'Resume',
    discard: 'Discard',
    discardHint: 'Photos already changed stay changed; each person’s History can still put them back.'
  },
  actions: {
    title: '{file}',
    person: 'Person',
    reassign: 'Assign to someone else',
    search: 'Search people',
    searchPlaceholder: 'Name, email or department',
    noResults: 'No one found.',
    candidates: 'Who is it?',
    assignTo: 'Assign to {name}',
    duplicates: 'Also matched to {name}:',
    keep: 'Keep this file',
    unassign: 'Remove the match',
    adjustCrop: 'Adjust crop…',
    turn: 'Turn {degrees}°',
    approve: 'Apply this row',
    skip: 'Skip this row',
    close: 'Close'
  },
  cropNoTurn: 'An import takes the photo upright: crop without turning, or replace this person’s photo on its own.',
  dragHint: 'Drop to assign {file} to {name}'
}
