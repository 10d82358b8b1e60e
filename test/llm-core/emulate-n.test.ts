import { describe, expect, it } from 'vitest'
import { mergeCompletions, mergeStreams } from '../../packages/llm/src/internal/emulate-n'
import type { ChatCompletionChunk } from '../../packages/llm/src/types'

const chunk = (
  id: string,
  content: string | null,
  extra: Partial<ChatCompletionChunk> = {},
): ChatCompletionChunk => ({
  id,
  object: 'chat.completion.chunk',
  created: 1,
  model: 'm',
  choices: content === null ? [] : [{ index: 0, delta: { content }, finish_reason: null }],
  ...extra,
})

async function* from(chunks: ChatCompletionChunk[], delay: number) {
  for (const c of chunks) {
    await new Promise((r) => setTimeout(r, delay))
    yield c
  }
}

describe('n emulation', () => {
  it('merges answers into indexed choices and sums usage', () => {
    const answer = (content: string, tokens: number) => ({
      id: content,
      object: 'chat.completion' as const,
      created: 1,
      model: 'm',
      choices: [
        {
          index: 0,
          message: { role: 'assistant' as const, content },
          finish_reason: 'stop' as const,
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: tokens, total_tokens: 10 + tokens },
    })
    const merged = mergeCompletions([answer('A', 1), answer('B', 2)])
    expect(merged.choices.map((c) => [c.index, c.message.content])).toEqual([
      [0, 'A'],
      [1, 'B'],
    ])
    expect(merged.usage).toEqual({ prompt_tokens: 20, completion_tokens: 3, total_tokens: 23 })
  })

  it('interleaves streams by arrival, reindexes choices and ends with one usage chunk', async () => {
    const usage = { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 }
    const out: ChatCompletionChunk[] = []
    for await (const c of mergeStreams([
      from([chunk('a', 'a1'), chunk('a', 'a2'), chunk('a', null, { usage })], 5),
      from([chunk('b', 'b1'), chunk('b', null, { usage })], 7),
    ])) {
      out.push(c)
    }
    const text = (i: number) =>
      out.map((c) => (c.choices[0]?.index === i ? c.choices[0].delta.content : '')).join('')
    expect(text(0)).toBe('a1a2')
    expect(text(1)).toBe('b1')
    expect(out.slice(0, -1).every((c) => !c.usage && c.id === 'a')).toBe(true)
    expect(out.at(-1)?.usage).toEqual({ prompt_tokens: 10, completion_tokens: 4, total_tokens: 14 })
  })
})
