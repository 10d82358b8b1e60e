// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConfirmDialog } from './confirm-dialog'
import { ModalDialog } from './modal-dialog'

afterEach(cleanup)

/** An opener button and a dialog with three buttons, the middle one marked to take focus. */
function DialogHarness(props: { autofocusMiddle?: boolean; onClose?(): void }) {
  const [open, setOpen] = useState(false)
  const close = () => {
    props.onClose?.()
    setOpen(false)
  }
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Opener
      </button>
      <button type="button">Elsewhere</button>
      {open && (
        <ModalDialog title="Sheet" onClose={close}>
          <button type="button">First</button>
          <button type="button" data-autofocus={props.autofocusMiddle || undefined}>
            Middle
          </button>
          <button type="button" onClick={close}>
            Last
          </button>
        </ModalDialog>
      )}
    </>
  )
}

function openFromOpener() {
  const opener = screen.getByRole('button', { name: 'Opener' })
  opener.focus()
  fireEvent.click(opener)
  return { opener, dialog: screen.getByRole('dialog', { name: 'Sheet' }) }
}

const button = (name: string) => screen.getByRole('button', { name })

describe('the focus trap of every modal dialog', () => {
  it('is a labelled modal dialog that takes focus: the data-autofocus element, else the first', () => {
    render(<DialogHarness autofocusMiddle />)
    const { dialog } = openFromOpener()
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(document.activeElement).toBe(button('Middle'))
    cleanup()

    render(<DialogHarness />)
    openFromOpener()
    expect(document.activeElement).toBe(button('First'))
  })

  it('wraps Tab from the last element to the first, and Shift+Tab from the first to the last', () => {
    render(<DialogHarness />)
    openFromOpener()
    button('Last').focus()
    expect(fireEvent.keyDown(button('Last'), { key: 'Tab' })).toBe(false)
    expect(document.activeElement).toBe(button('First'))

    expect(fireEvent.keyDown(button('First'), { key: 'Tab', shiftKey: true })).toBe(false)
    expect(document.activeElement).toBe(button('Last'))

    // In between, the browser moves focus as usual.
    button('Middle').focus()
    expect(fireEvent.keyDown(button('Middle'), { key: 'Tab' })).toBe(true)
    expect(fireEvent.keyDown(button('Middle'), { key: 'Tab', shiftKey: true })).toBe(true)
  })

  it('keeps Shift+Tab inside when the dialog itself has focus', () => {
    render(<DialogHarness />)
    const { dialog } = openFromOpener()
    dialog.focus()
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(button('Last'))
  })

  it('closes on Escape without letting the key reach the page, and gives focus back', () => {
    const onClose = vi.fn()
    const pageKeys = vi.fn()
    window.addEventListener('keydown', pageKeys)
    render(<DialogHarness onClose={onClose} />)
    const { opener } = openFromOpener()
    fireEvent.keyDown(button('Middle'), { key: 'Escape' })
    window.removeEventListener('keydown', pageKeys)

    expect(onClose).toHaveBeenCalledOnce()
    expect(pageKeys).not.toHaveBeenCalled()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(opener)
  })

  it('closes on a click on the backdrop, not on one inside', () => {
    const onClose = vi.fn()
    render(<DialogHarness onClose={onClose} />)
    const { dialog } = openFromOpener()
    fireEvent.mouseDown(dialog)
    expect(onClose).not.toHaveBeenCalled()
    fireEvent.mouseDown(dialog.parentElement as HTMLElement)
    expect(onClose).toHaveBeenCalledOnce()
  })

  it('leaves focus where an action of the dialog moved it on purpose', () => {
    function MovesFocus() {
      const [open, setOpen] = useState(true)
      return (
        <>
          <button type="button">Target</button>
          {open && (
            <ModalDialog title="Sheet" onClose={() => setOpen(false)}>
              <button
                type="button"
                onClick={() => {
                  screen.getByRole('button', { name: 'Target' }).focus()
                  setOpen(false)
                }}
              >
                Go
              </button>
            </ModalDialog>
          )}
        </>
      )
    }
    const opener = document.createElement('button')
    document.body.append(opener)
    opener.focus()
    render(<MovesFocus />)
    fireEvent.click(button('Go'))
    expect(document.activeElement).toBe(button('Target'))
    opener.remove()
  })
})

describe('ConfirmDialog', () => {
  function renderConfirm(props: Partial<Parameters<typeof ConfirmDialog>[0]> = {}) {
    const onConfirm = vi.fn()
    const onCancel = vi.fn()
    render(
      <ConfirmDialog
        title="Delete “Work key”?"
        message="Its saved keys are deleted too."
        confirmLabel="Delete"
        cancelLabel="Cancel"
        onConfirm={onConfirm}
        onCancel={onCancel}
        {...props}
      />,
    )
    return {
      onConfirm,
      onCancel,
      dialog: screen.getByRole('dialog', { name: 'Delete “Work key”?' }),
    }
  }

  it('asks with its message as the description, focus on Cancel', () => {
    const { dialog } = renderConfirm()
    const description = document.getElementById(dialog.getAttribute('aria-describedby') ?? '')
    expect(description?.textContent).toBe('Its saved keys are deleted too.')
    expect(document.activeElement).toBe(button('Cancel'))
    expect(button('Delete').className).toBe('primary')
  })

  it('confirms with the confirm button and cancels with Cancel or Escape', () => {
    const { onConfirm, onCancel, dialog } = renderConfirm()
    fireEvent.click(button('Delete'))
    expect(onConfirm).toHaveBeenCalledOnce()
    fireEvent.click(button('Cancel'))
    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(onCancel).toHaveBeenCalledTimes(2)
    expect(onConfirm).toHaveBeenCalledOnce()
  })

  it('paints a destructive action, holds it while busy and shows why it failed', () => {
    const { onConfirm } = renderConfirm({ destructive: true, busy: true, error: 'Disk is full' })
    const confirm = button('Delete') as HTMLButtonElement
    expect(confirm.className).toBe('danger-filled')
    expect(confirm.disabled).toBe(true)
    fireEvent.click(confirm)
    expect(onConfirm).not.toHaveBeenCalled()
    expect(screen.getByRole('alert').textContent).toBe('Disk is full')
  })

  it('shows what it is given under the message', () => {
    render(
      <ConfirmDialog
        title="Open this link?"
        message="Check the address first:"
        confirmLabel="Open"
        cancelLabel="Cancel"
        onConfirm={() => {}}
        onCancel={() => {}}
      >
        <p data-testid="url">https://example.com</p>
      </ConfirmDialog>,
    )
    expect(screen.getByTestId('url').textContent).toBe('https://example.com')
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
