import type {
  MessageCreateParamsBase,
  OutputConfig,
  Tool,
  ToolChoice,
} from '@anthropic-ai/sdk/resources/messages/messages'
import { capabilities } from '../../capabilities'
import { withHint } from '../../errors/hint-codes'
import { invalidRequest } from '../../errors/normalize-error'
import type { ChatRequest } from '../../types'
import { checkClaudeToolChoice, claudeReasoning } from '../claude/claude-request-fields'
import { convertAnthropicMessages } from './convert-anthropic-messages'

/** The request body for `messages.create`, without `stream`. */
export function convertAnthropicRequest(request: ChatRequest): MessageCreateParamsBase {
  const model = request.model
  const { system, messages } = convertAnthropicMessages(request.messages)
  const maxTokens = request.max_completion_tokens ?? request.max_tokens ?? defaultMaxTokens(model)

  const body: MessageCreateParamsBase = { model, max_tokens: maxTokens, messages }
  if (system !== undefined) body.system = system
  if (request.stop !== undefined && request.stop !== null) {
    const stops = typeof request.stop === 'string' ? [request.stop] : request.stop
    if (stops.length) body.stop_sequences = stops
  }
  if (request.user) body.metadata = { user_id: request.user }

  const reasoning = claudeReasoning(request, model, maxTokens, 'anthropic')
  if (reasoning.thinking) body.thinking = reasoning.thinking

  const outputConfig: OutputConfig = {}
  if (reasoning.effort) outputConfig.effort = reasoning.effort
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
    checkClaudeToolChoice(request, model, body.thinking !== undefined, 'anthropic')
    const choice = toolChoiceOf(request)
    if (choice) body.tool_choice = choice
  }
  return body
}

/** Forced choices reach here only where checkClaudeToolChoice allows them. */
function toolChoiceOf(request: ChatRequest): ToolChoice | undefined {
  const choice = request.tool_choice
  const parallel = request.parallel_tool_calls === false ? { disable_parallel_tool_use: true } : {}
  if (choice === undefined || choice === 'auto') {
    return Object.keys(parallel).length ? { type: 'auto', ...parallel } : undefined
  }
  if (choice === 'none') return { type: 'none' }
  return choice === 'required'
    ? { type: 'any', ...parallel }
    : { type: 'tool', name: choice.function.name, ...parallel }
}

/** Without a limit from the caller: the model's maximum output, from the catalog lookup. */
function defaultMaxTokens(model: string): number {
  return capabilities('anthropic', model).maxOutputTokens
}
