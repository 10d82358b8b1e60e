import type {
  GenerateContentResponse,
  GenerateContentResponseUsageMetadata,
  Part,
} from '@google/genai'
import { randomUUID } from 'node:crypto'
import { withHint } from '../../errors/hint-codes'
import { LlmError } from '../../errors/llm-error'
import type { ChatCompletion, ProviderId, ReasoningDetail, ToolCall, Usage } from '../../types'
import { signatureDetail } from './google-reasoning'
import { googleFacts } from './map-google-facts'
import { mapGoogleFinishReason } from './map-google-finish-reason'
import { rememberSignature } from './thought-signatures'

export function newToolCallId(): string {
  return `call_${randomUUID().replace(/-/g, '').slice(0, 24)}`
}

/** A function-call part as an OpenAI tool call; its thought signature is kept for the next turn. */
export function toToolCall(part: Part): ToolCall {
  const call = part.functionCall ?? {}
  const id = call.id || newToolCallId()
  rememberSignature(id, part.thoughtSignature)
  return {
    id,
    type: 'function',
    function: { name: call.name ?? '', arguments: JSON.stringify(call.args ?? {}) },
  }
}

/** Gemini usageMetadata → OpenAI usage. Thinking tokens count as completion tokens (they are billed as output). */
export function mapGoogleUsage(usage: GenerateContentResponseUsageMetadata | undefined): Usage {
  const prompt = (usage?.promptTokenCount ?? 0) + (usage?.toolUsePromptTokenCount ?? 0)
  const reasoning = usage?.thoughtsTokenCount ?? 0
  const completion = (usage?.candidatesTokenCount ?? 0) + reasoning
  const cached = usage?.cachedContentTokenCount
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    ...(cached ? { prompt_tokens_details: { cached_tokens: cached } } : {}),
    ...(reasoning ? { completion_tokens_details: { reasoning_tokens: reasoning } } : {}),
  }
}

/**
 * A prompt the API refused to answer at all (promptFeedback.blockReason, no candidates) is an
 * error of kind content_filter: there is no answer to return.
 */
export function blockedPromptError(
  provider: ProviderId,
  response: Pick<GenerateContentResponse, 'promptFeedback' | 'candidates'>,
): LlmError | undefined {
  const feedback = response.promptFeedback
  if (!feedback?.blockReason || (response.candidates?.length ?? 0) > 0) return undefined
  const detail = feedback.blockReasonMessage ? `: ${feedback.blockReasonMessage}` : '.'
  return new LlmError({
    kind: 'content_filter',
    provider,
    code: String(feedback.blockReason),
    message: `The prompt was blocked (${String(feedback.blockReason)})${detail}`,
    ...withHint(
      'content_filter',
      'Google’s safety filters refused this prompt. Rephrase it, or adjust the safety settings of the project.',
      { provider: 'Google' },
    ),
  })
}

export function mapGoogleResponse(
  provider: ProviderId,
  response: GenerateContentResponse,
  requestedModel: string,
): ChatCompletion {
  const blocked = blockedPromptError(provider, response)
  if (blocked) throw blocked
  const candidate = response.candidates?.[0]
  if (!candidate) {
    throw new LlmError({
      kind: 'server',
      provider,
      message: 'Gemini returned no candidate and no block reason.',
    })
  }
  let content = ''
  let reasoning = ''
  const toolCalls: ToolCall[] = []
  const details: ReasoningDetail[] = []
  for (const part of candidate.content?.parts ?? []) {
    if (part.functionCall) {
      const call = toToolCall(part)
      toolCalls.push(call)
      if (part.thoughtSignature)
        details.push(signatureDetail(part.thoughtSignature, call.id, details.length))
    } else if (typeof part.text === 'string') {
      if (part.thoughtSignature)
        details.push(signatureDetail(part.thoughtSignature, undefined, details.length))
      if (part.thought) reasoning += part.text
      else content += part.text
    }
  }
  const { annotations, ...facts } = googleFacts(candidate, response, content)
  return {
    id: response.responseId ? `chatcmpl-${response.responseId}` : `chatcmpl-${randomUUID()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: response.modelVersion ?? requestedModel,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: content || (toolCalls.length > 0 ? null : content),
          ...(reasoning ? { reasoning_content: reasoning } : {}),
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
          ...(details.length > 0 ? { reasoning_details: details } : {}),
          ...(annotations ? { annotations } : {}),
        },
        finish_reason: mapGoogleFinishReason(candidate.finishReason, toolCalls.length > 0),
        logprobs: null,
        ...facts,
      },
    ],
    usage: mapGoogleUsage(response.usageMetadata),
  }
}
