import type { LlmError } from './errors/llm-error'
import type { RawRequest, ResponseTap } from './internal/exchange-recorder'
import type { ExtraField } from './request-fields'
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatRequest,
  ConnectionFor,
  ParameterName,
  ParameterSupport,
  ProviderId,
  ProviderInfo,
} from './types'

/**
 * The light, synchronous half of a provider: what forms and `capabilities()` need. It must not
 * import the provider's SDK (SDKs load only when a provider is first used).
 */
export interface ProviderDescriptor<P extends ProviderId = ProviderId> {
  id: P
  info: ProviderInfo
  /**
   * Provider-wide parameter support for a model, before the catalog's per-model overrides
   * (e.g. Anthropic has no `seed`; OpenAI reasoning models take no `temperature`; `n` is
   * 'emulated' where the API lacks it and the generic layer then runs n requests).
   */
  parameterRules(model: string): Partial<Record<ParameterName, ParameterSupport>>
  /** Maps a model id to its catalog id when they differ (e.g. Bedrock's `us.` profile prefix). */
  catalogId?(model: string): string
  /**
   * The model whose rules, capabilities and prices apply to `model` on this connection, when the
   * connection says (an Azure deployment's base model); undefined: `model` itself.
   */
  baseModel?(model: string, connection: ConnectionFor<P>): string | undefined
  /**
   * What the provider does with the request fields beyond the form parameters (logprobs, user,
   * top_k …), given the model's parameter support; a field left out is refused as absent from the
   * provider's API (field-rules.ts).
   */
  fieldRules?(
    model: string,
    parameters: Readonly<Record<ParameterName, ParameterSupport>>,
  ): Partial<Record<ExtraField, ParameterSupport>>
}

/** What the generic call layer hands a provider for one attempt of one call. */
export interface CallContext {
  /**
   * Aborted when the caller aborts, the call's deadline passes or the stream goes idle. Pass it
   * to the SDK so the connection closes.
   */
  signal: AbortSignal
  /**
   * A fetch that never forwards credentials (Authorization, x-api-key, api-key, x-goog-api-key,
   * AWS signatures) to another origin on a redirect. Give it to SDKs that accept a `fetch`.
   */
  fetch: typeof fetch
  /** Call on any sign of life from the provider (e.g. a `ping` event) to reset the idle timer. */
  touch(): void
  /** The caller's logger (secrets redacted, silent by default): give it to SDKs that log. */
  log: SdkLogger
  /**
   * Records this attempt's exchange for an SDK that does not send through `fetch` (the AWS SDK:
   * see internal/aws-exchange-middleware.ts); absent when the call records none. Requests sent
   * through `fetch` are recorded without it.
   */
  exchange?: { begin(request: RawRequest): ResponseTap }
}

/** The logger the openai, Anthropic and AWS SDKs accept: four levels, a message and any values. */
export interface SdkLogger {
  error(message: string, ...values: unknown[]): void
  warn(message: string, ...values: unknown[]): void
  info(message: string, ...values: unknown[]): void
  debug(message: string, ...values: unknown[]): void
}

export interface ListedModel {
  id: string
  label?: string
  /**
   * True when the provider cannot list what this connection can use (e.g. Azure deployments with
   * a data-plane key) and the id is only a catalog suggestion.
   */
  suggestion?: boolean
}

/**
 * The heavy half of a provider, loaded on first use. The generic layer (packages/llm/src/call.ts) does
 * validation against capabilities, retries, timeouts, abort, `n` emulation and redaction; a
 * plugin maps the request to its SDK, the SDK's answer back to OpenAI shapes, and the SDK's
 * errors to LlmError.
 *
 * Contract:
 * - `complete`/`stream` serve one choice unless the descriptor says `n` is supported natively.
 * - SDK-level retries are off (maxRetries 0 / maxAttempts 1): the generic layer retries.
 * - `stream` yields OpenAI chunks; the first chunk has `delta.role = 'assistant'`; reasoning text
 *   goes to `delta.reasoning_content`; tool calls stream as `delta.tool_calls` deltas; the last
 *   chunk (or a trailing one with `choices: []`) carries `usage`. It throws when the provider's
 *   own end-of-stream marker never arrived — a connection closed early or an error event after
 *   the 200 must never look like a normal end.
 */
export interface ProviderPlugin<P extends ProviderId = ProviderId> {
  id: P
  complete(
    request: ChatRequest,
    connection: ConnectionFor<P>,
    ctx: CallContext,
  ): Promise<ChatCompletion>
  stream(
    request: ChatRequest,
    connection: ConnectionFor<P>,
    ctx: CallContext,
  ): AsyncIterable<ChatCompletionChunk>
  listModels(connection: ConnectionFor<P>, ctx: CallContext): Promise<ListedModel[]>
  /**
   * Maps whatever the SDK threw to an LlmError with the right kind, status, retryAfterMs,
   * requestId, the provider's own message and a hint where the cause is known. The generic layer
   * redacts secrets afterwards. Return undefined for errors it does not recognise (the generic
   * layer then classifies aborts, timeouts and network failures).
   */
  toError(error: unknown, connection: ConnectionFor<P>): LlmError | undefined
}
