import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Heading, Nodes } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { toString } from 'mdast-util-to-string'
import { gfm } from 'micromark-extension-gfm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createConnectionRepository } from '../connections/connection-repository'
import { openHistoryStore, type OpenedHistoryStore } from './open-history-store'

const parse = (markdown: string) =>
  fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })

function headings(markdown: string, depth: number): string[] {
  const out: string[] = []
  const visit = (node: Nodes) => {
    if (node.type === 'heading' && (node as Heading).depth === depth) out.push(toString(node))
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(parse(markdown))
  return out
}

const occurrences = (text: string, part: string) => text.split(part).length - 1
const T = Date.UTC(2026, 0, 31, 9, 0)

describe('Markdown transcript', () => {
  let dir: string
  let store: OpenedHistoryStore
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-transcript-'))
    store = openHistoryStore({ file: join(dir, 'history.sqlite') })
    const connections = createConnectionRepository(store.database)
    for (const [id, provider, label] of [
      ['conn-openai', 'openai', 'OpenAI — work'],
      ['conn-anthropic', 'anthropic', 'Anthropic — home'],
    ] as const)
      connections.insert({
        id,
        provider,
        label,
        fields: {},
        maxInFlight: 4,
        createdAt: T,
        updatedAt: T,
      })
  })
  afterEach(() => {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** A chat: a prompt edited once, its answer regenerated, then a follow-up that failed. */
  function editedChat() {
    const { id } = store.createConversation({ title: 'Plan', createdAt: T })
    const first = store.addMessage({ conversationId: id, content: 'First wording', createdAt: T })
    const old = store.createRun({
      messageId: first.id,
      provider: 'openai',
      model: 'gpt-a',
      connectionId: 'conn-openai',
      createdAt: T,
    })
    store.finishRun(old.id, { status: 'done', answer: 'Answer to the first wording' })
    const edited = store.addMessage({
      conversationId: id,
      content: 'Second wording',
      createdAt: T + 1000,
    })
    const settings = {
      provider: 'openai',
      model: 'gpt-a',
      connectionId: 'conn-openai',
      parameters: { temperature: 0.2, max_tokens: 512, reasoning_effort: 'high', seed: null },
      systemPrompt: 'Answer in one line.',
    }
    const answer = store.createRun({ messageId: edited.id, ...settings, createdAt: T + 1000 })
    store.finishRun(answer.id, {
      status: 'done',
      answer: 'Answer to the second wording',
      ttftMs: 420,
      totalMs: 1300,
      usage: { tokensIn: 12, tokensOut: 40, tokensReasoning: 8 },
      tokensPerSecond: 30.8,
      costUsd: 0.00012,
      costEstimated: true,
    })
    const regenerated = store.createRun({ messageId: edited.id, ...settings, createdAt: T + 2000 })
    store.finishRun(regenerated.id, {
      status: 'done',
      answer: 'Regenerated answer',
      costUsd: 0.0005,
      costEstimated: false,
    })
    const followUp = store.addMessage({
      conversationId: id,
      content: 'Follow-up question',
      parentId: edited.id,
      parentRunId: regenerated.id,
      createdAt: T + 3000,
    })
    const failed = store.createRun({
      messageId: followUp.id,
      provider: 'openai',
      model: 'gpt-a',
      connectionId: 'conn-openai',
      createdAt: T + 3000,
    })
    store.finishRun(failed.id, { status: 'error', errorKind: 'server', errorMessage: 'Boom' })
    return store.exportMarkdown({ conversationIds: [id] })
  }

  it('writes an edited prompt as one turn with its earlier version folded under it', () => {
    const markdown = editedChat()
    expect(headings(markdown, 2)).toEqual([
      'You (version 2 of 2, edited) · 2026-01-31T09:00:01.000Z',
      'You · 2026-01-31T09:00:03.000Z',
    ])
    const turn = markdown.slice(markdown.indexOf('## You (version 2'))
    expect(turn).toMatch(
      /Second wording\n\n<details><summary>Earlier versions of this prompt \(1\)<\/summary>\n\n\*\*Version 1 of 2 · 2026-01-31T09:00:00.000Z\*\*\n\nFirst wording\n\n\*\*gpt-a \(openai\)\*\*/,
    )
    expect(turn.indexOf('Answer to the first wording')).toBeLessThan(turn.indexOf('</details>'))
  })

  it('writes a regenerated answer as the latest version with the earlier one folded', () => {
    const markdown = editedChat()
    expect(headings(markdown, 3)).toEqual([
      'gpt-a (openai) · answer 2 of 2 (regenerated)',
      'gpt-a (openai) · error',
    ])
    const shown = markdown.indexOf('### gpt-a (openai) · answer 2 of 2')
    const folded = markdown.indexOf('<details><summary>Other answers (1)</summary>')
    expect(shown).toBeGreaterThan(0)
    expect(folded).toBeGreaterThan(markdown.indexOf('Regenerated answer'))
    expect(markdown.slice(folded)).toMatch(
      /^<details><summary>Other answers \(1\)<\/summary>\n\n\*\*gpt-a \(openai\) · answer 1 of 2\*\*/,
    )
    expect(markdown).toContain('> Error (server): Boom')
  })

  it('gives every answer its connection, metrics and the parameters that were set', () => {
    const markdown = editedChat()
    expect(markdown).toContain(
      '- Connection: OpenAI — work\n' +
        '- Metrics: first token 420 ms · total 1.30 s · tokens 12 in, 40 out, 8 reasoning · ' +
        '30.8 tok/s · cost ~$0.000120 (estimated)\n' +
        '- Parameters: temperature 0.2 · max tokens 512 · reasoning effort high\n\n' +
        '<details><summary>System prompt</summary>\n\nAnswer in one line.\n\n</details>',
    )
    // A price from the price list is no estimate; a parameter left unset is not listed.
    expect(markdown).toContain('- Metrics: cost $0.000500\n')
    expect(markdown).not.toContain('seed')
  })

  it('writes every prompt and answer exactly once', () => {
    const markdown = editedChat()
    for (const text of [
      'First wording',
      'Second wording',
      'Answer to the first wording',
      'Answer to the second wording',
      'Regenerated answer',
      'Follow-up question',
    ])
      expect(occurrences(markdown, text), text).toBe(1)
  })

  it('keeps what followed an earlier version, inside its fold', () => {
    const { id } = store.createConversation({ title: 'Branches', createdAt: T })
    const first = store.addMessage({ conversationId: id, content: 'Old start', createdAt: T })
    const run = store.createRun({
      messageId: first.id,
      provider: 'openai',
      model: 'm',
      createdAt: T,
    })
    store.finishRun(run.id, { status: 'done', answer: 'Old answer' })
    store.addMessage({
      conversationId: id,
      content: 'Old follow-up',
      parentId: first.id,
      parentRunId: run.id,
      createdAt: T + 500,
    })
    store.addMessage({ conversationId: id, content: 'New start', createdAt: T + 1000 })
    const markdown = store.exportMarkdown({ conversationIds: [id] })
    expect(headings(markdown, 2)).toEqual([
      'You (version 2 of 2, edited) · 2026-01-31T09:00:01.000Z',
    ])
    const fold = markdown.slice(markdown.indexOf('<details>'), markdown.lastIndexOf('</details>'))
    expect(fold).toContain('Old answer')
    expect(fold).toContain('**You · 2026-01-31T09:00:00.500Z**\n\nOld follow-up')
  })

  it('writes each column of a comparison under its model, a rerun column as its versions', () => {
    const { id } = store.createConversation({ title: 'Duel', mode: 'compare', createdAt: T })
    const prompt = store.addMessage({
      conversationId: id,
      content: 'Which is faster?',
      createdAt: T,
    })
    const gpt = { provider: 'openai', model: 'gpt-a', connectionId: 'conn-openai' }
    const claude = { provider: 'anthropic', model: 'claude-b', connectionId: 'conn-anthropic' }
    const columns = [gpt, claude]
    for (const column of columns) {
      const run = store.createRun({ messageId: prompt.id, ...column, createdAt: T })
      store.finishRun(run.id, { status: 'done', answer: `${column.model} says first`, ttftMs: 100 })
    }
    const rerun = store.createRun({ messageId: prompt.id, ...claude, createdAt: T + 1000 })
    store.finishRun(rerun.id, { status: 'stopped', answer: 'claude-b says again', totalMs: 900 })
    const next = store.addMessage({
      conversationId: id,
      content: 'And now?',
      parentId: prompt.id,
      createdAt: T + 2000,
    })
    for (const column of columns) {
      const run = store.createRun({ messageId: next.id, ...column, createdAt: T + 2000 })
      store.finishRun(run.id, { status: 'done', answer: `${column.model} says next` })
    }
    const markdown = store.exportMarkdown({ conversationIds: [id] })
    expect(headings(markdown, 2)).toHaveLength(2)
    expect(headings(markdown, 3)).toEqual([
      'gpt-a (openai)',
      'claude-b (anthropic) · stopped · answer 2 of 2 (regenerated)',
      'gpt-a (openai)',
      'claude-b (anthropic)',
    ])
    const rerunColumn = markdown.slice(markdown.indexOf('### claude-b (anthropic) · stopped'))
    expect(rerunColumn).toMatch(
      /^### .*\n\n- Connection: Anthropic — home\n- Metrics: total 900 ms\n\nclaude-b says again\n\n<details><summary>Other answers \(1\)<\/summary>\n\n\*\*claude-b \(anthropic\) · answer 1 of 2\*\*\n\n- Connection: Anthropic — home\n- Metrics: first token 100 ms\n\nclaude-b says first/,
    )
    for (const text of ['gpt-a says first', 'claude-b says first', 'gpt-a says next'])
      expect(occurrences(markdown, text), text).toBe(1)
  })
})
