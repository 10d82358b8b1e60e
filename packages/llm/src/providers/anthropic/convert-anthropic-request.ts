import type {
  MessageCreateParamsBase,
  OutputConfig,
  ThinkingConfigParam,
  Tool,
  ToolChoice,
} from '@anthropic-ai/sdk/resources/messages/messages'
import { capabilities } from '../../capabilities'
import { withHint } from '../../errors/hint-codes'
import { invalidRequest } from '../../errors/normalize-error'
import type { ChatRequest, ReasoningEffort } from '../../types'
import { anthropicModelTraits } from './anthropic-model-traits'
import { convertAnthropicMessages } from './convert-anthropic-messages'

/**
 * OpenAI `reasoning_effort` → Anthropic `output_config.effort`. Anthropic has no "minimal"; its
 * lowest level is "low".
 */
const EFFORT: Record<ReasoningEffort, NonNullable<OutputConfig['effort']>> = {
  minimal: 'low',
  low: 'low',
  medium: 'medium',
  high: 'high',
}

/** The request body for `messages.create`, without `stream`. */
export function convertAnthropicRequest(request: ChatRequest): MessageCreateParamsBase {
  const model = request.model
  const traits = anthropicModelTraits(model)
  const { system, messages } = convertAnthropicMessages(request.messages)
  const maxTokens = request.max_completion_tokens ?? request.max_tokens ?? defaultMaxTokens(model)

  const body: MessageCreateParamsBase = { model, max_tokens: maxTokens, messages }
  if (system !== undefined) body.system = system
  if (request.stop !== undefined && request.stop !== null) {
    const stops = typeof request.stop === 'string' ? [request.stop] : request.stop
    if (stops.length) body.stop_sequences = stops
  }
  if (request.user) body.metadata = { user_id: request.user }

  const thinking = thinkingOf(request, maxTokens)
  if (thinking) body.thinking = thinking

  const outputConfig: OutputConfig = {}
  if (request.reasoning_effort) outputConfig.effort = EFFORT[request.reasoning_effort]
  const format = request.response_format
  if (format?.type === 'json_schema') {
    outputConfig.format = {
      type: 'json_schema',
      schema: format.json_schema.schema ?? { type: 'object' },
    }
  } else if (format?.type === 'json_object') {
    throw invalidRequest(
      'anthropic',
      `"response_format" json_object is not supported by ${model} (anthropic): Anthropic has no schema-less JSON mode.`,
      withHint(
        'use_json_schema',
        'Use response_format {type: "json_schema"} with a schema instead.',
      ),
    )
  }
  if (Object.keys(outputConfig).length) body.output_config = outputConfig

  if (request.tools?.length) {
    body.tools = request.tools.map((tool): Tool => ({
      name: tool.function.name,
      ...(tool.function.description ? { description: tool.function.description } : {}),
      input_schema: (tool.function.parameters ?? {
        type: 'object',
        properties: {},
      }) as Tool['input_schema'],
      ...(tool.function.strict ? { strict: true } : {}),
    }))
    const choice = toolChoiceOf(request, traits.refusesForcedTools, body.thinking !== undefined)
    if (choice) body.tool_choice = choice
  }
  return body
}

function thinkingOf(request: ChatRequest, maxTokens: number): ThinkingConfigParam | undefined {
  const budget = request.thinking_budget
  if (budget !== undefined && budget !== null) {
    if (budget >= maxTokens) {
      throw invalidRequest(
        'anthropic',
        `"thinking_budget" (${budget}) must be below max_tokens (${maxTokens}) for ${request.model} (anthropic).`,
        withHint(
          'max_tokens_above_budget',
          'Thinking tokens count toward max_tokens: raise max_tokens or lower the budget.',
        ),
      )
    }
    return { type: 'enabled', budget_tokens: budget }
  }
  if (
    Boolean(request.reasoning_effort) &&
    anthropicModelTraits(request.model).thinking !== 'manual'
  ) {
    return { type: 'adaptive' }
  }
  return undefined
}

function toolChoiceOf(
  request: ChatRequest,
  refusesForced: boolean,
  thinking: boolean,
): ToolChoice | undefined {
  const choice = request.tool_choice
  const parallel = request.parallel_tool_calls === false ? { disable_parallel_tool_use: true } : {}
  if (choice === undefined || choice === 'auto') {
    return Object.keys(parallel).length ? { type: 'auto', ...parallel } : undefined
  }
  if (choice === 'none') return { type: 'none' }
  const forced = choice === 'required' ? 'required' : `the function ${choice.function.name}`
  if (refusesForced || thinking) {
    throw invalidRequest(
      'anthropic',
      `"tool_choice" ${forced} is not supported by ${request.model} (anthropic)${thinking && !refusesForced ? ' with thinking enabled' : ''}: Anthropic refuses forced tool use here.`,
      withHint(
        'tool_choice_auto_only',
        'Use tool_choice "auto" and say in the prompt which tool to call.',
      ),
    )
  }
  return choice === 'required'
    ? { type: 'any', ...parallel }
    : { type: 'tool', name: choice.function.name, ...parallel }
}

/** Without a limit from the caller: the model's maximum output, from the catalog lookup. */
function defaultMaxTokens(model: string): number {
  return capabilities('anthropic', model).maxOutputTokens
}
