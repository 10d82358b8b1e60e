import type { ServerSentEvent } from '@anthropic-ai/sdk/core/streaming'
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages/messages'
import type { LlmError } from '../../errors/llm-error'
import { streamEndedEarlyError } from '../../internal/provider-kit/stream-ended-early-error'
import type { CallContext } from '../../provider-plugin'
import type {
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  FinishReason,
  ReasoningDetail,
} from '../../types'
import { errorFromBody, type AnthropicErrorBody } from './anthropic-error'
import { BlockCitationCollector } from '../../internal/provider-kit/block-citation-collector'
import { annotationOfCitation, type AnthropicCitation } from './anthropic-citations'
import { reasoningDetailOf } from './anthropic-reasoning'
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
 * Thinking blocks with their signature and redacted_thinking blocks are collected in block order
 * and given once, as `delta.reasoning_details`, on that last chunk.
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
  let providerFinish: string | null = null
  const citations = new BlockCitationCollector<AnthropicCitation>(annotationOfCitation)
  const usage: AnthropicUsageLike = {}
  /** Anthropic content-block index → OpenAI tool-call index. */
  const toolIndex = new Map<number, number>()
  /** Anthropic content-block index → its thinking (text + signature) or redacted data. */
  const thinking = new Map<
    number,
    | { type: 'thinking'; thinking: string; signature: string }
    | { type: 'redacted_thinking'; data: string }
  >()

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
          citations.text(index, block.text)
          yield chunk({ content: block.text })
        } else if (block.type === 'thinking') {
          thinking.set(index, {
            type: 'thinking',
            thinking: block.thinking,
            signature: block.signature,
          })
          if (block.thinking) yield chunk({ reasoning_content: block.thinking })
        } else if (block.type === 'redacted_thinking') {
          thinking.set(index, { type: 'redacted_thinking', data: block.data })
        }
        break
      }
      case 'content_block_delta': {
        const { index, delta } = event as Extract<
          RawMessageStreamEvent,
          { type: 'content_block_delta' }
        >
        if (delta.type === 'text_delta') {
          citations.text(index, delta.text)
          if (delta.text) yield chunk({ content: delta.text })
        } else if (delta.type === 'thinking_delta') {
          const block = thinking.get(index)
          if (block?.type === 'thinking') block.thinking += delta.thinking
          if (delta.thinking) yield chunk({ reasoning_content: delta.thinking })
        } else if (delta.type === 'signature_delta') {
          const block = thinking.get(index)
          if (block?.type === 'thinking') block.signature += delta.signature
        } else if (delta.type === 'input_json_delta') {
          const position = toolIndex.get(index)
          if (position !== undefined && delta.partial_json) {
            yield chunk({
              tool_calls: [{ index: position, function: { arguments: delta.partial_json } }],
            })
          }
        } else if (delta.type === 'citations_delta') {
          citations.citation(index, delta.citation as AnthropicCitation)
        }
        break
      }
      case 'message_delta': {
        const { delta, usage: delta_usage } = event as Extract<
          RawMessageStreamEvent,
          { type: 'message_delta' }
        >
        finish = mapAnthropicFinishReason(delta.stop_reason) ?? finish
        providerFinish = delta.stop_reason ?? providerFinish
        mergeAnthropicUsage(usage, delta_usage as AnthropicUsageLike)
        break
      }
      case 'message_stop': {
        const details: ReasoningDetail[] = [...thinking.entries()]
          .sort(([a], [b]) => a - b)
          .map(([, block], position) => reasoningDetailOf(block, position))
        yield {
          ...chunk({}),
          choices: [
            {
              index: 0,
              delta: details.length ? { reasoning_details: details } : {},
              finish_reason: finish ?? 'stop',
              ...(providerFinish ? { provider_finish_reason: providerFinish } : {}),
              logprobs: null,
            },
          ],
          usage: mapAnthropicUsage(usage),
        }
        return
      }
      case 'content_block_stop': {
        const { index } = event as Extract<RawMessageStreamEvent, { type: 'content_block_stop' }>
        const annotations = citations.stop(index)
        if (annotations) yield chunk({ annotations })
        break
      }
      default:
        // Any event type added later carries nothing to map.
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
