/**
 * The one request and answer shape of the provider library: OpenAI Chat Completions, with
 * snake_case field names as on the wire.
 */

import type { z } from 'zod'
import type { LlmErrorKind } from './errors/llm-error'
import type { ParameterSupportSchema } from './catalog/catalog-schema'
import type { PARAMETER_NAMES } from './parameter-names'
import type { PROVIDER_IDS } from './provider-ids'
import type { UnsupportedCode } from './unsupported-codes'

export type ProviderId = (typeof PROVIDER_IDS)[number]

// ---------------------------------------------------------------------------------------------
// Connections: which provider, its credentials and optional endpoint overrides. Passed per call,
// never stored by the library.

export interface OpenAIConnection {
  provider: 'openai'
  apiKey: string
  baseURL?: string
  organization?: string
  project?: string
}

export interface AnthropicConnection {
  provider: 'anthropic'
  apiKey: string
  baseURL?: string
}

export interface AzureConnection {
  provider: 'azure'
  /** e.g. https://my-resource.openai.azure.com */
  endpoint: string
  apiKey: string
  apiVersion?: string
  /**
   * Which model each deployment serves, so that capabilities, prices and parameter rules follow
   * the model rather than a guess from the deployment's name: `{ 'my-deployment': 'gpt-5.2' }`,
   * or the same as text, one `deployment = model` per line (the connection form's field).
   */
  baseModels?: string | Record<string, string>
}

export interface BedrockConnection {
  provider: 'bedrock'
  region: string
  accessKeyId?: string
  secretAccessKey?: string
  sessionToken?: string
  /** A Bedrock API key, sent as a bearer token (instead of an access key pair). */
  apiKey?: string
  /** Overrides the regional endpoint (VPC endpoints, proxies, tests). */
  endpoint?: string
}

export interface GeminiConnection {
  provider: 'gemini'
  apiKey: string
  baseURL?: string
}

export interface VertexConnection {
  provider: 'vertex'
  project: string
  location: string
  /** A service account key file's JSON text; its `token_uri` is honoured. */
  serviceAccountJson?: string
  /** An express-mode API key (instead of a service account). */
  apiKey?: string
  baseURL?: string
}

export interface OpenAICompatibleConnection {
  provider: 'openai-compatible'
  baseURL: string
  apiKey?: string
  headers?: Record<string, string>
}

export type Connection =
  | OpenAIConnection
  | AnthropicConnection
  | AzureConnection
  | BedrockConnection
  | GeminiConnection
  | VertexConnection
  | OpenAICompatibleConnection

export type ConnectionFor<P extends ProviderId> = Extract<Connection, { provider: P }>

export interface CallOptions {
  signal?: AbortSignal
  /** Whole-call deadline. Default: none for streams (see idleTimeoutMs), 10 min for complete(). */
  timeoutMs?: number
  /** A stream that sends no bytes for this long fails with kind `timeout`. Default 60 s. */
  idleTimeoutMs?: number
  /** Retries of 408/429/5xx/529 and network errors before any content. Default 2. */
  maxRetries?: number
  /**
   * Called before each wait between two attempts, with the wait's length, its cause and `skip()`
   * to send the retry at once (e.g. a "Retry now" button). Aborting `signal` ends the wait too.
   */
  onRetryWait?: (wait: RetryWait) => void
  /** Called as each attempt is about to be sent: 0 for the first, 1 for the first retry … */
  onAttempt?: (attempt: number) => void
  /**
   * What happens to a request field the provider or model would not take as asked: 'error' (the
   * default) refuses the call before any network request with an LlmError of kind
   * `unsupported_parameter`; 'drop' leaves the field out and names it in the result's `warnings`.
   */
  unsupported?: UnsupportedPolicy
  /**
   * Where the provider SDKs' own warnings and errors go (a deprecated model, an unusual option),
   * with the connection's secrets redacted. Default: nowhere; nothing is printed to the console.
   */
  logger?: LlmLogger
  /**
   * Called once per request as soon as the headers of its final attempt arrive (a success, or the
   * error the call ends with), with the exchange so far; before the first chunk of a stream. An
   * observer: what it throws is ignored.
   */
  onResponse?: (exchange: Exchange) => void
  /** Keep the raw stream events, with their arrival times, in the exchange's `events`. */
  recordEvents?: boolean
}

export type UnsupportedPolicy = 'error' | 'drop'

/** Receives the SDKs' warnings and errors, one line of text each. */
export interface LlmLogger {
  warn(message: string): void
  error?(message: string): void
}

/** A field left out of the request under `unsupported: 'drop'`, and why. */
export interface CallWarning {
  code: UnsupportedCode
  parameter: string
  reason: string
}

/** What `CallOptions.onRetryWait` is told before the library sleeps between two attempts. */
export interface RetryWait {
  /** The retry about to be sent: 1 for the first retry, 2 for the second … */
  attempt: number
  delayMs: number
  /** The error kind that caused the wait (`rate_limit`, `overloaded`, `server`, `network` …). */
  reason: LlmErrorKind
  /** Ends the wait now: the retry is sent at once. Calling it after the wait has ended does nothing. */
  skip(): void
}

// ---------------------------------------------------------------------------------------------
// The exchange: what was sent and what came back, on every call (`response` on a completion, on
// the last chunk of a stream and on an LlmError). Every secret is masked as `[redacted]`.

/** A request exactly as sent, secrets masked. */
export interface SentRequest {
  method: string
  /** The URL, a key in its query masked. */
  url: string
  /** Lower-case names; credentials (Authorization, x-api-key, api-key, SigV4 …) masked. */
  headers: Record<string, string>
  /** The body as sent (JSON text as it went); absent for a body that was not text. */
  body?: string
}

/** One HTTP request of the call: the first attempt, a retry … */
export interface ExchangeAttempt {
  /** 0 for the first attempt, 1 for the first retry … */
  attempt: number
  request: SentRequest
  /** When it was sent, ms since the epoch. */
  sentAt: number
  /** How long the library waited before sending it (0 for the first attempt). */
  retryWaitMs: number
  /** The status and headers that came back, when any did. */
  response?: { status: number; headers: Record<string, string> }
  /** Why the attempt failed, when it did (an HTTP error or one before any answer). */
  error?: LlmErrorKind
}

/** One rate-limit window as the provider reports it. */
export interface RateLimitWindow {
  limit?: number
  remaining?: number
  /** When the window resets, ms since the epoch. */
  resetAt?: number
}

/** The provider's rate-limit headers, normalised (absent windows were not reported). */
export interface RateLimits {
  requests?: RateLimitWindow
  tokens?: RateLimitWindow
  inputTokens?: RateLimitWindow
  outputTokens?: RateLimitWindow
}

/** The final attempt's answer. */
export interface ExchangeResponse {
  status: number
  /** Lower-case names; `set-cookie` and credentials masked. */
  headers: Record<string, string>
  /** The provider's request id (x-request-id, apim-request-id, request-id, x-amzn-requestid). */
  requestId?: string
  rateLimits?: RateLimits
}

/**
 * When things happened. `sentAt` is ms since the epoch (the final attempt's send); the others are
 * ms after it. First and last token are the first and last bytes of the answer's body.
 */
export interface ExchangeTimings {
  sentAt: number
  headersMs?: number
  firstTokenMs?: number
  lastTokenMs?: number
  /** How many attempts were sent. */
  attempts: number
  /** The waits between them, summed. */
  retryWaitMs: number
}

/** What the library did with one request field. */
export interface FieldTrace {
  field: string
  /**
   * `sent` (as `wireName` when the provider calls it otherwise), `emulated` (the library does
   * it, as `note` says, e.g. n as parallel requests) or `dropped` (under `unsupported: 'drop'`,
   * with the reason `code`).
   */
  action: 'sent' | 'emulated' | 'dropped'
  wireName?: string
  note?: string
  code?: UnsupportedCode
}

/** One raw stream event: its text (an SSE event) and when it arrived, ms after the send. */
export interface RawStreamEvent {
  atMs: number
  /** The SSE event's text; for a Bedrock event-stream frame, its event type. */
  data: string
  /** A Bedrock frame's JSON payload text. */
  payload?: string
}

export interface Exchange {
  /** Every request the call sent, in order (a retry is a new entry). */
  attempts: ExchangeAttempt[]
  /** The final attempt's status and headers; absent when it got no answer (a network error). */
  response?: ExchangeResponse
  timings: ExchangeTimings
  fields: FieldTrace[]
  /** With `recordEvents: true`: the final attempt's stream events. */
  events?: RawStreamEvent[]
}

// ---------------------------------------------------------------------------------------------
// Request

export interface TextContentPart {
  type: 'text'
  text: string
}

export interface ImageContentPart {
  type: 'image_url'
  /** A data: URL (base64) or an https URL. */
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' }
}

export type ContentPart = TextContentPart | ImageContentPart

export interface SystemMessage {
  role: 'system' | 'developer'
  content: string | TextContentPart[]
  name?: string
}

export interface UserMessage {
  role: 'user'
  content: string | ContentPart[]
  name?: string
}

export interface ToolCall {
  id: string
  type: 'function'
  function: { name: string; arguments: string }
}

export interface AssistantMessage {
  role: 'assistant'
  content?: string | TextContentPart[] | null
  name?: string
  tool_calls?: ToolCall[]
  /** Reasoning text of an earlier turn, where a provider wants it back (non-standard). */
  reasoning_content?: string | null
  /** The signed reasoning of this turn as the answer gave it, sent back as each API requires. */
  reasoning_details?: ReasoningDetail[] | null
}

/**
 * Where a reasoning item came from; it is sent back only to a provider that speaks the same
 * format (Anthropic signatures never go to Google, nor Bedrock's to Anthropic).
 */
export type ReasoningFormat =
  'anthropic-claude-v1' | 'bedrock-converse-v1' | 'google-gemini-v1' | (string & {})

/**
 * One item of opaque, provider-issued reasoning state (OpenRouter's `reasoning_details` shape):
 * a thinking block with its signature, redacted (encrypted) thinking, or a Gemini thought
 * signature tied to the tool call (`id`) or text part it came with. Keep the items as they are.
 */
export type ReasoningDetail =
  | {
      type: 'reasoning.text'
      text: string
      signature?: string | null
      format: ReasoningFormat
      index: number
      id?: string | null
    }
  | {
      type: 'reasoning.encrypted'
      data: string
      format: ReasoningFormat
      index: number
      id?: string | null
    }

export interface ToolMessage {
  role: 'tool'
  tool_call_id: string
  content: string | TextContentPart[]
}

export type ChatMessage = SystemMessage | UserMessage | AssistantMessage | ToolMessage

export interface FunctionTool {
  type: 'function'
  function: {
    name: string
    description?: string
    /** JSON Schema of the arguments. */
    parameters?: Record<string, unknown>
    strict?: boolean
  }
}

export type ToolChoice =
  'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } }

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema'
      json_schema: {
        name: string
        description?: string
        schema?: Record<string, unknown>
        strict?: boolean
      }
    }

export type ReasoningEffort = 'minimal' | 'low' | 'medium' | 'high'

export interface ChatRequest {
  /** The provider's own model id (an Azure deployment name; a Bedrock model or inference-profile id). */
  model: string
  messages: ChatMessage[]
  temperature?: number | null
  top_p?: number | null
  max_tokens?: number | null
  max_completion_tokens?: number | null
  n?: number | null
  stop?: string | string[] | null
  seed?: number | null
  presence_penalty?: number | null
  frequency_penalty?: number | null
  tools?: FunctionTool[]
  tool_choice?: ToolChoice
  parallel_tool_calls?: boolean
  response_format?: ResponseFormat
  reasoning_effort?: ReasoningEffort | null
  /** A thinking budget in tokens, for models that take one (Anthropic, Gemini, Bedrock Claude). */
  thinking_budget?: number | null
  stream?: boolean | null
  stream_options?: { include_usage?: boolean } | null
  user?: string
  // The rest of Chat Completions: each provider maps, emulates or refuses these by name
  // (request-fields.ts); the `openai-compatible` provider passes every one of them through.
  logprobs?: boolean | null
  top_logprobs?: number | null
  logit_bias?: Record<string, number> | null
  metadata?: Record<string, string> | null
  service_tier?: 'auto' | 'default' | 'flex' | 'scale' | 'priority' | 'fast' | null
  store?: boolean | null
  prediction?: { type: 'content'; content: string | TextContentPart[] } | null
  modalities?: ('text' | 'audio')[] | null
  audio?: { format: string; voice: string | { id: string } } | null
  verbosity?: 'low' | 'medium' | 'high' | null
  web_search_options?: Record<string, unknown>
  prompt_cache_key?: string
  prompt_cache_retention?: 'in_memory' | '24h' | null
  prompt_cache_options?: Record<string, unknown>
  safety_identifier?: string | null
  moderation?: Record<string, unknown> | null
  /** Deprecated by OpenAI in favour of `tool_choice`. */
  function_call?: 'none' | 'auto' | { name: string }
  /** Deprecated by OpenAI in favour of `tools`. */
  functions?: { name: string; description?: string; parameters?: Record<string, unknown> }[]
  // The library's own extensions.
  /** Sample from the k most likely tokens (Anthropic, Bedrock Claude, Gemini, compatible servers). */
  top_k?: number | null
  /**
   * Fields sent as they are in the body, for an OpenAI-compatible server's own options (vLLM
   * `guided_json`, Ollama `options`, OpenRouter `provider` …). Only `openai-compatible` takes it.
   */
  extra_body?: Record<string, unknown>
}

// ---------------------------------------------------------------------------------------------
// Answer

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter'

export interface Usage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  prompt_tokens_details?: { cached_tokens?: number; cache_write_tokens?: number }
  completion_tokens_details?: { reasoning_tokens?: number }
}

/**
 * A citation of the answer's text (OpenAI's `message.annotations`). OpenAI's `url_citation` as it
 * is; Anthropic and Gemini citations and grounding mapped into it where they name a URL, or as a
 * `citation` (a document, a page, a search result without a URL). `start_index`/`end_index` are
 * character offsets into the message's `content` when the provider gives them. The provider's own
 * citation record is kept as it came in `provider_data`.
 */
export type Annotation =
  | {
      type: 'url_citation'
      url_citation: { url: string; title: string; start_index: number; end_index: number }
      provider_data?: Record<string, unknown>
    }
  | {
      type: 'citation'
      citation: {
        cited_text?: string
        title?: string
        start_index?: number
        end_index?: number
      }
      provider_data?: Record<string, unknown>
    }

/** One safety rating of an answer or of the prompt (Gemini `safetyRatings`). */
export interface SafetyRating {
  category: string
  probability?: string
  probability_score?: number
  severity?: string
  severity_score?: number
  blocked?: boolean
}

/**
 * What the provider's safety filters said about the answer (a library extension: OpenAI has no
 * such field). Gemini: the candidate's `safetyRatings` and the response's `promptFeedback`;
 * Bedrock: the guardrail `trace`, as it came.
 */
export interface SafetyFacts {
  ratings?: SafetyRating[]
  prompt_feedback?: { block_reason?: string; ratings?: SafetyRating[] }
  provider_data?: Record<string, unknown>
}

export interface ChatCompletionMessage {
  role: 'assistant'
  content: string | null
  /** The model's refusal text (OpenAI `message.refusal`). */
  refusal?: string | null
  reasoning_content?: string | null
  tool_calls?: ToolCall[]
  /** Citations, grounding and URL citations of the answer (see `Annotation`). */
  annotations?: Annotation[]
  /** Signed/encrypted reasoning to send back with this message on the next turn. */
  reasoning_details?: ReasoningDetail[]
}

export interface ChatCompletionChoice {
  index: number
  message: ChatCompletionMessage
  finish_reason: FinishReason | null
  /**
   * The provider's own finish reason, as it sent it (`end_turn`, `refusal`, `MALFORMED_FUNCTION_CALL`,
   * `guardrail_intervened` …), beside the normalised `finish_reason`.
   */
  provider_finish_reason?: string | null
  /** The tokens' log probabilities, when asked for with `logprobs` (OpenAI-style providers, Gemini). */
  logprobs?: ChoiceLogprobs | null
  /** What the provider's safety filters said (Gemini, Bedrock guardrails); absent when nothing. */
  safety?: SafetyFacts
}

export interface TokenLogprob {
  token: string
  logprob: number
  bytes: number[] | null
  top_logprobs?: { token: string; logprob: number; bytes: number[] | null }[]
}

export interface ChoiceLogprobs {
  content: TokenLogprob[] | null
  refusal?: TokenLogprob[] | null
}

export interface ChatCompletion {
  id: string
  object: 'chat.completion'
  created: number
  model: string
  choices: ChatCompletionChoice[]
  usage?: Usage
  system_fingerprint?: string | null
  /** Fields left out under `unsupported: 'drop'` (absent when none were). */
  warnings?: CallWarning[]
  /** What was sent and what came back (see `Exchange`). */
  response?: Exchange
}

export interface ToolCallDelta {
  index: number
  id?: string
  type?: 'function'
  function?: { name?: string; arguments?: string }
}

export interface ChatCompletionChunkChoice {
  index: number
  delta: {
    role?: 'assistant'
    content?: string | null
    reasoning_content?: string | null
    refusal?: string | null
    tool_calls?: ToolCallDelta[]
    /** The choice's whole `reasoning_details`, once, on the chunk that carries its finish_reason. */
    reasoning_details?: ReasoningDetail[]
    /** Citations as they arrive (see `Annotation`). */
    annotations?: Annotation[]
  }
  finish_reason: FinishReason | null
  /** On the chunk that carries `finish_reason`: the provider's own finish reason, as it sent it. */
  provider_finish_reason?: string | null
  /** This chunk's tokens' log probabilities, when asked for with `logprobs`. */
  logprobs?: ChoiceLogprobs | null
  /** What the provider's safety filters said, on the chunk where it arrived. */
  safety?: SafetyFacts
}

export interface ChatCompletionChunk {
  id: string
  object: 'chat.completion.chunk'
  created: number
  model: string
  choices: ChatCompletionChunkChoice[]
  /** Set on the last chunk only. */
  usage?: Usage | null
  system_fingerprint?: string | null
  /** On the last chunk only: fields left out under `unsupported: 'drop'` (absent when none were). */
  warnings?: CallWarning[]
  /** On the last chunk only: what was sent and what came back (see `Exchange`). */
  response?: Exchange
}

// ---------------------------------------------------------------------------------------------
// Models and capabilities

export interface ModelInfo {
  id: string
  provider: ProviderId
  label: string
  /** Whether the provider's own list API returned it (false: a catalog suggestion only). */
  listed: boolean
  capabilities: ModelCapabilities
}

export type ParameterName = (typeof PARAMETER_NAMES)[number]

/**
 * How a model takes one parameter: `supported` (within min/max), `emulated` (the library does it,
 * as the note says) or `unsupported` (sending it is an error naming the reason). Defined once, by
 * the schema the catalog files are checked with.
 */
export type ParameterSupport = z.infer<typeof ParameterSupportSchema>

export interface ModelPrice {
  /** USD per million input tokens. */
  inputPerMTok: number
  /** USD per million output tokens. */
  outputPerMTok: number
  cachedInputPerMTok?: number
  /** The date (YYYY-MM-DD) the price was checked against the provider's price list. */
  checkedAt: string
}

export interface ModelCapabilities {
  provider: ProviderId
  model: string
  /** False when the model is not in the catalog and these are conservative defaults. */
  known: boolean
  label: string
  /**
   * The same model's one name on every cloud (its id on its maker's API: `claude-sonnet-4-5` for
   * Claude Sonnet 4.5 on Anthropic, Bedrock and Vertex); absent for a model not in the catalog.
   */
  canonicalModel?: string
  contextWindow: number
  maxOutputTokens: number
  modalities: {
    input: ('text' | 'image' | 'audio' | 'video' | 'pdf')[]
    output: ('text' | 'image' | 'audio')[]
  }
  tools: boolean
  reasoning: boolean
  price?: ModelPrice
  parameters: Record<ParameterName, ParameterSupport>
}

// ---------------------------------------------------------------------------------------------
// Providers

export interface CredentialField {
  name: string
  label: string
  secret?: boolean
  required?: boolean
  /** Where to get it / what it is, in one or two sentences. */
  help: string
  /** Renders as a multi-line input (e.g. a service-account JSON key). */
  multiline?: boolean
  placeholder?: string
}

export interface ProviderInfo {
  id: ProviderId
  label: string
  fields: CredentialField[]
  docsUrl: string
  /** Where to create a key. */
  keysUrl?: string
}
