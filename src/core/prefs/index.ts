export { createPrefsHandlers } from './prefs-handlers'
export { openPrefsStore, PREFS_FILE_NAME, type PrefsStore } from './prefs-store'
