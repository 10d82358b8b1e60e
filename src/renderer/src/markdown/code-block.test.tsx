// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { splitIntoChunks } from './highlighted-code'
import { renderMarkdown } from '../test-support/render-markdown'

const writeText = vi.fn<(text: string) => Promise<void>>()

beforeEach(() => {
  writeText.mockReset().mockResolvedValue(undefined)
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const TS_BLOCK = '```ts\nconst answer: number = 42\nexport function f() {\n  return answer\n}\n```'
const TS_CODE = 'const answer: number = 42\nexport function f() {\n  return answer\n}'

describe('code blocks', () => {
  it('shows plain, readable code until the grammar loads, then highlights it', async () => {
    const { container } = renderMarkdown(`Text\n\n${TS_BLOCK}`)
    const code = container.querySelector('pre code')
    expect(code?.textContent).toBe(TS_CODE)
    expect(container.querySelector('.hljs-keyword')).toBeNull()
    expect(screen.getByText('TypeScript')).toBeTruthy()

    await waitFor(() => expect(container.querySelector('.hljs-keyword')).not.toBeNull())
    const keywords = [...container.querySelectorAll('.hljs-keyword')].map(
      (node) => node.textContent,
    )
    expect(keywords).toEqual(expect.arrayContaining(['const', 'export', 'function', 'return']))
    expect(container.querySelector('pre code')?.textContent).toBe(TS_CODE)
    expect(container.querySelector('[style]')).toBeNull()
  })

  it('maps common aliases to their grammar', async () => {
    const { container } = renderMarkdown('```py\ndef f():\n    return None\n```')
    expect(screen.getByText('Python')).toBeTruthy()
    await waitFor(() => expect(container.querySelector('.hljs-keyword')?.textContent).toBe('def'))
  })

  it('leaves an unknown language plain and names it as written', async () => {
    const { container } = renderMarkdown('```brainfk\n+++[>+<-]\n```\n\n```\nno language\n```')
    expect(screen.getByText('brainfk')).toBeTruthy()
    expect(screen.getByText('Text')).toBeTruthy()
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(container.querySelectorAll('pre code span')).toHaveLength(0)
    expect([...container.querySelectorAll('pre code')].map((node) => node.textContent)).toEqual([
      '+++[>+<-]',
      'no language',
    ])
  })

  it('copies the raw code and says "Copied" for 1.5 seconds', async () => {
    vi.useFakeTimers()
    renderMarkdown(TS_BLOCK)
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy code' }))
    })
    expect(writeText).toHaveBeenCalledExactlyOnceWith(TS_CODE)
    expect(screen.getByRole('button', { name: 'Copied' }).textContent).toBe('Copied')
    expect(screen.getByRole('status').textContent).toBe('Copied')
    act(() => vi.advanceTimersByTime(1499))
    expect(screen.queryByRole('button', { name: 'Copied' })).not.toBeNull()
    act(() => vi.advanceTimersByTime(1))
    expect(screen.getByRole('button', { name: 'Copy code' }).textContent).toBe('Copy')
  })

  it('says so when the clipboard refuses', async () => {
    writeText.mockRejectedValue(new Error('denied'))
    renderMarkdown(TS_BLOCK)
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy code' }))
    })
    expect(screen.getByRole('button', { name: 'Could not copy' })).toBeTruthy()
  })

  it('renders a code block nested in a list item the same way', async () => {
    const { container } = renderMarkdown('1. Run:\n\n   ```bash\n   echo hi\n   ```')
    expect(container.querySelector('li .markdown-code')).not.toBeNull()
    expect(screen.getByText('Bash')).toBeTruthy()
    expect(container.querySelector('li pre code')?.textContent).toBe('echo hi')
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }))
    expect(writeText).toHaveBeenCalledWith('echo hi')
    await waitFor(() => expect(container.querySelector('li .hljs-built_in')).not.toBeNull())
  })

  it('shows an unclosed fence that is still streaming as code, text intact', () => {
    const code = Array.from({ length: 80 }, (_, index) => `let v${index} = ${index}`).join('\n')
    const { container } = renderMarkdown(`Intro\n\n\`\`\`js\n${code}`, true)
    expect(container.querySelector('pre code')?.textContent).toBe(code)
  })
})

describe('splitIntoChunks', () => {
  it('cuts after every n-th newline and joins back to the same text', () => {
    expect(splitIntoChunks('a\nb\nc\nd\ne', 2)).toEqual(['a\nb\n', 'c\nd\n', 'e'])
    expect(splitIntoChunks('a\nb\n', 2)).toEqual(['a\nb\n'])
    expect(splitIntoChunks('', 2)).toEqual([])
    const text = Array.from({ length: 100 }, (_, index) => `line ${index}`).join('\n')
    expect(splitIntoChunks(text, 32).join('')).toBe(text)
    expect(splitIntoChunks(text, 32)).toHaveLength(4)
    expect(splitIntoChunks(text, 32)[3]).toBe('line 96\nline 97\nline 98\nline 99')
  })
})
