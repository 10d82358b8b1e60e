import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { searchFileOf } from '../../src/core/database/search-file'
import { openHistoryStore } from '../../src/core/history/index'
import { ChatCorpus } from './chat-corpus'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-history-kill-import-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function tokenOf(file: string): unknown {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    return db.prepare('SELECT token FROM search_sync').get()?.token
  } finally {
    db.close()
  }
}

it('rebuilds the search index at the next open when killed while an import was being indexed', async () => {
  const file = join(dir, 'history.sqlite')
  const messages = 18_000 // two parts (IMPORT_PART_ITEMS), under REBUILD_AT_ONCE_MAX keys
  const jiti = resolve('node_modules/jiti/lib/jiti-cli.mjs')
  const child = spawn(
    process.execPath,
    [jiti, resolve('test/history/import-writer.ts'), file, String(messages)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const exited = new Promise<NodeJS.Signals | null>((done) =>
    child.on('exit', (_code, signal) => done(signal)),
  )
  let imported = 0
  for await (const line of createInterface({ input: child.stdout })) {
    if (!line.startsWith('imported ')) continue
    imported = Number(line.slice(9))
    child.kill('SIGKILL')
    break
  }
  expect(await exited).toBe('SIGKILL')
  expect(imported).toBe(messages)
  // Every row was committed; the search file had not caught up with them.
  expect(tokenOf(searchFileOf(file))).not.toEqual(tokenOf(file))

  const store = openHistoryStore({ file })
  expect(store.searchRebuild()).toBeNull() // small enough to rebuild at once
  // The last conversation's words are found, and a rare word as often as the corpus has it.
  const corpus = new ChatCorpus({ messages, conversations: messages / 50 })
  const batches = [...corpus.batches(messages / 50)]
  const last = batches.at(-1)?.conversations.at(-1)
  const answer = last?.runs.at(-1)?.answer ?? ''
  const phrase = answer.slice(0, 40)
  const hits = store.search({ query: phrase, match: 'phrase', limit: 5 }).hits
  expect(hits.map((hit) => hit.conversationId)).toContain(last?.id)
  expect(tokenOf(searchFileOf(file))).toEqual(tokenOf(file))
  store.close()
}, 60_000)
