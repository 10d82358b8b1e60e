// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { renderMarkdown } from '../test-support/render-markdown'

const open = vi.fn()

beforeEach(() => {
  open.mockReset()
  vi.stubGlobal('open', open)
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('links in model output', () => {
  it('asks with the full address before opening, and opens only after Open', () => {
    renderMarkdown('See [the docs](https://example.com/docs?q=1#part) now.')
    const link = screen.getByRole('link', { name: 'the docs' })
    expect(link.getAttribute('href')).toBe('https://example.com/docs?q=1#part')

    const click = new MouseEvent('click', { bubbles: true, cancelable: true })
    act(() => {
      link.dispatchEvent(click)
    })
    expect(click.defaultPrevented).toBe(true)
    const dialog = screen.getByRole('dialog', { name: 'Open this link?' })
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(screen.getByTestId('markdown-link-url').textContent).toBe(
      'https://example.com/docs?q=1#part',
    )
    expect(open).not.toHaveBeenCalled()

    fireEvent.click(screen.getByRole('button', { name: 'Open' }))
    expect(open).toHaveBeenCalledExactlyOnceWith(
      'https://example.com/docs?q=1#part',
      '_blank',
      'noopener,noreferrer',
    )
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('opens nothing on Cancel or Escape, and gives focus back to the link', () => {
    renderMarkdown('<https://example.com/a>')
    const link = screen.getByRole('link', { name: 'https://example.com/a' })
    fireEvent.click(link)
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }))
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(link)

    fireEvent.click(link)
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(open).not.toHaveBeenCalled()
  })

  it('keeps Tab inside the dialog', () => {
    renderMarkdown('[x](http://example.com)')
    fireEvent.click(screen.getByRole('link', { name: 'x' }))
    const cancel = screen.getByRole('button', { name: 'Cancel' })
    const openButton = screen.getByRole('button', { name: 'Open' })
    openButton.focus()
    fireEvent.keyDown(openButton, { key: 'Tab' })
    expect(document.activeElement).toBe(cancel)
    fireEvent.keyDown(cancel, { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(openButton)
  })

  it('links GFM autolink literals under the same rules', () => {
    renderMarkdown('Visit www.example.com or https://example.org/x, mail me@example.com')
    const hrefs = screen.getAllByRole('link').map((link) => link.getAttribute('href'))
    expect(hrefs).toEqual(['http://www.example.com/', 'https://example.org/x'])
  })
})

describe('images in model output', () => {
  it('loads an https image only after the person asks', () => {
    const { container } = renderMarkdown('![A cat](https://img.example.com/cat.png)')
    expect(container.querySelector('img')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Load image from img.example.com' }))
    const image = screen.getByRole('img', { name: 'A cat' })
    expect(image.getAttribute('src')).toBe('https://img.example.com/cat.png')
    expect(image.getAttribute('referrerpolicy')).toBe('no-referrer')
  })

  it('never loads an http image', () => {
    const { container } = renderMarkdown('![A cat](http://img.example.com/cat.png)')
    expect(container.querySelector('img, button')).toBeNull()
    expect(container.textContent).toBe('Image “A cat”: http://img.example.com/cat.png')
  })

  it('loads an image inside a link without following the link', () => {
    const { container } = renderMarkdown(
      '[![logo](https://img.example.com/l.png)](https://example.com)',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Load image from img.example.com' }))
    expect(container.querySelector('img')).not.toBeNull()
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})
