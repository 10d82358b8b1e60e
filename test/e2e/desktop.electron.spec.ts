import { expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { join } from 'node:path'
import { findElectron } from './support/find-electron'
import { startHeldStreamServer, type HeldStreamServer } from './support/held-stream-server'
import {
  desktopFolders,
  invoke,
  launchDesktop,
  type DesktopFolders,
} from './support/launch-desktop'

const lookup = findElectron()

type Run = { status: string; answer: string }
type Detail = { runs: Run[] }

let folders: DesktopFolders
let server: HeldStreamServer | undefined
let app: ElectronApplication | undefined

test.describe('desktop-only behaviour (Electron)', () => {
  test.skip('reason' in lookup, 'reason' in lookup ? lookup.reason : '')

  test.beforeEach(() => {
    folders = desktopFolders()
  })
  test.afterEach(async () => {
    await app?.close().catch(() => undefined)
    app = undefined
    await server?.close()
    server = undefined
    folders.remove()
  })

  async function start(): Promise<Page> {
    if (!('path' in lookup)) throw new Error(lookup.reason)
    app = await launchDesktop(lookup.path, folders)
    const page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
    return page
  }

  /** A connection to a local server that streams its first half and holds the rest. */
  async function heldConnection(page: Page): Promise<string> {
    server = await startHeldStreamServer('The first half, ', 'and the second half.')
    // Without a system keyring (a bare CI machine) keys are only obfuscated: agree to it.
    await invoke(page, 'vault.allowInsecure', {})
    const { id } = await invoke<{ id: string }>(page, 'connections.create', {
      provider: 'openai-compatible',
      label: 'Held stream',
      fields: { baseURL: server.baseURL, apiKey: 'sk-local-key-stays-in-the-vault-0000' },
    })
    return id
  }

  test('Copy reaches the OS clipboard from the app’s own page', async () => {
    const page = await start()
    // Chromium lets only a focused document write to the clipboard.
    await app?.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.focus())
    await page.evaluate(() => navigator.clipboard.writeText('copied by parallax'))
    const text = await app?.evaluate(({ clipboard }) => clipboard.readText())
    expect(text).toBe('copied by parallax')
  })

  test('a second window shows a conversation on its own; a run started there reaches the first window’s list', async () => {
    const page = await start()
    const connectionId = await heldConnection(page)
    const first = await invoke<{ conversationId: string }>(page, 'runs.startChat', {
      connectionId,
      model: 'held',
      prompt: 'First conversation',
    })
    server?.finish()
    const opening = app?.waitForEvent('window')
    expect(await invoke(page, 'app.openWindow', { conversationId: first.conversationId })).toEqual({
      opened: true,
    })
    const second = (await opening) as Page
    await second.waitForLoadState('domcontentloaded')
    expect(second.url()).toBe(
      `app://parallax/index.html#/w/${encodeURIComponent(first.conversationId)}`,
    )
    // The conversation on its own: no sidebar, so no history list in the second window.
    await expect(second.getByText('First conversation')).toBeVisible()
    await expect(second.getByTestId('history-item')).toHaveCount(0)
    // A run started from the second window appears in the first window's list.
    await invoke(second, 'runs.startChat', { connectionId, model: 'held', prompt: 'Another one' })
    await expect(page.getByTestId('history-item')).toHaveCount(2)
  })

  test('Settings takes a data folder from the native folder dialog', async () => {
    const page = await start()
    const picked = join(folders.base, 'picked')
    // The native dialog cannot be clicked by a test: answer it from the main process.
    await app?.evaluate(({ dialog }, folder) => {
      dialog.showOpenDialog = (async () => ({
        canceled: false,
        filePaths: [folder],
      })) as typeof dialog.showOpenDialog
    }, picked)
    const view = await invoke<{ nextDataDir: string | null; dataDirChooser: string }>(
      page,
      'settings.pickDataDir',
      { copyData: false },
    )
    expect(view).toMatchObject({ nextDataDir: picked, dataDirChooser: 'dialog' })
    // A typed path is refused in the desktop app: the folder comes from the dialog only.
    const typed = await page.evaluate(
      (path) =>
        (
          window as unknown as {
            parallax: { invoke(m: string, i: unknown): Promise<{ ok: boolean; error?: unknown }> }
          }
        ).parallax.invoke('settings.chooseDataDir', { path, copyData: false }),
      picked,
    )
    expect(typed).toMatchObject({ ok: false, error: { code: 'use_dialog' } })
  })

  test('quitting mid-stream saves the text as interrupted and exits promptly', async () => {
    const page = await start()
    const connectionId = await heldConnection(page)
    const { conversationId } = await invoke<{ conversationId: string }>(page, 'runs.startChat', {
      connectionId,
      model: 'held',
      prompt: 'Answer in two halves',
    })
    await server?.started
    await expect
      .poll(async () => (await invoke<Detail>(page, 'history.get', { id: conversationId })).runs[0])
      .toMatchObject({ status: 'streaming', answer: 'The first half, ' })
    const running = app as ElectronApplication
    const exited = new Promise<number | null>((done) => running.process().once('exit', done))
    const quitAt = Date.now()
    await running.evaluate(({ app: electronApp }) => electronApp.quit()).catch(() => undefined)
    expect(await exited).toBe(0)
    expect(Date.now() - quitAt).toBeLessThan(8000)
    app = undefined

    // The next start has the folder (the lock was released) and the run as it was left.
    const again = await start()
    const detail = await invoke<Detail>(again, 'history.get', { id: conversationId })
    expect(detail.runs[0]).toMatchObject({ status: 'interrupted', answer: 'The first half, ' })
  })
})
