import type {
  ContentBlockParam,
  ImageBlockParam,
  MessageParam,
  TextBlockParam,
} from '@anthropic-ai/sdk/resources/messages/messages'
import { invalidRequest } from '../../errors/normalize-error'
import type { ChatMessage, ContentPart, TextContentPart } from '../../types'
import { thinkingBlocksOf } from './anthropic-reasoning'

type Turn = { role: 'user' | 'assistant'; content: ContentBlockParam[] }

export interface AnthropicPrompt {
  system: string | undefined
  messages: MessageParam[]
}

/**
 * OpenAI messages → Anthropic's top-level `system` plus strictly alternating user/assistant
 * turns: system/developer messages join the system prompt, tool results become user
 * `tool_result` blocks, assistant tool calls become `tool_use` blocks, and consecutive turns of
 * the same role merge into one.
 *
 * An assistant message's `reasoning_details` of Anthropic's format go back first in its turn, as
 * thinking blocks with their signature and redacted_thinking blocks, in order (the API requires
 * them before the tool_use of a turn continued with tool results while thinking is on).
 * `reasoning_content` alone is not sent: Anthropic only accepts thinking it signed.
 */
export function convertAnthropicMessages(messages: ChatMessage[]): AnthropicPrompt {
  const system: string[] = []
  const turns: Turn[] = []
  const push = (role: Turn['role'], blocks: ContentBlockParam[]): void => {
    if (blocks.length === 0) return
    const last = turns.at(-1)
    if (last?.role === role) last.content.push(...blocks)
    else turns.push({ role, content: blocks })
  }

  messages.forEach((message, index) => {
    switch (message.role) {
      case 'system':
      case 'developer': {
        const text = textOf(message.content)
        if (text) system.push(text)
        break
      }
      case 'user':
        push('user', userBlocks(message.content, index))
        break
      case 'assistant': {
        const blocks: ContentBlockParam[] = thinkingBlocksOf(message.reasoning_details)
        const text = textOf(message.content ?? '')
        if (text) blocks.push({ type: 'text', text })
        for (const call of message.tool_calls ?? []) {
          blocks.push({
            type: 'tool_use',
            id: call.id,
            name: call.function.name,
            input: parseArguments(call.function.arguments, index),
          })
        }
        push('assistant', blocks)
        break
      }
      case 'tool':
        push('user', [
          {
            type: 'tool_result',
            tool_use_id: message.tool_call_id,
            content: textOf(message.content),
          },
        ])
        break
    }
  })

  return {
    system: system.length ? system.join('\n\n') : undefined,
    messages: turns.map(
      (turn) => ({ role: turn.role, content: simplify(turn.content) }) as MessageParam,
    ),
  }
}

function userBlocks(content: string | ContentPart[], index: number): ContentBlockParam[] {
  if (typeof content === 'string') return content ? [{ type: 'text', text: content }] : []
  return content.flatMap((part): ContentBlockParam[] => {
    if (part.type === 'text') return part.text ? [{ type: 'text', text: part.text }] : []
    return [imageBlock(part.image_url.url, index)]
  })
}

function imageBlock(url: string, index: number): ImageBlockParam {
  const data = /^data:(image\/[\w.+-]+);base64,(.*)$/s.exec(url)
  if (data) {
    const mediaType = data[1] as string
    if (!MEDIA_TYPES.has(mediaType)) {
      throw invalidRequest(
        'anthropic',
        `messages[${index}]: Anthropic accepts JPEG, PNG, GIF and WebP images, not ${mediaType}.`,
      )
    }
    return {
      type: 'image',
      source: {
        type: 'base64',
        media_type: mediaType as 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp',
        data: data[2] as string,
      },
    }
  }
  return { type: 'image', source: { type: 'url', url } }
}

const MEDIA_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp'])

function textOf(content: string | TextContentPart[]): string {
  return typeof content === 'string' ? content : content.map((part) => part.text).join('')
}

function parseArguments(text: string, index: number): Record<string, unknown> {
  if (text.trim() === '') return {}
  try {
    const value: unknown = JSON.parse(text)
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>
  } catch {
    // reported below
  }
  throw invalidRequest(
    'anthropic',
    `messages[${index}].tool_calls: the arguments must be a JSON object for Anthropic.`,
  )
}

/** A single text block is sent as a plain string, the form most requests use. */
function simplify(blocks: ContentBlockParam[]): string | ContentBlockParam[] {
  const [only] = blocks
  if (blocks.length === 1 && only?.type === 'text') return (only as TextBlockParam).text
  return blocks
}
