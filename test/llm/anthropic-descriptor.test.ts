import { describe, expect, it } from 'vitest'
import catalog from '../../packages/llm/src/catalog/anthropic.json'
import { CatalogSchema } from '../../packages/llm/src/catalog/catalog-schema'
import { anthropicDescriptor } from '../../packages/llm/src/providers/anthropic/anthropic-descriptor'

describe('anthropic parameter rules', () => {
  it('marks what the Messages API (2026-10-21) does not take as unsupported, with a reason', () => {
    const rules = anthropicDescriptor.parameterRules('claude-sonnet-5-5')
    for (const name of [
      'temperature',
      'top_p',
      'seed',
      'presence_penalty',
      'frequency_penalty',
    ] as const) {
      expect(rules[name]?.support).toBe('unsupported')
    }
    expect(rules.n?.support).toBe('emulated')
    expect(rules.thinking_budget?.support).toBe('unsupported')
    expect(rules.reasoning_effort?.support).toBe('supported')
  })

  it('allows a thinking budget only on models with manual extended thinking', () => {
    expect(
      anthropicDescriptor.parameterRules('claude-haiku-4-5-20251001').thinking_budget,
    ).toMatchObject({
      support: 'supported',
      min: 1024,
    })
    expect(anthropicDescriptor.parameterRules('claude-haiku-4-5').reasoning_effort?.support).toBe(
      'unsupported',
    )
    expect(anthropicDescriptor.parameterRules('claude-opus-4-8').thinking_budget?.support).toBe(
      'unsupported',
    )
  })

  it('ships a catalog that matches the schema', () => {
    const parsed = CatalogSchema.parse(catalog)
    expect(parsed.models.map((m) => m.id)).toEqual(
      expect.arrayContaining([
        'claude-opus-5-5',
        'claude-sonnet-5-5',
        'claude-haiku-5-5',
        'claude-haiku-4-5',
      ]),
    )
    expect(parsed.models.every((m) => m.price?.cachedInputPerMTok !== undefined)).toBe(true)
  })
})
