import { baseModelOf, capabilities } from './capabilities'
import { LlmError, withExchange } from './errors/llm-error'
import { secretsOf } from './errors/redact-secrets'
import { ExchangeRecorder } from './internal/exchange-recorder'
import { classifyUnknownError, invalidRequest, sanitizeError } from './errors/normalize-error'
import { DEFAULT_COMPLETE_TIMEOUT_MS, CallScope } from './internal/call-scope'
import { mergeCompletions, mergeStreams } from './internal/emulate-n'
import { GuardedStream } from './internal/guarded-stream'
import { PROVIDER_IDS } from './provider-ids'
import type { ProviderPlugin } from './provider-plugin'
import { entryOf, isProviderId, loadPlugin } from './registry'
import type {
  CallOptions,
  CallWarning,
  ChatCompletion,
  FieldTrace,
  ChatCompletionChunk,
  ChatRequest,
  Connection,
  ModelCapabilities,
  ModelInfo,
  ProviderId,
} from './types'
import { checkShape, validateValues } from './validate-request'
import { applyFieldPolicy } from './field-policy'
import { extraFieldRules } from './field-rules'
import { withTrailingWarnings } from './internal/trailing-warnings'

/** One answer, with retries, a deadline (default 10 min), abort and redacted errors. */
export async function complete(
  request: ChatRequest,
  connection: Connection,
  options: CallOptions = {},
): Promise<ChatCompletion> {
  const provider = checkConnection(connection)
  const prepared = prepare(provider, connection, request, options, 'complete')
  const completion = await completePrepared(provider, prepared, connection, options)
  return prepared.warnings.length ? { ...completion, warnings: prepared.warnings } : completion
}

async function completePrepared(
  provider: ProviderId,
  prepared: Prepared,
  connection: Connection,
  options: CallOptions,
): Promise<ChatCompletion> {
  if (prepared.emulateN > 1) {
    const merged = mergeCompletions(
      await fanOut(prepared.emulateN, options, (signal) =>
        complete({ ...prepared.request, n: undefined }, connection, { ...options, signal }),
      ),
    )
    // The first request's exchange, with the whole call's field trace (n emulated).
    return merged.response
      ? { ...merged, response: { ...merged.response, fields: prepared.trace } }
      : merged
  }
  const recorder = recorderFor(connection, prepared, options)
  return guard(
    provider,
    connection,
    async () => {
      const plugin = await loadPlugin(provider)
      const scope = new CallScope(
        provider,
        plugin,
        connection,
        options,
        options.timeoutMs ?? DEFAULT_COMPLETE_TIMEOUT_MS,
        recorder,
      )
      try {
        const completion = await scope.retry((ctx) =>
          plugin.complete(prepared.request, connection as never, ctx),
        )
        return { ...completion, response: recorder.exchange() }
      } finally {
        scope.dispose()
      }
    },
    recorder,
  )
}

/** The recorder of one request's exchange (what was sent and what came back). */
function recorderFor(
  connection: Connection,
  prepared: Prepared,
  options: CallOptions,
): ExchangeRecorder {
  return new ExchangeRecorder(secretsOf(connection), prepared.trace, options)
}

/**
 * A stream of chunks. Retries happen only before the first chunk; once content has arrived a
 * failure is raised after it. A stream that goes silent for idleTimeoutMs (default 60 s) fails
 * with kind `timeout`.
 */
export function stream(
  request: ChatRequest,
  connection: Connection,
  options: CallOptions = {},
): AsyncIterable<ChatCompletionChunk> {
  return { [Symbol.asyncIterator]: () => streamChunks(request, connection, options) }
}

function streamChunks(
  request: ChatRequest,
  connection: Connection,
  options: CallOptions,
): AsyncIterator<ChatCompletionChunk> {
  let provider: ProviderId
  let prepared: Prepared
  try {
    provider = checkConnection(connection)
    prepared = prepare(provider, connection, request, options, 'stream')
  } catch (error) {
    return failedIterator(error)
  }
  if (prepared.emulateN <= 1) {
    return new GuardedStream(
      provider,
      () => loadPlugin(provider) as Promise<ProviderPlugin>,
      prepared.request,
      connection,
      options,
      { warnings: prepared.warnings, recorder: recorderFor(connection, prepared, options) },
    )
  }
  const chunks = emulatedStream(prepared.request, prepared.emulateN, connection, options)
  if (prepared.warnings.length === 0) return chunks
  return withTrailingWarnings({ [Symbol.asyncIterator]: () => chunks }, prepared.warnings)
}

/** n single-choice streams run at once and merged; the first failure stops the others. */
async function* emulatedStream(
  request: ChatRequest,
  n: number,
  connection: Connection,
  options: CallOptions,
): AsyncGenerator<ChatCompletionChunk> {
  const controller = linkedController(options.signal)
  const single = { ...request, n: undefined }
  try {
    yield* mergeStreams(
      Array.from({ length: n }, () =>
        stream(single, connection, { ...options, signal: controller.signal }),
      ),
    )
  } finally {
    controller.abort()
  }
}

function failedIterator(error: unknown): AsyncIterator<ChatCompletionChunk> {
  return {
    next: () => Promise.reject(error),
  }
}

/** The models a connection can use: the provider's own list, merged with the catalog. */
export async function listModels(
  connection: Connection,
  options: CallOptions = {},
): Promise<ModelInfo[]> {
  const provider = checkConnection(connection)
  return guard(provider, connection, async () => {
    const plugin = await loadPlugin(provider)
    const scope = new CallScope(provider, plugin, connection, options, options.timeoutMs ?? 60_000)
    try {
      const listed = await scope.retry((ctx) => plugin.listModels(connection as never, ctx))
      const seen = new Set<string>()
      return listed
        .filter((model) => !seen.has(model.id) && seen.add(model.id))
        .map((model) => {
          const caps = capabilities(provider, model.id, {
            baseModel: baseModelOf(connection, model.id),
          })
          return {
            id: model.id,
            provider,
            label: caps.known ? caps.label : (model.label ?? model.id),
            listed: !model.suggestion,
            capabilities: caps,
          }
        })
    } finally {
      scope.dispose()
    }
  })
}

interface Prepared {
  request: ChatRequest
  emulateN: number
  warnings: CallWarning[]
  /** What the field policy did with each request field. */
  trace: FieldTrace[]
}

/** Shape, field policy and values checked before any network call; the request to send. */
function prepare(
  provider: ProviderId,
  connection: Connection,
  request: ChatRequest,
  options: CallOptions,
  call: 'complete' | 'stream',
): Prepared {
  const shape = checkShape(provider, request)
  if (shape) throw shape
  const policy = options.unsupported ?? 'error'
  if (policy !== 'error' && policy !== 'drop') {
    throw invalidRequest(
      provider,
      `"unsupported" must be 'error' or 'drop', not ${JSON.stringify(policy)}.`,
    )
  }
  const baseModel = baseModelOf(connection, request.model)
  const caps = capabilities(provider, request.model, { baseModel })
  const fields = extraFieldRules(provider, baseModel ?? request.model, caps.parameters)
  const allowed = applyFieldPolicy(request, { provider, caps, fields, policy, call })
  const problem = validateValues(provider, allowed.request, caps, fields)
  if (problem) throw problem
  const {
    stream: _stream,
    stream_options: _options,
    ...rest
  } = sentAsRulesSay(allowed.request, caps)
  const n = rest.n ?? 1
  return {
    request: rest,
    emulateN: caps.parameters.n.support === 'emulated' && n > 1 ? n : 1,
    warnings: allowed.warnings,
    trace: allowed.trace,
  }
}

/**
 * max_tokens where the model takes max_completion_tokens (a reasoning model, also behind an Azure
 * deployment whose name says nothing): the rules say so, the request goes as they say.
 */
function sentAsRulesSay(request: ChatRequest, caps: ModelCapabilities): ChatRequest {
  const rule = caps.parameters.max_tokens
  const field = rule.support === 'unsupported' ? undefined : rule.noteDetails?.field
  if (field !== 'max_completion_tokens' || typeof request.max_tokens !== 'number') return request
  if (typeof request.max_completion_tokens === 'number') return request
  const { max_tokens: limit, ...rest } = request
  return { ...rest, max_completion_tokens: limit }
}

/** Validates the connection's shape and required fields before anything else happens. */
function checkConnection(connection: Connection): ProviderId {
  const provider = (connection as { provider?: unknown } | null | undefined)?.provider
  if (!isProviderId(provider)) {
    throw invalidRequest(
      'openai-compatible',
      `Unknown provider ${JSON.stringify(provider ?? null)} in the connection; expected one of ${PROVIDER_IDS.join(', ')}.`,
    )
  }
  const { info } = entryOf(provider).descriptor
  const record = connection as unknown as Record<string, unknown>
  for (const field of info.fields) {
    const value = record[field.name]
    if (field.required && (typeof value !== 'string' || value.trim() === '')) {
      throw invalidRequest(
        provider,
        `The ${info.label} connection needs "${field.name}" (${field.label}).`,
      )
    }
  }
  return provider
}

async function guard<T>(
  provider: ProviderId,
  connection: Connection,
  run: () => Promise<T>,
  recorder?: ExchangeRecorder,
): Promise<T> {
  try {
    return await run()
  } catch (error) {
    const sanitized = sanitizeError(
      error instanceof LlmError ? error : classifyUnknownError(error, provider),
      connection,
    )
    throw recorder?.reachedNetwork ? withExchange(sanitized, recorder.exchange()) : sanitized
  }
}

/** Runs n copies at once; the first failure aborts the others. */
async function fanOut<T>(
  n: number,
  options: CallOptions,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T[]> {
  const controller = linkedController(options.signal)
  try {
    return await Promise.all(
      Array.from({ length: n }, () =>
        run(controller.signal).catch((error: unknown) => {
          controller.abort()
          throw error
        }),
      ),
    )
  } finally {
    controller.abort()
  }
}

function linkedController(parent: AbortSignal | undefined): AbortController {
  const controller = new AbortController()
  if (parent?.aborted) controller.abort()
  else parent?.addEventListener('abort', () => controller.abort(), { once: true })
  return controller
}
