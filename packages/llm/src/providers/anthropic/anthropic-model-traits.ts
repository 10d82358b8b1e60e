/**
 * How each Claude generation thinks, as the Anthropic docs describe it (platform.claude.com →
 * Models, "Thinking" and "Default effort" columns):
 * - `manual`: `thinking: {type: 'enabled', budget_tokens}` only (Claude 4.5 generation).
 * - `both`: manual budgets still work (deprecated) and adaptive thinking exists (Claude 4.6).
 * - `adaptive`: adaptive thinking steered by `output_config.effort`; a manual budget is a 400
 *   (Claude Opus 4.7 and later, every Claude 5 model).
 */
export type ThinkingStyle = 'manual' | 'both' | 'adaptive'

export interface AnthropicModelTraits {
  thinking: ThinkingStyle
  /** Whether `output_config.effort` is accepted. */
  effort: boolean
  /** Forced tool use (`tool_choice` any/tool) is refused by the API. */
  refusesForcedTools: boolean
}

const RULES: { prefix: string; traits: AnthropicModelTraits }[] = [
  {
    prefix: 'claude-haiku-4-5',
    traits: { thinking: 'manual', effort: false, refusesForcedTools: false },
  },
  {
    prefix: 'claude-sonnet-4-5',
    traits: { thinking: 'manual', effort: false, refusesForcedTools: false },
  },
  {
    prefix: 'claude-opus-4-5',
    traits: { thinking: 'manual', effort: true, refusesForcedTools: false },
  },
  {
    prefix: 'claude-sonnet-4-6',
    traits: { thinking: 'both', effort: true, refusesForcedTools: false },
  },
  {
    prefix: 'claude-opus-4-6',
    traits: { thinking: 'both', effort: true, refusesForcedTools: false },
  },
  // Claude Opus 5.5, Sonnet 5.5 and Fable 5.1 refuse forced tool use ("breaking changes" on
  // their model pages).
  {
    prefix: 'claude-opus-5-5',
    traits: { thinking: 'adaptive', effort: true, refusesForcedTools: true },
  },
  {
    prefix: 'claude-sonnet-5-5',
    traits: { thinking: 'adaptive', effort: true, refusesForcedTools: true },
  },
  {
    prefix: 'claude-fable-5-1',
    traits: { thinking: 'adaptive', effort: true, refusesForcedTools: true },
  },
  ...[
    'claude-opus-4-7',
    'claude-opus-4-8',
    'claude-opus-5',
    'claude-sonnet-5',
    'claude-fable-5',
    'claude-haiku-5-5',
    'claude-mythos',
  ].map((prefix) => ({
    prefix,
    traits: { thinking: 'adaptive', effort: true, refusesForcedTools: false } as const,
  })),
]

/** Ids we do not know: let either thinking form through and leave the verdict to the API. */
const UNKNOWN: AnthropicModelTraits = { thinking: 'both', effort: true, refusesForcedTools: false }

export function anthropicModelTraits(model: string): AnthropicModelTraits {
  const id = model.trim().toLowerCase()
  return (
    RULES.find((rule) => id === rule.prefix || id.startsWith(`${rule.prefix}-`))?.traits ?? UNKNOWN
  )
}
