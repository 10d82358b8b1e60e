import type {
  ConverseStreamCommandInput,
  InferenceConfiguration,
  OutputConfig,
  Tool,
  ToolChoice,
  ToolConfiguration,
} from '@aws-sdk/client-bedrock-runtime'
import { capabilities } from '../../capabilities'
import { LlmError } from '../../errors/llm-error'
import { mappedReasoningEffort } from '../../internal/provider-kit/mapped-reasoning-effort'
import type { ChatRequest } from '../../types'
import { checkClaudeToolChoice, claudeReasoning } from '../claude/claude-request-fields'
import { claudeIdOf, familyOf } from './bedrock-model-traits'
import { convertBedrockMessages } from './convert-bedrock-messages'
import { openModelFamily, openModelRequestFields } from './open-model-rules'

type AdditionalFields = ConverseStreamCommandInput['additionalModelRequestFields']

function invalid(message: string): LlmError {
  return new LlmError({ kind: 'invalid_request', provider: 'bedrock', message })
}

/** A ChatRequest as the input of Converse / ConverseStream (the two take the same fields). */
export async function convertBedrockRequest(
  request: ChatRequest,
  fetchImage: typeof fetch,
  signal: AbortSignal,
): Promise<ConverseStreamCommandInput> {
  const { system, messages, hasToolBlocks } = await convertBedrockMessages(
    request.messages,
    fetchImage,
    signal,
  )
  const input: ConverseStreamCommandInput = { modelId: request.model, messages }
  if (system.length) input.system = system

  const claudeId = claudeIdOf(request.model)
  const inference: InferenceConfiguration = {}
  // Claude gets what Anthropic's API would: without a limit, the model's maximum output.
  const maxTokens =
    request.max_completion_tokens ??
    request.max_tokens ??
    (claudeId ? capabilities('bedrock', request.model).maxOutputTokens : undefined)
  if (maxTokens !== null && maxTokens !== undefined) inference.maxTokens = maxTokens
  if (request.temperature !== null && request.temperature !== undefined)
    inference.temperature = request.temperature
  if (request.top_p !== null && request.top_p !== undefined) inference.topP = request.top_p
  if (request.stop !== null && request.stop !== undefined) {
    inference.stopSequences = typeof request.stop === 'string' ? [request.stop] : request.stop
  }

  const openFamily = openModelFamily(request.model)
  const additional = claudeId
    ? claudeFields(request, claudeId, inference.maxTokens ?? 0)
    : openFamily
      ? openModelRequestFields(request, openFamily)
      : reasoningFields(request)
  if (additional) input.additionalModelRequestFields = additional
  if (Object.keys(inference).length) input.inferenceConfig = inference

  const toolConfig = toToolConfig(request, hasToolBlocks)
  if (toolConfig) input.toolConfig = toolConfig
  const outputConfig = toOutputConfig(request)
  if (outputConfig) input.outputConfig = outputConfig
  return input
}

function toToolConfig(request: ChatRequest, hasToolBlocks: boolean): ToolConfiguration | undefined {
  const tools = request.tools ?? []
  if (request.tool_choice === 'none') {
    if (hasToolBlocks) {
      throw invalid(
        "Bedrock has no tool_choice 'none': with tool calls in the history the tools must be sent, and the model may call them. Use 'auto'.",
      )
    }
    return undefined
  }
  if (tools.length === 0) {
    if (request.tool_choice) throw invalid('tool_choice was given without any tools.')
    return undefined
  }
  const specs: Tool[] = tools.map((tool) => ({
    toolSpec: {
      name: tool.function.name,
      ...(tool.function.description ? { description: tool.function.description } : {}),
      inputSchema: {
        json: (tool.function.parameters ?? { type: 'object', properties: {} }) as never,
      },
      ...(tool.function.strict === undefined ? {} : { strict: tool.function.strict }),
    },
  }))
  const config: ToolConfiguration = { tools: specs }
  const choice = toToolChoice(request.tool_choice)
  if (choice) config.toolChoice = choice
  return config
}

function toToolChoice(choice: ChatRequest['tool_choice']): ToolChoice | undefined {
  if (choice === undefined) return undefined
  if (choice === 'auto') return { auto: {} }
  if (choice === 'required') return { any: {} }
  if (typeof choice === 'object') return { tool: { name: choice.function.name } }
  return undefined
}

function toOutputConfig(request: ChatRequest): OutputConfig | undefined {
  const format = request.response_format
  if (!format || format.type === 'text') return undefined
  if (format.type === 'json_object') {
    throw invalid(
      "Bedrock has no JSON mode: use response_format { type: 'json_schema' } with a schema (structured outputs).",
    )
  }
  const { name, description, schema } = format.json_schema
  return {
    textFormat: {
      type: 'json_schema',
      structure: {
        jsonSchema: {
          name,
          ...(description ? { description } : {}),
          schema: JSON.stringify(schema ?? { type: 'object' }),
        },
      },
    },
  }
}

/** Claude's thinking and effort, in the fields of Anthropic's own API (Converse passes them on). */
function claudeFields(request: ChatRequest, claudeId: string, maxTokens: number): AdditionalFields {
  const { thinking, effort } = claudeReasoning(request, claudeId, maxTokens, 'bedrock')
  if (request.tools?.length) checkClaudeToolChoice(request, claudeId, Boolean(thinking), 'bedrock')
  const fields: Record<string, unknown> = {}
  if (thinking) fields.thinking = thinking
  if (effort) fields.output_config = { effort }
  return Object.keys(fields).length ? (fields as AdditionalFields) : undefined
}

/** Reasoning controls of the remaining families (Nova 2), which Converse passes through additionalModelRequestFields. */
function reasoningFields(request: ChatRequest): AdditionalFields {
  const effort = mappedReasoningEffort('bedrock', request)
  const budget = request.thinking_budget ?? undefined
  if (effort === undefined && budget === undefined) return undefined
  const family = familyOf(request.model)
  if (budget !== undefined) {
    throw invalid(`thinking_budget is not supported by ${request.model} on Bedrock.`)
  }
  const level = effort === 'minimal' ? 'low' : (effort ?? 'medium')
  if (family === 'nova2') return { reasoningConfig: { type: 'enabled', maxReasoningEffort: level } }
  throw invalid(`reasoning_effort is not supported by ${request.model} on Bedrock.`)
}
