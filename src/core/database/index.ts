export { APP_DATABASE_FILE, type AppDatabase, type DatabaseNotice } from './app-database'
export {
  HistoryVersionError,
  openAppDatabase,
  type IntegrityCheck,
  type OpenAppDatabaseOptions,
} from './open-database'
