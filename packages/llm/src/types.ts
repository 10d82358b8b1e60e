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

export interface ChatCompletionMessage {
  role: 'assistant'
  content: string | null
  refusal?: string | null
  reasoning_content?: string | null
  tool_calls?: ToolCall[]
}

export interface ChatCompletionChoice {
  index: number
  message: ChatCompletionMessage
  finish_reason: FinishReason | null
  /** The tokens' log probabilities, when asked for with `logprobs` (OpenAI-style providers). */
  logprobs?: ChoiceLogprobs | null
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
  }
  finish_reason: FinishReason | null
  /** This chunk's tokens' log probabilities, when asked for with `logprobs`. */
  logprobs?: ChoiceLogprobs | null
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
