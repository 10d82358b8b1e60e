import { describe, expect, it } from 'vitest'
import {
  anthropicImageTokens,
  geminiImageTokens,
  imageRuleOf,
  imageTokens,
  novaImageTokens,
  openaiImageTokens,
} from './image-tokens'

describe('image tokens by provider', () => {
  it('OpenAI: 85 + 170 per 512-px tile after fitting 2048 and a 768-px shortest side', () => {
    // The examples of OpenAI's vision guide.
    expect(openaiImageTokens(1024, 1024)).toBe(765)
    expect(openaiImageTokens(2048, 4096)).toBe(1105)
    expect(openaiImageTokens(4096, 8192, 'low')).toBe(85)
    // Small images are not scaled up: one tile.
    expect(openaiImageTokens(300, 200)).toBe(255)
  })

  it('Anthropic: width × height / 750 after a 1568-px long edge, at most about 1,600', () => {
    // The examples of Anthropic's vision guide.
    expect(anthropicImageTokens(200, 200)).toBe(54)
    expect(anthropicImageTokens(1092, 1092)).toBe(1590)
    expect(anthropicImageTokens(1000, 1000)).toBe(1334)
    expect(anthropicImageTokens(4000, 3000)).toBe(1600)
  })

  it('Gemini: 258 up to 384 px, else 258 per 768-px tile', () => {
    expect(geminiImageTokens(384, 384)).toBe(258)
    expect(geminiImageTokens(385, 100)).toBe(258)
    expect(geminiImageTokens(1000, 600)).toBe(516)
    expect(geminiImageTokens(1920, 1080)).toBe(1548)
  })

  it('Nova: the published example nearest in size; Nova 2 a flat 230', () => {
    expect(novaImageTokens(800, 400)).toBe(800)
    expect(novaImageTokens(900, 900)).toBe(1300)
    expect(novaImageTokens(1300, 1300)).toBe(2600)
    expect(imageTokens(imageRuleOf('bedrock', 'us.amazon.nova-2-lite-v1:0'), null)).toBe(230)
  })

  it('picks the rule from the provider and, on Bedrock and Vertex, the model family', () => {
    expect(imageRuleOf('openai', 'gpt-4.1')).toBe('openai')
    expect(imageRuleOf('azure', 'my-deployment')).toBe('openai')
    expect(imageRuleOf('openai-compatible', 'llava')).toBe('openai')
    expect(imageRuleOf('anthropic', 'claude-sonnet-4-5')).toBe('anthropic')
    expect(imageRuleOf('bedrock', 'us.anthropic.claude-sonnet-4-5')).toBe('anthropic')
    expect(imageRuleOf('bedrock', 'amazon.nova-pro-v1:0')).toBe('nova')
    expect(imageRuleOf('vertex', 'claude-opus-4-1')).toBe('anthropic')
    expect(imageRuleOf('vertex', 'gemini-2.5-pro')).toBe('gemini')
    expect(imageRuleOf('gemini', 'gemini-2.5-flash')).toBe('gemini')
  })

  it('counts an unreadable image as a 1024 × 1024 picture', () => {
    expect(imageTokens('openai', null)).toBe(765)
    expect(imageTokens('anthropic', null)).toBe(1399)
  })
})
