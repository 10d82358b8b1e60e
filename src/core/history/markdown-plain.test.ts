import { describe, expect, it } from 'vitest'
import { markdownToPlain } from './markdown-plain'
import { buildSnippet } from './snippet'

describe('markdownToPlain', () => {
  it('drops emphasis, code, heading, quote and list syntax and keeps the words', () => {
    const plain = markdownToPlain(
      '## The **demo** plan\n> a _quiet_ note\n- use `npm run demo` and *not* ~~old~~\n```ts\nconst a = 1\n```',
    )
    expect(plain).toBe('The demo plan\na quiet note\nuse npm run demo and not old\nconst a = 1')
  })

  it('keeps link and image text, drops their addresses', () => {
    expect(markdownToPlain('See [the docs](https://example.com/x) and ![a chart](c.png).')).toBe(
      'See the docs and a chart.',
    )
  })

  it('turns a table into its cells without pipes or rules', () => {
    const plain = markdownToPlain('| Model | Score |\n| --- | :-: |\n| demo-1 | **9** |')
    expect(plain).toBe('Model · Score\ndemo-1 · 9')
    expect(plain).not.toMatch(/[|*]|---/)
  })

  it('leaves snake_case, a lone asterisk and code contents alone', () => {
    expect(markdownToPlain('set max_tokens to 2 * 3, run `a ** b`')).toBe(
      'set max_tokens to 2 * 3, run a ** b',
    )
  })
})

describe('search snippets', () => {
  it('are plain text with the highlight on the matched word', () => {
    const snippet = buildSnippet('| a | b |\n| --- | --- |\n| the **demo** row | x |', [/demo/giu])
    expect(snippet.text).toBe('a · b the demo row · x')
    expect(snippet.text).not.toMatch(/\*\*|\|/)
    const [range] = snippet.highlights
    expect(range && snippet.text.slice(range[0], range[1])).toBe('demo')
    expect(snippet.marked).toBe('a · b the «demo» row · x')
  })

  it('fall back to the text as written when the match is in the syntax (a link address)', () => {
    const snippet = buildSnippet('read [this](https://example.com/guide)', [/example/giu])
    expect(snippet.marked).toContain('«example»')
  })
})
