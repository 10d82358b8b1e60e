import type {
  ContentBlockParam,
  RedactedThinkingBlockParam,
  ThinkingBlockParam,
} from '@anthropic-ai/sdk/resources/messages/messages'
import type { ReasoningDetail } from '../../types'

/** The `format` of reasoning items Anthropic issued; only these are sent back to Anthropic. */
export const ANTHROPIC_REASONING_FORMAT = 'anthropic-claude-v1'

/** A thinking block (with its signature) or a redacted_thinking block → one reasoning item. */
export function reasoningDetailOf(
  block:
    | { type: 'thinking'; thinking: string; signature: string }
    | { type: 'redacted_thinking'; data: string },
  index: number,
): ReasoningDetail {
  return block.type === 'thinking'
    ? {
        type: 'reasoning.text',
        text: block.thinking,
        signature: block.signature,
        format: ANTHROPIC_REASONING_FORMAT,
        index,
      }
    : { type: 'reasoning.encrypted', data: block.data, format: ANTHROPIC_REASONING_FORMAT, index }
}

/**
 * The thinking and redacted_thinking blocks to put first in an assistant turn, in their order.
 * Items of another format, and thinking without a signature (Anthropic refuses it), are left out.
 */
export function thinkingBlocksOf(
  details: readonly ReasoningDetail[] | null | undefined,
): ContentBlockParam[] {
  const blocks: (ThinkingBlockParam | RedactedThinkingBlockParam)[] = []
  const ours = (details ?? [])
    .filter((item) => item.format === ANTHROPIC_REASONING_FORMAT)
    .toSorted((a, b) => a.index - b.index)
  for (const item of ours) {
    if (item.type === 'reasoning.text') {
      if (item.signature) {
        blocks.push({ type: 'thinking', thinking: item.text, signature: item.signature })
      }
    } else if (item.data) blocks.push({ type: 'redacted_thinking', data: item.data })
  }
  return blocks
}
