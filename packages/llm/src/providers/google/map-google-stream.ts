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
 * What the mapper reads of one stream event: a GenerateContentResponse as plain JSON with the
 * SDK's field names (the REST answer, or the SDK's own object); never its class getters.
 */
export type GoogleStreamEvent = Pick<
  GenerateContentResponse,
  'candidates' | 'promptFeedback' | 'usageMetadata' | 'modelVersion' | 'responseId'
>

type Delta = ChatCompletionChunkChoice['delta']

/**
 * Gemini stream events → OpenAI chunks. Each SSE event is a whole GenerateContentResponse
 * carrying the next parts; function calls arrive whole (one delta each). The stream is complete
 * only when a candidate carried a finishReason; the usage of the last event goes on the final chunk,
 * with the thought signatures (by tool call id, or a text part's) as `delta.reasoning_details`.
 *
 * `event` maps one event into `out` (it is on the path of every delta: no closures, spreads or
 * generators); `end` adds the final chunk, or throws when the answer never finished.
 */
export class GoogleStreamMapper {
  private id = ''
  private responseId: string | undefined
  private model: string
  private readonly created = Math.floor(Date.now() / 1000)
  private sentRole = false
  private toolIndex = 0
  private finish: string | undefined
  private finished = false
  private readonly details: ReasoningDetail[] = []
  private usage: GenerateContentResponseUsageMetadata | undefined
  private readonly facts = new GoogleFactsCollector()

  constructor(
    private readonly provider: ProviderId,
    requestedModel: string,
    private readonly out: ChatCompletionChunk[],
  ) {
    this.model = requestedModel
  }

  event(event: GoogleStreamEvent): void {
    const responseId = event.responseId
    if (responseId && responseId !== this.responseId) {
      this.responseId = responseId
      this.id = `chatcmpl-${responseId}`
    }
    if (event.modelVersion) this.model = event.modelVersion
    if (event.usageMetadata) this.usage = event.usageMetadata
    if (event.promptFeedback) {
      const blocked = blockedPromptError(this.provider, event)
      if (blocked) throw blocked
    }
    const candidate = event.candidates?.[0]
    this.facts.add(event, candidate)
    const parts = candidate?.content?.parts
    if (parts) {
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i]
        if (!part) continue
        if (part.functionCall) {
          const call = toToolCall(part)
          if (part.thoughtSignature)
            this.details.push(signatureDetail(part.thoughtSignature, call.id, this.details.length))
          this.push({
            tool_calls: [
              { index: this.toolIndex++, id: call.id, type: 'function', function: call.function },
            ],
          })
          continue
        }
        if (part.thoughtSignature)
          this.details.push(signatureDetail(part.thoughtSignature, undefined, this.details.length))
        const text = part.text
        if (typeof text !== 'string' || text === '') continue
        if (part.thought) this.push({ reasoning_content: text })
        else {
          this.facts.addText(text)
          this.push({ content: text })
        }
      }
    }
    if (candidate?.finishReason) {
      this.finish = candidate.finishReason
      this.finished = true
    }
  }

  end(): void {
    if (!this.finished) {
      throw streamEndedEarlyError(this.provider, 'a candidate with finishReason')
    }
    const final = this.facts.onFinalChunk(
      this.chunk(
        this.details.length ? { reasoning_details: this.details } : {},
        mapGoogleFinishReason(this.finish, this.toolIndex > 0),
      ),
    )
    this.out.push({ ...final, usage: mapGoogleUsage(this.usage) })
  }

  private push(delta: Delta): void {
    this.out.push(this.chunk(delta, null))
  }

  private chunk(delta: Delta, finishReason: FinishReason | null): ChatCompletionChunk {
    if (!this.sentRole) {
      this.sentRole = true
      delta = { role: 'assistant', ...delta }
    }
    if (this.id === '') this.id = `chatcmpl-${randomUUID()}`
    return {
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
    }
  }
}
