import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../..')

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(entry.name) ? [relative(root, path)] : []
  })
}

describe('the app database connection', () => {
  it('is reached only by the repositories (and the database itself with its test)', () => {
    const importers = ['src', 'test', 'bench']
      .flatMap((folder) => sourceFiles(join(root, folder)))
      .filter((file) =>
        /from '[./]*(database\/)?database-handle'/.test(readFileSync(join(root, file), 'utf8')),
      )
      .sort()
    expect(importers).toEqual([
      'src/core/backups/backup-service.ts',
      'src/core/backups/create-backup.ts',
      'src/core/connections/connection-repository.ts',
      'src/core/database/open-database.test.ts',
      'src/core/database/open-database.ts',
      'src/core/history/history-store.ts',
      'src/core/usage/usage-repository.ts',
    ])
  })
})
