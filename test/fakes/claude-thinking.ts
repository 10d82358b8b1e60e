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

/** A fake but well-formed thinking signature (Anthropic's are opaque base64). */
export const FAKE_SIGNATURE = Buffer.from('parallax-fake-thinking-signature').toString('base64')

interface ClaudeBlock {
  type?: string
  signature?: string
}

/**
 * With thinking on, the final assistant message, when tool results answer it, must start with
 * the thinking (or redacted_thinking) block it came with, and a thinking block must carry a signature
 * the API issued (`issued`). Returns the live API's message when the rule is broken (Anthropic Messages
 * body; Bedrock Claude reports the same text), else undefined.
 */
export function missingThinkingBlock(
  messages: unknown,
  issued: string = FAKE_SIGNATURE,
): string | undefined {
  if (!Array.isArray(messages)) return undefined
  const turns = messages as { role?: string; content?: unknown }[]
  const blocksOf = (content: unknown): ClaudeBlock[] =>
    Array.isArray(content) ? (content as ClaudeBlock[]) : [{ type: 'text' }]
  for (const [i, turn] of turns.entries()) {
    if (turn.role !== 'assistant') continue
    for (const [j, block] of blocksOf(turn.content).entries()) {
      if (block.type === 'thinking' && block.signature !== issued) {
        return `messages.${i}.content.${j}: Invalid \`signature\` in \`thinking\` block`
      }
    }
  }
  // The final assistant message, when the user answered its tool_use with tool_result blocks.
  const last = turns.findLastIndex((turn) => turn.role === 'assistant')
  const results = turns[last + 1]
  if (last < 0 || !blocksOf(results?.content).some((block) => block.type === 'tool_result')) {
    return undefined
  }
  const first = blocksOf(turns[last]?.content)[0]?.type ?? 'text'
  if (first === 'thinking' || first === 'redacted_thinking') return undefined
  return (
    `messages.${last}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${first}\`. ` +
    'When `thinking` is enabled, a final `assistant` message must start with a thinking block ' +
    '(preceeding the lastmost set of `tool_use` and `tool_result` blocks). We recommend you ' +
    'include thinking blocks from previous turns. To avoid this requirement, disable `thinking`. ' +
    'Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking'
  )
}
