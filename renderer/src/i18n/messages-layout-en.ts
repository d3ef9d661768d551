/** English: the notes above the list, small windows, the list's legend and export, sign-in extras. */
export const layoutEn = {
  bannerMore: 'Details',
  bannerLess: 'Less',
  bannerHide: 'Hide this note',
  showCapability: 'What can I change here?',
  columnStatus: 'Status',
  legendNoPhoto: 'No photo',
  legendLocked: 'Read-only',
  legendLabel: 'Symbols',
  searchHint: 'Searches name, email, title and department',
  export: 'Export CSV',
  exportHint: 'Save the {n} person shown as a CSV file | Save the {n} people shown, as filtered and sorted, as a CSV file',
  imageUnsupportedShort: '“{file}” is not an image the app can read.'
}
