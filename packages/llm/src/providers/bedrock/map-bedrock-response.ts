import { randomUUID } from 'node:crypto'
import type { ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime'
import type { Annotation, ChatCompletion, ReasoningDetail, ToolCall } from '../../types'
import { reasoningDetailOf } from './bedrock-reasoning'
import { citedText } from './bedrock-citations'
import { bedrockChoiceFacts } from './bedrock-facts'
import { mapBedrockFinishReason } from './map-bedrock-finish-reason'
import { mapBedrockUsage } from './map-bedrock-usage'

export function completionId(requestId: string | undefined): string {
  return `chatcmpl-${requestId ?? randomUUID()}`
}

/** A Converse answer as an OpenAI ChatCompletion (one choice). */
export function mapBedrockResponse(output: ConverseCommandOutput, model: string): ChatCompletion {
  let text = ''
  let reasoning = ''
  const toolCalls: ToolCall[] = []
  const annotations: Annotation[] = []
  const details: ReasoningDetail[] = []
  for (const block of output.output?.message?.content ?? []) {
    const detail =
      block.reasoningContent && reasoningDetailOf(block.reasoningContent, details.length)
    if (detail) details.push(detail)
    if (block.text !== undefined) text += block.text
    else if (block.citationsContent) {
      const cited = citedText(block.citationsContent, text.length)
      text += cited.text
      annotations.push(...cited.annotations)
    } else if (block.reasoningContent?.reasoningText?.text !== undefined) {
      reasoning += block.reasoningContent.reasoningText.text
    } else if (block.toolUse) {
      toolCalls.push({
        id: block.toolUse.toolUseId ?? randomUUID(),
        type: 'function',
        function: {
          name: block.toolUse.name ?? '',
          arguments: JSON.stringify(block.toolUse.input ?? {}),
        },
      })
    }
  }
  return {
    id: completionId(output.$metadata.requestId),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: text || (toolCalls.length ? null : ''),
          ...(reasoning ? { reasoning_content: reasoning } : {}),
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
          ...(details.length ? { reasoning_details: details } : {}),
          ...(annotations.length ? { annotations } : {}),
        },
        finish_reason: mapBedrockFinishReason(output.stopReason),
        logprobs: null,
        ...bedrockChoiceFacts(output.stopReason, output.trace),
      },
    ],
    usage: mapBedrockUsage(output.usage),
  }
}
