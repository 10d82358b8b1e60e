import { describe, expect, it } from 'vitest'
import { LiveEstimate, MIN_RATE_WINDOW_MS } from './live-estimate'
import { costOf, estimateTokens, priceOf } from './run-metrics'

describe('LiveEstimate', () => {
  it('counts batch by batch exactly what the end estimate counts for the whole text', () => {
    const pieces = ['Hel', 'lo, w', '세계', '', 'orld — ', '日本語', 'x']
    const live = new LiveEstimate('openai', 'gpt-4.1-mini', 'prompt text')
    let figures = live.add('', null, 0)
    for (const piece of pieces) figures = live.add(piece, 0, 10)
    expect(figures.tokensOut).toBe(estimateTokens(pieces.join('')))
    expect(figures.tokensIn).toBe(estimateTokens('prompt text'))
  })

  it('prices the counts like the end estimate for a priced model, and null for an unpriced one', () => {
    expect(priceOf('openai', 'gpt-4.1-mini')).toBeDefined()
    const priced = new LiveEstimate('openai', 'gpt-4.1-mini', 'a'.repeat(4000)).add(
      'b'.repeat(2000),
      0,
      1000,
    )
    const expected = costOf('openai', 'gpt-4.1-mini', {
      tokensIn: 1000,
      tokensOut: 500,
      tokensReasoning: null,
      tokensCached: null,
      estimated: true,
    })
    expect(priced.costUsd).toBe(expected.usd)
    expect(priced.costUsd).toBeGreaterThan(0)
    const unpriced = new LiveEstimate('openai', 'no-such-model', 'hi').add('there', 0, 1000)
    expect(unpriced.costUsd).toBeNull()
  })

  it('gives a speed only once the run has generated for a while, counted from the first token', () => {
    const live = new LiveEstimate('openai', 'gpt-4.1-mini', '')
    expect(live.add('a'.repeat(40), null, 1000).tokensPerSecond).toBeNull()
    expect(live.add('', 1000, 1000 + MIN_RATE_WINDOW_MS - 1).tokensPerSecond).toBeNull()
    // 10 tokens over 2 s after the first token.
    expect(live.add('', 1000, 3000).tokensPerSecond).toBe(5)
  })
})
