import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import { withHint, type LlmHint } from '../../errors/hint-codes'
import { LlmError, type LlmErrorKind } from '../../errors/llm-error'
import { parseRateLimitReset, parseRetryAfter } from '../../internal/provider-kit/parse-retry-after'
import { statusToErrorKind } from '../../internal/provider-kit/status-to-error-kind'
import type { ProviderId } from '../../types'

interface ErrorBody {
  message?: unknown
  type?: unknown
  code?: unknown
  param?: unknown
  innererror?: { code?: unknown }
  /** vLLM puts its fields at the top level; the SDK then hands us the whole body. */
  object?: unknown
}

const SAMPLING_PARAMS = new Set([
  'temperature',
  'top_p',
  'presence_penalty',
  'frequency_penalty',
  'stop',
  'max_tokens',
  'logprobs',
])

/** Maps what the openai SDK threw (for OpenAI, Azure or a compatible server) to an LlmError. */
export function toOpenAIError(error: unknown, provider: ProviderId): LlmError | undefined {
  if (error instanceof LlmError) return error
  if (error instanceof APIUserAbortError) return undefined
  if (error instanceof APIConnectionTimeoutError) {
    return new LlmError({
      kind: 'timeout',
      provider,
      message: 'The request to the provider timed out.',
    })
  }
  if (error instanceof APIConnectionError) {
    const cause = (error as { cause?: unknown }).cause
    return new LlmError({
      kind: 'network',
      provider,
      message: `Could not reach the provider: ${cause instanceof Error ? cause.message : error.message}`,
      ...(provider === 'openai-compatible'
        ? withHint(
            'check_server_running',
            'Check that the server is running and the base URL (including /v1) is right.',
          )
        : withHint(
            'check_network',
            'Check the network connection, any proxy, and the endpoint address.',
          )),
    })
  }
  if (!(error instanceof APIError)) return undefined

  const body = (error.error ?? {}) as ErrorBody
  const status = error.status
  const message = textOf(body.message) || error.message || `HTTP ${status ?? 'error'}`
  const code = textOf(body.code) || textOf(body.type) || undefined
  const kind = kindOf(status, body, message)
  const requestId = requestIdOf(error.headers, provider)
  const retryAfterMs =
    parseRetryAfter(error.headers) ??
    (status === 429 ? parseRateLimitReset(error.headers) : undefined)
  const hint = hintOf(kind, provider, body, message)
  return new LlmError({
    kind,
    provider,
    message,
    ...(status !== undefined ? { status } : {}),
    ...(retryAfterMs !== undefined && (kind === 'rate_limit' || kind === 'overloaded')
      ? { retryAfterMs }
      : {}),
    ...(requestId ? { requestId } : {}),
    ...hint,
    ...(code ? { code } : {}),
  })
}

function kindOf(status: number | undefined, body: ErrorBody, message: string): LlmErrorKind {
  const code =
    `${textOf(body.code)} ${textOf(body.type)} ${textOf(body.innererror?.code)}`.toLowerCase()
  const text = message.toLowerCase()
  if (/insufficient_quota|billing_hard_limit|insufficient credits/.test(code) || status === 402)
    return 'quota'
  if (/content_filter|content_policy|invalid_prompt|responsibleaipolicyviolation/.test(code))
    return 'content_filter'
  if (/context_length_exceeded|string_above_max_length/.test(code)) return 'context_length'
  if (status === undefined) return inStreamKind(code, text)
  const kind = statusToErrorKind(status)
  switch (kind) {
    case 'auth':
      return /insufficient permissions|missing scopes/.test(text) ? 'permission' : 'auth'
    case 'rate_limit':
      return /exceeded your current quota|check your plan and billing|quota exceeded/.test(text)
        ? 'quota'
        : 'rate_limit'
    case 'server':
      return /overloaded/.test(text) ? 'overloaded' : 'server'
    case 'invalid_request':
      return /maximum context length|context window|context length|too many tokens|prompt is too long/.test(
        text,
      )
        ? 'context_length'
        : 'invalid_request'
    default:
      return kind
  }
}

/** An error event inside a 200 stream carries no status: classify by its type. */
function inStreamKind(code: string, text: string): LlmErrorKind {
  if (/rate_limit/.test(code)) return 'rate_limit'
  if (/overloaded/.test(code) || /overloaded/.test(text)) return 'overloaded'
  if (/invalid_request/.test(code)) return 'invalid_request'
  return 'server'
}

function hintOf(
  kind: LlmErrorKind,
  provider: ProviderId,
  body: ErrorBody,
  message: string,
): LlmHint | undefined {
  const code = textOf(body.code)
  const param = textOf(body.param)
  const azure = provider === 'azure'
  const named = { provider: PROVIDER_NAMES[provider] ?? provider }
  switch (kind) {
    case 'auth':
      return azure
        ? withHint(
            'check_azure_key',
            'Check the key and the endpoint: a key only works for its own resource (Azure portal → Keys and Endpoint).',
          )
        : provider === 'openai'
          ? withHint(
              'check_api_key',
              'Check the API key at https://platform.openai.com/api-keys; it may have been revoked or mistyped.',
              named,
            )
          : withHint('check_api_key', 'Check the API key for this server.', named)
    case 'permission':
      if (code === 'AuthenticationTypeDisabled') {
        return withHint(
          'azure_key_auth_disabled',
          'Key-based authentication is disabled on this Azure resource; enable local auth or use Microsoft Entra ID.',
        )
      }
      if (code === 'unsupported_country_region_territory')
        return withHint(
          'region_not_served',
          'OpenAI does not serve requests from this country or region.',
          named,
        )
      return azure
        ? withHint(
            'azure_network_rules',
            'The resource refuses this request (network rules, private endpoint or disabled key auth). Check its Networking settings.',
          )
        : withHint(
            'key_lacks_permission',
            'This key lacks permission for the model or operation; check the key’s project, role and restricted scopes.',
            named,
          )
    case 'quota':
      return provider === 'openai'
        ? withHint(
            'add_credit',
            'The account is out of credit or hit its spend limit: add credit or raise the limit under Billing.',
            named,
          )
        : withHint(
            'add_credit',
            'The account is out of credit or quota; add credit or raise the limit with the provider.',
            named,
          )
    case 'rate_limit':
      return withHint(
        'rate_limited',
        'Too many requests or tokens per minute for this model; wait and retry, or ask for a higher limit.',
      )
    case 'context_length':
      return withHint(
        'shorten_conversation',
        'The conversation is longer than the model’s context window; shorten it or lower max_tokens.',
      )
    case 'content_filter':
      return azure
        ? withHint(
            'content_filter',
            'Azure’s content filter blocked the prompt; rephrase it or adjust the deployment’s content filter policy.',
            named,
          )
        : withHint(
            'content_filter',
            'The provider’s safety system refused the prompt; rephrase it.',
            named,
          )
    case 'not_found':
      if (azure) {
        return code === 'DeploymentNotFound'
          ? withHint(
              'azure_deployment_not_found',
              'No deployment with this name on the resource: use the deployment name (not the model name), and wait a few minutes after creating it.',
            )
          : withHint(
              'check_azure_endpoint',
              'Check the endpoint and the api-version; with a dated api-version, the model is the deployment name.',
            )
      }
      return provider === 'openai'
        ? withHint(
            'model_not_available',
            'The model does not exist or this key’s project has no access to it.',
          )
        : withHint(
            'check_model_and_base_url',
            'Check the model name and the base URL (most servers expect it to end in /v1).',
          )
    case 'invalid_request':
      if (
        param &&
        SAMPLING_PARAMS.has(param) &&
        /unsupported|not supported|does not support/i.test(message)
      ) {
        return withHint(
          'reasoning_model_parameter',
          `This model does not accept ${param}; reasoning models take reasoning_effort and max_completion_tokens instead.`,
          { parameter: param },
        )
      }
      return undefined
    case 'overloaded':
      return withHint(
        'try_again_later',
        'The provider is overloaded right now; try again shortly.',
        named,
      )
    default:
      return undefined
  }
}

const PROVIDER_NAMES: Partial<Record<ProviderId, string>> = {
  openai: 'OpenAI',
  azure: 'Azure OpenAI',
  'openai-compatible': 'OpenAI-compatible',
}

function requestIdOf(headers: Headers | undefined, provider: ProviderId): string | undefined {
  if (!headers) return undefined
  const azure = provider === 'azure' ? headers.get('apim-request-id') : null
  return azure || headers.get('x-request-id') || headers.get('apim-request-id') || undefined
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return ''
}
