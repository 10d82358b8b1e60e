import type { ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions'
import type { FakeErrorAnswer, FakeFlavor } from './openai-fake-errors'

/**
 * Every top-level field of a Chat Completions request, typed from the installed `openai` SDK: an
 * SDK upgrade that adds or removes a field breaks the build here until the fake follows.
 */
const CHAT_FIELDS: Record<keyof ChatCompletionCreateParamsBase, true> = {
  messages: true,
  model: true,
  audio: true,
  frequency_penalty: true,
  function_call: true,
  functions: true,
  logit_bias: true,
  logprobs: true,
  max_completion_tokens: true,
  max_tokens: true,
  metadata: true,
  modalities: true,
  moderation: true,
  n: true,
  parallel_tool_calls: true,
  prediction: true,
  presence_penalty: true,
  prompt_cache_key: true,
  prompt_cache_options: true,
  prompt_cache_retention: true,
  reasoning_effort: true,
  response_format: true,
  safety_identifier: true,
  seed: true,
  service_tier: true,
  stop: true,
  store: true,
  stream: true,
  stream_options: true,
  temperature: true,
  tool_choice: true,
  tools: true,
  top_logprobs: true,
  top_p: true,
  user: true,
  verbosity: true,
  web_search_options: true,
}

const invalid = (message: string, param: string | null, code: string | null): FakeErrorAnswer => ({
  status: 400,
  headers: {},
  body: { error: { message, type: 'invalid_request_error', param, code } },
})

/** o-series and GPT-5 family: the reasoning models (their -chat variants are not). */
export function isOpenAIReasoningModel(model: string): boolean {
  const id = model.trim().toLowerCase()
  return /^(o\d|gpt-5)/.test(id) && !/-chat(-|$)/.test(id)
}

/**
 * What OpenAI (and Azure OpenAI, which answers model errors in OpenAI's shape) refuses before
 * generating, with its real messages: an unknown field ("Unrecognized request argument
 * supplied", param and code null), max_tokens on a reasoning model
 * (../shared/provider-captures/openai-chat/vercel-error-400-unsupported-parameter.json), a
 * temperature other than 1 on a reasoning model (code unsupported_value, as in
 * pydai-error-400-unsupported-value.json), top_logprobs without logprobs: true. The compatible
 * flavour takes server-specific extras (vLLM, Ollama …), so it checks no field names.
 */
export function checkChatRequest(
  body: Record<string, unknown>,
  flavor: FakeFlavor,
  model: string,
): FakeErrorAnswer | undefined {
  if (flavor === 'compatible') return undefined
  const unknown = Object.keys(body).find((name) => !Object.hasOwn(CHAT_FIELDS, name))
  if (unknown !== undefined) {
    return invalid(`Unrecognized request argument supplied: ${unknown}`, null, null)
  }
  if (isOpenAIReasoningModel(model)) {
    if (body.max_tokens !== undefined && body.max_tokens !== null) {
      return invalid(
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        'max_tokens',
        'unsupported_parameter',
      )
    }
    const temperature = body.temperature
    if (typeof temperature === 'number' && temperature !== 1) {
      return invalid(
        `Unsupported value: 'temperature' does not support ${temperature} with this model. Only the default (1) value is supported.`,
        'temperature',
        'unsupported_value',
      )
    }
  }
  if (body.top_logprobs !== undefined && body.top_logprobs !== null && body.logprobs !== true) {
    return invalid(
      "Invalid value for 'top_logprobs': 'logprobs' must be true to use this parameter.",
      'top_logprobs',
      'invalid_value',
    )
  }
  return undefined
}
