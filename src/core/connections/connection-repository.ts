import { DEFAULT_MAX_IN_FLIGHT } from '../../shared/connection-schemas'
import type { AppDatabase } from '../database/app-database'
import { handleOf } from '../database/database-handle'

/**
 * The connection's own settings share the `fields` column under this key (no migration needed).
 * It is never a provider field name: those are plain identifiers, and unknown fields are refused.
 */
const OPTIONS_KEY = '$options'

export interface ConnectionRow {
  id: string
  provider: string
  label: string
  /** The non-secret fields, e.g. { endpoint, region }. */
  fields: Record<string, string>
  /** Requests this connection may have in flight at once (1–64). */
  maxInFlight: number
  createdAt: number
  updatedAt: number
}

interface RawRow {
  id: string
  provider: string
  label: string
  fields: string
  created_at: number
  updated_at: number
}

export interface ConnectionRepository {
  get(id: string): ConnectionRow | undefined
  /** Oldest first. */
  list(): ConnectionRow[]
  insert(row: ConnectionRow): void
  update(row: ConnectionRow): void
  /** False when there was no such connection. */
  delete(id: string): boolean
}

/** Saved connections in the app database's `connections` table: non-secret fields only. */
export function createConnectionRepository(database: AppDatabase): ConnectionRepository {
  const db = handleOf(database)
  const select = db.prepare('SELECT * FROM connections WHERE id = ?')
  const selectAll = db.prepare('SELECT * FROM connections ORDER BY created_at, id')
  const insert = db.prepare(
    'INSERT INTO connections (id, provider, label, fields, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const change = db.prepare(
    'UPDATE connections SET label = ?, fields = ?, updated_at = ? WHERE id = ?',
  )
  const remove = db.prepare('DELETE FROM connections WHERE id = ?')

  return {
    get(id: string): ConnectionRow | undefined {
      const row = select.get(id) as RawRow | undefined
      return row && toRow(row)
    },
    list(): ConnectionRow[] {
      return (selectAll.all() as unknown as RawRow[]).map(toRow)
    },
    insert(row: ConnectionRow): void {
      insert.run(row.id, row.provider, row.label, stored(row), row.createdAt, row.updatedAt)
    },
    update(row: ConnectionRow): void {
      change.run(row.label, stored(row), row.updatedAt, row.id)
    },
    delete(id: string): boolean {
      return Number(remove.run(id).changes) > 0
    },
  }
}

function stored(row: ConnectionRow): string {
  const options = row.maxInFlight === DEFAULT_MAX_IN_FLIGHT ? {} : { maxInFlight: row.maxInFlight }
  return JSON.stringify(
    Object.keys(options).length ? { ...row.fields, [OPTIONS_KEY]: options } : row.fields,
  )
}

function toRow(row: RawRow): ConnectionRow {
  const { [OPTIONS_KEY]: options, ...fields } = JSON.parse(row.fields) as Record<string, unknown>
  const limit = (options as { maxInFlight?: unknown } | undefined)?.maxInFlight
  return {
    id: row.id,
    provider: row.provider,
    label: row.label,
    fields: fields as Record<string, string>,
    maxInFlight:
      typeof limit === 'number' && Number.isInteger(limit) && limit >= 1
        ? limit
        : DEFAULT_MAX_IN_FLIGHT,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
