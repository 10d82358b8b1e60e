import type { DatabaseSync } from 'node:sqlite'

export interface ConnectionRow {
  id: string
  provider: string
  label: string
  /** The non-secret fields, e.g. { endpoint, region }. */
  fields: Record<string, string>
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

/** The `connections` table (history database): non-secret fields only. */
export function createConnectionRows(db: DatabaseSync) {
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
      insert.run(
        row.id,
        row.provider,
        row.label,
        JSON.stringify(row.fields),
        row.createdAt,
        row.updatedAt,
      )
    },
    update(row: ConnectionRow): void {
      change.run(row.label, JSON.stringify(row.fields), row.updatedAt, row.id)
    },
    delete(id: string): boolean {
      return Number(remove.run(id).changes) > 0
    },
  }
}

function toRow(row: RawRow): ConnectionRow {
  return {
    id: row.id,
    provider: row.provider,
    label: row.label,
    fields: JSON.parse(row.fields) as Record<string, string>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
