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
  searchHint: 'Searches name, email, title and department'
}
