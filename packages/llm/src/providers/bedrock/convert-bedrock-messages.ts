import type {
  ContentBlock,
  Message,
  SystemContentBlock,
  ToolResultContentBlock,
  ToolUseBlock,
} from '@aws-sdk/client-bedrock-runtime'
import { LlmError } from '../../errors/llm-error'
import type { ChatMessage, ContentPart, TextContentPart } from '../../types'
import { toImageBlock } from './bedrock-image'
import { reasoningBlocksOf } from './bedrock-reasoning'

export interface BedrockMessages {
  system: SystemContentBlock[]
  messages: Message[]
  /** Whether the history holds tool calls or results (Bedrock then requires a toolConfig). */
  hasToolBlocks: boolean
}

function textOf(content: string | TextContentPart[] | null | undefined): string {
  if (content === null || content === undefined) return ''
  return typeof content === 'string' ? content : content.map((part) => part.text).join('')
}

/**
 * OpenAI messages as Converse's `system` blocks and alternating user/assistant messages: tool
 * results become user `toolResult` blocks, and consecutive messages of one role are merged
 * (Converse rejects two user turns in a row). Blank text is left out (Converse rejects it).
 * An assistant message's `reasoning_details` of Bedrock's format go back first in its turn as
 * reasoningContent blocks (text with its signature, or redacted content), in order; Claude
 * requires them before the toolUse of a turn continued with tool results while thinking is on.
 * `reasoning_content` alone is not sent: Bedrock would need its signature.
 */
export async function convertBedrockMessages(
  input: ChatMessage[],
  fetchImage: typeof fetch,
  signal: AbortSignal,
): Promise<BedrockMessages> {
  const system: SystemContentBlock[] = []
  const messages: Message[] = []
  let hasToolBlocks = false

  const push = (role: 'user' | 'assistant', content: ContentBlock[]): void => {
    if (content.length === 0) return
    const last = messages.at(-1)
    if (last?.role === role) last.content = [...(last.content ?? []), ...content]
    else messages.push({ role, content })
  }

  for (const message of input) {
    switch (message.role) {
      case 'system':
      case 'developer': {
        const text = textOf(message.content)
        if (text.trim()) system.push({ text })
        break
      }
      case 'user':
        push('user', await userContent(message.content, fetchImage, signal))
        break
      case 'assistant': {
        const content: ContentBlock[] = reasoningBlocksOf(message.reasoning_details)
        const text = textOf(message.content)
        if (text.trim()) content.push({ text })
        for (const call of message.tool_calls ?? []) {
          hasToolBlocks = true
          content.push({
            toolUse: {
              toolUseId: call.id,
              name: call.function.name,
              input: parseArguments(call.function.arguments),
            },
          })
        }
        push('assistant', content)
        break
      }
      case 'tool': {
        hasToolBlocks = true
        const text = textOf(message.content)
        const content: ToolResultContentBlock[] = [{ text: text || '(empty)' }]
        push('user', [{ toolResult: { toolUseId: message.tool_call_id, content } }])
        break
      }
    }
  }
  return { system, messages, hasToolBlocks }
}

async function userContent(
  content: string | ContentPart[],
  fetchImage: typeof fetch,
  signal: AbortSignal,
): Promise<ContentBlock[]> {
  if (typeof content === 'string') return content.trim() ? [{ text: content }] : []
  const blocks: ContentBlock[] = []
  for (const part of content) {
    if (part.type === 'text') {
      if (part.text.trim()) blocks.push({ text: part.text })
    } else {
      blocks.push({ image: await toImageBlock(part.image_url.url, fetchImage, signal) })
    }
  }
  return blocks
}

function parseArguments(text: string): ToolUseBlock['input'] {
  if (!text.trim()) return {}
  try {
    const value: unknown = JSON.parse(text)
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as ToolUseBlock['input']
  } catch {
    // reported below
  }
  throw new LlmError({
    kind: 'invalid_request',
    provider: 'bedrock',
    message:
      'A tool call in the history has arguments that are not a JSON object; Bedrock needs an object.',
  })
}
