/**
 * Which Claude models take only adaptive thinking, as Anthropic documents them (platform.claude.com →
 * Models; "thinking.type.enabled is not supported for this model" since Claude Opus 4.7). The same
 * list as the library's Claude traits, kept here on purpose: a fake must not import library code.
 */
const ADAPTIVE_ONLY = [
  'claude-opus-4-7',
  'claude-opus-4-8',
  'claude-opus-5',
  'claude-sonnet-5',
  'claude-fable-5',
  'claude-haiku-5-5',
  'claude-mythos',
]

/** `model` is an Anthropic id (claude-…); Bedrock ids go through claudeIdOfBedrock() first. */
export function isAdaptiveOnlyClaude(model: string): boolean {
  const id = model.trim().toLowerCase()
  return ADAPTIVE_ONLY.some((prefix) => id === prefix || id.startsWith(`${prefix}-`))
}

/** us.anthropic.claude-sonnet-4-5-20250929-v1:0 → claude-sonnet-4-5-20250929; undefined when not Claude. */
export function claudeIdOfBedrock(modelId: string): string | undefined {
  const match = /(?:^|\.)anthropic\.(claude-[a-z0-9-]+?)(?:-v\d+(?::\d+)?)?$/.exec(modelId)
  return match?.[1]
}

export interface ThinkingConfig {
  type?: string
  budget_tokens?: number
}

/** thinking as sent, when it is an object (anything else is left to the shape checks). */
export function thinkingOf(value: unknown): ThinkingConfig | undefined {
  return value && typeof value === 'object' ? (value as ThinkingConfig) : undefined
}

/** Thinking that forbids sampling changes: manual (enabled) and adaptive. */
export function thinkingIsOn(thinking: ThinkingConfig | undefined): boolean {
  return thinking?.type === 'enabled' || thinking?.type === 'adaptive'
}
