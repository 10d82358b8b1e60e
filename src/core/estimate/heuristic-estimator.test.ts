import type { ChatMessage } from '@parallax/llm'
import { describe, expect, it } from 'vitest'
import { solidPng } from '../../../test/e2e/support/solid-png'
import { createEstimator } from './create-estimator'
import {
  countMessage,
  heuristicEstimator,
  MESSAGE_OVERHEAD_TOKENS,
  REPLY_PRIMING_TOKENS,
} from './heuristic-estimator'
import type { InputTokenEstimator } from './input-token-estimator'

const openai = { provider: 'openai', model: 'gpt-4.1-mini' } as const
const anthropic = { provider: 'anthropic', model: 'claude-sonnet-4-5' } as const
const image = (width: number, height: number) => ({
  type: 'image_url' as const,
  image_url: { url: `data:image/png;base64,${solidPng(width, height).toString('base64')}` },
})

describe('the heuristic estimator', () => {
  it('adds each message’s overhead and the reply’s priming to the text', async () => {
    expect(MESSAGE_OVERHEAD_TOKENS).toBe(3)
    expect(REPLY_PRIMING_TOKENS).toBe(3)
    // 'x' × 40 is 10 tokens; Hangul is one token a syllable.
    const one = await heuristicEstimator.estimate(
      { messages: [{ role: 'user', content: 'x'.repeat(40) }] },
      openai,
    )
    expect(one).toEqual({ tokens: 3 + 3 + 10, exact: false, method: 'heuristic' })
    const three: ChatMessage[] = [
      { role: 'system', content: 'x'.repeat(40) },
      { role: 'user', content: '안녕하세요' },
      { role: 'assistant', content: 'x'.repeat(8) },
    ]
    expect((await heuristicEstimator.estimate({ messages: three }, openai)).tokens).toBe(
      3 + 3 * 3 + 10 + 5 + 2,
    )
    // An empty message still costs its overhead.
    expect(countMessage({ role: 'user', content: '' }, 'openai')).toBe(3)
  })

  it('counts an image by the target’s own rule, from the size in its header', async () => {
    const request = {
      messages: [
        {
          role: 'user' as const,
          content: [{ type: 'text' as const, text: 'x'.repeat(4) }, image(1024, 768)],
        },
      ],
    }
    // OpenAI: 1024 × 768 is 2 × 2 tiles → 765. Anthropic: 1024 × 768 / 750 → 1049. Gemini: 2 × 1 tiles.
    expect((await heuristicEstimator.estimate(request, openai)).tokens).toBe(3 + 3 + 1 + 765)
    expect((await heuristicEstimator.estimate(request, anthropic)).tokens).toBe(3 + 3 + 1 + 1049)
    expect(
      (await heuristicEstimator.estimate(request, { provider: 'gemini', model: 'gemini-2.5-pro' }))
        .tokens,
    ).toBe(3 + 3 + 1 + 2 * 258)
  })

  it('counts the tools the request declares and earlier tool calls', async () => {
    const tools = [{ type: 'function' as const, function: { name: 'get_weather', parameters: {} } }]
    const bare = await heuristicEstimator.estimate({ messages: [] }, openai)
    const withTools = await heuristicEstimator.estimate({ messages: [], tools }, openai)
    expect(withTools.tokens - bare.tokens).toBe(Math.ceil(JSON.stringify(tools).length / 4))
  })
})

describe('createEstimator', () => {
  const exact: InputTokenEstimator = {
    estimate: () => Promise.resolve({ tokens: 42, exact: true, method: 'anthropic.count_tokens' }),
  }
  const failing: InputTokenEstimator = { estimate: () => Promise.reject(new Error('offline')) }
  const request = { messages: [{ role: 'user' as const, content: 'x'.repeat(40) }] }

  it('uses a provider’s exact counter where one is plugged in, the heuristic elsewhere', async () => {
    const estimator = createEstimator({ exact: { anthropic: exact } })
    expect(await estimator.estimate(request, anthropic)).toEqual({
      tokens: 42,
      exact: true,
      method: 'anthropic.count_tokens',
    })
    expect(await estimator.estimate(request, openai)).toEqual({
      tokens: 16,
      exact: false,
      method: 'heuristic',
    })
  })

  it('falls back to the heuristic when the exact counter fails', async () => {
    const estimator = createEstimator({ exact: { anthropic: failing } })
    expect(await estimator.estimate(request, anthropic)).toMatchObject({ tokens: 16, exact: false })
  })
})
