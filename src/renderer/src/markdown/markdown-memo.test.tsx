// @vitest-environment happy-dom
import { cleanup, waitFor } from '@testing-library/react'
import type * as ReactMarkdown from 'react-markdown'
import type { Options } from 'react-markdown'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { lowlight } from './highlighter'
import { renderMarkdown } from '../test-support/render-markdown'

/** Every text react-markdown is asked to parse, in order. */
const parsed = vi.hoisted(() => [] as string[])

vi.mock('react-markdown', async (importOriginal) => {
  const actual = await importOriginal<typeof ReactMarkdown>()
  return {
    ...actual,
    default: (options: Options) => {
      parsed.push(options.children ?? '')
      return actual.default(options)
    },
  }
})

beforeEach(() => {
  parsed.length = 0
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const CODE_BLOCK = '```ts\nconst x: number = 1\n\nexport { x }\n```'
const paragraphs = (count: number) =>
  Array.from({ length: count }, (_, index) => `Paragraph ${index} with **bold** text.`)

describe('MarkdownView memoisation while streaming', () => {
  it('parses each finished block once; each update re-parses only the growing last block', () => {
    const blocks = [...paragraphs(40), CODE_BLOCK, ...paragraphs(10)]
    const text = blocks.join('\n\n')
    const { container, update } = renderMarkdown(text, true)
    expect(parsed).toHaveLength(blocks.length - 1) // the code block is not Markdown-parsed
    expect(container.querySelectorAll('p')).toHaveLength(50)

    parsed.length = 0
    update(`${text} More`)
    expect(parsed).toEqual(['Paragraph 9 with **bold** text. More'])

    parsed.length = 0
    update(`${text} More\n\nA new block`)
    update(`${text} More\n\nA new block that grows`)
    expect(parsed).toEqual(['A new block', 'A new block that grows'])

    parsed.length = 0
    update(`${text} More\n\nA new block that grows`, false)
    expect(parsed).toEqual([])
    expect(container.textContent).toContain('A new block that grows')
  })

  it('highlights a finished code block once, however long the answer keeps streaming', async () => {
    const highlight = vi.spyOn(lowlight, 'highlight')
    let text = `Intro\n\n${CODE_BLOCK}`
    const { container, update } = renderMarkdown(text, true)
    await waitFor(() => expect(container.querySelector('.hljs-keyword')).not.toBeNull())
    const codeCalls = () =>
      highlight.mock.calls.filter(([, code]) => code.startsWith('const x')).length
    expect(codeCalls()).toBe(1)

    for (let index = 0; index < 30; index++) {
      text += index % 5 === 0 ? '\n\nNext paragraph' : ' word'
      update(text)
    }
    update(text, false)
    expect(codeCalls()).toBe(1)
    expect(container.querySelectorAll('.hljs-keyword').length).toBeGreaterThan(0)
  })

  it('re-highlights only the last few lines of a streaming code block, when a line completes', async () => {
    const highlight = vi.spyOn(lowlight, 'highlight')
    const lines = Array.from({ length: 70 }, (_, index) => `const v${index} = ${index}`)
    let text = `\`\`\`js\n${lines.join('\n')}`
    const { container, update } = renderMarkdown(text, true)
    await waitFor(() => expect(container.querySelector('.hljs-keyword')).not.toBeNull())
    const code = () => container.querySelector('pre code')?.textContent

    highlight.mockClear()
    text += ' + 1'
    update(text)
    expect(highlight).not.toHaveBeenCalled()
    expect(code()).toBe(text.slice('```js\n'.length))

    text += '\nconst more'
    update(text)
    expect(highlight).toHaveBeenCalledTimes(1)
    expect(highlight.mock.calls[0]?.[1]).toBe(`${lines.slice(64).join('\n')} + 1\n`)
    expect(code()).toBe(text.slice('```js\n'.length))

    highlight.mockClear()
    update(`${text}\n\`\`\``)
    update(`${text}\n\`\`\``, false)
    expect(highlight).toHaveBeenCalledTimes(1)
    expect(highlight.mock.calls[0]?.[1]).toBe(text.slice('```js\n'.length))
  })
})
