import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../shared/dispatch'
import { openCore, type Core } from './create-core'
import { prepareDataDir, resolveDataLocation } from './data-dir'
import { DATA_LOCATION_FILE } from './data-location'

let base: string
let opened: Core[] = []
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'parallax-choose-'))
})
afterEach(async () => {
  for (const core of opened) await core.close()
  opened = []
  rmSync(base, { recursive: true, force: true })
})

/** Starts the core the way a host does: the folder resolved and prepared, as at a real start. */
async function start() {
  const location = prepareDataDir(
    resolveDataLocation({ env: { XDG_CONFIG_HOME: base }, platform: 'linux', home: '/nowhere' }),
  )
  const core = await openCore({
    version: '0.0.0',
    host: 'web',
    dataDir: location.dir,
    dataLocation: location,
    emit: () => {},
    vaultKey: { keyFile: join(location.dir, 'vault.key') },
  })
  opened.push(core)
  return { core, call: createDispatcher(core.handlers) }
}

describe('settings.chooseDataDir', () => {
  it('moves the data to a chosen folder at the next start, copied once, with a notice', async () => {
    const defaultDir = join(base, 'Parallax')
    const first = await start()
    expect(await first.call('settings.get', {})).toMatchObject({
      ok: true,
      value: { dataDir: defaultDir, dataDirSource: 'default', nextDataDir: null },
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
        maxRetries: 4,
      }),
    })
    await first.core.close()
    opened = []

    const second = await start()
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
    await second.core.close()
    opened = []

    const third = await start()
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

  it('cancels a pending change, and goes back to the default folder', async () => {
    const first = await start()
    const chosen = join(base, 'chosen')
    await first.call('settings.chooseDataDir', { path: chosen, copyData: false })
    expect(
      await first.call('settings.chooseDataDir', { path: join(base, 'Parallax'), copyData: false }),
    ).toMatchObject({ ok: true, value: { nextDataDir: null } })
    await first.call('settings.chooseDataDir', { path: chosen, copyData: false })
    await first.core.close()
    opened = []

    const second = await start()
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
    await second.core.close()
    opened = []
    const third = await start()
    expect(await third.call('settings.get', {})).toMatchObject({
      ok: true,
      value: { dataDir: join(base, 'Parallax'), dataDirSource: 'default' },
    })
  })

  it('is refused on a host that was given its folder', async () => {
    const dir = join(base, 'given')
    const core = await openCore({
      version: '0.0.0',
      host: 'web',
      dataDir: dir,
      emit: () => {},
      vaultKey: { keyFile: join(dir, 'vault.key') },
    })
    opened.push(core)
    const call = createDispatcher(core.handlers)
    expect(await call('settings.get', {})).toMatchObject({
      ok: true,
      value: { dataDirSource: 'flag' },
    })
    expect(
      await call('settings.chooseDataDir', { path: join(base, 'x'), copyData: false }),
    ).toMatchObject({ ok: false, error: { code: 'not_choosable' } })
  })
})
