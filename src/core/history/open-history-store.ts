import type { AppDatabase } from '../database/app-database'
import { openAppDatabase, type OpenAppDatabaseOptions } from '../database/open-database'
import { createHistoryStore, type HistoryStore } from './history-store'

/** A history store on an app database of its own, which closing the store closes. */
export interface OpenedHistoryStore extends HistoryStore {
  readonly database: AppDatabase
  close(): void
}

/**
 * Opens the app database in `options.file` and the history store on it: for tests and tools that
 * need the history alone. (openCore opens the database once and builds every repository on it.)
 */
export function openHistoryStore(options: OpenAppDatabaseOptions): OpenedHistoryStore {
  const database = openAppDatabase(options)
  try {
    return { ...createHistoryStore(database, options), database, close: () => database.close() }
  } catch (error) {
    database.close()
    throw error
  }
}
