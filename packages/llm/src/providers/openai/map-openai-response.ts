import type {
  Annotation,
  ChatCompletion,
  ChatCompletionChoice,
  ChoiceLogprobs,
  ToolCall,
} from '../../types'
import { mapOpenAIFinishReason } from './map-openai-finish-reason'
import { mapOpenAIUsage } from './map-openai-usage'

interface WireToolCall {
  id?: string
  type?: string
  function?: { name?: string; arguments?: string }
}

interface WireMessage {
  content?: string | null
  refusal?: string | null
  reasoning_content?: string | null
  reasoning?: string | null
  tool_calls?: WireToolCall[] | null
  annotations?: Annotation[] | null
}

interface WireCompletion {
  id?: string
  created?: number
  model?: string
  choices?: {
    index?: number
    message?: WireMessage
    finish_reason?: string | null
    logprobs?: ChoiceLogprobs | null
  }[]
  usage?: Parameters<typeof mapOpenAIUsage>[0]
  system_fingerprint?: string | null
}

/** The SDK's answer (or a compatible server's) in our ChatCompletion shape. */
export function mapOpenAIResponse(wire: unknown, requestedModel: string): ChatCompletion {
  const completion = (wire ?? {}) as WireCompletion
  const usage = mapOpenAIUsage(completion.usage)
  return {
    id: completion.id || `chatcmpl-${Date.now().toString(36)}`,
    object: 'chat.completion',
    created: completion.created ?? Math.floor(Date.now() / 1000),
    model: completion.model || requestedModel,
    choices: (completion.choices ?? []).map((choice, position) => mapChoice(choice, position)),
    ...(usage ? { usage } : {}),
    ...(completion.system_fingerprint !== undefined
      ? { system_fingerprint: completion.system_fingerprint }
      : {}),
  }
}

function mapChoice(
  choice: NonNullable<WireCompletion['choices']>[number],
  position: number,
): ChatCompletionChoice {
  const message = choice.message ?? {}
  const toolCalls = (message.tool_calls ?? [])
    .filter((call) => (call.type ?? 'function') === 'function' && call.function)
    .map((call, index): ToolCall => ({
      id: call.id || `call_${index}`,
      type: 'function',
      function: { name: call.function?.name ?? '', arguments: call.function?.arguments ?? '' },
    }))
  const reasoning = message.reasoning_content ?? message.reasoning
  return {
    index: choice.index ?? position,
    message: {
      role: 'assistant',
      content: message.content ?? null,
      ...(message.refusal ? { refusal: message.refusal } : {}),
      ...(reasoning ? { reasoning_content: reasoning } : {}),
      ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
      ...(message.annotations?.length ? { annotations: message.annotations } : {}),
    },
    finish_reason: mapOpenAIFinishReason(choice.finish_reason),
    ...(choice.finish_reason ? { provider_finish_reason: choice.finish_reason } : {}),
    ...(choice.logprobs ? { logprobs: choice.logprobs } : {}),
  }
}
