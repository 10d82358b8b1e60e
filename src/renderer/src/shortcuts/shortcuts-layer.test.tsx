// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { RpcFailure } from '../../../shared/rpc-result'
import { AppShell } from '../app/app-shell'
import { createTranslate } from '../i18n/i18n'
import { createFakeClient, type FakeHandlers } from '../test-support/fake-client'
import { CONNECTIONS, modelList } from '../test-support/models-host'
import { renderWithApp } from '../test-support/render-with-app'
import { detectApplePlatform } from './platform'
import { FOCUS_INPUT_EVENT, FOCUS_SEARCH_EVENT, STOP_EVENT, shortcuts } from './shortcut-table'
import { ShortcutsLayer } from './shortcuts-layer'

afterEach(cleanup)

const mod = detectApplePlatform() ? { metaKey: true } : { ctrlKey: true }
const t = createTranslate('en')

function setup(handlers: FakeHandlers = {}) {
  const client = createFakeClient(handlers)
  renderWithApp(
    <>
      <label>
        Message
        <textarea />
      </label>
      <button type="button">Elsewhere</button>
      <ShortcutsLayer />
    </>,
    client,
  )
  return client
}

const route = () => screen.getByTestId('app-probe').dataset.route

function listenFor(name: string): { count: number } {
  const seen = { count: 0 }
  window.addEventListener(name, () => seen.count++)
  return seen
}

describe('ShortcutsLayer', () => {
  it('navigates with Mod+N, Mod+Shift+N and Mod+,', () => {
    setup()
    fireEvent.keyDown(document.body, { key: 'n', code: 'KeyN', ...mod })
    expect(route()).toBe('chat')
    fireEvent.keyDown(document.body, { key: 'N', code: 'KeyN', shiftKey: true, ...mod })
    expect(route()).toBe('compare')
    fireEvent.keyDown(document.body, { key: ',', code: 'Comma', ...mod })
    expect(route()).toBe('settings')
  })

  it('sends the focus and stop events, and keeps bare keys for text fields', () => {
    setup()
    const search = listenFor(FOCUS_SEARCH_EVENT)
    const input = listenFor(FOCUS_INPUT_EVENT)
    const stop = listenFor(STOP_EVENT)
    fireEvent.keyDown(document.body, { key: 'F', code: 'KeyF', shiftKey: true, ...mod })
    expect(search.count).toBe(1)
    fireEvent.keyDown(document.body, { key: '.', code: 'Period', ...mod })
    expect(stop.count).toBe(1)
    fireEvent.keyDown(screen.getByRole('button', { name: 'Elsewhere' }), { key: '/' })
    expect(input.count).toBe(1)
    const typed = fireEvent.keyDown(screen.getByLabelText('Message'), { key: '/' })
    expect(input.count).toBe(1)
    expect(typed).toBe(true)
    fireEvent.keyDown(screen.getByLabelText('Message'), { key: 'l', code: 'KeyL', ...mod })
    expect(input.count).toBe(2)
  })

  it("puts focus in the new screen's prompt box after Mod+N and Mod+Shift+N", async () => {
    const client = createFakeClient({
      'connections.list': () => ({ connections: CONNECTIONS.slice(0, 1) }),
      'models.list': ({ connectionId }) => modelList(connectionId),
    })
    renderWithApp(<AppShell />, client, { hash: '#/settings' })
    await screen.findByTestId('settings-screen')
    fireEvent.keyDown(document.body, { key: 'n', code: 'KeyN', ...mod })
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('prompt-input')))
    expect(route()).toBe('chat')

    screen.getByRole('button', { name: 'Settings' }).focus()
    fireEvent.keyDown(document.body, { key: 'N', code: 'KeyN', shiftKey: true, ...mod })
    await waitFor(() => expect(route()).toBe('compare'))
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('prompt-input')))
  })

  it('opens the help sheet with ? listing every shortcut, and Escape closes it', async () => {
    setup()
    const opener = screen.getByRole('button', { name: 'Elsewhere' })
    opener.focus()
    fireEvent.keyDown(opener, { key: '?', shiftKey: true })
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' })
    expect(sheet.dataset.testid).toBe('shortcuts-help')
    expect(sheet.getAttribute('aria-modal')).toBe('true')
    const rows = within(sheet).getAllByRole('listitem')
    expect(rows.map((row) => row.firstChild?.textContent)).toEqual(
      shortcuts.map((s) => t(s.labelKey)),
    )
    expect(rows.every((row) => row.querySelector('kbd') !== null)).toBe(true)
    expect(document.activeElement).toBe(within(sheet).getByRole('button', { name: 'Close' }))
    fireEvent.keyDown(sheet, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    await waitFor(() => expect(document.activeElement).toBe(opener))
  })

  it('filters the command palette and runs the chosen command with the keyboard', () => {
    setup()
    fireEvent.keyDown(document.body, { key: 'k', code: 'KeyK', ...mod })
    const palette = screen.getByTestId('command-palette')
    const filter = within(palette).getByRole('combobox', { name: 'Filter commands' })
    expect(document.activeElement).toBe(filter)
    expect(
      within(palette)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toContain('Switch language→ 한국어')

    fireEvent.change(filter, { target: { value: 'new' } })
    const options = within(palette).getAllByRole('option')
    expect(options.map((o) => o.firstChild?.textContent)).toEqual(['New chat', 'New comparison'])
    expect(options[0]?.getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(filter, { key: 'ArrowDown' })
    expect(within(palette).getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true')
    expect(filter.getAttribute('aria-activedescendant')).toBe(
      within(palette).getAllByRole('option')[1]?.id,
    )
    fireEvent.keyDown(filter, { key: 'ArrowDown' })
    expect(within(palette).getAllByRole('option')[0]?.getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(filter, { key: 'ArrowUp' })
    fireEvent.keyDown(filter, { key: 'Enter' })
    expect(route()).toBe('compare')
    expect(screen.queryByTestId('command-palette')).toBeNull()
  })

  it('says so when no command matches and closes with Escape', () => {
    setup()
    fireEvent.keyDown(document.body, { key: 'k', code: 'KeyK', ...mod })
    const filter = screen.getByRole('combobox')
    fireEvent.change(filter, { target: { value: 'zzz' } })
    expect(screen.queryAllByRole('option')).toHaveLength(0)
    const palette = screen.getByTestId('command-palette')
    expect(within(palette).getByRole('status').textContent).toBe('No command matches.')
    fireEvent.keyDown(filter, { key: 'Enter' })
    fireEvent.keyDown(filter, { key: 'Escape' })
    expect(screen.queryByTestId('command-palette')).toBeNull()
    expect(route()).toBe('home')
  })

  it('cycles the theme and switches the language from the palette', async () => {
    const client = setup()
    await waitFor(() => expect(client.callsTo('settings.get')).toHaveLength(1))
    const run = (words: string) => {
      fireEvent.keyDown(document.body, { key: 'k', code: 'KeyK', ...mod })
      const filter = screen.getByRole('combobox')
      fireEvent.change(filter, { target: { value: words } })
      fireEvent.keyDown(filter, { key: 'Enter' })
    }
    run('theme')
    await waitFor(() => expect(client.callsTo('settings.update')).toEqual([{ theme: 'light' }]))
    run('theme')
    await waitFor(() => expect(client.callsTo('settings.update')[1]).toEqual({ theme: 'dark' }))
    run('language')
    await waitFor(() => expect(client.callsTo('settings.update')[2]).toEqual({ language: 'ko' }))
  })

  it('opens the help sheet from the palette and reports a failed setting change', async () => {
    setup({
      'settings.update': () => {
        throw new RpcFailure('internal', 'read-only disk')
      },
    })
    fireEvent.keyDown(document.body, { key: 'k', code: 'KeyK', ...mod })
    fireEvent.click(screen.getByRole('option', { name: /Keyboard shortcuts/ }))
    expect(screen.getByTestId('shortcuts-help')).toBeTruthy()
    fireEvent.keyDown(screen.getByTestId('shortcuts-help'), { key: 'Escape' })

    fireEvent.keyDown(document.body, { key: 'k', code: 'KeyK', ...mod })
    fireEvent.click(screen.getByRole('option', { name: /Toggle theme/ }))
    expect((await screen.findByRole('alert')).textContent).toContain('read-only disk')
  })

  it('leaves other dialogs alone', () => {
    setup()
    const dialog = document.createElement('div')
    dialog.setAttribute('aria-modal', 'true')
    const button = document.createElement('button')
    dialog.append(button)
    document.body.append(dialog)
    fireEvent.keyDown(button, { key: 'n', code: 'KeyN', ...mod })
    fireEvent.keyDown(button, { key: 'k', code: 'KeyK', ...mod })
    expect(route()).toBe('home')
    expect(screen.queryByTestId('command-palette')).toBeNull()
    dialog.remove()
  })
})
