import type {
  BedrockRuntimeClient,
  ConverseStreamOutput,
  ConverseStreamTrace,
  TokenUsage,
} from '@aws-sdk/client-bedrock-runtime'
import { streamEndedEarlyError } from '../../internal/provider-kit/stream-ended-early-error'
import { limitEventStreamFrames, STREAM_EVENT_LIMITS } from '../../internal/stream-event-limit'
import type { ChatCompletionChunk, ChatCompletionChunkChoice, ReasoningDetail } from '../../types'
import { reasoningDetailOf } from './bedrock-reasoning'
import { BlockCitationCollector } from '../../internal/provider-kit/block-citation-collector'
import { annotationOfBedrockCitation, type BedrockCitation } from './bedrock-citations'
import { streamExceptionError } from './bedrock-error'
import { completionId } from './map-bedrock-response'
import { bedrockChoiceFacts } from './bedrock-facts'
import { mapBedrockFinishReason } from './map-bedrock-finish-reason'
import { mapBedrockUsage } from './map-bedrock-usage'

const STREAM_EXCEPTIONS = [
  'internalServerException',
  'modelStreamErrorException',
  'validationException',
  'throttlingException',
  'serviceUnavailableException',
] as const

/**
 * ConverseStream events as OpenAI chunks. The stream is complete only after `messageStop` and
 * `metadata` (Bedrock's end marker): the finish reason and usage go out together on the last
 * chunk once both arrived; anything else ending the stream is an error. Reasoning blocks (text
 * with its signature, or redacted content) go out whole, once, as `delta.reasoning_details` on
 * that last chunk.
 */
export async function* mapBedrockStream(
  events: AsyncIterable<ConverseStreamOutput>,
  model: string,
  requestId: string | undefined,
  signal: AbortSignal,
): AsyncGenerator<ChatCompletionChunk> {
  const id = completionId(requestId)
  const created = Math.floor(Date.now() / 1000)
  const chunk = (
    delta: ChatCompletionChunkChoice['delta'],
    extra: Partial<ChatCompletionChunk> = {},
  ) => ({
    id,
    object: 'chat.completion.chunk' as const,
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: null, logprobs: null }],
    ...extra,
  })

  const toolIndexByBlock = new Map<number, number>()
  /** contentBlockIndex → the reasoning block gathered from its deltas. */
  const reasoningByBlock = new Map<
    number,
    { text: string; signature: string; redacted: Uint8Array[] }
  >()
  let stopReason: string | undefined
  let usage: TokenUsage | undefined
  let trace: ConverseStreamTrace | undefined
  let sawMetadata = false
  let sentRole = false
  const citations = new BlockCitationCollector<BedrockCitation>(annotationOfBedrockCitation)

  for await (const event of abortable(events, signal)) {
    for (const name of STREAM_EXCEPTIONS) {
      const exception = event[name]
      if (exception)
        throw streamExceptionError(
          name,
          exception as { message?: string; originalStatusCode?: number },
        )
    }
    if (!sentRole) {
      sentRole = true
      yield chunk({ role: 'assistant', content: '' })
    }
    if (event.contentBlockStart?.start?.toolUse) {
      const block = event.contentBlockStart.contentBlockIndex ?? 0
      const index = toolIndexByBlock.size
      toolIndexByBlock.set(block, index)
      const { toolUseId, name } = event.contentBlockStart.start.toolUse
      yield chunk({
        tool_calls: [{ index, id: toolUseId, type: 'function', function: { name, arguments: '' } }],
      })
    } else if (event.contentBlockDelta?.delta) {
      const { delta, contentBlockIndex = 0 } = event.contentBlockDelta
      if (delta.reasoningContent) {
        let block = reasoningByBlock.get(contentBlockIndex)
        if (!block) {
          block = { text: '', signature: '', redacted: [] }
          reasoningByBlock.set(contentBlockIndex, block)
        }
        const { text, signature, redactedContent } = delta.reasoningContent
        if (text) block.text += text
        if (signature) block.signature += signature
        if (redactedContent) block.redacted.push(redactedContent)
      }
      if (delta.text) {
        citations.text(contentBlockIndex, delta.text)
        yield chunk({ content: delta.text })
      } else if (delta.citation) citations.citation(contentBlockIndex, delta.citation)
      else if (delta.reasoningContent?.text)
        yield chunk({ reasoning_content: delta.reasoningContent.text })
      else if (delta.toolUse?.input) {
        let index = toolIndexByBlock.get(contentBlockIndex)
        if (index === undefined) {
          index = toolIndexByBlock.size
          toolIndexByBlock.set(contentBlockIndex, index)
        }
        yield chunk({ tool_calls: [{ index, function: { arguments: delta.toolUse.input } }] })
      }
    } else if (event.contentBlockStop) {
      const annotations = citations.stop(event.contentBlockStop.contentBlockIndex ?? 0)
      if (annotations) yield chunk({ annotations })
    } else if (event.messageStop) {
      stopReason = event.messageStop.stopReason ?? 'end_turn'
    } else if (event.metadata) {
      usage = event.metadata.usage
      trace = event.metadata.trace
      sawMetadata = true
    }
  }

  if (stopReason === undefined || !sawMetadata) {
    const missing = stopReason === undefined ? 'messageStop' : 'metadata'
    throw streamEndedEarlyError('bedrock', missing, requestId)
  }
  const details = [...reasoningByBlock.entries()]
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
  const done = chunk(details.length ? { reasoning_details: details } : {}, {
    usage: mapBedrockUsage(usage),
  })
  yield {
    ...done,
    choices: done.choices.map((c) => ({
      ...c,
      finish_reason: mapBedrockFinishReason(stopReason),
      ...bedrockChoiceFacts(stopReason, trace),
    })),
  }
}

/** Ends the iteration with the abort reason as soon as the signal fires, even mid-read. */
async function* abortable<T>(iterable: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]()
  let onAbort: (() => void) | undefined
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortError(signal))
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
  })
  aborted.catch(() => undefined)
  try {
    while (true) {
      const next = await Promise.race([iterator.next(), aborted])
      if (next.done) break
      yield next.value
    }
    if (signal.aborted) throw abortError(signal)
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort)
    void iterator.return?.()?.catch(() => undefined)
  }
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException('The operation was aborted.', 'AbortError')
}

/**
 * Puts the event-stream frame limit between the HTTP answer and the SDK's event-stream decoder
 * (which would otherwise allocate whatever length a frame's prelude claims).
 */
export function limitStreamFrames(client: BedrockRuntimeClient): void {
  type Stack = BedrockRuntimeClient['middlewareStack']
  type Next = (args: unknown) => Promise<{ response: unknown; output: unknown }>
  const middleware = (next: Next) => async (args: unknown) => {
    const result = await next(args)
    const response = result.response as { statusCode?: number; body?: unknown }
    const body = response.body as AsyncIterable<Uint8Array> | undefined
    if (response.statusCode === 200 && body && typeof body[Symbol.asyncIterator] === 'function') {
      response.body = limitEventStreamFrames(body, 'bedrock', STREAM_EVENT_LIMITS.eventStreamFrame)
    }
    return result
  }
  // Runs inside the deserializer: it sees the raw HTTP answer before the SDK decodes it.
  client.middlewareStack.addRelativeTo(
    middleware as unknown as Parameters<Stack['addRelativeTo']>[0],
    {
      name: 'parallaxStreamFrameLimit',
      relation: 'after',
      toMiddleware: 'deserializerMiddleware',
    },
  )
}
