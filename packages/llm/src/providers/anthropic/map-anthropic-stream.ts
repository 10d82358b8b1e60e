import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages/messages'
import { LlmError } from '../../errors/llm-error'
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
import { ERROR_EVENT, PING_EVENT, type AnthropicEventName } from './anthropic-sse-reader'
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason'
import {
  mapAnthropicUsage,
  mergeAnthropicUsage,
  type AnthropicUsageLike,
} from './map-anthropic-usage'

type ThinkingBlock =
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'redacted_thinking'; data: string }

type Delta = ChatCompletionChunkChoice['delta']

/**
 * Anthropic's server-sent events → OpenAI chunks, one event at a time. Text and thinking deltas
 * become `content` and `reasoning_content`; each `tool_use` block becomes one tool call whose
 * `input_json_delta` fragments stream as argument deltas; usage (split between `message_start`
 * and `message_delta`) arrives on the last chunk, sent on `message_stop` — the only normal end.
 * Thinking blocks with their signature and redacted_thinking blocks are collected in block order
 * and given once, as `delta.reasoning_details`, on that last chunk.
 *
 * `event` takes one event's name and data (one JSON.parse each, none for `ping`) and appends the
 * chunks it maps to onto `out`; an `error` event throws the same LlmError as an HTTP error body.
 */
export class AnthropicStreamMapper {
  /** True once `message_stop` arrived: later events are ignored. */
  stopped = false
  private id = ''
  private created = Math.floor(Date.now() / 1000)
  private modelId: string
  private finish: FinishReason | null = null
  private providerFinish: string | null = null
  private readonly citations = new BlockCitationCollector<AnthropicCitation>(annotationOfCitation)
  private readonly usage: AnthropicUsageLike = {}
  /** Anthropic content-block index → OpenAI tool-call index. */
  private readonly toolIndex = new Map<number, number>()
  /** Anthropic content-block index → its thinking (text + signature) or redacted data. */
  private readonly thinking = new Map<number, ThinkingBlock>()

  constructor(
    private readonly model: string,
    private readonly headers?: Headers,
  ) {
    this.modelId = model
  }

  event(name: AnthropicEventName, data: string, out: ChatCompletionChunk[]): void {
    if (this.stopped || name === PING_EVENT) return
    if (name === ERROR_EVENT) throw streamError(data, this.headers)
    if (!data) return
    const event = parseEvent(data)
    switch (event.type) {
      case 'content_block_delta': {
        const { index, delta } = event as Extract<
          RawMessageStreamEvent,
          { type: 'content_block_delta' }
        >
        if (delta.type === 'text_delta') {
          this.citations.text(index, delta.text)
          if (delta.text) out.push(this.chunk({ content: delta.text }))
        } else if (delta.type === 'thinking_delta') {
          const block = this.thinking.get(index)
          if (block?.type === 'thinking') block.thinking += delta.thinking
          if (delta.thinking) out.push(this.chunk({ reasoning_content: delta.thinking }))
        } else if (delta.type === 'signature_delta') {
          const block = this.thinking.get(index)
          if (block?.type === 'thinking') block.signature += delta.signature
        } else if (delta.type === 'input_json_delta') {
          const position = this.toolIndex.get(index)
          if (position !== undefined && delta.partial_json) {
            out.push(
              this.chunk({
                tool_calls: [{ index: position, function: { arguments: delta.partial_json } }],
              }),
            )
          }
        } else if (delta.type === 'citations_delta') {
          this.citations.citation(index, delta.citation as AnthropicCitation)
        }
        return
      }
      case 'message_start': {
        const { message } = event as Extract<RawMessageStreamEvent, { type: 'message_start' }>
        this.id = message.id
        this.modelId = message.model || this.model
        this.created = Math.floor(Date.now() / 1000)
        mergeAnthropicUsage(this.usage, message.usage)
        out.push(this.chunk({ role: 'assistant', content: '' }))
        return
      }
      case 'content_block_start': {
        const { index, content_block: block } = event as Extract<
          RawMessageStreamEvent,
          { type: 'content_block_start' }
        >
        if (block.type === 'tool_use') {
          const position = this.toolIndex.size
          this.toolIndex.set(index, position)
          out.push(
            this.chunk({
              tool_calls: [
                {
                  index: position,
                  id: block.id,
                  type: 'function',
                  function: { name: block.name, arguments: '' },
                },
              ],
            }),
          )
        } else if (block.type === 'text' && block.text) {
          this.citations.text(index, block.text)
          out.push(this.chunk({ content: block.text }))
        } else if (block.type === 'thinking') {
          this.thinking.set(index, {
            type: 'thinking',
            thinking: block.thinking,
            signature: block.signature,
          })
          if (block.thinking) out.push(this.chunk({ reasoning_content: block.thinking }))
        } else if (block.type === 'redacted_thinking') {
          this.thinking.set(index, { type: 'redacted_thinking', data: block.data })
        }
        return
      }
      case 'content_block_stop': {
        const { index } = event as Extract<RawMessageStreamEvent, { type: 'content_block_stop' }>
        const annotations = this.citations.stop(index)
        if (annotations) out.push(this.chunk({ annotations }))
        return
      }
      case 'message_delta': {
        const { delta, usage } = event as Extract<RawMessageStreamEvent, { type: 'message_delta' }>
        this.finish = mapAnthropicFinishReason(delta.stop_reason) ?? this.finish
        this.providerFinish = delta.stop_reason ?? this.providerFinish
        mergeAnthropicUsage(this.usage, usage as AnthropicUsageLike)
        return
      }
      case 'message_stop': {
        this.stopped = true
        out.push(this.last())
        return
      }
      default:
        // Any event type added later carries nothing to map.
        return
    }
  }

  private chunk(delta: Delta): ChatCompletionChunk {
    return {
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.modelId,
      choices: [{ index: 0, delta, finish_reason: null, logprobs: null }],
    }
  }

  private last(): ChatCompletionChunk {
    const details: ReasoningDetail[] = [...this.thinking.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, block], position) => reasoningDetailOf(block, position))
    const providerFinish = this.providerFinish
    return {
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.modelId,
      choices: [
        {
          index: 0,
          delta: details.length ? { reasoning_details: details } : {},
          finish_reason: this.finish ?? 'stop',
          ...(providerFinish ? { provider_finish_reason: providerFinish } : {}),
          logprobs: null,
        },
      ],
      usage: mapAnthropicUsage(this.usage),
    }
  }
}

function parseEvent(data: string): RawMessageStreamEvent | { type: string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(data)
  } catch {
    throw new LlmError({
      kind: 'server',
      provider: 'anthropic',
      message: `The provider sent an event that is not JSON: ${data.slice(0, 200)}`,
    })
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new LlmError({
      kind: 'server',
      provider: 'anthropic',
      message: `The provider sent an event that is not a JSON object: ${data.slice(0, 200)}`,
    })
  }
  return parsed as RawMessageStreamEvent | { type: string }
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
