import type { DatabaseSync } from 'node:sqlite'
import type { AppDatabase } from './app-database'

/**
 * The connection behind each open AppDatabase. Only the repositories import this file — the
 * history store, the connection and usage repositories, backups — so every query on the app
 * database lives in one of them (database-handle.test.ts keeps that list).
 */
const handles = new WeakMap<AppDatabase, DatabaseSync>()

/** Called once by openAppDatabase. */
export function attachHandle(database: AppDatabase, db: DatabaseSync): void {
  handles.set(database, db)
}

/** The connection of a database opened by openAppDatabase. */
export function handleOf(database: AppDatabase): DatabaseSync {
  const db = handles.get(database)
  if (db === undefined) throw new TypeError('This database was not opened by openAppDatabase.')
  return db
}
