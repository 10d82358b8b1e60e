// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderMarkdown } from '../test-support/render-markdown'

afterEach(cleanup)

describe('GitHub-flavoured Markdown', () => {
  it('renders a table with header and body cells', () => {
    renderMarkdown('| Model | Score |\n| :-- | --: |\n| A | 1 |\n| B | 2 |')
    const table = screen.getByRole('table')
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Model', 'Score'])
    expect(
      within(table)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['A', '1', 'B', '2'])
  })

  it('renders task list items as disabled checkboxes', () => {
    renderMarkdown('- [x] done\n- [ ] todo')
    const boxes = screen.getAllByRole<HTMLInputElement>('checkbox')
    expect(boxes.map((box) => [box.checked, box.disabled])).toEqual([
      [true, true],
      [false, true],
    ])
  })

  it('renders strikethrough, emphasis, inline code, headings, lists and blockquotes', () => {
    const { container } = renderMarkdown(
      '# Title\n\n~~old~~ **bold** *it* `code`\n\n1. one\n2. two\n\n> quoted\n\n---',
    )
    expect(screen.getByRole('heading', { level: 1, name: 'Title' })).toBeTruthy()
    expect(container.querySelector('del')?.textContent).toBe('old')
    expect(container.querySelector('strong')?.textContent).toBe('bold')
    expect(container.querySelector('em')?.textContent).toBe('it')
    expect(container.querySelector('p code')?.textContent).toBe('code')
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['one', 'two'])
    expect(container.querySelector('blockquote')?.textContent?.trim()).toBe('quoted')
    expect(container.querySelector('hr')).not.toBeNull()
  })

  it('keeps a loose ordered list numbered across its split blocks', () => {
    const { container } = renderMarkdown('1. one\n\n2. two\n\n3. three')
    expect([...container.querySelectorAll('ol')].map((list) => list.start)).toEqual([1, 2, 3])
  })

  it('renders a list item paragraph after a blank line inside the item, not as code', () => {
    const { container } = renderMarkdown('- item\n\n  more about the item\n\n- next')
    expect(container.querySelector('pre')).toBeNull()
    expect(container.querySelector('li')?.textContent).toContain('more about the item')
  })
})

describe('footnotes', () => {
  it('shows a reference and its definition as written, in separate blocks or together', () => {
    for (const text of [
      'See this[^1].\n\n[^1]: The **note**.',
      'See this[^1].\n[^1]: The **note**.',
    ]) {
      const { container, unmount } = renderMarkdown(text)
      expect(container.textContent).toContain('See this[^1].')
      expect(container.textContent).toContain('[^1]: The note.')
      expect(container.querySelector('strong')?.textContent).toBe('note')
      expect(container.querySelector('section, sup, a')).toBeNull()
      unmount()
    }
  })

  it('keeps a definition whose first part is not a paragraph', () => {
    const { container } = renderMarkdown('x[^n]\n\n[^n]:\n    - a')
    expect(container.textContent).toContain('[^n]:')
    expect(container.querySelector('li')?.textContent).toBe('a')
  })
})

describe('reference-style links', () => {
  it('links a reference whose definition is in the same block, hiding the definition', () => {
    const { container } = renderMarkdown('[d]: https://example.com/docs\nSee [the docs][d].')
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://example.com/docs')
    expect(container.textContent).toBe('See the docs.')
  })

  it('shows a definition from another block as a line with its link, and keeps unsafe ones inert', () => {
    const { container } = renderMarkdown(
      'See [the docs][d].\n\n[d]: https://example.com/docs "Docs"\n[x]: javascript:alert(1)',
    )
    expect(container.textContent).toContain('See [the docs][d].')
    expect(container.textContent).toContain('[d]: https://example.com/docs')
    expect(container.textContent).toContain('[x]: javascript:alert(1)')
    expect([...container.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual([
      'https://example.com/docs',
    ])
  })
})
