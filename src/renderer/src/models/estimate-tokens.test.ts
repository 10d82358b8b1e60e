import { describe, expect, it } from 'vitest'
import { createTranslate } from '../i18n/i18n'
import { estimateCostUsd, estimateTokens } from './estimate-tokens'
import { formatTokenCount, formatUsd } from './model-format'
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

describe('formatting', () => {
  it('writes token counts like model pages do', () => {
    expect(formatTokenCount(400_000)).toBe('400K')
    expect(formatTokenCount(128_000)).toBe('128K')
    expect(formatTokenCount(1_050_000)).toBe('1.05M')
    expect(formatTokenCount(1_000_000)).toBe('1M')
    expect(formatTokenCount(8_192)).toBe('8.2K')
    expect(formatTokenCount(131_072)).toBe('131K')
    expect(formatTokenCount(512)).toBe('512')
  })

  it('writes dollars with enough decimals for tiny amounts', () => {
    expect(formatUsd(0.75)).toBe('$0.75')
    expect(formatUsd(4.5)).toBe('$4.50')
    expect(formatUsd(0.0001)).toBe('$0.0001')
    expect(formatUsd(0.00009)).toBe('$0.0001')
    expect(formatUsd(0.00004)).toBe('<$0.0001')
    expect(formatUsd(0)).toBe('$0.00')
    expect(formatUsd(12.345)).toBe('$12.35')
  })

  it('formats the estimate line for one model, several, and unknown prices', () => {
    const t = createTranslate('en')
    expect(formatPromptEstimate(t, 'en', 120, [GPT_54_MINI])).toBe('≈ 120 tokens · ≈ $0.0001')
    expect(formatPromptEstimate(t, 'en', 120, [LLAMA])).toBe('≈ 120 tokens · price unknown')
    expect(formatPromptEstimate(t, 'en', 1_200, [GPT_54_MINI, CLAUDE_OPUS, LLAMA])).toBe(
      '≈ 1,200 tokens · ≈ $0.0009 GPT-5.4 mini · ≈ $0.006 Claude Opus 4.7 · llama3.2: price unknown',
    )
    // A model whose capabilities are still loading is left out.
    expect(formatPromptEstimate(t, 'en', 10, [null])).toBe('≈ 10 tokens')
    expect(formatPromptEstimate(createTranslate('ko'), 'ko', 120, [GPT_54_MINI])).toBe(
      '약 120 토큰 · 약 $0.0001',
    )
  })
})
