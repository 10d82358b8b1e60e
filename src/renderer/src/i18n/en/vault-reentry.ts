/** A vault that could not be decrypted (key file replaced or missing, keychain changed). */
export const vaultReentryEn = {
  'notice.vault.keyFileReplaced':
    'Saved keys could not be decrypted: the key file (vault.key) was replaced. The old key vault was kept, not deleted, at {detail}. Enter each key again in Connections.',
  'notice.vault.keyFileMissing':
    'Saved keys could not be decrypted: the key file (vault.key) was missing, so a new one was made. The old key vault was kept, not deleted, at {detail}. Enter each key again in Connections.',
  'notice.vault.keychainChanged':
    'Saved keys could not be decrypted: the OS keychain changed (another computer or user, or a reset keychain). The old key vault was kept, not deleted, at {detail}. Enter each key again in Connections.',

  'vaultReentry.reason.key_file_replaced':
    'Saved keys could not be decrypted: the key file was replaced.',
  'vaultReentry.reason.key_file_missing':
    'Saved keys could not be decrypted: the key file was missing, so a new one was made.',
  'vaultReentry.reason.keychain_changed':
    'Saved keys could not be decrypted: the OS keychain changed.',
  'vaultReentry.todo':
    'Connections waiting for their key: {count}. Edit each one marked “Key must be entered again” and enter its key; it works at once.',
  'vaultReentry.kept': 'The old key vault was kept, not deleted, as {file} in the data folder.',

  'vaultReentry.row.badge': 'Key must be entered again',
  'vaultReentry.row.field': 'must be entered again',
  'vaultReentry.form.placeholder': 'Enter this key again (the saved one could not be decrypted)',
  'vaultReentry.form.required': 'enter again',

  'chat.error.reenter':
    'The key for this connection must be entered again. Open it in Connections and enter its key.',

  // No encryption at all on this computer (no OS keychain): the app opens, keys cannot be used.
  'notice.vault.unavailable':
    'This computer cannot encrypt API keys right now (no OS keychain is available), so saved keys cannot be used or saved. Your history works as usual, and the saved keys are kept for when the keychain works again.',
  'chat.error.unavailable':
    'Saved keys cannot be used: this computer cannot encrypt them right now (no OS keychain is available).',
} as const
