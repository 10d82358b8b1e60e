export {
  BACKUP_DIR_NAME,
  BACKUPS_KEPT,
  listBackups,
  type BackupFile,
  type BackupReason,
} from './backup-files'
export { backupBeforeMigration, backupDatabase } from './create-backup'
export { createBackupService, type BackupService } from './backup-service'
export {
  applyPendingRestore,
  PENDING_RESTORE_FILE,
  UnknownBackupError,
  type RestoreOutcome,
} from './pending-restore'
export {
  openAppDatabaseWithBackups,
  type OpenedAppDatabase,
  type OpenWithBackupsOptions,
} from './open-with-backups'
export { addRestoreNotices } from './restore-notices'
