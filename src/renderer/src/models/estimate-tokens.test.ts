import { describe, expect, it } from 'vitest'
import { createTranslate } from '../i18n/i18n'
import { estimateCostUsd, estimateTokens } from './estimate-tokens'
import { formatPromptEstimate } from './prompt-estimate'
import { CLAUDE_OPUS, GPT_54_MINI, LLAMA } from '../test-support/model-capabilities'

describe('estimateTokens', () => {
  it('counts about four Latin characters per token plus the message overhead', () => {
    expect(estimateTokens('Hello, world!')).toBe(4 + 4)
    expect(estimateTokens('a'.repeat(400))).toBe(100 + 4)
    expect(estimateTokens('')).toBe(0)
    expect(estimateTokens('  \n ')).toBe(0)
  })

  it('counts one token per Hangul, Han or kana character', () => {
    expect(estimateTokens('안녕하세요')).toBe(5 + 4)
    expect(estimateTokens('你好世界')).toBe(4 + 4)
    expect(estimateTokens('こんにちは')).toBe(5 + 4)
  })

  it('adds both kinds in mixed text', () => {
    // "Hello " is 6 Latin characters (2 tokens), "세계" two Hangul tokens.
    expect(estimateTokens('Hello 세계')).toBe(2 + 2 + 4)
    expect(estimateTokens('GPT-5와 Claude를 비교해 줘')).toBe(
      Math.ceil('GPT-5 Claude  '.length / 4) + '와를비교해줘'.length + 4,
    )
  })

  it('prices input tokens by the million, or knows it cannot', () => {
    expect(estimateCostUsd(1_000_000, GPT_54_MINI)).toBeCloseTo(0.75)
    expect(estimateCostUsd(120, CLAUDE_OPUS)).toBeCloseTo(0.0006)
    expect(estimateCostUsd(120, LLAMA)).toBeNull()
    expect(estimateCostUsd(120, null)).toBeNull()
  })
})

describe('the estimate line', () => {
  it('formats the estimate line for one model, several, and unknown prices', () => {
    const t = createTranslate('en')
    expect(formatPromptEstimate(t, 'en', 120, [GPT_54_MINI])).toBe('≈ 120 tokens · ≈ $0.00009')
    expect(formatPromptEstimate(t, 'en', 120, [LLAMA])).toBe('≈ 120 tokens · price unknown')
    expect(formatPromptEstimate(t, 'en', 1_200, [GPT_54_MINI, CLAUDE_OPUS, LLAMA])).toBe(
      '≈ 1,200 tokens · GPT-5.4 mini: ≈ $0.0009 · Claude Opus 4.7: ≈ $0.006 · llama3.2: price unknown',
    )
    // A model whose capabilities are still loading is left out.
    expect(formatPromptEstimate(t, 'en', 10, [null])).toBe('≈ 10 tokens')
    expect(formatPromptEstimate(createTranslate('ko'), 'ko', 120, [GPT_54_MINI])).toBe(
      '약 120 토큰 · 약 US$0.00009',
    )
  })
})
