import {
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  writeSync,
  closeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Notice } from '../../shared/contract'
import { createDispatcher, type Dispatch } from '../../shared/dispatch'
import type { Core } from '../create-core'
import { okValue, openTestCore } from '../../../test/support/test-core'

let dir: string
let core: Core | null

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-restore-'))
  core = null
})
afterEach(async () => {
  await core?.close()
  rmSync(dir, { recursive: true, force: true })
})

async function start(): Promise<{ core: Core; call: Dispatch<void> }> {
  await core?.close()
  core = await openTestCore(dir)
  return { core, call: createDispatcher(core.handlers) }
}

describe('restoring history from a backup after the database file is damaged', () => {
  it('offers the newest backup on the moved-aside notice and brings the conversations back', async () => {
    const first = await start()
    first.core.history.createConversation({ title: 'Embeddings compared' })
    first.core.history.createConversation({ title: '모델 비교' })
    // The next start finds no backup a day old or newer and makes one in the background; closing
    // waits for it.
    await (await start()).core.close()
    core = null
    const backup = readdirSync(join(dir, 'backups'))[0] ?? 'none'
    expect(backup).toMatch(/^history-\d{4}-\d{2}-\d{2}T\d{6}\.sqlite$/)

    // Damage the header: the file no longer reads as SQLite.
    const fd = openSync(join(dir, 'history.sqlite'), 'r+')
    writeSync(fd, Buffer.from('this is not SQLite at all'), 0, 25, 0)
    closeSync(fd)

    let { core: c, call } = await start()
    expect(c.history.listConversations().items).toEqual([])
    const { notices } = okValue<{ notices: Notice[] }>(await call('app.notices', {}))
    const movedAside = notices.find((n) => n.code === 'history.moved_aside')
    expect(movedAside?.restorable).toBe(backup)
    // The new, empty history was not backed up over the good one.
    expect(
      okValue<{ backups: { file: string }[] }>(await call('history.backups', {})).backups,
    ).toEqual([expect.objectContaining({ file: backup })])

    const refused = await call('history.restore', { backup: '../history.sqlite' })
    expect(refused.ok).toBe(false)
    if (!refused.ok)
      expect([refused.error.kind, refused.error.field]).toEqual(['invalid_input', 'backup'])

    expect(
      okValue(await call('history.restore', { backup: movedAside?.restorable ?? '' })),
    ).toEqual({
      backup,
      restartRequired: true,
    })
    expect(
      okValue<{ pendingRestore: string }>(await call('history.backups', {})).pendingRestore,
    ).toBe(backup)

    ;({ core: c, call } = await start())
    expect(
      c.history
        .listConversations()
        .items.map((x) => x.title)
        .sort(),
    ).toEqual(['Embeddings compared', '모델 비교'])
    const after = okValue<{ notices: Notice[] }>(await call('app.notices', {})).notices
    expect(after.map((n) => [n.code, n.detail])).toContainEqual(['history.restored', backup])
    // Nothing was deleted: the damaged file and the empty history used meanwhile are both kept.
    const kept = readdirSync(dir)
    expect(kept.some((f) => f.startsWith('history.sqlite.unreadable-'))).toBe(true)
    expect(kept.some((f) => f.startsWith('history.sqlite.before-restore-'))).toBe(true)
    expect(existsSync(join(dir, 'backups', backup))).toBe(true)
    expect(existsSync(join(dir, 'backups', 'restore-pending.json'))).toBe(false)
  })
})
