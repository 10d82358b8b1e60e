import type { ConverseStreamTrace, TokenUsage } from '@aws-sdk/client-bedrock-runtime'
import type { EventStreamMessage } from '../../internal/event-stream-decoder'
import { BlockCitationCollector } from '../../internal/provider-kit/block-citation-collector'
import { streamEndedEarlyError } from '../../internal/provider-kit/stream-ended-early-error'
import type { ChatCompletionChunk, ChatCompletionChunkChoice, ReasoningDetail } from '../../types'
import { annotationOfBedrockCitation, type BedrockCitation } from './bedrock-citations'
import { bedrockChoiceFacts } from './bedrock-facts'
import { reasoningDetailOf } from './bedrock-reasoning'
import { completionId } from './map-bedrock-response'
import { mapBedrockFinishReason } from './map-bedrock-finish-reason'
import { mapBedrockUsage } from './map-bedrock-usage'

/** ConverseStream's event payloads as they come in JSON (bytes fields are base64 text). */
interface ContentBlockStartEvent {
  contentBlockIndex?: number
  start?: { toolUse?: { toolUseId?: string; name?: string } }
}

interface ReasoningDelta {
  text?: string
  signature?: string
  redactedContent?: string
}

interface ContentBlockDeltaEvent {
  contentBlockIndex?: number
  delta?: {
    text?: string
    citation?: BedrockCitation
    reasoningContent?: ReasoningDelta
    toolUse?: { input?: string }
  }
}

interface StreamPayload extends ContentBlockStartEvent, ContentBlockDeltaEvent {
  stopReason?: string
  usage?: TokenUsage
  trace?: ConverseStreamTrace
}

/**
 * The in-stream exceptions of ConverseStream, as the AWS SDK raised them: the class name, its
 * fault, and whether it carries `originalStatusCode` (only ModelStreamErrorException models it).
 */
const EXCEPTIONS: Record<string, { name: string; fault: 'client' | 'server'; status?: true }> = {
  internalServerException: { name: 'InternalServerException', fault: 'server' },
  modelStreamErrorException: { name: 'ModelStreamErrorException', fault: 'client', status: true },
  validationException: { name: 'ValidationException', fault: 'client' },
  throttlingException: { name: 'ThrottlingException', fault: 'client' },
  serviceUnavailableException: { name: 'ServiceUnavailableException', fault: 'server' },
}

const EVENT_TYPES = new Set([
  'messageStart',
  'contentBlockStart',
  'contentBlockDelta',
  'contentBlockStop',
  'messageStop',
  'metadata',
])

/**
 * ConverseStream events (decoded event-stream frames, one JSON.parse each) as OpenAI chunks.
 * The stream is complete only after `messageStop` and `metadata` (Bedrock's end marker): the
 * finish reason and usage go out together on the last chunk (`finish()`) once both arrived;
 * anything else ending the stream is an error. Reasoning blocks (text with its signature, or
 * redacted content) go out whole, once, as `delta.reasoning_details` on that last chunk.
 *
 * `map` gives the chunk of one frame (or undefined); the first event also gives the role chunk,
 * returned first with the event's own chunk left in `queued`. An exception or error frame
 * throws what the AWS SDK threw for it, so the plugin's error mapping treats it as before.
 */
export class BedrockStreamMapper {
  /** A chunk to hand out before reading the next frame. */
  queued: ChatCompletionChunk | undefined
  private readonly id: string
  private readonly created = Math.floor(Date.now() / 1000)
  private readonly toolIndexByBlock = new Map<number, number>()
  /** contentBlockIndex → the reasoning block gathered from its deltas. */
  private readonly reasoningByBlock = new Map<
    number,
    { text: string; signature: string; redacted: Uint8Array[] }
  >()
  private readonly citations = new BlockCitationCollector<BedrockCitation>(
    annotationOfBedrockCitation,
  )
  private stopReason: string | undefined
  private usage: TokenUsage | undefined
  private trace: ConverseStreamTrace | undefined
  private sawMetadata = false
  private sentRole = false

  constructor(
    private readonly model: string,
    private readonly requestId: string | undefined,
  ) {
    this.id = completionId(requestId)
  }

  map(frame: EventStreamMessage): ChatCompletionChunk | undefined {
    const type = frame.eventType
    if (frame.messageType !== 'event') throw frameError(frame)
    if (type === undefined || !EVENT_TYPES.has(type)) return undefined
    const event = JSON.parse(frame.payload) as StreamPayload
    const chunk = this.chunkOf(type, event)
    if (this.sentRole) return chunk
    this.sentRole = true
    this.queued = chunk
    return this.chunk({ role: 'assistant', content: '' })
  }

  /** The last chunk (finish reason, usage, reasoning), or the error of a stream cut short. */
  finish(): ChatCompletionChunk {
    const stopReason = this.stopReason
    if (stopReason === undefined || !this.sawMetadata) {
      const missing = stopReason === undefined ? 'messageStop' : 'metadata'
      throw streamEndedEarlyError('bedrock', missing, this.requestId)
    }
    const details = [...this.reasoningByBlock.entries()]
      .sort(([a], [b]) => a - b)
      .flatMap(([, block], position): ReasoningDetail[] => {
        const detail = reasoningDetailOf(
          block.redacted.length
            ? { redactedContent: Buffer.concat(block.redacted) }
            : {
                reasoningText: {
                  text: block.text,
                  ...(block.signature ? { signature: block.signature } : {}),
                },
              },
          position,
        )
        return detail ? [detail] : []
      })
    return {
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      choices: [
        {
          index: 0,
          delta: details.length ? { reasoning_details: details } : {},
          finish_reason: mapBedrockFinishReason(stopReason),
          logprobs: null,
          ...bedrockChoiceFacts(stopReason, this.trace),
        },
      ],
      usage: mapBedrockUsage(this.usage),
    }
  }

  private chunkOf(type: string, event: StreamPayload): ChatCompletionChunk | undefined {
    switch (type) {
      case 'contentBlockDelta':
        return this.delta(event)
      case 'contentBlockStart': {
        const toolUse = event.start?.toolUse
        if (!toolUse) return undefined
        const index = this.toolIndexByBlock.size
        this.toolIndexByBlock.set(event.contentBlockIndex ?? 0, index)
        const { toolUseId, name } = toolUse
        return this.chunk({
          tool_calls: [
            { index, id: toolUseId, type: 'function', function: { name, arguments: '' } },
          ],
        })
      }
      case 'contentBlockStop': {
        const annotations = this.citations.stop(event.contentBlockIndex ?? 0)
        return annotations ? this.chunk({ annotations }) : undefined
      }
      case 'messageStop':
        this.stopReason = event.stopReason ?? 'end_turn'
        return undefined
      case 'metadata':
        this.usage = event.usage
        this.trace = event.trace
        this.sawMetadata = true
        return undefined
      default:
        return undefined
    }
  }

  private delta(event: ContentBlockDeltaEvent): ChatCompletionChunk | undefined {
    const delta = event.delta
    if (!delta) return undefined
    const blockIndex = event.contentBlockIndex ?? 0
    const reasoning = delta.reasoningContent
    if (reasoning) this.reasoning(blockIndex, reasoning)
    const text = delta.text
    if (text) {
      this.citations.text(blockIndex, text)
      return this.chunk({ content: text })
    }
    if (delta.citation) this.citations.citation(blockIndex, delta.citation)
    else if (reasoning?.text) return this.chunk({ reasoning_content: reasoning.text })
    else if (delta.toolUse?.input) {
      let index = this.toolIndexByBlock.get(blockIndex)
      if (index === undefined) {
        index = this.toolIndexByBlock.size
        this.toolIndexByBlock.set(blockIndex, index)
      }
      return this.chunk({ tool_calls: [{ index, function: { arguments: delta.toolUse.input } }] })
    }
    return undefined
  }

  private reasoning(
    blockIndex: number,
    { text, signature, redactedContent }: ReasoningDelta,
  ): void {
    let block = this.reasoningByBlock.get(blockIndex)
    if (!block) {
      block = { text: '', signature: '', redacted: [] }
      this.reasoningByBlock.set(blockIndex, block)
    }
    if (text) block.text += text
    if (signature) block.signature += signature
    if (redactedContent) block.redacted.push(Buffer.from(redactedContent, 'base64'))
  }

  private chunk(delta: ChatCompletionChunkChoice['delta']): ChatCompletionChunk {
    return {
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      choices: [{ index: 0, delta, finish_reason: null, logprobs: null }],
    }
  }
}

/**
 * What the AWS SDK threw for a frame that is not an event: a modelled exception (with its
 * name, fault and message, read by toBedrockError), an unknown exception (its payload as the
 * message), or an `error` frame (`:error-code` / `:error-message`).
 */
function frameError(frame: EventStreamMessage): Error {
  if (frame.messageType === 'exception') {
    const type = frame.exceptionType ?? ''
    const modelled = EXCEPTIONS[type]
    if (!modelled) return Object.assign(new Error(frame.payload), { name: type })
    const body = parseObject(frame.payload)
    const message = typeof body.message === 'string' && body.message ? body.message : 'Unknown'
    const status = body.originalStatusCode
    return Object.assign(new Error(message), {
      name: modelled.name,
      $fault: modelled.fault,
      $metadata: {},
      ...(modelled.status && typeof status === 'number' ? { originalStatusCode: status } : {}),
    })
  }
  if (frame.messageType === 'error') {
    return Object.assign(new Error(frame.errorMessage || 'UnknownError'), {
      name: frame.errorCode ?? 'Error',
    })
  }
  return new Error(`Unrecognizable event type: ${frame.eventType ?? ''}`)
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
