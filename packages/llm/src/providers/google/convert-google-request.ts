import type {
  GenerateContentConfig,
  GenerateContentParameters,
  ThinkingConfig,
  ToolConfig,
} from '@google/genai'
import { invalidRequest } from '../../errors/normalize-error'
import { mappedReasoningEffort } from '../../internal/provider-kit/mapped-reasoning-effort'
import type { ChatRequest, ProviderId, ReasoningEffort } from '../../types'
import { convertGoogleMessages } from './convert-google-messages'
import { bareModelId, geminiFamily, thinkingBudgetRange } from './google-model-traits'

/** A ChatRequest as @google/genai generateContent parameters (one candidate). */
export function convertGoogleRequest(
  provider: ProviderId,
  request: ChatRequest,
  signal: AbortSignal,
): GenerateContentParameters {
  const model = bareModelId(request.model)
  const family = geminiFamily(model)
  const { systemInstruction, contents } = convertGoogleMessages(provider, request.messages, {
    needsSignatures: family === 'gemini-3',
  })
  const config: GenerateContentConfig = { abortSignal: signal }
  if (systemInstruction) config.systemInstruction = systemInstruction

  const maxTokens = request.max_completion_tokens ?? request.max_tokens
  if (isSet(maxTokens)) config.maxOutputTokens = maxTokens
  if (isSet(request.temperature)) config.temperature = request.temperature
  if (isSet(request.top_p)) config.topP = request.top_p
  if (isSet(request.top_k)) config.topK = request.top_k
  if (isSet(request.stop)) {
    const stops = typeof request.stop === 'string' ? [request.stop] : request.stop
    if (stops.length > 0) config.stopSequences = stops
  }
  if (isSet(request.seed)) config.seed = request.seed
  if (isSet(request.presence_penalty)) config.presencePenalty = request.presence_penalty
  if (isSet(request.frequency_penalty)) config.frequencyPenalty = request.frequency_penalty
  // The answer's logprobsResult is kept as the choice's logprobs (map-google-facts.ts).
  if (isSet(request.logprobs)) config.responseLogprobs = request.logprobs
  if (isSet(request.top_logprobs)) config.logprobs = request.top_logprobs

  if (request.tools?.length) {
    config.tools = [
      {
        functionDeclarations: request.tools.map((tool) => ({
          name: tool.function.name,
          ...(tool.function.description ? { description: tool.function.description } : {}),
          ...(tool.function.parameters ? { parametersJsonSchema: tool.function.parameters } : {}),
        })),
      },
    ]
  }
  if (request.tool_choice !== undefined) config.toolConfig = toolConfig(request.tool_choice)

  const format = request.response_format
  if (format?.type === 'json_object') config.responseMimeType = 'application/json'
  else if (format?.type === 'json_schema') {
    config.responseMimeType = 'application/json'
    if (format.json_schema.schema) config.responseJsonSchema = format.json_schema.schema
  }

  const thinking = thinkingConfig(provider, model, family, request)
  if (thinking) config.thinkingConfig = thinking

  return { model, contents, config }
}

function toolConfig(choice: NonNullable<ChatRequest['tool_choice']>): ToolConfig {
  if (choice === 'none') return { functionCallingConfig: { mode: 'NONE' as never } }
  if (choice === 'auto') return { functionCallingConfig: { mode: 'AUTO' as never } }
  if (choice === 'required') return { functionCallingConfig: { mode: 'ANY' as never } }
  return {
    functionCallingConfig: { mode: 'ANY' as never, allowedFunctionNames: [choice.function.name] },
  }
}

const EFFORT_BUDGET: Record<ReasoningEffort, number> = {
  minimal: 0,
  low: 1024,
  medium: 8192,
  high: 24_576,
}

function thinkingConfig(
  provider: ProviderId,
  model: string,
  family: ReturnType<typeof geminiFamily>,
  request: ChatRequest,
): ThinkingConfig | undefined {
  if (family === 'other') return undefined
  const budget = request.thinking_budget
  const effort =
    family === 'gemini-3' ? request.reasoning_effort : mappedReasoningEffort(provider, request)
  if (isSet(budget) && isSet(effort)) {
    throw invalidRequest(
      provider,
      `Send either reasoning_effort or thinking_budget to ${model}, not both: Gemini refuses a thinkingLevel together with a thinkingBudget.`,
    )
  }
  if (isSet(budget)) return { thinkingBudget: budget, includeThoughts: budget !== 0 }
  if (isSet(effort)) {
    if (family === 'gemini-3')
      return { thinkingLevel: effort.toUpperCase() as never, includeThoughts: true }
    const range = thinkingBudgetRange(model)
    const mapped = Math.min(range.max, Math.max(range.min, EFFORT_BUDGET[effort]))
    return { thinkingBudget: mapped, includeThoughts: mapped !== 0 }
  }
  // Thinking models think by default; ask for the thought summaries so they can be shown.
  return { includeThoughts: true }
}

function isSet<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined
}
