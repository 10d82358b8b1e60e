import { EXTRA_FIELDS } from '../../request-fields'
import type { ChatMessage, ChatRequest, ContentPart } from '../../types'
import { openaiModelTraits } from './openai-model-traits'

export type OpenAIDialect = 'openai' | 'azure' | 'openai-compatible'

/** A Chat Completions request body as the SDK sends it. */
export type OpenAIRequestBody = Record<string, unknown> & { model: string; messages: unknown[] }

/** Form parameters passed through unchanged when set. */
const PASS_THROUGH_PARAMETERS = [
  'temperature',
  'top_p',
  'stop',
  'seed',
  'presence_penalty',
  'frequency_penalty',
  'tools',
  'tool_choice',
  'response_format',
  'reasoning_effort',
] as const

/**
 * Every other Chat Completions field goes on the wire as it is: the field policy
 * (field-policy.ts) has already refused what this provider and model do not take.
 */
const PASS_THROUGH_FIELDS = EXTRA_FIELDS.filter((field) => field !== 'extra_body')

export function convertOpenAIRequest(
  request: ChatRequest,
  dialect: OpenAIDialect,
): OpenAIRequestBody {
  const body: OpenAIRequestBody = {
    model: request.model,
    messages: request.messages.map((message) => convertMessage(message, dialect)),
  }
  for (const name of [...PASS_THROUGH_PARAMETERS, ...PASS_THROUGH_FIELDS]) {
    const value = request[name]
    if (value !== undefined && value !== null) body[name] = value
  }
  // n is native for OpenAI and Azure; for compatible servers the generic layer emulates it.
  if (dialect !== 'openai-compatible' && typeof request.n === 'number' && request.n !== 1) {
    body.n = request.n
  }
  const limit = request.max_completion_tokens ?? request.max_tokens
  if (typeof limit === 'number') {
    // An Azure deployment's name says nothing about its model: the rules of its base model have
    // already turned max_tokens into max_completion_tokens where needed (call.ts), so only
    // OpenAI's own model ids are read here.
    const needsCompletionTokens =
      typeof request.max_completion_tokens === 'number' ||
      (dialect === 'openai' && openaiModelTraits(request.model).reasoning)
    body[needsCompletionTokens ? 'max_completion_tokens' : 'max_tokens'] = limit
  }
  // A compatible server's own fields, last: the caller asked for exactly these values.
  if (dialect === 'openai-compatible' && request.extra_body) Object.assign(body, request.extra_body)
  return body
}

/** The request for a streamed answer: usage always comes back on a last `choices: []` chunk. */
export function convertOpenAIStreamRequest(
  request: ChatRequest,
  dialect: OpenAIDialect,
): OpenAIRequestBody {
  return {
    ...convertOpenAIRequest(request, dialect),
    stream: true,
    stream_options: { include_usage: true },
  }
}

/** Copies only the fields the API knows, so nothing unexpected reaches the wire. */
function convertMessage(message: ChatMessage, dialect: OpenAIDialect): Record<string, unknown> {
  switch (message.role) {
    case 'system':
    case 'developer':
      return withName(
        {
          // Many compatible servers (Ollama, vLLM chat templates) only know "system".
          role: dialect === 'openai-compatible' ? 'system' : message.role,
          content: message.content,
        },
        message.name,
      )
    case 'user':
      return withName(
        {
          role: 'user',
          content:
            typeof message.content === 'string'
              ? message.content
              : message.content.map(convertPart),
        },
        message.name,
      )
    case 'assistant': {
      const out: Record<string, unknown> = { role: 'assistant', content: message.content ?? null }
      if (message.tool_calls?.length) {
        out.tool_calls = message.tool_calls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.function.name, arguments: call.function.arguments },
        }))
      }
      // OpenAI and Azure refuse unknown message fields; some compatible servers want it back.
      if (dialect === 'openai-compatible' && message.reasoning_content) {
        out.reasoning_content = message.reasoning_content
      }
      return withName(out, message.name)
    }
    case 'tool':
      return { role: 'tool', tool_call_id: message.tool_call_id, content: message.content }
  }
}

function convertPart(part: ContentPart): Record<string, unknown> {
  if (part.type === 'text') return { type: 'text', text: part.text }
  const image: Record<string, unknown> = { url: part.image_url.url }
  if (part.image_url.detail) image.detail = part.image_url.detail
  return { type: 'image_url', image_url: image }
}

function withName(
  message: Record<string, unknown>,
  name: string | undefined,
): Record<string, unknown> {
  if (name) message.name = name
  return message
}
