import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Nodes } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openHistoryStore, type OpenedHistoryStore } from './open-history-store'
import { escapeMarkdownBlock } from './markdown-escape'

// A CommonMark + GFM parser (the one react-markdown uses), independent of any HTML renderer.
const parse = (markdown: string) =>
  fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })

function nodes(tree: Nodes): Nodes[] {
  const out: Nodes[] = [tree]
  if ('children' in tree) for (const child of tree.children) out.push(...nodes(child))
  return out
}

/** The raw HTML and script-running links a viewer would render live. */
function liveParts(markdown: string): string[] {
  // The export's own folded blocks: <details> with a summary of plain words.
  const WRAPPER = /^(<details><summary>[\w ()]+<\/summary>|<\/details>)$/
  const found: string[] = []
  for (const node of nodes(parse(markdown))) {
    if (node.type === 'html' && !WRAPPER.test(node.value)) found.push(`html ${node.value}`)
    if ('url' in node && /^\s*(javascript|vbscript|data):/i.test(node.url)) found.push(node.url)
  }
  return found
}

function codeOf(markdown: string): string[] {
  return nodes(parse(markdown)).flatMap((node) =>
    node.type === 'code' || node.type === 'inlineCode' ? [node.value] : [],
  )
}

const PAYLOADS = [
  '# <img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href=javascript:alert(1)>click</a>',
  '<javascript:alert(1)>',
  '[click](javascript:alert(1))',
  '[click]( <JavaScript:alert(1)> )',
  '[click][ref]\n\n[ref]: javascript:alert(1)',
  '![img](javascript:alert(1))',
  '&lt;img src=x onerror=alert(1)&gt;',
  '<!-- <img src=x onerror=alert(1)> -->',
]

describe('Markdown export', () => {
  let dir: string
  let store: OpenedHistoryStore
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-markdown-'))
    store = openHistoryStore({ file: join(dir, 'history.sqlite') })
  })
  afterEach(() => {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it.each(PAYLOADS)('shows %j as text in titles, prompts, answers and errors', (payload) => {
    const conversation = store.createConversation({
      title: payload.split('\n')[0] ?? payload,
      tags: [payload],
    })
    const message = store.addMessage({ conversationId: conversation.id, content: payload })
    const run = store.createRun({ messageId: message.id, provider: 'openai', model: payload })
    store.appendRunText(run.id, { answer: payload, reasoning: payload })
    store.finishRun(run.id, { status: 'error', errorKind: 'server', errorMessage: payload })
    // The same text in an edited prompt's earlier version, a regenerated answer, its system
    // prompt and parameters: the folded blocks hold it as text too.
    const edit = store.addMessage({ conversationId: conversation.id, content: `${payload} v2` })
    const again = store.createRun({
      messageId: edit.id,
      provider: 'openai',
      model: 'm',
      systemPrompt: payload,
      parameters: { stop: payload, reasoning_effort: payload },
    })
    store.finishRun(again.id, { status: 'done', answer: payload })
    const last = store.createRun({ messageId: edit.id, provider: 'openai', model: payload })
    store.finishRun(last.id, { status: 'done', answer: payload })
    const markdown = store.exportMarkdown()
    expect(markdown).toContain('<details><summary>Earlier versions of this prompt (1)</summary>')
    expect(markdown).toContain('<details><summary>Other answers (1)</summary>')
    expect(liveParts(markdown)).toEqual([])
    if (payload.includes('<img')) expect(markdown).not.toContain('<img')
    expect(markdown).not.toContain('<script')
  })

  it('keeps the text a reader sees: a heading shows the title’s characters', () => {
    store.createConversation({ title: '# <img src=x onerror=alert(1)> & co' })
    const tree = parse(store.exportMarkdown())
    const heading = tree.children[0]
    expect(heading?.type).toBe('heading')
    const text = nodes(heading as Nodes)
      .flatMap((node) => (node.type === 'text' ? [node.value] : []))
      .join('')
    expect(text).toBe('# <img src=x onerror=alert(1)> & co')
  })

  it('keeps code blocks and code spans byte for byte', () => {
    const fenced = '```html\n<div class="a">&amp; <img src=x></div>\n```'
    const answer = `Use \`Vec<T>\` and \`a && b\`:\n\n${fenced}\n\n~~~\n<b>tilde</b>\n~~~\n\nthen <b>bold</b>`
    const conversation = store.createConversation({ title: 'code' })
    const message = store.addMessage({ conversationId: conversation.id, content: 'q' })
    const run = store.createRun({ messageId: message.id, provider: 'openai', model: 'm' })
    store.finishRun(run.id, { status: 'done', answer })
    const markdown = store.exportMarkdown()
    expect(markdown).toContain(fenced)
    expect(markdown).toContain('`Vec<T>`')
    expect(markdown).toContain('~~~\n<b>tilde</b>\n~~~')
    expect(markdown).toContain('then &lt;b>bold&lt;/b>')
    expect(codeOf(markdown)).toEqual([
      'Vec<T>',
      'a && b',
      '<div class="a">&amp; <img src=x></div>',
      '<b>tilde</b>',
    ])
    expect(liveParts(markdown)).toEqual([])
  })

  // Texts built to make a simple escaper and a real parser disagree about what is code.
  const TRICKS = [
    // A code block in a list item ends with the item; its "closer" then opens a new block.
    '1. a\n\n   ```\n   x\n```\n<img src=x onerror=alert(1)>\n```\n<img src=x onerror=alert(2)>',
    // A code span across two lines.
    'a `b\nc` <img src=x onerror=alert(1)> `',
    // A pipe inside a code span splits a GFM table cell.
    '| a | b |\n| - | - |\n| `x | <img src=x onerror=alert(1)> ` | `<img src=x onerror=alert(2)>` |',
    // A fence inside a quote or on a list marker's line.
    '> ```\n> <img src=x onerror=alert(1)>\n\n- ```\n  <img src=x onerror=alert(2)>',
    // An unclosed fence, then more text in the next part of the file.
    '```\n<b>open',
    // A fence whose info string holds a backtick is not a fence.
    '``` a`b\n<img src=x onerror=alert(1)>\n```',
    // Indented 4: not a fence; then a real one.
    '    ```\n<img src=x onerror=alert(1)>\n```\n<img src=x onerror=alert(2)>',
    // A backslash before a backtick does not start a span.
    '\\`<img src=x onerror=alert(1)>`',
    // A link whose address starts on the next line.
    '[x](\njavascript:alert(1))',
    '[x]:\njavascript:alert(1)\n\n[x]',
  ]

  it.each(TRICKS)('agrees with a CommonMark parser on what is code: %j', (text) => {
    const escaped = escapeMarkdownBlock(text)
    // Followed by another part of the file, as prompts and answers are.
    const markdown = `${escaped}\n\n## next\n\n${escapeMarkdownBlock('<img src=x onerror=alert(3)>')}`
    expect(liveParts(markdown)).toEqual([])
    expect(nodes(parse(markdown)).some((n) => n.type === 'heading')).toBe(true)
  })

  it('leaves ordinary Markdown as it was', () => {
    const text =
      '# Title\n\n- item with **bold** and [a link](https://example.com)\n\n> quote\n\n' +
      '| a | b |\n| - | - |\n| 1 | 2 |\n\n```ts\nconst x = 1\n```'
    expect(escapeMarkdownBlock(text)).toBe(text)
  })
})
