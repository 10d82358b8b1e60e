import { withHint, type LlmHint } from '../../errors/hint-codes'
import { LlmError, type LlmErrorKind } from '../../errors/llm-error'
import { parseRetryAfter } from '../../internal/provider-kit/parse-retry-after'
import { statusToErrorKind } from '../../internal/provider-kit/status-to-error-kind'
import type { ProviderId } from '../../types'

/** What the fetch wrapper saw of the failed response (ApiError keeps only status and body). */
export interface ResponseInfo {
  status: number
  headers: Headers
}

interface GoogleErrorBody {
  code?: number
  message?: string
  status?: string
  details?: {
    '@type'?: string
    reason?: string
    retryDelay?: string
    violations?: { quotaMetric?: string; quotaId?: string }[]
    metadata?: Record<string, string>
  }[]
}

/**
 * @google/genai's ApiError → LlmError. Its message is the response body as JSON text
 * (`{"error":{code,message,status,details}}`), prefixed with "got status: …" for errors that
 * arrive inside a 200 stream, or wrapped once more when the body was not served as JSON.
 */
export function toGoogleError(
  provider: ProviderId,
  error: unknown,
  info?: ResponseInfo,
): LlmError | undefined {
  if (error instanceof LlmError) return error
  if (!(error instanceof Error)) return undefined
  if (error.name === 'ApiError') {
    const status = (error as { status?: number }).status ?? info?.status ?? 500
    return fromBody(provider, status, parseBody(error.message), info?.headers)
  }
  if (/Incomplete JSON segment at the end|exception parsing stream chunk/.test(error.message)) {
    return cutMidEventError(provider)
  }
  return undefined
}

/**
 * An error event inside a 200 stream (`{"error":{code,message,status}}`), mapped as @google/genai
 * raises it (an ApiError with the event's code as status, for a code of 400–599); undefined for
 * an event that is not one.
 */
export function streamErrorEventError(
  provider: ProviderId,
  event: { error?: unknown },
): LlmError | undefined {
  const error = event.error as { code?: unknown; status?: unknown } | null | undefined
  if (error === null || typeof error !== 'object') return undefined
  const code = error.code
  if (typeof code !== 'number' || code < 400 || code >= 600) return undefined
  return fromBody(provider, code, parseBody(JSON.stringify(event)))
}

/** The stream ended inside an event (what the SDK calls an incomplete JSON segment). */
export function cutMidEventError(provider: ProviderId): LlmError {
  return new LlmError({
    kind: 'network',
    provider,
    message: 'The Gemini stream was cut in the middle of an event.',
  })
}

export function parseBody(text: string): GoogleErrorBody {
  const start = text.indexOf('{')
  if (start === -1) return { message: text }
  try {
    const parsed = JSON.parse(text.slice(start)) as { error?: GoogleErrorBody }
    const body = parsed.error ?? {}
    // A non-JSON content type: the SDK wrapped the raw text as the message.
    if (typeof body.message === 'string' && body.message.trimStart().startsWith('{')) {
      const inner = parseBody(body.message)
      if (inner.status || inner.code) return inner
    }
    return body
  } catch {
    return { message: text }
  }
}

function fromBody(
  provider: ProviderId,
  status: number,
  body: GoogleErrorBody,
  headers?: Headers,
): LlmError {
  const message =
    body.message?.trim() || `Google answered HTTP ${status}${body.status ? ` ${body.status}` : ''}.`
  const reasons = (body.details ?? [])
    .map((d) => d.reason)
    .filter((r): r is string => typeof r === 'string')
  const { kind, hint } = classify(provider, status, body.status ?? '', message, reasons, body)
  const retryAfterMs = parseRetryAfter(headers) ?? retryDelayOf(body)
  const requestId = headers?.get('x-request-id') ?? headers?.get('x-goog-request-id') ?? undefined
  return new LlmError({
    kind,
    provider,
    status,
    message,
    code: reasons[0] ?? body.status,
    ...hint,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(requestId ? { requestId } : {}),
  })
}

function classify(
  provider: ProviderId,
  status: number,
  rpc: string,
  message: string,
  reasons: string[],
  body: GoogleErrorBody,
): { kind: LlmErrorKind; hint?: LlmHint } {
  const vertex = provider === 'vertex'
  const byStatus = statusToErrorKind(status)
  const apiHost = vertex ? 'aiplatform.googleapis.com' : 'generativelanguage.googleapis.com'
  const api = vertex ? `Vertex AI API (${apiHost})` : `Generative Language API (${apiHost})`
  const named = { provider: vertex ? 'Vertex AI' : 'Gemini API' }
  if (
    reasons.some((r) => /^API_KEY_(INVALID|EXPIRED)$/.test(r)) ||
    byStatus === 'auth' ||
    rpc === 'UNAUTHENTICATED'
  ) {
    return {
      kind: 'auth',
      hint: vertex
        ? withHint(
            'check_service_account',
            'The credentials were refused. Check the service account key (or the express-mode API key) and that the key has not been deleted.',
          )
        : withHint(
            'check_api_key',
            'The API key was refused. Copy it again from https://aistudio.google.com/apikey.',
            named,
          ),
    }
  }
  if (byStatus === 'permission' || rpc === 'PERMISSION_DENIED') {
    if (
      reasons.includes('SERVICE_DISABLED') ||
      /has not been used in project|is disabled|API has not been enabled/i.test(message)
    ) {
      return {
        kind: 'permission',
        hint: withHint(
          'enable_api',
          `Enable the ${api} in the Google Cloud project, wait a few minutes, and try again.`,
          { api: apiHost },
        ),
      }
    }
    return {
      kind: 'permission',
      hint: vertex
        ? withHint(
            'grant_vertex_role',
            `The service account lacks access: grant it the Vertex AI User role (roles/aiplatform.user) in the project, and enable the ${api}.`,
            { api: apiHost },
          )
        : withHint(
            'key_lacks_permission',
            `This key may not use this model or project. Check the key's API restrictions and enable the ${api}.`,
            { ...named, api: apiHost },
          ),
    }
  }
  if (byStatus === 'rate_limit' || byStatus === 'quota' || rpc === 'RESOURCE_EXHAUSTED') {
    return byStatus === 'quota' || isQuota(message, body)
      ? {
          kind: 'quota',
          hint: withHint(
            'quota_exhausted',
            'A daily quota or the billing/spend limit is exhausted; waiting a minute will not help. Check the quota and billing of the project.',
            named,
          ),
        }
      : {
          kind: 'rate_limit',
          hint: withHint(
            'rate_limited',
            'Too many requests or tokens per minute for this model; the call is retried after the delay Google asks for.',
          ),
        }
  }
  if (
    /input token count.*exceeds|exceeds the maximum number of tokens|too many tokens|context (length|window)/i.test(
      message,
    )
  ) {
    return {
      kind: 'context_length',
      hint: withHint(
        'shorten_conversation',
        'The conversation is longer than the model’s context window. Shorten it or start a new one.',
      ),
    }
  }
  if (byStatus === 'not_found' || rpc === 'NOT_FOUND') {
    return {
      kind: 'not_found',
      hint: vertex
        ? withHint(
            'check_model_location',
            'Check the model id and that it is offered in this location (many Gemini models are only on "global" or us-central1).',
          )
        : withHint(
            'check_model_id',
            'Check the model id; listModels shows the models this key can use.',
          ),
    }
  }
  if (rpc === 'FAILED_PRECONDITION' && /location is not supported|billing/i.test(message)) {
    return {
      kind: 'permission',
      hint: withHint(
        'enable_billing',
        'The Gemini API free tier is not offered in this region: enable billing on the project, or use Vertex AI.',
      ),
    }
  }
  // Google's gateway answers 504 for DEADLINE_EXCEEDED and 499 for CANCELLED.
  if (byStatus === 'timeout' || status === 504 || rpc === 'DEADLINE_EXCEEDED')
    return { kind: 'timeout' }
  if (status === 499 || rpc === 'CANCELLED') return { kind: 'aborted' }
  if (byStatus === 'overloaded' || rpc === 'UNAVAILABLE')
    return {
      kind: 'overloaded',
      hint: withHint(
        'try_again_later',
        'The model is overloaded right now; try again shortly.',
        named,
      ),
    }
  if (byStatus === 'server') return { kind: 'server' }
  if (/thought_signature|thought signature/i.test(message)) {
    return {
      kind: 'invalid_request',
      hint: withHint(
        'keep_thought_signatures',
        'Gemini needs the thought signature of earlier tool calls; keep the tool call ids this library returned.',
      ),
    }
  }
  if (/penalty is not enabled/i.test(message)) {
    return {
      kind: 'invalid_request',
      hint: withHint(
        'parameter_not_accepted',
        'This model does not accept presence_penalty or frequency_penalty; leave them out.',
        { parameter: 'presence_penalty, frequency_penalty' },
      ),
    }
  }
  return { kind: 'invalid_request' }
}

/** An exhausted daily quota, a zero free-tier limit or depleted billing — not a per-minute rate. */
function isQuota(message: string, body: GoogleErrorBody): boolean {
  const ids = (body.details ?? [])
    .flatMap((d) => d.violations ?? [])
    .map((v) => `${v.quotaId ?? ''} ${v.quotaMetric ?? ''}`)
    .join(' ')
  if (/PerDay|per_day|daily/i.test(ids)) return true
  return /per day|limit: 0\b|prepayment credits|credits are depleted|spending cap|spend limit|billing account|exceeded your monthly/i.test(
    message,
  )
}

/** google.rpc.RetryInfo.retryDelay, e.g. "48s" or "34.4s". */
function retryDelayOf(body: GoogleErrorBody): number | undefined {
  for (const detail of body.details ?? []) {
    const match = /^(\d+(?:\.\d+)?)s$/.exec(detail.retryDelay ?? '')
    if (match) return Math.round(Number(match[1]) * 1000)
  }
  return undefined
}
