// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { RpcFailure } from '../../../shared/rpc-result'
import { HistorySidebar } from './history-sidebar'
import { createFakeClient } from '../test-support/fake-client'
import { conversation } from '../test-support/history-records'
import { renderWithApp } from '../test-support/render-with-app'
import type { ConversationView } from './use-history-list'

/** A fake host holding conversations in memory, listed pinned first like the real one. */
function store(initial: ConversationView[]) {
  let items = [...initial]
  const client = createFakeClient({
    'history.list': () => ({
      items: [...items].sort((a, b) => Number(b.pinned) - Number(a.pinned)),
      nextCursor: null,
    }),
    'history.update': ({ id, ...changes }) => {
      const found = items.find((item) => item.id === id)
      if (!found) throw new RpcFailure('not_found', 'No such conversation')
      const updated = { ...found, ...changes, updatedAt: found.updatedAt }
      items = items.map((item) => (item.id === id ? updated : item))
      return updated
    },
    'history.delete': ({ id }) => {
      items = items.filter((item) => item.id !== id)
      return { deleted: true }
    },
  })
  return client
}

const now = Date.now()
const alpha = conversation({ id: 'a', title: 'Alpha', updatedAt: now })
const beta = conversation({ id: 'b', title: 'Beta', updatedAt: now - 1000 })

function openMenu(title: string) {
  fireEvent.click(screen.getByRole('button', { name: `More actions for “${title}”` }))
  return screen.getByRole('menu', { name: `Actions for “${title}”` })
}

afterEach(cleanup)

describe('history item actions', () => {
  it('opens a keyboard menu that Escape closes, giving focus back to its button', async () => {
    renderWithApp(<HistorySidebar />, store([alpha]))
    await screen.findByText('Alpha')
    const more = screen.getByRole('button', { name: 'More actions for “Alpha”' })
    expect(more.getAttribute('aria-expanded')).toBe('false')

    const menu = openMenu('Alpha')
    const items = within(menu).getAllByRole('menuitem')
    expect(items.map((item) => item.textContent)).toEqual([
      'Rename',
      'Pin',
      'Export as JSON',
      'Export as Markdown',
      'Delete…',
    ])
    await waitFor(() => expect(document.activeElement).toBe(items[0]))
    fireEvent.keyDown(menu, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(items[1])
    fireEvent.keyDown(menu, { key: 'ArrowUp' })
    fireEvent.keyDown(menu, { key: 'ArrowUp' })
    expect(document.activeElement).toBe(items[4])

    fireEvent.keyDown(menu, { key: 'Escape' })
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(more)
    expect(more.getAttribute('aria-expanded')).toBe('false')
  })

  it('renames in place: Enter saves the new title', async () => {
    const client = store([alpha, beta])
    renderWithApp(<HistorySidebar />, client)
    await screen.findByText('Alpha')

    fireEvent.click(within(openMenu('Alpha')).getByRole('menuitem', { name: 'Rename' }))
    const input = screen.getByRole('textbox', { name: 'New title for “Alpha”' })
    expect((input as HTMLInputElement).value).toBe('Alpha')
    fireEvent.change(input, { target: { value: '  Alpha, renamed  ' } })
    fireEvent.keyDown(input, { key: 'Enter' })

    await screen.findByRole('button', { name: 'Alpha, renamed' })
    expect(client.callsTo('history.update')).toEqual([{ id: 'a', title: 'Alpha, renamed' }])
    expect(screen.queryByRole('textbox', { name: /New title/ })).toBeNull()
    // history changed, so the list was read again
    await waitFor(() => expect(client.callsTo('history.list')).toHaveLength(2))
  })

  it('cancels a rename with Escape without saving', async () => {
    const client = store([alpha])
    renderWithApp(<HistorySidebar />, client)
    await screen.findByText('Alpha')

    fireEvent.click(within(openMenu('Alpha')).getByRole('menuitem', { name: 'Rename' }))
    const input = screen.getByRole('textbox', { name: 'New title for “Alpha”' })
    fireEvent.change(input, { target: { value: 'Never saved' } })
    fireEvent.keyDown(input, { key: 'Escape' })

    expect(screen.queryByRole('textbox', { name: /New title/ })).toBeNull()
    expect(screen.getByRole('button', { name: 'Alpha' })).toBeTruthy()
    expect(client.callsTo('history.update')).toEqual([])
  })

  it('pins and unpins, moving the item to and from the Pinned group', async () => {
    const client = store([alpha, beta])
    renderWithApp(<HistorySidebar />, client)
    await screen.findByText('Beta')

    fireEvent.click(within(openMenu('Beta')).getByRole('menuitem', { name: 'Pin' }))
    const pinned = await screen.findByRole('rowgroup', { name: 'Pinned' })
    expect(within(pinned).getByText('Beta')).toBeTruthy()
    expect(client.callsTo('history.update')).toEqual([{ id: 'b', pinned: true }])

    fireEvent.click(within(openMenu('Beta')).getByRole('menuitem', { name: 'Unpin' }))
    await waitFor(() => expect(screen.queryByRole('rowgroup', { name: 'Pinned' })).toBeNull())
    expect(client.callsTo('history.update')[1]).toEqual({ id: 'b', pinned: false })
  })

  it('deletes only after confirmation and leaves the deleted conversation if it was open', async () => {
    const client = store([alpha, beta])
    renderWithApp(<HistorySidebar />, client, { hash: '#/c/b' })
    await screen.findByText('Beta')

    fireEvent.click(within(openMenu('Beta')).getByRole('menuitem', { name: 'Delete…' }))
    let dialog = screen.getByRole('dialog', { name: 'Delete this conversation?' })
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(dialog.textContent).toContain('“Beta”')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).toBeNull()

    fireEvent.click(within(openMenu('Beta')).getByRole('menuitem', { name: 'Delete…' }))
    dialog = screen.getByRole('dialog')
    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(client.callsTo('history.delete')).toEqual([])

    fireEvent.click(within(openMenu('Beta')).getByRole('menuitem', { name: 'Delete…' }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }))

    await waitFor(() => expect(screen.queryByText('Beta')).toBeNull())
    expect(client.callsTo('history.delete')).toEqual([{ id: 'b' }])
    expect(window.location.hash).toBe('#/')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getAllByTestId('history-item')).toHaveLength(1)
  })

  it('reports a failed change from the host', async () => {
    const client = createFakeClient({
      'history.list': () => ({ items: [alpha], nextCursor: null }),
      'history.update': () => {
        throw new RpcFailure('not_found', 'No such conversation')
      },
    })
    renderWithApp(<HistorySidebar />, client)
    await screen.findByText('Alpha')
    fireEvent.click(within(openMenu('Alpha')).getByRole('menuitem', { name: 'Pin' }))
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain(
        'Could not save the change: No such conversation',
      ),
    )
    expect(screen.queryByRole('rowgroup', { name: 'Pinned' })).toBeNull()
  })
})
