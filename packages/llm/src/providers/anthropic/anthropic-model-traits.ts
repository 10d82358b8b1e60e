/**
 * How each Claude generation thinks, as the Anthropic docs describe it (platform.claude.com →
 * Models, "Thinking" and "Default effort" columns). The same model behaves alike on every cloud,
 * so the Claude rule set (providers/claude) reads them for Anthropic and Bedrock alike (Bedrock
 * after claudeIdOf()).
 * - `none`: no extended thinking (Claude 3.5 Haiku).
 * - `manual`: `thinking: {type: 'enabled', budget_tokens}` only (Claude 3.7 Sonnet to 4.5).
 * - `both`: manual budgets still work (deprecated) and adaptive thinking exists (Claude 4.6).
 * - `adaptive`: adaptive thinking steered by `output_config.effort`; a manual budget is a 400
 *   (Claude Opus 4.7 and later, every Claude 5 model).
 */
export type ThinkingStyle = 'none' | 'manual' | 'both' | 'adaptive'

export interface ClaudeModelTraits {
  thinking: ThinkingStyle
  /** Whether `output_config.effort` is accepted. */
  effort: boolean
  /** Forced tool use (`tool_choice` any/tool) is refused by the API. */
  refusesForcedTools: boolean
}

const traits = (
  thinking: ThinkingStyle,
  effort: boolean,
  refusesForcedTools = false,
): ClaudeModelTraits => ({ thinking, effort, refusesForcedTools })

/** First match wins: a longer prefix (claude-sonnet-4-5) stands before a shorter one (claude-sonnet-4). */
const RULES: { prefix: string; traits: ClaudeModelTraits }[] = [
  { prefix: 'claude-3-5-haiku', traits: traits('none', false) },
  { prefix: 'claude-3-7-sonnet', traits: traits('manual', false) },
  { prefix: 'claude-haiku-4-5', traits: traits('manual', false) },
  { prefix: 'claude-sonnet-4-5', traits: traits('manual', false) },
  { prefix: 'claude-opus-4-5', traits: traits('manual', true) },
  { prefix: 'claude-sonnet-4-6', traits: traits('both', true) },
  { prefix: 'claude-opus-4-6', traits: traits('both', true) },
  // Claude Opus 5.5, Sonnet 5.5 and Fable 5.1 refuse forced tool use ("breaking changes" on
  // their model pages).
  { prefix: 'claude-opus-5-5', traits: traits('adaptive', true, true) },
  { prefix: 'claude-sonnet-5-5', traits: traits('adaptive', true, true) },
  { prefix: 'claude-fable-5-1', traits: traits('adaptive', true, true) },
  ...[
    'claude-opus-4-7',
    'claude-opus-4-8',
    'claude-opus-5',
    'claude-sonnet-5',
    'claude-fable-5',
    'claude-haiku-5-5',
    'claude-mythos',
  ].map((prefix) => ({ prefix, traits: traits('adaptive', true) })),
  { prefix: 'claude-opus-4-1', traits: traits('manual', false) },
  { prefix: 'claude-opus-4', traits: traits('manual', false) },
  { prefix: 'claude-sonnet-4', traits: traits('manual', false) },
]

/** Ids we do not know: let either thinking form through and leave the verdict to the API. */
const UNKNOWN: ClaudeModelTraits = traits('both', true)

/** `model` is an Anthropic model id (claude-…); Bedrock passes claudeIdOf(its id). */
export function claudeModelTraits(model: string): ClaudeModelTraits {
  const id = model.trim().toLowerCase()
  return (
    RULES.find((rule) => id === rule.prefix || id.startsWith(`${rule.prefix}-`))?.traits ?? UNKNOWN
  )
}
