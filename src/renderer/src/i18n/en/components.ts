/** Texts of the shared components (components/): the copy button. */
export const componentsEn = {
  'copy.copy': 'Copy',
  'copy.copied': 'Copied',
  'copy.failed': 'Could not copy',
  'copy.failedHint': 'Select the text and copy it yourself.',
} as const
