import type { ServerSentEvent } from '@anthropic-ai/sdk/core/streaming'
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages/messages'
import type { LlmError } from '../../errors/llm-error'
import { streamEndedEarlyError } from '../../internal/provider-kit/stream-ended-early-error'
import type { CallContext } from '../../provider-plugin'
import type { ChatCompletionChunk, ChatCompletionChunkChoice, FinishReason } from '../../types'
import { errorFromBody, type AnthropicErrorBody } from './anthropic-error'
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason'
import {
  mapAnthropicUsage,
  mergeAnthropicUsage,
  type AnthropicUsageLike,
} from './map-anthropic-usage'

/**
 * Anthropic's server-sent events → OpenAI chunks. Text and thinking deltas become `content` and
 * `reasoning_content`; each `tool_use` block becomes one tool call whose `input_json_delta`
 * fragments stream as argument deltas; usage (split between `message_start` and
 * `message_delta`) arrives on the last chunk, sent on `message_stop` — the only normal end.
 */
export async function* mapAnthropicStream(
  events: AsyncIterable<ServerSentEvent>,
  model: string,
  ctx: CallContext,
  headers?: Headers,
): AsyncGenerator<ChatCompletionChunk> {
  let id = ''
  let created = Math.floor(Date.now() / 1000)
  let modelId = model
  let finish: FinishReason | null = null
  const usage: AnthropicUsageLike = {}
  /** Anthropic content-block index → OpenAI tool-call index. */
  const toolIndex = new Map<number, number>()

  const chunk = (delta: ChatCompletionChunkChoice['delta']): ChatCompletionChunk => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model: modelId,
    choices: [{ index: 0, delta, finish_reason: null, logprobs: null }],
  })

  for await (const sse of events) {
    ctx.touch()
    if (sse.event === 'ping') continue
    if (sse.event === 'error') throw streamError(sse.data, headers)
    if (!sse.data) continue
    const event = JSON.parse(sse.data) as RawMessageStreamEvent | { type: string }
    switch (event.type) {
      case 'message_start': {
        const { message } = event as Extract<RawMessageStreamEvent, { type: 'message_start' }>
        id = message.id
        modelId = message.model || model
        created = Math.floor(Date.now() / 1000)
        mergeAnthropicUsage(usage, message.usage)
        yield chunk({ role: 'assistant', content: '' })
        break
      }
      case 'content_block_start': {
        const { index, content_block: block } = event as Extract<
          RawMessageStreamEvent,
          { type: 'content_block_start' }
        >
        if (block.type === 'tool_use') {
          const position = toolIndex.size
          toolIndex.set(index, position)
          yield chunk({
            tool_calls: [
              {
                index: position,
                id: block.id,
                type: 'function',
                function: { name: block.name, arguments: '' },
              },
            ],
          })
        } else if (block.type === 'text' && block.text) {
          yield chunk({ content: block.text })
        } else if (block.type === 'thinking' && block.thinking) {
          yield chunk({ reasoning_content: block.thinking })
        }
        break
      }
      case 'content_block_delta': {
        const { index, delta } = event as Extract<
          RawMessageStreamEvent,
          { type: 'content_block_delta' }
        >
        if (delta.type === 'text_delta') {
          if (delta.text) yield chunk({ content: delta.text })
        } else if (delta.type === 'thinking_delta') {
          if (delta.thinking) yield chunk({ reasoning_content: delta.thinking })
        } else if (delta.type === 'input_json_delta') {
          const position = toolIndex.get(index)
          if (position !== undefined && delta.partial_json) {
            yield chunk({
              tool_calls: [{ index: position, function: { arguments: delta.partial_json } }],
            })
          }
        }
        // signature_delta and citations_delta have no OpenAI counterpart.
        break
      }
      case 'message_delta': {
        const { delta, usage: delta_usage } = event as Extract<
          RawMessageStreamEvent,
          { type: 'message_delta' }
        >
        finish = mapAnthropicFinishReason(delta.stop_reason) ?? finish
        mergeAnthropicUsage(usage, delta_usage as AnthropicUsageLike)
        break
      }
      case 'message_stop': {
        yield {
          ...chunk({}),
          choices: [{ index: 0, delta: {}, finish_reason: finish ?? 'stop', logprobs: null }],
          usage: mapAnthropicUsage(usage),
        }
        return
      }
      default:
        // content_block_stop and any event type added later carry nothing to map.
        break
    }
  }

  if (ctx.signal.aborted) {
    throw ctx.signal.reason instanceof Error
      ? ctx.signal.reason
      : new DOMException('Aborted', 'AbortError')
  }
  throw streamEndedEarlyError('anthropic', 'message_stop')
}

function streamError(data: string, headers: Headers | undefined): LlmError {
  let body: AnthropicErrorBody
  try {
    body = JSON.parse(data) as AnthropicErrorBody
  } catch {
    body = { error: { type: 'api_error', message: data || 'The stream reported an error.' } }
  }
  return errorFromBody(body, undefined, headers)
}
