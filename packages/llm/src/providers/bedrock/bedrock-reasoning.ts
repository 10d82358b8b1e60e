import type { ContentBlock, ReasoningContentBlock } from '@aws-sdk/client-bedrock-runtime'
import type { ReasoningDetail } from '../../types'

/** The `format` of reasoning items Bedrock issued; only these are sent back to Bedrock. */
export const BEDROCK_REASONING_FORMAT = 'bedrock-converse-v1'

/** A Converse reasoningContent block → one reasoning item (undefined when it holds neither). */
export function reasoningDetailOf(
  block: ReasoningContentBlock,
  index: number,
): ReasoningDetail | undefined {
  if (block.redactedContent) {
    return {
      type: 'reasoning.encrypted',
      data: Buffer.from(block.redactedContent).toString('base64'),
      format: BEDROCK_REASONING_FORMAT,
      index,
    }
  }
  const text = block.reasoningText
  if (!text) return undefined
  return {
    type: 'reasoning.text',
    text: text.text ?? '',
    ...(text.signature ? { signature: text.signature } : {}),
    format: BEDROCK_REASONING_FORMAT,
    index,
  }
}

/**
 * The reasoningContent blocks to put first in an assistant message, in their order. Items of
 * another format, and reasoning text without a signature (Claude refuses it), are left out.
 */
export function reasoningBlocksOf(
  details: readonly ReasoningDetail[] | null | undefined,
): ContentBlock[] {
  const blocks: ContentBlock[] = []
  const ours = (details ?? [])
    .filter((item) => item.format === BEDROCK_REASONING_FORMAT)
    .toSorted((a, b) => a.index - b.index)
  for (const item of ours) {
    if (item.type === 'reasoning.text') {
      if (item.signature) {
        blocks.push({
          reasoningContent: { reasoningText: { text: item.text, signature: item.signature } },
        })
      }
    } else if (item.data) {
      blocks.push({ reasoningContent: { redactedContent: Buffer.from(item.data, 'base64') } })
    }
  }
  return blocks
}
