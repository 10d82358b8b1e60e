import type { Message } from '@anthropic-ai/sdk/resources/messages/messages'
import type { ChatCompletion, ReasoningDetail, ToolCall } from '../../types'
import { annotationsOfBlocks } from './anthropic-citations'
import { reasoningDetailOf } from './anthropic-reasoning'
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason'
import { mapAnthropicUsage } from './map-anthropic-usage'

/** An Anthropic `Message` → an OpenAI `ChatCompletion` with one choice. */
export function mapAnthropicResponse(message: Message): ChatCompletion {
  const text: string[] = []
  const reasoning: string[] = []
  const toolCalls: ToolCall[] = []
  const details: ReasoningDetail[] = []
  for (const block of message.content) {
    if (block.type === 'text') text.push(block.text)
    else if (block.type === 'thinking') {
      reasoning.push(block.thinking)
      details.push(reasoningDetailOf(block, details.length))
    } else if (block.type === 'redacted_thinking') {
      details.push(reasoningDetailOf(block, details.length))
    } else if (block.type === 'tool_use') {
      toolCalls.push({
        id: block.id,
        type: 'function',
        function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) },
      })
    }
  }
  const annotations = annotationsOfBlocks(message.content)
  return {
    id: message.id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: message.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: text.length ? text.join('') : null,
          ...(reasoning.length ? { reasoning_content: reasoning.join('') } : {}),
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
          ...(details.length ? { reasoning_details: details } : {}),
          ...(annotations.length ? { annotations } : {}),
        },
        finish_reason: mapAnthropicFinishReason(message.stop_reason) ?? 'stop',
        ...(message.stop_reason ? { provider_finish_reason: message.stop_reason } : {}),
        logprobs: null,
      },
    ],
    usage: mapAnthropicUsage(message.usage),
  }
}
