import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import Markdown from 'react-markdown'
import remarkGfm from 'remark-gfm'
import { describe, expect, it } from 'vitest'
import { splitMarkdownBlocks } from './split-markdown-blocks'

const md = (...lines: string[]) => lines.join('\n')

describe('splitMarkdownBlocks', () => {
  it('returns nothing for empty or blank text', () => {
    expect(splitMarkdownBlocks('')).toEqual([])
    expect(splitMarkdownBlocks('\n \n\t\n')).toEqual([])
  })

  it('splits paragraphs and headings at blank lines and drops the blank lines', () => {
    expect(
      splitMarkdownBlocks(md('# Title', '', 'First line', 'same paragraph', '', '', 'Next')),
    ).toEqual(['# Title', md('First line', 'same paragraph'), 'Next'])
  })

  it('keeps a fenced code block whole, blank lines inside included', () => {
    const code = md('```ts', 'const a = 1', '', '', 'const b = 2', '```')
    expect(splitMarkdownBlocks(md('Intro', '', code, '', 'After'))).toEqual([
      'Intro',
      code,
      'After',
    ])
  })

  it('treats an unclosed fence as the growing tail', () => {
    const tail = md('```py', 'def f():', '', '    return 1', '', 'x = f()')
    expect(splitMarkdownBlocks(md('Intro', '', tail))).toEqual(['Intro', tail])
  })

  it('supports ~~~ fences, which a ``` line does not close', () => {
    const code = md('~~~', 'a', '', '```', '', 'b', '~~~')
    expect(splitMarkdownBlocks(md(code, '', 'After'))).toEqual([code, 'After'])
  })

  it('needs a closing fence at least as long as the opening one', () => {
    const code = md('````md', '```js', 'x', '', '```', '````')
    expect(splitMarkdownBlocks(md(code, 'After'))).toEqual([code, 'After'])
  })

  it('does not close a fence with an indented-code-looking line or one with text after it', () => {
    const code = md('```', 'a', '    ```', '', '``` not a closer', '', 'b', '```')
    expect(splitMarkdownBlocks(code)).toEqual([code])
  })

  it('starts a new block at a column-0 fence even without a blank line, and after it closes', () => {
    expect(
      splitMarkdownBlocks(md('Here is code:', '```js', 'x', '```', 'And text after.')),
    ).toEqual(['Here is code:', md('```js', 'x', '```'), 'And text after.'])
  })

  it('does not mistake inline code spanning a line for a fence', () => {
    const paragraph = md('Use', '```inline``` here', '', 'Next')
    expect(splitMarkdownBlocks(paragraph)).toEqual([md('Use', '```inline``` here'), 'Next'])
  })

  it('keeps indented code and indented continuations with the block before them', () => {
    const text = md('Some code:', '', '    line 1', '', '    line 2', '', 'After')
    expect(splitMarkdownBlocks(text)).toEqual([
      md('Some code:', '', '    line 1', '', '    line 2'),
      'After',
    ])
  })

  it('splits loose list items into separate, still valid list blocks', () => {
    const text = md(
      '1. First',
      '',
      '   more about first',
      '',
      '2. Second',
      '   - nested',
      '',
      '- other',
    )
    expect(splitMarkdownBlocks(text)).toEqual([
      md('1. First', '', '   more about first'),
      md('2. Second', '   - nested'),
      '- other',
    ])
  })

  it('keeps a fence inside a list item whole, including blank lines', () => {
    const item = md('1. Run:', '', '   ```bash', '   npm i', '', 'still code', '   ```')
    expect(splitMarkdownBlocks(md(item, '', '2. Done'))).toEqual([item, '2. Done'])
  })

  it('keeps a fence that starts on a list-item or blockquote line whole', () => {
    const item = md('- ```js', '  a', '', 'b', '  ```')
    const quote = md('> ```', '> a', '', 'b', '> ```')
    expect(splitMarkdownBlocks(md(item, '', quote, '', 'End'))).toEqual([item, quote, 'End'])
  })

  it('handles CRLF line endings', () => {
    expect(
      splitMarkdownBlocks('# T\r\n\r\nText\r\nmore\r\n\r\n```\r\na\r\n\r\nb\r\n```\r\n'),
    ).toEqual(['# T', md('Text', 'more'), md('```', 'a', '', 'b', '```')])
  })

  it('keeps a table in one block', () => {
    const table = md('| a | b |', '| - | - |', '| 1 | 2 |', '| 3 | 4 |')
    expect(splitMarkdownBlocks(md('Table:', '', table, '', 'Done'))).toEqual([
      'Table:',
      table,
      'Done',
    ])
  })

  it('keeps blockquotes and their blank-line-separated parts as separate blocks', () => {
    expect(splitMarkdownBlocks(md('> a', '>', '> b', '', '> c'))).toEqual([
      md('> a', '>', '> b'),
      '> c',
    ])
  })

  it('ignores leading blank lines and whitespace-only lines', () => {
    expect(splitMarkdownBlocks(md('', '  ', 'A', ' \t', 'B'))).toEqual(['A', 'B'])
  })
})

describe('splitMarkdownBlocks keeps the meaning of the Markdown', () => {
  const render = (markdown: string) =>
    renderToStaticMarkup(createElement(Markdown, { remarkPlugins: [remarkGfm] }, markdown)).replace(
      />\s+</g,
      '><',
    )

  it('renders the blocks one by one exactly as the whole text', () => {
    const answer = md(
      '## Plan',
      'Intro with a [link](https://example.com) and `code`.',
      '',
      '- item one',
      '- item two',
      '  - nested',
      '',
      '  still item two',
      '',
      '> quote',
      '> more',
      '',
      '| a | b |',
      '| - | - |',
      '| 1 | ~~2~~ |',
      '',
      'Code follows:',
      '```python',
      'def f():',
      '',
      '    return 1',
      '```',
      'After code.',
      '',
      '    indented code',
      '',
      '    more indented',
      '',
      '- [x] done',
      '- [ ] todo',
      '',
      '---',
      '',
      '~~~',
      'tilde',
      '',
      '~~~',
      '',
      'The end.',
    )
    const blocks = splitMarkdownBlocks(answer)
    expect(blocks.length).toBeGreaterThan(8)
    expect(blocks.map(render).join('')).toBe(render(answer))
  })
})
