import type { GenerateContentResponse, GenerateContentResponseUsageMetadata } from '@google/genai'
import { randomUUID } from 'node:crypto'
import { streamEndedEarlyError } from '../../internal/provider-kit/stream-ended-early-error'
import type {
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  FinishReason,
  ProviderId,
  ReasoningDetail,
} from '../../types'
import { signatureDetail } from './google-reasoning'
import { GoogleFactsCollector } from './google-stream-facts'
import { mapGoogleFinishReason } from './map-google-finish-reason'
import { blockedPromptError, mapGoogleUsage, toToolCall } from './map-google-response'

/**
 * Gemini stream events → OpenAI chunks. Each SSE event is a whole GenerateContentResponse
 * carrying the next parts; function calls arrive whole (one delta each). The stream is complete
 * only when a candidate carried a finishReason; the usage of the last event goes on the final chunk,
 * with the thought signatures (by tool call id, or a text part's) as `delta.reasoning_details`.
 */
export async function* mapGoogleStream(
  provider: ProviderId,
  events: AsyncIterable<GenerateContentResponse>,
  requestedModel: string,
  touch: () => void,
): AsyncGenerator<ChatCompletionChunk> {
  let id = `chatcmpl-${randomUUID()}`
  let model = requestedModel
  const created = Math.floor(Date.now() / 1000)
  let sentRole = false
  let toolIndex = 0
  let finish: string | undefined
  let finished = false
  const details: ReasoningDetail[] = []
  let usage: GenerateContentResponseUsageMetadata | undefined
  const facts = new GoogleFactsCollector()

  const chunk = (
    delta: ChatCompletionChunkChoice['delta'],
    finishReason: FinishReason | null = null,
  ): ChatCompletionChunk => {
    if (!sentRole) {
      sentRole = true
      delta = { role: 'assistant', ...delta }
    }
    return {
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
    }
  }

  for await (const event of events) {
    touch()
    if (event.responseId) id = `chatcmpl-${event.responseId}`
    if (event.modelVersion) model = event.modelVersion
    if (event.usageMetadata) usage = event.usageMetadata
    const blocked = blockedPromptError(provider, event)
    if (blocked) throw blocked
    const candidate = event.candidates?.[0]
    facts.add(event, candidate)
    for (const part of candidate?.content?.parts ?? []) {
      if (part.functionCall) {
        const call = toToolCall(part)
        if (part.thoughtSignature)
          details.push(signatureDetail(part.thoughtSignature, call.id, details.length))
        yield chunk({
          tool_calls: [
            { index: toolIndex++, id: call.id, type: 'function', function: call.function },
          ],
        })
      } else {
        if (part.thoughtSignature)
          details.push(signatureDetail(part.thoughtSignature, undefined, details.length))
        if (typeof part.text === 'string' && part.text !== '')
          yield chunk(part.thought ? { reasoning_content: part.text } : { content: part.text })
      }
    }
    if (candidate?.finishReason) {
      finish = candidate.finishReason
      finished = true
    }
  }

  if (!finished) {
    throw streamEndedEarlyError(provider, 'a candidate with finishReason')
  }
  const final = facts.onFinalChunk(
    chunk(
      details.length ? { reasoning_details: details } : {},
      mapGoogleFinishReason(finish, toolIndex > 0),
    ),
  )
  yield { ...final, usage: mapGoogleUsage(usage) }
}
