import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../shared/dispatch'
import { openCore } from '../create-core'
import { resolveDataLocation } from '../data-dir'
import { DATA_LOCATION_FILE } from '../data-location'
import { openDataDir } from '../open-data-dir'
import { openTestCore } from '../../../test/support/test-core'

let base: string
let opened: { close(): Promise<void> }[] = []
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'parallax-choose-'))
})
afterEach(async () => {
  for (const core of opened) await core.close()
  opened = []
  rmSync(base, { recursive: true, force: true })
})

async function closeAll(): Promise<void> {
  for (const core of opened) await core.close()
  opened = []
}

/** Starts the core the way a host does: the folder resolved, locked and prepared. */
async function start(
  options: { acceptDataDir?: boolean; host?: 'web' | 'electron'; picked?: string | null } = {},
) {
  const { location, lock } = openDataDir(
    resolveDataLocation({
      env: { XDG_CONFIG_HOME: base },
      platform: 'linux',
      home: '/nowhere',
      acceptPending: options.acceptDataDir === true,
    }),
    { kind: options.host === 'electron' ? 'desktop' : 'web' },
  )
  const core = await openCore({
    version: '0.0.0',
    host: options.host ?? 'web',
    dataDir: location.dir,
    dataLocation: location,
    emit: () => {},
    vaultKey: { keyFile: join(location.dir, 'vault.key') },
    ...(options.picked !== undefined ? { pickFolder: async () => options.picked ?? null } : {}),
  })
  opened.push({
    async close() {
      await core.close()
      lock.release()
    },
  })
  return { core, call: createDispatcher(core.handlers) }
}

describe('settings.chooseDataDir in the web host', () => {
  it('saves the folder as waiting: a start moves the data there only with --accept-data-dir', async () => {
    const defaultDir = join(base, 'Parallax')
    const first = await start()
    expect(await first.call('settings.get', {})).toMatchObject({
      ok: true,
      value: {
        dataDir: defaultDir,
        dataDirSource: 'default',
        nextDataDir: null,
        nextDataDirApplies: null,
        dataDirChooser: 'path',
      },
    })
    first.core.history.createConversation({ title: 'Kept across the move' })
    await first.call('settings.update', { maxRetries: 4 })

    const chosen = join(base, 'elsewhere', 'Parallax data')
    expect(await first.call('settings.chooseDataDir', { path: chosen, copyData: true })).toEqual({
      ok: true,
      value: expect.objectContaining({
        dataDir: defaultDir,
        nextDataDir: chosen,
        nextCopiesData: true,
        nextDataDirApplies: 'accept_flag',
        maxRetries: 4,
      }),
    })
    await closeAll()

    // A plain start keeps the folder, copies nothing, and says a change is waiting.
    const plain = await start()
    expect(await plain.call('settings.get', {})).toMatchObject({
      ok: true,
      value: { dataDir: defaultDir, nextDataDir: chosen, nextDataDirApplies: 'accept_flag' },
    })
    expect(await plain.call('app.notices', {})).toMatchObject({
      ok: true,
      value: { notices: [{ code: 'data.pending', level: 'info', detail: chosen }] },
    })
    expect(existsSync(join(chosen, 'history.sqlite'))).toBe(false)
    expect(existsSync(join(chosen, 'vault.key'))).toBe(false)
    await closeAll()

    const second = await start({ acceptDataDir: true })
    expect(await second.call('settings.get', {})).toMatchObject({
      ok: true,
      value: { dataDir: chosen, dataDirSource: 'chosen', nextDataDir: null, maxRetries: 4 },
    })
    const list = second.core.history.listConversations({ archived: 'all', limit: 10 })
    expect(list.items.map((item) => item.title)).toEqual(['Kept across the move'])
    expect(await second.call('app.notices', {})).toMatchObject({
      ok: true,
      value: { notices: [{ code: 'data.copied', level: 'info', detail: defaultDir }] },
    })
    // The originals stay where they were.
    expect(existsSync(join(defaultDir, 'history.sqlite'))).toBe(true)
    await closeAll()

    const third = await start({ acceptDataDir: true })
    expect(await third.call('app.notices', {})).toMatchObject({ ok: true, value: { notices: [] } })
  })

  it('refuses a bad folder with a code naming why, and leaves the choice as it was', async () => {
    const { call } = await start()
    const full = join(base, 'full')
    mkdirSync(full)
    writeFileSync(join(full, 'history.sqlite'), 'someone else’s data')
    const cases: [string, string][] = [
      ['not/absolute', 'not_absolute'],
      [join(base, 'Parallax', 'inside'), 'inside_current'],
      [full, 'holds_data'],
    ]
    for (const [path, code] of cases) {
      expect(await call('settings.chooseDataDir', { path, copyData: true })).toMatchObject({
        ok: false,
        error: { kind: 'invalid_input', field: 'path', code },
      })
    }
    expect(readFileSync(join(full, 'history.sqlite'), 'utf8')).toBe('someone else’s data')
    expect(existsSync(join(base, 'Parallax', DATA_LOCATION_FILE))).toBe(false)
    expect(await call('settings.chooseDataDir', { path: '', copyData: true })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input', field: 'path' },
    })
  })

  it('cancels a waiting change, and goes back to the default folder', async () => {
    const first = await start()
    const chosen = join(base, 'chosen')
    await first.call('settings.chooseDataDir', { path: chosen, copyData: false })
    expect(
      await first.call('settings.chooseDataDir', { path: join(base, 'Parallax'), copyData: false }),
    ).toMatchObject({ ok: true, value: { nextDataDir: null, nextDataDirApplies: null } })
    await first.call('settings.chooseDataDir', { path: chosen, copyData: false })
    await closeAll()

    const second = await start({ acceptDataDir: true })
    expect(await second.call('settings.get', {})).toMatchObject({
      ok: true,
      value: { dataDir: chosen, dataDirSource: 'chosen' },
    })
    expect(
      await second.call('settings.chooseDataDir', { path: null, copyData: false }),
    ).toMatchObject({
      ok: true,
      value: { nextDataDir: join(base, 'Parallax'), nextCopiesData: false },
    })
    await closeAll()
    const third = await start({ acceptDataDir: true })
    expect(await third.call('settings.get', {})).toMatchObject({
      ok: true,
      value: { dataDir: join(base, 'Parallax'), dataDirSource: 'default' },
    })
  })

  it('has no folder dialog: settings.pickDataDir is refused', async () => {
    const { call } = await start()
    expect(await call('settings.pickDataDir', { copyData: true })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input', code: 'no_dialog' },
    })
  })

  it('is refused on a host that was given its folder', async () => {
    const dir = join(base, 'given')
    const core = await openTestCore(dir)
    opened.push(core)
    const call = createDispatcher(core.handlers)
    expect(await call('settings.get', {})).toMatchObject({
      ok: true,
      value: { dataDirSource: 'flag' },
    })
    expect(
      await call('settings.chooseDataDir', { path: join(base, 'x'), copyData: false }),
    ).toMatchObject({ ok: false, error: { code: 'not_choosable' } })
    expect(await call('settings.pickDataDir', { copyData: false })).toMatchObject({
      ok: false,
      error: { code: 'not_choosable' },
    })
  })
})

describe('choosing the data folder in the desktop app', () => {
  it('takes a folder only from its own dialog, and uses it from the next start', async () => {
    const defaultDir = join(base, 'Parallax')
    const picked = join(base, 'picked')
    const first = await start({ host: 'electron', picked })
    expect(await first.call('settings.get', {})).toMatchObject({
      ok: true,
      value: { dataDirChooser: 'dialog' },
    })
    expect(
      await first.call('settings.chooseDataDir', { path: picked, copyData: true }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input', field: 'path', code: 'use_dialog' },
    })
    expect(existsSync(join(defaultDir, DATA_LOCATION_FILE))).toBe(false)
    first.core.history.createConversation({ title: 'Picked, then moved' })
    expect(await first.call('settings.pickDataDir', { copyData: true })).toMatchObject({
      ok: true,
      value: { nextDataDir: picked, nextCopiesData: true, nextDataDirApplies: 'next_start' },
    })
    await closeAll()

    // Confirmed in the dialog, so the next start applies it without --accept-data-dir.
    const second = await start({ host: 'electron', picked: null })
    expect(await second.call('settings.get', {})).toMatchObject({
      ok: true,
      value: { dataDir: picked, nextDataDir: null },
    })
    const list = second.core.history.listConversations({ archived: 'all', limit: 10 })
    expect(list.items.map((item) => item.title)).toEqual(['Picked, then moved'])
    // Cancelling the dialog changes nothing.
    expect(await second.call('settings.pickDataDir', { copyData: true })).toMatchObject({
      ok: true,
      value: { nextDataDir: null },
    })
  })

  it('says a folder typed into a web page waits for its own confirmation', async () => {
    const chosen = join(base, 'typed')
    const web = await start()
    await web.call('settings.chooseDataDir', { path: chosen, copyData: true })
    await closeAll()
    const desktop = await start({ host: 'electron', picked: null })
    expect(await desktop.call('settings.get', {})).toMatchObject({
      ok: true,
      value: { nextDataDir: chosen, nextDataDirApplies: 'confirm', nextCopiesData: true },
    })
  })
})
