import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../database/migrations'
import { createHistoryStore, type HistoryStore } from '../history/history-store'
import { listBackups } from './backup-files'
import { openAppDatabaseWithBackups, type OpenedAppDatabase } from './open-with-backups'

const DAY = 24 * 60 * 60 * 1000
const posix = process.platform !== 'win32'

let dataDir: string
let clock: number
type Opened = OpenedAppDatabase & { history: HistoryStore }
let opened: Opened | null

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'parallax-backups-'))
  clock = Date.UTC(2026, 11, 1, 9, 0, 0)
  opened = null
})
afterEach(async () => {
  if (opened) {
    await opened.backups.close()
    opened.database.close()
  }
  rmSync(dataDir, { recursive: true, force: true })
})

const backupDir = () => join(dataDir, 'backups')
function open(): Opened {
  const withBackups = openAppDatabaseWithBackups(dataDir, 'history.sqlite', { now: () => clock })
  return (opened = { ...withBackups, history: createHistoryStore(withBackups.database) })
}

function titlesIn(file: string): string[] {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    return db
      .prepare('SELECT title FROM conversations ORDER BY title')
      .all()
      .map((r) => String(r.title))
  } finally {
    db.close()
  }
}

describe('history backups', () => {
  it('makes a private daily backup of a history that has conversations, at most once a day', async () => {
    const { history, backups } = open()
    expect(await backups.backupIfDue()).toBeNull() // an empty history is not backed up
    history.createConversation({ title: 'first' })

    const name = String(await backups.backupIfDue())
    expect(name).toBe('history-2026-12-01T090000.sqlite')
    expect(titlesIn(join(backupDir(), name))).toEqual(['first'])
    if (posix) {
      expect(statSync(backupDir()).mode & 0o777).toBe(0o700)
      expect(statSync(join(backupDir(), name)).mode & 0o777).toBe(0o600)
    }
    expect(readdirSync(backupDir()).filter((f) => f.endsWith('.partial'))).toEqual([])

    clock += DAY - 1000
    expect(await backups.backupIfDue()).toBeNull()
    clock += 1000
    expect(await backups.backupIfDue()).toBe('history-2026-12-02T090000.sqlite')
    expect(backups.list().backups.map((b) => [b.file, b.reason])).toEqual([
      ['history-2026-12-02T090000.sqlite', 'daily'],
      ['history-2026-12-01T090000.sqlite', 'daily'],
    ])
  })

  it('tries again when it starts during a write, so the daily backup is not lost', async () => {
    let connection: DatabaseSync | undefined
    const withBackups = openAppDatabaseWithBackups(dataDir, 'history.sqlite', {
      now: () => clock,
      configureConnection: (db) => (connection = db),
    })
    const history = createHistoryStore(withBackups.database)
    opened = { ...withBackups, history }
    history.createConversation({ title: 'first' })
    if (!connection) throw new Error('no connection')

    // A run's text being saved: a write transaction is open when the copy's first step runs.
    connection.exec('BEGIN IMMEDIATE')
    connection.exec(`UPDATE conversations SET title = 'second'`)
    const pending = withBackups.backups.backupIfDue()
    await new Promise((resolve) => setTimeout(resolve, 100))
    connection.exec('COMMIT')

    const name = await pending
    expect(name).toBe('history-2026-12-01T090000.sqlite')
    expect(titlesIn(join(backupDir(), String(name)))).toEqual(['second'])
  })

  it('keeps only the newest 7', async () => {
    const { history, backups } = open()
    history.createConversation({ title: 'kept' })
    for (let day = 0; day < 10; day++) {
      await backups.backupIfDue()
      clock += DAY
    }
    const files = listBackups(backupDir()).map((b) => b.file)
    expect(files).toHaveLength(7)
    expect(files[0]).toBe('history-2026-12-10T090000.sqlite')
    expect(files.at(-1)).toBe('history-2026-12-04T090000.sqlite')
    expect(readdirSync(backupDir())).toHaveLength(7)
  })

  it('backs up a database from an older version before migrating it', () => {
    const file = join(dataDir, 'history.sqlite')
    const old = new DatabaseSync(file)
    migrate(old, 0, 3)
    old.exec('PRAGMA user_version = 3')
    old
      .prepare(
        `INSERT INTO conversations (id, title, created_at, updated_at, mode, title_doc)
         VALUES ('c1', 'from v3', 1, 1, 'chat', 1)`,
      )
      .run()
    old.close()

    open()
    const backup = listBackups(backupDir())[0] ?? { file: 'none', reason: 'none' }
    expect(backup.reason).toBe('migration')
    expect(backup.file).toBe('history-2026-12-01T090000-before-migration.sqlite')
    const copy = new DatabaseSync(join(backupDir(), backup.file), { readOnly: true })
    const version = copy.prepare('PRAGMA user_version').get() as { user_version: number }
    copy.close()
    expect(version.user_version).toBe(3) // taken before the schema changed
    expect(titlesIn(join(backupDir(), backup.file))).toEqual(['from v3'])
    expect(opened?.history.listConversations().items.map((c) => c.title)).toEqual(['from v3'])
    if (posix) expect(statSync(join(backupDir(), backup.file)).mode & 0o777).toBe(0o600)
  })

  it('refuses to restore a name that is not a listed backup, and changes nothing', async () => {
    const { history, backups } = open()
    history.createConversation({ title: 'x' })
    await backups.backupIfDue()
    for (const name of ['../history.sqlite', '/etc/passwd', 'history-2099-01-01T000000.sqlite']) {
      expect(() => backups.restore(name)).toThrow(/no backup named/)
    }
    expect(existsSync(join(backupDir(), 'restore-pending.json'))).toBe(false)
    expect(backups.list().pendingRestore).toBeNull()
  })
})
