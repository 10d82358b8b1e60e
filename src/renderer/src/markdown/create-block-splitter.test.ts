import { describe, expect, it } from 'vitest'
import { createBlockSplitter } from './create-block-splitter'
import { splitMarkdownBlocks } from './split-markdown-blocks'

const sample = [
  '# Heading',
  '',
  'Intro paragraph with **bold** and a [link](https://example.com).',
  'Here is code:',
  '```ts',
  'const a = 1',
  '',
  'const b = `x`',
  '```',
  'After the code.',
  '',
  '1. item',
  '',
  '   continued',
  '2. item',
  '   ```',
  '   nested',
  '',
  '   ```',
  '',
  '| a | b |',
  '| - | - |',
  '| 1 | 2 |',
  '',
  '~~~',
  '``` inside',
  '',
  '~~~',
  '',
  '    indented code',
  '',
  '> quote',
  '',
  '```js` not a fence',
  'Last words\r\nwith CRLF\r\n\r\nend',
].join('\n')

describe('createBlockSplitter', () => {
  it('gives the same blocks as a full split for every prefix of a streamed answer', () => {
    const split = createBlockSplitter()
    for (let end = 0; end <= sample.length; end++) {
      const text = sample.slice(0, end)
      expect(split(text), `prefix of ${end} chars`).toEqual(splitMarkdownBlocks(text))
    }
  })

  it('gives the same blocks when text grows in uneven chunks', () => {
    const split = createBlockSplitter()
    let end = 0
    for (const step of [3, 17, 1, 40, 2, 9, 80, 5, 1000]) {
      end = Math.min(sample.length, end + step)
      expect(split(sample.slice(0, end))).toEqual(splitMarkdownBlocks(sample.slice(0, end)))
    }
  })

  it('reuses the settled block strings and starts over when the text is replaced', () => {
    const split = createBlockSplitter()
    const first = split('A\n\nB\n\nC')
    const second = split('A\n\nB\n\nC and more')
    expect(second[0]).toBe(first[0])
    expect(second).toEqual(['A', 'B', 'C and more'])
    expect(split('Other\n\ntext')).toEqual(['Other', 'text'])
    expect(split('')).toEqual([])
  })
})
