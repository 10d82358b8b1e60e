import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../shared/dispatch'
import type { Core } from './create-core'
import { openTestCore } from '../../test/support/test-core'

const posix = process.platform !== 'win32'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-private-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function open(dataDir: string): Promise<Core> {
  return openTestCore(dataDir)
}

/** Writes to every store the core keeps in the data folder: history (WAL), vault, settings. */
async function writeEverything(core: Core): Promise<void> {
  const call = createDispatcher(core.handlers)
  const saved = await call('connections.create', {
    provider: 'openai',
    label: 'work',
    fields: { apiKey: 'sk-proj-privateFilesTest0000000000000000' },
  })
  expect(saved.ok).toBe(true)
  expect((await call('settings.update', { language: 'ko' })).ok).toBe(true)
  const conversation = core.history.createConversation({ title: 'Private' })
  core.history.addMessage({ conversationId: conversation.id, content: 'Only for me' })
}

/** Every file and folder in `folder` with its permission bits, e.g. { 'history.sqlite': 0o600 }. */
function modes(folder: string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const name of readdirSync(folder)) out[name] = statSync(join(folder, name)).mode & 0o777
  return out
}

describe.skipIf(!posix)('data files are private (POSIX modes; skipped on win32)', () => {
  it('creates the folder 0700 and every file in it 0600, the SQLite WAL and shm included', async () => {
    const dataDir = join(dir, 'data')
    const core = await open(dataDir)
    try {
      await writeEverything(core)
      const found = modes(dataDir)
      expect(Object.keys(found)).toEqual(
        expect.arrayContaining([
          'history.sqlite',
          'history.sqlite-wal',
          'history.sqlite-shm',
          'history.search.sqlite',
          'history.search.sqlite-wal',
          'history.search.sqlite-shm',
        ]),
      )
      expect(Object.keys(found)).toContain('settings.json')
      for (const [name, mode] of Object.entries(found)) {
        expect(mode.toString(8), name).toBe('600')
      }
      expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700')
    } finally {
      await core.close()
    }
  })

  it('narrows the folder, history and settings files an older version left readable by others', async () => {
    const dataDir = join(dir, 'old')
    mkdirSync(dataDir, { mode: 0o700 })
    chmodSync(dataDir, 0o755)
    const file = join(dataDir, 'history.sqlite')
    const old = new DatabaseSync(file)
    old.exec('PRAGMA journal_mode = WAL')
    old.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)')
    // Left open, so its -wal and -shm stay beside the file, as after a crash.
    writeFileSync(join(dataDir, 'settings.json'), '{"language":"en"}\n')
    for (const name of [
      'history.sqlite',
      'history.sqlite-wal',
      'history.sqlite-shm',
      'settings.json',
    ])
      chmodSync(join(dataDir, name), 0o644)
    try {
      const core = await open(dataDir)
      try {
        await writeEverything(core)
        for (const [name, mode] of Object.entries(modes(dataDir))) {
          expect(mode.toString(8), name).toBe('600')
        }
        expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700')
      } finally {
        await core.close()
      }
    } finally {
      old.close()
    }
  })
})
