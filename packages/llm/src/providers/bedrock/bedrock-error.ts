import { withHint, type LlmHint } from '../../errors/hint-codes'
import { LlmError, type LlmErrorKind } from '../../errors/llm-error'
import { headerOf, parseRetryAfter } from '../../internal/provider-kit/parse-retry-after'
import { statusToErrorKind } from '../../internal/provider-kit/status-to-error-kind'
import type { BedrockConnection } from '../../types'

/** The parts of an AWS SDK ServiceException this mapping reads. */
interface AwsErrorLike {
  name?: string
  message?: string
  code?: string
  $fault?: 'client' | 'server'
  $metadata?: { httpStatusCode?: number; requestId?: string }
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> }
  originalStatusCode?: number
}

interface Classified {
  kind: LlmErrorKind
  hint?: LlmHint
}

const AUTH_TYPES = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignatureException',
  'MissingAuthenticationTokenException',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'ExpiredTokenException',
  'ExpiredToken',
])

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_HTTP2_STREAM_ERROR',
  'ERR_HTTP2_SESSION_ERROR',
  'ERR_HTTP2_GOAWAY_SESSION',
  'ERR_HTTP2_STREAM_CANCEL',
  'ERR_HTTP2_ERROR',
])

const NETWORK_MESSAGE =
  /HTTP\/2 stream is abnormally aborted|socket hang up|Protocol error|Truncated event message|premature close|other side closed|did not get a response/i

/** Maps what the AWS SDK threw (or an in-stream exception) to an LlmError. */
export function toBedrockError(
  error: unknown,
  connection: BedrockConnection,
): LlmError | undefined {
  if (error instanceof LlmError) return error
  if (!error || typeof error !== 'object') return undefined
  const e = error as AwsErrorLike
  const name = e.name ?? ''
  if (name === 'AbortError' || name === 'TimeoutError') return undefined

  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode ?? e.originalStatusCode
  if (e.$fault || e.$metadata?.httpStatusCode !== undefined) {
    const message = e.message || name || 'Bedrock request failed'
    const { kind, hint } = classify(name, message, status, connection)
    const headers = e.$response?.headers ?? {}
    return new LlmError({
      kind,
      provider: 'bedrock',
      message,
      status,
      code: name || undefined,
      requestId: e.$metadata?.requestId ?? headerOf(headers, 'x-amzn-requestid'),
      retryAfterMs: parseRetryAfter(headers),
      ...hint,
      cause: { name },
    })
  }
  const code = e.code ?? (error as { cause?: { code?: string } }).cause?.code
  if ((code && NETWORK_CODES.has(code)) || NETWORK_MESSAGE.test(e.message ?? '')) {
    return new LlmError({
      kind: 'network',
      provider: 'bedrock',
      message: `Connection to Bedrock failed: ${e.message ?? code}`,
      code,
      cause: { name, code },
    })
  }
  return undefined
}

/** An exception event inside a ConverseStream (`:message-type: exception`). */
export function streamExceptionError(
  eventName: string,
  body: { message?: string; originalStatusCode?: number },
): LlmError {
  const name = eventName.charAt(0).toUpperCase() + eventName.slice(1)
  const status = body.originalStatusCode
  const { kind, hint } = classify(name, body.message ?? name, status)
  return new LlmError({
    kind,
    provider: 'bedrock',
    message: body.message ?? name,
    status,
    code: name,
    ...hint,
  })
}

function classify(
  name: string,
  message: string,
  status: number | undefined,
  connection?: BedrockConnection,
): Classified {
  const region = connection?.region ? ` (${connection.region})` : ''
  const where = connection?.region ? { region: connection.region } : undefined
  if (AUTH_TYPES.has(name)) {
    if (name.startsWith('Expired')) {
      return {
        kind: 'auth',
        hint: withHint(
          'session_expired',
          'The session token has expired: get fresh temporary credentials.',
        ),
      }
    }
    if (name === 'InvalidSignatureException' || name === 'SignatureDoesNotMatch') {
      return {
        kind: 'auth',
        hint: withHint(
          'check_secret_key',
          "Check the secret access key (and that this computer's clock is right).",
        ),
      }
    }
    return {
      kind: 'auth',
      hint: withHint(
        'check_access_key_id',
        'Check the access key ID (and the session token, which must come with the same temporary key).',
      ),
    }
  }
  switch (name) {
    case 'AccessDeniedException':
      if (/api key|authentication failed/i.test(message)) {
        return {
          kind: 'auth',
          hint: withHint(
            'check_api_key',
            `Check the Bedrock API key; it must be valid in this region${region}.`,
            { provider: 'Bedrock', ...where },
          ),
        }
      }
      return {
        kind: 'permission',
        hint: withHint(
          'enable_model_access',
          `Enable access to this model in the Bedrock console for this region${region}, and check that the IAM policy allows bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream.`,
          where,
        ),
      }
    case 'ResourceNotFoundException':
      if (/use case/i.test(message)) {
        return {
          kind: 'permission',
          hint: withHint(
            'anthropic_use_case_form',
            'Submit the Anthropic use-case form in the Bedrock console (Model access) before using Claude.',
          ),
        }
      }
      return {
        kind: 'not_found',
        hint: /end of its life|legacy/i.test(message)
          ? withHint(
              'model_retired',
              'This model version is retired on Bedrock: pick a current model.',
            )
          : withHint(
              'check_model_id',
              `Check the model ID; it must exist in this region${region}.`,
              where,
            ),
      }
    case 'ValidationException':
      return classifyValidation(message, region, where)
    case 'ThrottlingException':
      if (/per day|daily/i.test(message)) {
        return {
          kind: 'quota',
          hint: withHint(
            'quota_exhausted',
            "This model's daily token quota is used up: wait for the reset or request an increase in AWS Service Quotas.",
            { provider: 'Bedrock' },
          ),
        }
      }
      return { kind: 'rate_limit' }
    case 'ServiceQuotaExceededException':
      return {
        kind: 'quota',
        hint: withHint(
          'request_quota_increase',
          'Request a higher quota for this model in AWS Service Quotas.',
        ),
      }
    case 'ModelNotReadyException':
      return {
        kind: 'overloaded',
        hint: withHint('try_again_later', 'The model is not ready yet; try again shortly.', {
          provider: 'Bedrock',
        }),
      }
    case 'ServiceUnavailableException':
      return { kind: 'overloaded' }
    case 'InternalServerException':
    case 'ModelErrorException':
      return { kind: 'server' }
    case 'ModelStreamErrorException':
      if (status === 429) return { kind: 'rate_limit' }
      if (status === 529 || status === 503) return { kind: 'overloaded' }
      return { kind: 'server' }
    case 'ModelTimeoutException':
      return {
        kind: 'timeout',
        hint: withHint(
          'shorten_prompt',
          'The model took too long; try a shorter prompt or a smaller max_tokens.',
        ),
      }
    case 'ConflictException':
      return { kind: 'invalid_request' }
  }
  if (status === 400) return classifyValidation(message, region, where)
  return { kind: status === undefined ? 'invalid_request' : statusToErrorKind(status) }
}

function classifyValidation(
  message: string,
  region: string,
  where: { region: string } | undefined,
): Classified {
  if (/on-demand throughput isn.t supported|inference profile/i.test(message)) {
    return {
      kind: 'invalid_request',
      hint: withHint(
        'use_inference_profile',
        'This model needs an inference profile: use its profile ID, e.g. us.<model id> (or eu., apac., global.).',
      ),
    }
  }
  if (/model identifier is invalid/i.test(message)) {
    return {
      kind: 'not_found',
      hint: withHint(
        'check_model_id',
        `Check the model ID; it must exist in this region${region}.`,
        where,
      ),
    }
  }
  if (
    /input is too long|too many (?:input )?tokens|input tokens exceeded|prompt is too long|too many total text bytes|context (?:window|length)/i.test(
      message,
    )
  ) {
    return {
      kind: 'context_length',
      hint: withHint(
        'shorten_conversation',
        'Shorten the conversation or pick a model with a larger context window.',
      ),
    }
  }
  if (/content filter|blocked by|guardrail|content policy/i.test(message))
    return { kind: 'content_filter' }
  if (/temperature.*top_p|top_p.*temperature/i.test(message)) {
    return {
      kind: 'invalid_request',
      hint: withHint(
        'temperature_or_top_p',
        'This model takes temperature or top_p, not both: send only one.',
      ),
    }
  }
  if (/thinking/i.test(message) && /temperature|top_p|top_k/i.test(message)) {
    return {
      kind: 'invalid_request',
      hint: withHint(
        'thinking_no_sampling',
        'With extended thinking, leave temperature (and top_p/top_k) unset.',
      ),
    }
  }
  if (/budget_tokens/i.test(message)) {
    return {
      kind: 'invalid_request',
      hint: withHint(
        'max_tokens_above_budget',
        'max_tokens must be larger than thinking_budget (at least 1024).',
      ),
    }
  }
  if (/toolChoice|tool_choice/i.test(message)) {
    return {
      kind: 'invalid_request',
      hint: withHint('tool_choice_auto_only', "This model accepts only tool_choice 'auto'."),
    }
  }
  return { kind: 'invalid_request' }
}
