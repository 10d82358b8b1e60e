import { describe, expect, it } from 'vitest'
import {
  closesFence,
  parseFencedCodeBlock,
  readFenceOpener,
  type FenceOpener,
} from './markdown-fences'

function opener(line: string): FenceOpener {
  const fence = readFenceOpener(line)
  if (!fence) throw new Error(`not a fence: ${line}`)
  return fence
}

describe('readFenceOpener', () => {
  it('reads backtick and tilde fences with their info string', () => {
    expect(readFenceOpener('```ts title="a"')).toMatchObject({
      marker: '`',
      length: 3,
      column: 0,
      topLevel: true,
      contained: false,
      info: 'ts title="a"',
    })
    expect(readFenceOpener('~~~~ py')).toMatchObject({ marker: '~', length: 4, info: 'py' })
  })

  it('sees fences after indentation or list and quote markers, but not as top level', () => {
    expect(readFenceOpener('   ```')).toMatchObject({
      column: 3,
      topLevel: false,
      contained: false,
    })
    expect(readFenceOpener('- ```js')).toMatchObject({
      column: 2,
      topLevel: false,
      contained: true,
    })
    expect(readFenceOpener('> 1. ```')).toMatchObject({ column: 5, contained: true })
  })

  it('rejects short runs, inline code and ordinary text', () => {
    expect(readFenceOpener('``')).toBeUndefined()
    expect(readFenceOpener('```inline``` code')).toBeUndefined()
    expect(readFenceOpener('text ```')).toBeUndefined()
    expect(readFenceOpener('~~~ info with ``` is fine')).toMatchObject({ marker: '~' })
  })
})

describe('closesFence', () => {
  const fourTicks = opener('````')
  it('needs the same character, at least the same length and nothing after it', () => {
    expect(closesFence(fourTicks, '````')).toBe(true)
    expect(closesFence(fourTicks, '`````  ')).toBe(true)
    expect(closesFence(fourTicks, '```')).toBe(false)
    expect(closesFence(fourTicks, '~~~~')).toBe(false)
    expect(closesFence(fourTicks, '```` x')).toBe(false)
    expect(closesFence(fourTicks, '   ````')).toBe(true)
    expect(closesFence(fourTicks, '    ````')).toBe(false)
  })

  it('closes a fence opened after a list marker with the item indentation', () => {
    const listFence = opener('- ```')
    expect(closesFence(listFence, '  ```')).toBe(true)
    expect(closesFence(opener('```'), '- ```')).toBe(false)
  })
})

describe('parseFencedCodeBlock', () => {
  it('reads the language and code of a closed block', () => {
    expect(parseFencedCodeBlock('```TypeScript extra\na\n\nb\n```')).toEqual({
      language: 'TypeScript',
      code: 'a\n\nb',
      closed: true,
    })
  })

  it('reads an unclosed (streaming) block, and one with no language', () => {
    expect(parseFencedCodeBlock('```\nx = 1\n')).toEqual({
      language: '',
      code: 'x = 1\n',
      closed: false,
    })
    expect(parseFencedCodeBlock('~~~')).toEqual({ language: '', code: '', closed: false })
  })

  it('leaves anything that is not exactly one top-level fence to the Markdown parser', () => {
    expect(parseFencedCodeBlock('text\n```\na\n```')).toBeUndefined()
    expect(parseFencedCodeBlock('  ```\na\n  ```')).toBeUndefined()
    expect(parseFencedCodeBlock('```\na\n```\nafter')).toBeUndefined()
  })
})
