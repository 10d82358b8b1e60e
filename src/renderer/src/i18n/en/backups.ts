/** History backups (Settings → Backups), their notices, and runs that could not be saved. */
export const backupsEn = {
  'settings.backups.heading': 'Backups',
  'settings.backups.description':
    'Parallax backs up your history once a day and before each update changes its format, and keeps the last 7 in the backups folder of your data folder. Backups hold your conversations, never your API keys.',
  'settings.backups.loading': 'Loading backups…',
  'settings.backups.empty':
    'No backups yet. The first is made at the next start with some history.',
  'settings.backups.created': 'Made',
  'settings.backups.size': 'Size',
  'settings.backups.sizeKb': '{value} KB',
  'settings.backups.sizeMb': '{value} MB',
  'settings.backups.sizeGb': '{value} GB',
  'settings.backups.kind': 'Kind',
  'settings.backups.daily': 'Daily',
  'settings.backups.migration': 'Before an update',
  'settings.backups.restore': 'Restore',
  'settings.backups.restoreLabel': 'Restore the backup from {date}',
  'settings.backups.pending':
    'The backup from {date} will replace your history when Parallax next starts. Restart Parallax to finish.',
  'settings.backups.dialogTitle': 'Restore this backup?',
  'settings.backups.dialogBody':
    'At the next start, your history is replaced with the backup from {date}. Conversations added since then will not be shown, but nothing is deleted: the current history file is kept beside it.',
  'settings.backups.confirm': 'Restore at next start',
  'settings.backups.cancel': 'Cancel',
  'settings.backups.failed': 'The backup could not be chosen: {message}',
  'settings.backups.loadFailed': 'The backups could not be listed: {message}',
  'notice.history.restoreNewest': 'Restore the newest backup',
  'notice.history.restoreChosen':
    'The newest backup will be restored when Parallax next starts. Restart Parallax to finish.',
  'notice.history.restored':
    'Your history was restored from the backup {detail}. The history in use before is kept beside it in the data folder.',
  'notice.history.restoreFailed':
    'The backup {detail} could not be restored (it could not be read), so your history was left as it was.',
  'chat.error.diskFull':
    'The disk is full: this answer could not be saved. Free some space, then run it again.',
  'chat.error.storage':
    'This answer could not be saved to your history (a disk error). Run it again.',
} as const
