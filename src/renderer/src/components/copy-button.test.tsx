// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { I18nProvider } from '../i18n/i18n'
import { CopyButton } from './copy-button'

const writeText = vi.fn<(text: string) => Promise<void>>()

beforeEach(() => {
  writeText.mockReset().mockResolvedValue(undefined)
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

function renderCopy(props: { text?: string; keepLabel?: boolean } = {}) {
  render(
    <I18nProvider language="en">
      <CopyButton text={props.text ?? 'sk-docs'} label="Copy the address" {...props} />
    </I18nProvider>,
  )
}

async function click(name: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }))
  })
}

describe('CopyButton', () => {
  it('copies, says "Copied" under the same name when asked to keep it, then offers again', async () => {
    vi.useFakeTimers()
    renderCopy({ keepLabel: true })
    await click('Copy the address')
    expect(writeText).toHaveBeenCalledExactlyOnceWith('sk-docs')
    const button = screen.getByRole('button', { name: 'Copy the address' })
    expect(button.textContent).toBe('Copied')
    expect(screen.getByRole('status').textContent).toBe('Copied')

    // A second click starts the moment again.
    act(() => vi.advanceTimersByTime(1000))
    await click('Copy the address')
    act(() => vi.advanceTimersByTime(1000))
    expect(button.textContent).toBe('Copied')
    act(() => vi.advanceTimersByTime(500))
    expect(button.textContent).toBe('Copy')
    expect(screen.getByRole('status').textContent).toBe('')
  })

  it('is named by what it says once it has copied, unless told to keep its label', async () => {
    renderCopy()
    await click('Copy the address')
    expect(screen.getByRole('button', { name: 'Copied' }).textContent).toBe('Copied')
  })

  it('says it could not copy, and how to do it by hand, when the clipboard refuses', async () => {
    writeText.mockRejectedValue(new Error('denied'))
    renderCopy()
    await click('Copy the address')
    expect(screen.getByRole('button', { name: 'Could not copy' })).toBeTruthy()
    const hint = screen.getByRole('status')
    expect(hint.textContent).toBe('Select the text and copy it yourself.')
    expect(hint.className).toBe('copy-button-hint')
  })

  it('fails the same way on a page with no clipboard (plain http)', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true })
    renderCopy({ keepLabel: true })
    await click('Copy the address')
    expect(screen.getByRole('button', { name: 'Copy the address' }).textContent).toBe(
      'Could not copy',
    )
    expect(screen.getByRole('status').textContent).toBe('Select the text and copy it yourself.')
  })

  it('is disabled with nothing to copy', () => {
    renderCopy({ text: '' })
    expect(
      (screen.getByRole('button', { name: 'Copy the address' }) as HTMLButtonElement).disabled,
    ).toBe(true)
  })
})
