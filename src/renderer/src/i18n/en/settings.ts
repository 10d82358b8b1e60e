export const settingsEn = {
  'settings.title': 'Settings',
  'settings.loading': 'Loading settings…',
  'settings.appearance': 'Appearance',
  'settings.language': 'Language',
  'settings.language.system': 'System',
  'settings.language.en': 'English',
  'settings.language.ko': '한국어',
  'settings.theme': 'Theme',
  'settings.theme.system': 'System',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',
  'settings.requests': 'Requests',
  'settings.requests.hint':
    'New requests use these values; an answer already streaming keeps its own.',
  'settings.requestTimeout': 'Request timeout',
  'settings.requestTimeout.help':
    'The longest one whole answer may take, in seconds ({min}–{max}).',
  'settings.idleTimeout': 'Idle timeout',
  'settings.idleTimeout.help':
    'An answer that sends nothing for this long stops with a timeout, in seconds ({min}–{max}).',
  'settings.maxRetries': 'Retries',
  'settings.maxRetries.help':
    'Tries again after rate limits, overloads and network errors, before any text arrives ({min}–{max}).',
  'settings.unit.seconds': 'seconds',
  'settings.invalidNumber': '{field} must be a whole number from {min} to {max}.',
  'settings.save': 'Save',
  'settings.saving': 'Saving…',
  'settings.saved': 'Saved.',
  'settings.saveFailed': 'Could not save: {message}',
  'settings.dataDir': 'Data folder',
  'settings.dataDir.copy': 'Copy',
  'settings.dataDir.copied': 'Copied to the clipboard.',
  'settings.dataDir.copyFailed': 'Could not copy. Select the path and copy it yourself.',
  'settings.dataDir.note': 'History, saved keys and settings live here.',
  'settings.dataDir.source.flag':
    'Chosen with --data-dir when Parallax started. That wins over a folder chosen here.',
  'settings.dataDir.source.env':
    'Chosen with PARALLAX_DATA_DIR when Parallax started. That wins over a folder chosen here.',
  'settings.dataDir.source.chosen': 'Chosen here in Settings.',
  'settings.dataDir.source.default': 'Your system’s app-data folder (the default).',
  'settings.dataDir.change': 'Change…',
  'settings.dataDir.newPath': 'New data folder',
  'settings.dataDir.newPath.help':
    'The full path of a folder; Parallax creates it if it does not exist. Nothing moves now: the change takes effect when Parallax is next started with --accept-data-dir.',
  'settings.dataDir.copyData':
    'Copy my history, keys and settings there (the originals stay where they are)',
  'settings.dataDir.apply': 'Save for the next start',
  'settings.dataDir.pick': 'Choose folder…',
  'settings.dataDir.pick.help':
    'Choose the folder in the window that opens. Parallax switches to it the next time it starts.',
  'settings.dataDir.cancel': 'Cancel',
  'settings.dataDir.useDefault': 'Go back to the default folder',
  'settings.dataDir.next': 'From the next start Parallax uses {path}. Restart Parallax to switch.',
  'settings.dataDir.nextWithoutFlag': 'Started without --data-dir, Parallax uses {path}.',
  'settings.dataDir.nextWithoutEnv': 'Started without PARALLAX_DATA_DIR, Parallax uses {path}.',
  'settings.dataDir.nextAcceptFlag':
    'Waiting: Parallax moves to {path} when it is next started with --accept-data-dir (npm run serve -- --accept-data-dir). A start without it keeps the current folder.',
  'settings.dataDir.nextConfirm':
    'Waiting: {path} was chosen in a web page. The next time Parallax starts, it asks you before using it.',
  'settings.dataDir.nextCopies': 'Your current data will be copied there first.',
  'settings.dataDir.undoNext': 'Keep using the current folder',
  'settings.dataDir.required': 'Enter the full path of a folder.',
  'settings.dataDir.problem.not_absolute':
    'Give the full path of the folder, starting from the root of the disk.',
  'settings.dataDir.problem.same_folder': 'Parallax already uses this folder.',
  'settings.dataDir.problem.inside_current':
    'The new folder cannot be inside the current data folder.',
  'settings.dataDir.problem.not_a_folder': 'That path is a file, not a folder.',
  'settings.dataDir.problem.not_writable': 'Parallax cannot create or write to that folder.',
  'settings.dataDir.problem.holds_data':
    'That folder already holds Parallax data, which copying would overwrite. Choose an empty folder, or untick copying to use the data already there.',
  'settings.dataDir.problem.not_choosable':
    'This Parallax was given its data folder when it started, so it cannot choose another here.',
  'settings.dataDir.problem.use_dialog': 'Choose the folder with Choose folder….',
  'settings.dataDir.problem.no_dialog':
    'This Parallax has no folder window: type the folder’s full path instead.',
  'settings.dataDir.failed': 'Could not change the data folder: {message}',
  'settings.vault': 'Saved keys',
  'settings.vault.loading': 'Checking how keys are stored…',
  'settings.vault.error': 'Could not read how keys are stored: {message}',
  'settings.vault.secure': 'Encrypted',
  'settings.vault.insecure': 'Not protected',
  'settings.vault.safeStorage': 'Keys are encrypted with the OS keychain (safeStorage)',
  'settings.vault.safeStorageWeak': 'The OS keychain cannot properly protect keys on this machine',
  'settings.vault.aesGcm':
    'Keys are encrypted with AES-256-GCM, under a key file or your passphrase',
  'settings.vault.other': 'Keys are encrypted ({kind})',
  'settings.vault.passphrase':
    'Keys are encrypted with AES-256-GCM under a key derived from your passphrase',
  'settings.vault.keyFile': 'Keys are encrypted with AES-256-GCM under a key file on this machine',
  'settings.vault.unlocked':
    'Unlocked: saved keys can be used until you lock the vault or the app stops.',
  'settings.vault.change': 'Change passphrase…',
  'settings.vault.change.title': 'Change passphrase',
  'settings.vault.change.current': 'Current passphrase',
  'settings.vault.change.next': 'New passphrase',
  'settings.vault.change.repeat': 'Repeat the new passphrase',
  'settings.vault.change.help':
    'Every saved key is encrypted again under the new passphrase (at least {min} characters).',
  'settings.vault.change.submit': 'Change passphrase',
  'settings.vault.change.busy': 'Changing…',
  'settings.vault.change.cancel': 'Cancel',
  'settings.vault.change.wrongCurrent': 'The current passphrase is wrong. Nothing was changed.',
  'settings.vault.change.done': 'Passphrase changed.',
  'settings.vault.change.failed': 'Could not change the passphrase: {message}',
  'settings.vault.count': '{count} saved',
  'settings.vault.locked':
    'The key store is locked: saved keys cannot be used until it is unlocked.',
  'settings.vault.consentRequired':
    'Before a key is saved here, you will be asked to agree that it is only obfuscated.',
  'settings.clear.heading': 'Clear history',
  'settings.clear.description':
    'Deletes every conversation with its prompts and answers. Saved connections, keys and usage stay.',
  'settings.clear.button': 'Clear history…',
  'settings.clear.done': 'Conversations deleted: {count}.',
  'settings.clear.dialogTitle': 'Delete all history?',
  'settings.clear.dialogBody':
    'Every conversation is deleted for good; this cannot be undone. Export first if you want a copy.',
  'settings.clear.confirmWord': 'delete',
  'settings.clear.confirmLabel': 'Type “{word}” to confirm',
  'settings.clear.cancel': 'Cancel',
  'settings.clear.confirm': 'Delete everything',
  'settings.clear.clearing': 'Deleting…',
  'settings.clear.failed': 'Could not clear history: {message}',
} as const
