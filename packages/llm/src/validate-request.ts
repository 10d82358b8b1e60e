import { withHint } from './errors/hint-codes'
import { invalidRequest } from './errors/normalize-error'
import { PARAMETER_NAMES } from './parameter-names'
import type { LlmError } from './errors/llm-error'
import type { FieldRules } from './field-rules'
import { EXTRA_FIELDS, isRequestField } from './request-fields'
import type { ChatRequest, ModelCapabilities, ParameterSupport, ProviderId } from './types'

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool'])

/**
 * Checks the values of a request the field policy (field-policy.ts) has let through, before any
 * network call: ranges, whole numbers, the output limit and images.
 */
export function validateValues(
  provider: ProviderId,
  request: ChatRequest,
  caps: ModelCapabilities,
  fields: FieldRules,
): LlmError | undefined {
  const model = `${request.model} (${provider})`
  const rules: [string, ParameterSupport][] = [
    ...PARAMETER_NAMES.map((name): [string, ParameterSupport] => [name, caps.parameters[name]]),
    ...EXTRA_FIELDS.map((name): [string, ParameterSupport] => [name, fields[name]]),
  ]
  for (const [name, rule] of rules) {
    const value = (request as unknown as Record<string, unknown>)[name]
    if (typeof value !== 'number' || rule.support === 'unsupported') continue
    if (!Number.isFinite(value))
      return invalidRequest(provider, `"${name}" must be a finite number.`)
    if (rule.min !== undefined && value < rule.min) {
      return invalidRequest(
        provider,
        `"${name}" is ${value}, below the minimum ${rule.min} for ${model}.`,
      )
    }
    if (rule.max !== undefined && value > rule.max) {
      return invalidRequest(
        provider,
        `"${name}" is ${value}, above the maximum ${rule.max} for ${model}.`,
      )
    }
  }

  for (const name of [
    'n',
    'max_tokens',
    'max_completion_tokens',
    'seed',
    'thinking_budget',
    'top_k',
    'top_logprobs',
  ] as const) {
    const value = request[name]
    if (typeof value === 'number' && !Number.isInteger(value)) {
      return invalidRequest(provider, `"${name}" must be a whole number, not ${value}.`)
    }
  }

  const extra = request.extra_body
  if (extra !== undefined) {
    if (typeof extra !== 'object' || extra === null || Array.isArray(extra))
      return invalidRequest(provider, '"extra_body" must be an object of fields.')
    const known = Object.keys(extra).find(isRequestField)
    if (known !== undefined) {
      return invalidRequest(
        provider,
        `"extra_body.${known}" is a Chat Completions field: set "${known}" itself, so that it is checked and mapped.`,
      )
    }
  }

  const limit = request.max_completion_tokens ?? request.max_tokens
  if (caps.known && typeof limit === 'number' && limit > caps.maxOutputTokens) {
    const name =
      request.max_completion_tokens !== undefined && request.max_completion_tokens !== null
        ? 'max_completion_tokens'
        : 'max_tokens'
    return invalidRequest(
      provider,
      `"${name}" is ${limit}, above the maximum output of ${caps.maxOutputTokens} tokens for ${model}.`,
    )
  }

  if (!caps.modalities.input.includes('image') && hasImages(request)) {
    return invalidRequest(
      provider,
      `${model} does not accept images.`,
      withHint('pick_vision_model', 'Pick a model with vision, or remove the images.'),
    )
  }
  return undefined
}

/** The request is an object with a model and well-formed messages. */
export function checkShape(provider: ProviderId, request: ChatRequest): LlmError | undefined {
  if (typeof request !== 'object' || request === null) {
    return invalidRequest(provider, 'The request must be an object.')
  }
  if (typeof request.model !== 'string' || request.model.trim() === '') {
    return invalidRequest(provider, '"model" must be a non-empty string.')
  }
  if (!Array.isArray(request.messages) || request.messages.length === 0) {
    return invalidRequest(provider, '"messages" must be a non-empty array.')
  }
  for (const [index, message] of request.messages.entries()) {
    if (
      typeof message !== 'object' ||
      message === null ||
      !ROLES.has((message as { role?: string }).role ?? '')
    ) {
      return invalidRequest(
        provider,
        `"messages[${index}].role" must be one of system, developer, user, assistant, tool.`,
      )
    }
    if (message.role === 'tool' && typeof message.tool_call_id !== 'string') {
      return invalidRequest(
        provider,
        `"messages[${index}].tool_call_id" is required for a tool message.`,
      )
    }
    const { content } = message as { content?: unknown }
    if (Array.isArray(content)) {
      for (const [partIndex, part] of content.entries()) {
        const type = (part as { type?: unknown } | null)?.type
        if (type !== 'text' && type !== 'image_url') {
          return invalidRequest(
            provider,
            `"messages[${index}].content[${partIndex}].type" must be "text" or "image_url".`,
          )
        }
        if (type === 'image_url') {
          const url = (part as { image_url?: { url?: unknown } }).image_url?.url
          if (typeof url !== 'string' || !/^(data:image\/[\w.+-]+;base64,|https:\/\/)/.test(url)) {
            return invalidRequest(
              provider,
              `"messages[${index}].content[${partIndex}].image_url.url" must be a data:image/…;base64 URL or an https URL.`,
            )
          }
        }
      }
    } else if (content !== undefined && content !== null && typeof content !== 'string') {
      return invalidRequest(
        provider,
        `"messages[${index}].content" must be a string or an array of parts.`,
      )
    }
  }
  return undefined
}

function hasImages(request: ChatRequest): boolean {
  return request.messages.some(
    (message) =>
      Array.isArray(message.content) && message.content.some((part) => part.type === 'image_url'),
  )
}
